"""Exports of a call's ideas, re-read: XLSX (real date and number cells, text never a formula), CSV for Polish Excel
(BOM, ';', decimal comma, CRLF), the printable PDF (text via pdftotext, PDF/UA); the public variant (published
ideas only, names only with consent, no contacts) against the internal ones (contacts for moderators only); the
export's query count does not grow with the ideas."""

import datetime as dt
import io
import subprocess
from decimal import Decimal

import pikepdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from strategia.accounts.enums import ProcessRole as PR
from strategia.proposals import exports
from strategia.proposals.enums import Channel, HideReason, Status
from strategia.proposals.services import proposal_hide, proposal_merge, proposal_publish, proposals_route
from tests.factories import user_with_process_role
from tests.proposals.test_staff_views import RECEIVED, idea, office, url


@pytest.fixture
def ideas(call, theme, locality):
    """A published idea with a place, a consented name and contacts, answered; one pending with a formula-like
    title; one hidden; one merged."""
    answered = idea(call, title="Ścieżka rowerowa nad Jeziorką", description="Ścieżka wzdłuż rzeki.",
                    locality=locality, address="ul. Leśna 5", latitude=Decimal("52.084123"),
                    longitude=Decimal("21.117456"), author_name="Anna Nowak", consent_publish_name=True,
                    contact_email="anna@example.org", contact_phone="600100200", channel=Channel.POST)
    proposal_publish(actor=None, proposal=answered)
    proposals_route(actor=None, call=call, proposals=[answered], to_status=Status.FORWARDED,
                    justification="Przekazano zespołowi.", forward_target="thematic_team",
                    forwarded_to="Zespół ds. środowiska")
    pending = idea(call, title="=HYPERLINK(\"http://zly.example\")", description="-2+3",
                   author_name="Jan Kowalski", contact_email="jan@example.org")
    hidden = idea(call, title="Ukryty pomysł")
    proposal_hide(actor=None, proposal=hidden, reason=HideReason.ADVERTISING, explanation="Reklama sklepu.")
    merged = idea(call, title="Duplikat ścieżki")
    proposal_merge(actor=None, duplicate=merged, kept=answered)
    return {"answered": answered, "pending": pending, "hidden": hidden, "merged": merged}


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def _column(sheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


# --- XLSX -----------------------------------------------------------------------------------------------------

def test_xlsx_has_real_date_and_number_cells(call, ideas):
    content = exports.export_content(call=call, variant=exports.INTERNAL)
    sheet = _sheet(exports.render_xlsx(content))
    received = sheet.cell(row=2, column=_column(sheet, "Data wpływu"))
    latitude = sheet.cell(row=2, column=_column(sheet, "Szerokość geogr."))
    supports = sheet.cell(row=2, column=_column(sheet, "Poparcia"))
    changed = sheet.cell(row=2, column=_column(sheet, "Data ostatniej zmiany statusu"))
    assert received.value == dt.datetime(2026, 3, 2, 10, 15) and received.is_date
    assert received.number_format == "DD.MM.YYYY HH:MM"
    assert changed.is_date and isinstance(changed.value, dt.datetime)
    assert latitude.data_type == "n" and latitude.value == pytest.approx(52.084123)
    assert supports.data_type == "n" and supports.value == 0


def test_xlsx_keeps_formula_like_text_as_text(call, ideas):
    sheet = _sheet(exports.render_xlsx(exports.export_content(call=call, variant=exports.INTERNAL)))
    titles = {sheet.cell(row=r, column=_column(sheet, "Tytuł")).value: sheet.cell(row=r, column=_column(sheet, "Tytuł"))
              for r in range(2, sheet.max_row + 1)}
    cell = titles['=HYPERLINK("http://zly.example")']
    assert cell.data_type == "s"
    description = sheet.cell(row=cell.row, column=_column(sheet, "Opis"))
    assert description.value == "-2+3" and description.data_type == "s"


def test_xlsx_has_status_theme_place_moderation_and_answer(call, ideas):
    sheet = _sheet(exports.render_xlsx(exports.export_content(call=call, variant=exports.INTERNAL)))
    row = {sheet.cell(row=1, column=c).value: sheet.cell(row=2, column=c).value for c in range(1, sheet.max_column + 1)}
    assert row["Nr"] == ideas["answered"].number
    assert row["Status"] == "przekazany" and row["Uzasadnienie (publiczne)"] == "Przekazano zespołowi."
    assert row["Przekazano do"] == "zespół tematyczny: Zespół ds. środowiska"
    assert row["Miejscowość / sołectwo"] == "Słomczyn" and row["Adres lub miejsce"] == "ul. Leśna 5"
    assert row["Moderacja"] == "opublikowany" and row["Temat"] == ideas["answered"].theme.name
    merged_row = [sheet.cell(row=r, column=_column(sheet, "Połączony z pomysłem nr")).value
                  for r in range(2, sheet.max_row + 1)]
    assert ideas["answered"].number in merged_row


# --- CSV ------------------------------------------------------------------------------------------------------

def test_csv_is_for_polish_excel(call, ideas):
    data = exports.render_csv(exports.export_content(call=call, variant=exports.INTERNAL))
    text = data.decode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert text.splitlines()[0].startswith("\ufeffNr;Tytuł;Opis;")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert ";52,084123;21,117456;" in text
    assert ";02.03.2026 10:15;" in text


def test_csv_neutralises_formula_like_text(call, ideas):
    text = exports.render_csv(exports.export_content(call=call, variant=exports.INTERNAL)).decode("utf-8")
    assert "'=HYPERLINK" in text and ";'-2+3;" in text


# --- PDF ------------------------------------------------------------------------------------------------------

def _pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return result.stdout.decode()


def test_the_pdf_list_has_the_ideas_and_is_tagged_polish(call, ideas):
    data = exports.render_pdf(exports.export_content(call=call, variant=exports.PUBLIC))
    text = _pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert "Ścieżka rowerowa nad Jeziorką" in text and "przekazany" in text
    assert "Ukryty pomysł" not in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "pl" and bool(pdf.Root.MarkInfo.Marked)
        assert "pdfuaid" in str(pdf.open_metadata())
        assert str(pdf.docinfo.Title).endswith("zestawienie pomysłów")


# --- variants -------------------------------------------------------------------------------------------------

def test_the_public_variant_has_only_published_ideas_names_with_consent_and_no_contacts(call, ideas):
    content = exports.export_content(call=call, variant=exports.PUBLIC)
    text = exports.render_csv(content).decode("utf-8")
    assert [row["number"] for row in content.rows] == [ideas["answered"].number]
    assert "Anna Nowak" in text
    for absent in ("anna@example.org", "600100200", "Jan Kowalski", "Reklama sklepu", "Moderacja"):
        assert absent not in text


def test_the_internal_variant_has_every_idea_but_no_contacts_or_names_without_consent(call, ideas):
    content = exports.export_content(call=call, variant=exports.INTERNAL)
    text = exports.render_csv(content).decode("utf-8")
    assert len(content.rows) == 4
    assert "Reklama sklepu." in text and "reklama lub spam" in text
    for absent in ("anna@example.org", "jan@example.org", "600100200", "Jan Kowalski"):
        assert absent not in text


def test_the_contacts_variant_has_names_and_contacts(call, ideas):
    text = exports.render_csv(exports.export_content(call=call, variant=exports.CONTACTS)).decode("utf-8")
    assert "anna@example.org" in text and "600100200" in text and "Jan Kowalski" in text


# --- downloads ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["export_xlsx", "export_csv", "export_pdf"])
def test_the_download_is_an_attachment_of_its_format(client, call, ideas, name):
    client.force_login(office(call))
    response = client.get(url(name, call))
    extension = name.split("_")[1]
    assert response.status_code == 200
    assert response["Content-Type"].startswith(exports.FORMATS[extension][1].split(";")[0])
    assert response["Content-Disposition"].startswith("attachment;") and f".{extension}\"" in response[
        "Content-Disposition"]


def test_moderators_download_the_contacts(client, call, ideas):
    client.force_login(office(call))
    assert b"anna@example.org" in client.get(url("export_csv", call)).content


def test_a_councillor_downloads_no_contacts(client, call, ideas):
    client.force_login(user_with_process_role(call.process, PR.COUNCILLOR))
    content = client.get(url("export_csv", call)).content.decode("utf-8")
    assert "anna@example.org" not in content and "Ukryty pomysł" in content


def test_the_public_variant_is_downloaded_with_its_parameter(client, call, ideas):
    client.force_login(office(call))
    response = client.get(url("export_csv", call), {"wariant": "publiczny"})
    text = response.content.decode("utf-8")
    assert "anna@example.org" not in text and "Ukryty pomysł" not in text and "-publiczne-" in response[
        "Content-Disposition"]


def _export_queries(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        exports.export_content(call=call, variant=exports.CONTACTS)
    return len(queries)


def test_the_export_takes_the_same_number_of_queries_for_1_and_30_ideas(call, theme, locality):
    first = idea(call, locality=locality)
    one = _export_queries(call)
    for number in range(29):
        other = idea(call, title=f"Pomysł {number}", locality=locality, received_at=RECEIVED)
        proposals_route(actor=None, call=call, proposals=[other], to_status=Status.UNDER_REVIEW, justification="W")
        if number % 7 == 0:
            proposal_merge(actor=None, duplicate=other, kept=first)
    assert _export_queries(call) == one == 2
