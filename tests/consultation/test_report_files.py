"""The report's files, made through the task path (report_request → render_report → report_run, immediate in the
test profile) and re-read: DOCX with python-docx, PDF with pdftotext/pikepdf, XLSX with openpyxl."""

import io
import re

import docx
import openpyxl
import pikepdf
import pytest
from docx.oxml.ns import qn

from strategia.consultation.models import ReportFile
from strategia.documents.enums import ExportStatus
from tests.consultation.test_report_support import (
    CONSENTED_NAME,
    FORMULA,
    HIDDEN_CONTENT,
    ORGANISATION,
    PRIVATE_EMAIL,
    PRIVATE_NAME,
    SCRIPT,
    docx_text,
    generate,
    pdf_text,
    xlsx_text,
)

pytestmark = pytest.mark.django_db


FORMATS = ["docx", "pdf", "xlsx"]
TEXT = {"docx": docx_text, "pdf": pdf_text, "xlsx": xlsx_text}
STANCES = ["uwzględniona", "częściowo uwzględniona", "nieuwzględniona", "wyjaśnienie", "pozostawiona bez rozpatrzenia"]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def remarks_sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))["Uwagi"]


def stats_sheet(data: bytes) -> dict[str, int]:
    """The "Statystyki" sheet as {label: count}, per statistics table ("title / label")."""
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Statystyki"]
    values, title = {}, ""
    for a, b in sheet.iter_rows(min_col=1, max_col=2, values_only=True):
        if a is not None and b is None:
            title = a
        elif isinstance(b, int):
            values[f"{title} / {a}"] = b
    return values


def docx_table_of_remarks(data: bytes):
    return docx.Document(io.BytesIO(data)).tables[-1]


# --- every file, through the task ----------------------------------------------------------------------------

def test_the_task_stores_all_six_files_with_the_number_of_remarks(answered):
    for variant in ("public", "internal"):
        for format in FORMATS:
            generate(answered, variant, format)

    files = ReportFile.objects.filter(consultation=answered, status=ExportStatus.DONE)
    assert files.count() == 6
    assert {f.remark_count for f in files} == {6}
    assert all(f.file.name.startswith("consultation/reports/") for f in files)


@pytest.mark.parametrize("format", FORMATS)
def test_every_remark_and_every_stance_is_in_the_file(answered, format):
    text = squash(TEXT[format](generate(answered, "public", format)))

    for content in ("Brakujecelu", "Doprecyzowaćwskaźnik", "Uwagapoterminie", "Uzupełnićwariantalternatywny"):
        assert content in text
    for number in range(1, 7):
        assert squash(f"Uzasadnienie stanowiska {number}.") in text
    for stance in STANCES:
        assert squash(stance) in text


def test_the_xlsx_has_one_row_per_remark_under_a_header_row(answered):
    sheet = remarks_sheet(generate(answered, "public", "xlsx"))

    assert [c.value for c in sheet[1]][:3] == ["Lp.", "Zgłaszający", "Data i forma wpływu"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [1, 2, 3, 4, 5, 6]


def test_xlsx_totals_equal_the_rows_of_the_table_and_the_docx_and_pdf_figures(answered):
    xlsx = generate(answered, "public", "xlsx")
    counts = stats_sheet(xlsx)
    rows = remarks_sheet(xlsx).max_row - 1
    docx_rows = len(docx_table_of_remarks(generate(answered, "public", "docx")).rows) - 1
    pdf = pdf_text(generate(answered, "public", "pdf"))

    total = next(count for key, count in counts.items() if key.endswith(" / Liczba uwag"))
    assert total == rows == docx_rows == 6
    for title in ("Uwagi według formy wpływu", "Uwagi według kategorii zgłaszającego",
                  "Uwagi według sposobu rozpatrzenia", "Uwagi według terminu wniesienia"):
        assert counts[f"{title} / Razem"] == rows
    assert counts["Uwagi według sposobu rozpatrzenia / uwzględniona"] == 2
    assert re.search(r"Liczba uwag\s+6", pdf) and re.search(r"Zestawienie uwag \(6\)", pdf)
    assert "Liczba uwag\n6" in docx_text(generate(answered, "public", "docx"))


# --- privacy ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("format", FORMATS)
def test_the_public_file_never_names_a_private_person_who_did_not_consent(answered, format):
    text = squash(TEXT[format](generate(answered, "public", format)))

    assert "Kowalski" not in text and PRIVATE_EMAIL not in text and "Prezes" not in text
    assert squash("osoba fizyczna") in text and squash(ORGANISATION) in text and squash(CONSENTED_NAME) in text
    assert squash(HIDDEN_CONTENT) not in text and squash("treść niepublikowana") in text


@pytest.mark.parametrize("format", FORMATS)
def test_the_internal_file_has_names_contacts_and_is_marked(answered, format):
    text = squash(TEXT[format](generate(answered, "internal", format)))

    assert squash(PRIVATE_NAME) in text and PRIVATE_EMAIL in text and squash(HIDDEN_CONTENT) in text
    assert squash("WERSJA WEWNĘTRZNA – zawiera dane osobowe") in text


# --- escaping -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_markup_and_formulas_survive_as_text(answered, format):
    text = squash(TEXT[format](generate(answered, "public", format)))

    assert squash(SCRIPT) in text and FORMULA in text


def test_in_the_xlsx_user_text_starting_with_equals_stays_text(answered):
    sheet = remarks_sheet(generate(answered, "public", "xlsx"))
    cell = sheet.cell(row=2, column=6)

    assert cell.value == FORMULA and cell.data_type == "s"
    assert sheet.cell(row=2, column=5).value == f"Proszę usunąć {SCRIPT}"


# --- structure ----------------------------------------------------------------------------------------------

def test_the_docx_has_headings_and_a_table_whose_header_row_repeats_on_a_landscape_page(answered):
    document = docx.Document(io.BytesIO(generate(answered, "public", "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    table = document.tables[-1]

    assert headings[0].startswith("Sprawozdanie z przebiegu i wyników konsultacji")
    assert "Zestawienie uwag wraz ze stanowiskiem i uzasadnieniem" in headings
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert document.sections[-1].page_width > document.sections[-1].page_height
    assert document.core_properties.language == "pl-PL"


@pytest.mark.parametrize("variant", ["public", "internal"])
def test_the_pdf_is_tagged_pdf_ua_in_polish_with_its_title(answered, variant):
    with pikepdf.open(io.BytesIO(generate(answered, variant, "pdf"))) as pdf:
        assert str(pdf.Root.Lang) == "pl"
        assert bool(pdf.Root.MarkInfo.Marked) and "/StructTreeRoot" in pdf.Root
        assert "pdfuaid" in str(pdf.open_metadata())
        assert str(pdf.docinfo.Title).startswith("Sprawozdanie z przebiegu")
        sizes = [tuple(float(v) for v in page.MediaBox[2:]) for page in pdf.pages]
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]  # portrait, then the table in landscape


def test_the_pdf_table_has_header_cells_with_scope(answered):
    from strategia.consultation.report import pdf_html, report_content

    html = pdf_html(report_content(consultation=answered, variant="public"))

    assert '<th scope="col">Lp.</th>' in html and '<th scope="row">1</th>' in html
    assert "&lt;script&gt;" in html and "<script>" not in html


@pytest.mark.parametrize("format", FORMATS)
def test_a_report_with_no_remarks_is_still_produced(announced, format):
    text = TEXT[format](generate(announced, "public", format))

    assert "Nie wniesiono uwag." in text
