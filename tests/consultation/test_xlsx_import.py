"""Import of the collective remark spreadsheet: template, row-level errors, all or nothing, no formulas."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.consultation import import_services
from strategia.consultation.enums import Channel, SubmitterKind
from strategia.consultation.import_services import remarks_import_xlsx
from strategia.consultation.models import Submission
from strategia.consultation.services import consultation_announce
from strategia.consultation.xlsx_import import COLUMNS, parse_remark_sheet
from strategia.core.models import AuditEntry
from tests.consultation.test_staff_intake import url
from tests.factories import user_with_municipality_role

WARSAW = ZoneInfo("Europe/Warsaw")
HEADERS = [title for _key, title in COLUMNS]
GOOD = [
    [1, "Jan Kowalski", "osoba fizyczna", "mieszkaniec", dt.datetime(2026, 6, 10), "e-mail", "projekt strategii",
     "2.1", "Stary", "Nowy", "Bo tak", "Proszę dodać ścieżkę rowerową."],
    [2, "Stowarzyszenie Zielony Testów", "organizacja", "organizacja pozarządowa", "15.06.2026", "poczta", "",
     "3", "", "", "", "Więcej zieleni."],
    [3, "", "anonimowo", "", "07.07.2026", "ePUAP", "", "", "", "", "", "Spóźniona uwaga."],
]


@pytest.fixture
def consultation(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    return consultation_announce(actor=None, consultation=consultation,
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


def xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("uwagi.xlsx", buffer.getvalue())


def with_cell(row, column_title, value):
    row = list(row)
    row[HEADERS.index(column_title)] = value
    return row


# --- parsing and the service ----------------------------------------------------------------------------------

def test_each_row_becomes_a_submission_through_the_audited_service(consultation, coordinator):
    result = remarks_import_xlsx(actor=coordinator, consultation=consultation, upload=xlsx(GOOD))
    assert result.count == 3
    assert AuditEntry.objects.filter(action="submission.create").count() == 3
    assert AuditEntry.objects.filter(action="submission.import_xlsx").count() == 1
    first, organisation, anonymous = Submission.objects.order_by("received_at")
    assert first.submitter_name == "Jan Kowalski" and first.channel == Channel.EMAIL
    assert first.remarks.get().proposed_wording == "Nowy"
    assert organisation.organisation_name == "Stowarzyszenie Zielony Testów" and organisation.channel == Channel.POST
    assert anonymous.submitter_kind == SubmitterKind.ANONYMOUS and anonymous.channel == Channel.EPUAP


def test_a_real_date_cell_and_a_text_date_are_both_read_in_warsaw(consultation, coordinator):
    remarks_import_xlsx(actor=coordinator, consultation=consultation, upload=xlsx(GOOD[:2]))
    days = [s.received_at.astimezone(WARSAW).date() for s in Submission.objects.order_by("received_at")]
    assert days == [dt.date(2026, 6, 10), dt.date(2026, 6, 15)]


def test_a_row_received_after_the_last_day_is_marked_late(consultation, coordinator):
    result = remarks_import_xlsx(actor=coordinator, consultation=consultation, upload=xlsx(GOOD))
    assert result.late_count == 1
    assert Submission.objects.get(is_late=True).remarks.get().content == "Spóźniona uwaga."


@pytest.mark.parametrize(("column", "value", "words"), [
    ("Sposób złożenia", "gołąb pocztowy", "gołąb pocztowy"),
    ("Data wpływu", "31.02.2026", "31.02.2026"),
    ("Treść uwagi", "", None),
    ("Rodzaj (osoba fizyczna / organizacja / anonimowo)", "firma", "firma"),
])
def test_a_bad_cell_is_reported_with_its_row_and_column(column, value, words):
    parsed = parse_remark_sheet(xlsx([GOOD[0], with_cell(GOOD[1], column, value)]))
    assert [(e.row, e.column) for e in parsed.errors] == [(3, column)]
    if words:
        assert words in parsed.errors[0].message


def test_an_organisation_without_a_name_is_reported():
    row = with_cell(GOOD[1], "Zgłaszający (imię i nazwisko lub nazwa)", "")
    parsed = parse_remark_sheet(xlsx([row]))
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Zgłaszający (imię i nazwisko lub nazwa)")]


def test_a_missing_column_is_reported_in_the_header_row():
    parsed = parse_remark_sheet(xlsx([GOOD[0][:-1]], headers=HEADERS[:-1]))
    assert [(e.row, e.column) for e in parsed.errors] == [(1, "Treść uwagi")]


def test_one_bad_row_imports_nothing(consultation, coordinator):
    rows = [*GOOD, with_cell(GOOD[0], "Sposób złożenia", "telepatia")]
    with pytest.raises(ValidationError) as error:
        remarks_import_xlsx(actor=coordinator, consultation=consultation, upload=xlsx(rows))
    assert "5" in error.value.messages[0]
    assert not Submission.objects.exists()


def test_a_failure_half_way_rolls_back_the_rows_already_stored(consultation, coordinator, monkeypatch):
    real = import_services.submission_create
    calls = []

    def failing_on_the_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ValidationError("boom")
        return real(**kwargs)

    monkeypatch.setattr(import_services, "submission_create", failing_on_the_third)
    with pytest.raises(ValidationError):
        remarks_import_xlsx(actor=coordinator, consultation=consultation, upload=xlsx(GOOD))
    assert not Submission.objects.exists()


def test_a_formula_is_refused_never_evaluated(consultation, coordinator):
    row = with_cell(GOOD[0], "Treść uwagi", '=HYPERLINK("http://zly.example","kliknij")')
    parsed = parse_remark_sheet(xlsx([row]))
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Treść uwagi")]


def test_a_text_cell_starting_with_equals_is_refused_too():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(GOOD[0])
    cell = sheet.cell(row=2, column=HEADERS.index("Zgłaszający (imię i nazwisko lub nazwa)") + 1)
    cell.value, cell.data_type = "=1+1", "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse_remark_sheet(SimpleUploadedFile("u.xlsx", buffer.getvalue()))
    assert [e.column for e in parsed.errors] == ["Zgłaszający (imię i nazwisko lub nazwa)"]


# --- the pages ------------------------------------------------------------------------------------------------

@pytest.fixture
def staff_client(client, consultation):
    client.force_login(user_with_municipality_role(consultation.process.municipality, MR.STAFF))
    return client


def test_the_template_downloads_with_the_headers_and_reimports_cleanly(staff_client, consultation):
    response = staff_client.get(url("import_template", consultation))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    for row in GOOD:
        sheet.append(row)
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    assert parse_remark_sheet(SimpleUploadedFile("u.xlsx", buffer.getvalue())).is_valid


def test_the_preview_lists_row_errors_and_imports_nothing(staff_client, consultation):
    rows = [GOOD[0], with_cell(GOOD[1], "Data wpływu", "wczoraj")]
    response = staff_client.post(url("import", consultation), {"file": xlsx(rows)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>3</td><td>Data wpływu</td>" in html
    assert response.context["token"] is None
    assert not Submission.objects.exists()


def test_the_preview_then_confirmation_imports_every_row(staff_client, consultation):
    response = staff_client.post(url("import", consultation), {"file": xlsx(GOOD)})
    assert not Submission.objects.exists()
    token = response.context["token"]
    response = staff_client.post(url("import_confirm", consultation), {"token": token})
    assert response.status_code == 302
    assert Submission.objects.count() == 3


def test_a_forged_confirmation_token_imports_nothing(staff_client, consultation):
    response = staff_client.post(url("import_confirm", consultation), {"token": "consultation/imports/x.xlsx"})
    assert response.status_code == 302
    assert not Submission.objects.exists()


def test_a_file_that_is_not_xlsx_is_refused_by_its_content(staff_client, consultation):
    fake = SimpleUploadedFile("uwagi.xlsx", b"Lp.;Zglaszajacy\n1;Jan\n")
    response = staff_client.post(url("import", consultation), {"file": fake})
    assert "file" in response.context["form"].errors
