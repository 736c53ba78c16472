"""The remark form for paper (legal_pl.md §5.1): every field, the optional contact marked as optional, the
document choice only when a forecast is consulted, the consent to publish the name, the RODO information from the
municipality, where and until when to send it; DOCX and a tagged PDF/UA in Polish; user text kept as text."""

import io
import re
import subprocess

import docx
import pikepdf
import pytest

from strategia.consultation.paper_form import paper_form_docx, paper_form_pdf

pytestmark = pytest.mark.django_db


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


RENDER = {
    "docx": lambda consultation: docx_text(paper_form_docx(consultation=consultation)),
    "pdf": lambda consultation: pdf_text(paper_form_pdf(consultation=consultation)),
}
FORMS = list(RENDER)


def contains(form, consultation, *needles) -> bool:
    text = squash(RENDER[form](consultation))
    return all(squash(needle) in text for needle in needles)


@pytest.fixture
def municipality(municipality):
    municipality.email = "strategia@testowo.example"
    municipality.dpo_name = "Anna Ochrona"
    municipality.save()
    return municipality


@pytest.fixture
def consultation(make_consultation, municipality):
    return make_consultation()


@pytest.mark.parametrize("form", FORMS)
def test_the_form_has_every_field_of_a_remark(form, consultation):
    assert contains(form, consultation,
                    "Imię i nazwisko albo nazwa organizacji lub instytucji",
                    "Kategoria zgłaszającego",
                    "Dokument, którego dotyczy uwaga",
                    "nr punktu, np. 3.2.1",
                    "Dotychczasowy zapis", "Proponowany zapis", "Uzasadnienie")


@pytest.mark.parametrize("form", FORMS)
def test_the_contact_is_marked_as_optional(form, consultation):
    assert contains(form, consultation, "Kontakt – e-mail lub telefon (nieobowiązkowe)")


@pytest.mark.parametrize("form", FORMS)
def test_the_forecast_can_be_chosen_only_when_it_is_consulted(form, make_consultation):
    assert not contains(form, make_consultation(), "prognoza oddziaływania")
    assert contains(form, make_consultation(forecast_title="Prognoza OOŚ"),
                    "☐ projekt strategii", "☐ prognoza oddziaływania na środowisko")


@pytest.mark.parametrize("form", FORMS)
def test_the_form_asks_for_consent_to_publish_the_name(form, consultation):
    assert contains(form, consultation, "☐ Wyrażam zgodę na opublikowanie mojego imienia i nazwiska")


@pytest.mark.parametrize("form", FORMS)
def test_the_rodo_information_names_the_controller_and_the_dpo(form, consultation, municipality):
    assert contains(form, consultation, f"Administratorem danych osobowych jest {municipality.controller_name}",
                    "Anna Ochrona", municipality.dpo_email, "Prezesa Urzędu Ochrony Danych Osobowych")


@pytest.mark.parametrize("form", FORMS)
def test_the_form_says_where_and_until_when_to_send_it(form, consultation, municipality):
    assert contains(form, consultation, "do dnia 6 lipca 2026 r. (włącznie)", municipality.office_name,
                    municipality.full_address, municipality.email)


def test_the_pdf_is_tagged_in_polish_with_a_title(consultation):
    pdf = pikepdf.open(io.BytesIO(paper_form_pdf(consultation=consultation)))
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked)
    assert str(pdf.Root.Lang) == "pl"
    assert str(pdf.docinfo.Title) == "Formularz zgłaszania uwag"


def test_the_docx_has_real_headings(consultation):
    document = docx.Document(io.BytesIO(paper_form_docx(consultation=consultation)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Formularz zgłaszania uwag")
    assert ("Heading 2", "Informacja o przetwarzaniu danych osobowych") in headings


@pytest.mark.parametrize("form", FORMS)
def test_municipality_text_is_printed_as_text_not_markup(form, consultation, municipality):
    municipality.office_name = "Urząd <b>Gminy</b> Zażółć & Gęślą"
    municipality.save()
    assert contains(form, consultation, "Urząd <b>Gminy</b> Zażółć & Gęślą")


def test_the_docx_is_in_polish(consultation):
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(paper_form_docx(consultation=consultation)))
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang"))
    assert lang.get(qn("w:val")) == "pl-PL"
