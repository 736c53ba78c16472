"""Where a remark lands, whatever its channel (issue #4 points 1, 5–7, 10): a remark on the environmental forecast
from every form and the spreadsheet; a remark on a chapter as a whole from the reading view; a point named only by
its number in a letter or a spreadsheet lands on the same paragraph as a remark sent from the reading view; and,
while the consultation runs, the remarks published after screening are shown on the portal (answers come with the
report)."""

import datetime as dt
import io
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.consultation.enums import Channel, ConsultedDocument, Screening, SubmitterKind
from strategia.consultation.import_services import remarks_import_xlsx
from strategia.consultation.models import Remark
from strategia.consultation.report import report_content
from strategia.consultation.review_services import remark_hide, remark_publish
from strategia.consultation.services import consultation_announce, point_reference, submission_create
from strategia.consultation.xlsx_import import COLUMNS, parse_remark_sheet
from tests.factories import user_with_municipality_role

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
ANNOUNCED_AT = dt.datetime(2026, 6, 1, 10, 0, tzinfo=WARSAW)
DURING = dt.datetime(2026, 6, 10, 12, 0, tzinfo=WARSAW)


@pytest.fixture
def clock():
    with time_machine.travel(DURING, tick=False) as traveller:
        yield traveller


def _announce(make_consultation, **kwargs):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6), **kwargs)
    return consultation_announce(actor=None, consultation=consultation, now=ANNOUNCED_AT)


@pytest.fixture
def consultation(make_consultation, clock):
    """Without the forecast."""
    return _announce(make_consultation)


@pytest.fixture
def with_forecast(make_consultation, clock):
    return _announce(make_consultation, forecast_title="Prognoza oddziaływania na środowisko")


def chapter_of(consultation):
    return consultation.document_version.blocks.get(is_heading=True)


def paragraph_of(consultation):
    return consultation.document_version.blocks.get(is_heading=False)


def letter(consultation, *remarks):
    submission = submission_create(actor=None, consultation=consultation, channel=Channel.POST,
                                   submitter_kind=SubmitterKind.PERSON, submitter_name="Jan Kowalski",
                                   received_at=DURING, remarks=list(remarks))
    return list(submission.remarks.order_by("position"))


def english(client):
    client.cookies["django_language"] = "en"
    return client


# --- a point named by its number lands on the paragraph ---------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1.1", "1.1"), ("pkt 1.1", "1.1"), ("Pkt. 1.1.", "1.1"), ("punkt 3.2.1", "3.2.1"), ("rozdz. 3", "3"),
    ("Rozdział 2", "2"), ("  podrozdział 3.2 ", "3.2"),
    ("pkt 1.1 i 1.2", ""), ("str. 12", ""), ("Cele", ""), ("", ""),
])
def test_a_fragment_that_names_only_a_point_or_chapter_is_read_as_its_number(text, number):
    assert point_reference(text) == number


def test_a_point_typed_from_a_letter_lands_on_the_paragraph_as_if_sent_from_the_reading_view(consultation):
    paragraph, chapter = paragraph_of(consultation), chapter_of(consultation)
    by_number, by_fragment, on_chapter = letter(
        consultation, {"display_number": "1.1", "content": "Uwaga do punktu."},
        {"fragment": "pkt 1.1", "content": "Uwaga z pisma."},
        {"fragment": "rozdz. 1", "content": "Uwaga do rozdziału."})
    assert (by_number.block_uid, by_number.display_number) == (paragraph.uid, "1.1")
    assert (by_fragment.block_uid, by_fragment.display_number) == (paragraph.uid, "1.1")
    assert by_fragment.fragment == "pkt 1.1"  # what the submitter wrote is kept as written
    assert (on_chapter.block_uid, on_chapter.display_number) == (chapter.uid, "1")


def test_a_number_not_in_the_consulted_version_or_a_fragment_in_words_stays_as_written(consultation):
    unknown, words = letter(consultation, {"display_number": "7.4", "content": "Nie ma takiego punktu."},
                            {"fragment": "pkt 1.1 oraz tabela na str. 12", "content": "Opisowo."})
    assert (unknown.block_uid, unknown.display_number) == (None, "7.4")
    assert (words.block_uid, words.display_number, words.fragment) == (None, "", "pkt 1.1 oraz tabela na str. 12")


# --- remarks on the forecast ------------------------------------------------------------------------------------

@translation.override("en")
def test_a_remark_on_the_forecast_is_refused_when_the_forecast_is_not_consulted(consultation):
    with pytest.raises(ValidationError) as error:
        letter(consultation, {"document": ConsultedDocument.FORECAST, "content": "Prognoza pomija hałas."})
    assert "does not include an environmental impact forecast" in str(error.value)
    assert not Remark.objects.exists()


def test_a_remark_on_the_forecast_never_lands_on_a_paragraph_of_the_strategy(with_forecast):
    (remark,) = letter(with_forecast, {"document": ConsultedDocument.FORECAST, "fragment": "rozdz. 1",
                                       "display_number": "1.1", "content": "Rozdział 1 prognozy."})
    assert remark.document == ConsultedDocument.FORECAST
    assert (remark.block_uid, remark.display_number, remark.fragment) == (None, "", "rozdz. 1")


def _form_url(consultation):
    return reverse("consultation:remark_form", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


def _post(remark, **submitter):
    data = {"submitter_kind": "person", "category": "resident", "submitter_name": "", "contact_email": "",
            "contact_phone": "", "website": "", "uwagi-TOTAL_FORMS": "1", "uwagi-INITIAL_FORMS": "0",
            "uwagi-MIN_NUM_FORMS": "1", "uwagi-MAX_NUM_FORMS": "50", **submitter}
    data.update({f"uwagi-0-{key}": value for key, value in remark.items()})
    return data


def test_the_platform_form_asks_which_document_only_when_the_forecast_is_consulted(client, consultation,
                                                                                  with_forecast):
    assert 'name="uwagi-0-document"' not in english(client).get(_form_url(consultation)).content.decode()
    page = english(client).get(_form_url(with_forecast)).content.decode()
    assert page.count('name="uwagi-0-document"') == 2
    assert "The remark concerns" in page and "environmental impact forecast" in page


def test_a_resident_sends_a_remark_on_the_forecast_from_the_platform_form(client, with_forecast):
    paragraph = paragraph_of(with_forecast)
    # opened from a paragraph, then switched to the forecast: the paragraph is not kept as its target
    response = client.post(_form_url(with_forecast), _post({
        "document": ConsultedDocument.FORECAST, "block_uid": str(paragraph.uid), "fragment": "str. 12",
        "content": "Prognoza nie ocenia wariantu bez inwestycji."}))
    assert response.status_code == 302
    remark = Remark.objects.get()
    assert (remark.document, remark.block_uid, remark.fragment) == (ConsultedDocument.FORECAST, None, "str. 12")


def test_staff_register_a_letter_with_a_remark_on_the_forecast(client, with_forecast):
    client.force_login(user_with_municipality_role(with_forecast.process.municipality, MR.STAFF))
    url = reverse("backoffice:consultation_staff:intake", kwargs={
        "municipality_slug": with_forecast.process.municipality.slug, "process_slug": with_forecast.process.slug,
        "consultation_id": with_forecast.pk})
    assert 'name="remarks-0-document"' in client.get(url).content.decode()
    response = client.post(url, {
        "channel": Channel.POST, "received_at": "2026-06-10T09:30", "postmark_on": "",
        "submitter_kind": SubmitterKind.PERSON, "submitter_name": "Anna Nowak", "organisation_name": "",
        "category": "resident", "contact_email": "", "contact_phone": "",
        "remarks-TOTAL_FORMS": "2", "remarks-INITIAL_FORMS": "0", "remarks-MIN_NUM_FORMS": "1",
        "remarks-MAX_NUM_FORMS": "200",
        "remarks-0-document": ConsultedDocument.FORECAST, "remarks-0-fragment": "rozdz. 5, s. 40",
        "remarks-0-content": "Brak wariantu alternatywnego.",
        "remarks-1-document": ConsultedDocument.STRATEGY, "remarks-1-display_number": "pkt 1.1",
        "remarks-1-content": "Doprecyzować cel.",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    on_forecast, on_strategy = Remark.objects.order_by("position")
    assert (on_forecast.document, on_forecast.fragment) == (ConsultedDocument.FORECAST, "rozdz. 5, s. 40")
    assert (on_strategy.document, on_strategy.block_uid) == (ConsultedDocument.STRATEGY,
                                                             paragraph_of(with_forecast).uid)


def test_the_intake_form_does_not_ask_which_document_without_the_forecast(client, consultation):
    client.force_login(user_with_municipality_role(consultation.process.municipality, MR.STAFF))
    url = reverse("backoffice:consultation_staff:intake", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})
    assert 'name="remarks-0-document"' not in client.get(url).content.decode()


def _sheet(rows, columns=COLUMNS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title for _key, title in columns])
    for row in rows:
        sheet.append([row.get(key, "") for key, _title in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("uwagi.xlsx", buffer.getvalue())


ROW = {"number": 1, "submitter": "Jan Kowalski", "kind": "osoba fizyczna", "category": "mieszkaniec",
       "received": "10.06.2026", "channel": "e-mail", "content": "Uwaga z arkusza."}


def test_the_spreadsheet_carries_remarks_on_the_forecast_and_points_by_number(with_forecast):
    remarks_import_xlsx(actor=None, consultation=with_forecast, upload=_sheet([
        {**ROW, "document": "prognoza", "fragment": "s. 12"},
        {**ROW, "number": 2, "document": "projekt strategii", "fragment": "1.1"},
    ]))
    on_forecast, on_paragraph = Remark.objects.order_by("number")
    assert on_forecast.document == ConsultedDocument.FORECAST
    assert (on_paragraph.document, on_paragraph.block_uid) == (ConsultedDocument.STRATEGY,
                                                               paragraph_of(with_forecast).uid)


def test_a_spreadsheet_row_on_the_forecast_is_a_row_error_when_the_forecast_is_not_consulted():
    parsed = parse_remark_sheet(_sheet([{**ROW, "document": "prognoza"}, {**ROW, "document": "ulotka"}]),
                                has_forecast=False)
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "Dokument (projekt strategii / prognoza)"),
                                                          (3, "Dokument (projekt strategii / prognoza)")]
    assert "ulotka" in parsed.errors[1].message


def test_a_spreadsheet_made_from_the_older_template_without_the_document_column_still_imports(consultation):
    columns = [column for column in COLUMNS if column[0] != "document"]
    result = remarks_import_xlsx(actor=None, consultation=consultation, upload=_sheet([ROW], columns=columns))
    assert result.count == 1
    assert Remark.objects.get().document == ConsultedDocument.STRATEGY


# --- a remark on a chapter as a whole ---------------------------------------------------------------------------

def test_each_chapter_heading_offers_a_remark_link_while_the_consultation_is_open(client, consultation):
    chapter = chapter_of(consultation)
    page = english(client).get(consultation.document_version.get_absolute_url()).content.decode()
    assert re.search(rf'class="remark-link remark-link-chapter" href="[^"]*\?pkt={chapter.uid}"[^>]*>'
                     rf"Submit a remark on chapter {chapter.display_number}</a>", page)


def test_the_form_opened_from_a_chapter_names_the_chapter_and_stores_the_remark_on_it(client, consultation):
    chapter = chapter_of(consultation)
    page = english(client).get(f"{_form_url(consultation)}?pkt={chapter.uid}",
                               headers={"HX-Request": "true"}).content.decode()
    assert f"<h2>Remark on chapter {chapter.display_number}</h2>" in page
    assert f'value="rozdz. {chapter.display_number} {chapter.text}"' in page
    assert "</textarea>" in page and f"{chapter.text}</textarea>" not in page  # no current wording for a chapter
    client.post(_form_url(consultation), _post({
        "block_uid": str(chapter.uid), "fragment": f"rozdz. {chapter.display_number} {chapter.text}",
        "content": "Rozdział pomija młodzież."}))
    remark = Remark.objects.get()
    assert (remark.block_uid, remark.display_number) == (chapter.uid, chapter.display_number)


def test_the_report_names_a_chapter_remark_rozdz_and_counts_it_under_its_chapter(consultation):
    letter(consultation, {"fragment": "rozdz. 1", "content": "Uwaga do rozdziału."},
           {"display_number": "1.1", "content": "Uwaga do punktu."})
    content = report_content(consultation=consultation, variant="public")
    assert [row.fragment for row in content.rows] == ["rozdz. 1", "pkt 1.1"]
    assert {row.chapter for row in content.rows} == {"Rozdział 1. Cele"}


# --- remarks published while the consultation runs -------------------------------------------------------------

def _answers_url(consultation):
    return reverse("consultation:answers", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


@pytest.fixture
def screened(consultation):
    """Four remarks on the paragraph from four people: one published, one hidden, one awaiting screening, and one
    published from someone who agreed to show their name."""
    paragraph = paragraph_of(consultation)
    remarks = {}
    for key, name, consent in (("published", "Jan Kowalski", False), ("hidden", "Ewa Nowak", False),
                               ("pending", "Adam Zieliński", False), ("named", "Maria Wiśniewska", True)):
        submission = submission_create(
            actor=None, consultation=consultation, channel=Channel.PLATFORM, submitter_kind=SubmitterKind.PERSON,
            submitter_name=name, consent_publish_name=consent,
            remarks=[{"block_uid": paragraph.uid, "content": f"Uwaga {key}."}])
        remarks[key] = submission.remarks.get()
    remark_publish(actor=None, remark=remarks["published"])
    remark_publish(actor=None, remark=remarks["named"])
    remark_hide(actor=None, remark=remarks["hidden"], reason="Dane osobowe osób trzecich")
    return consultation


def test_while_the_consultation_runs_the_portal_shows_the_remarks_published_after_screening(client, screened):
    page = english(client).get(_answers_url(screened)).content.decode()
    assert "<h1>Remarks submitted so far</h1>" in page
    assert "Uwaga published." in page and "Uwaga named." in page
    assert "Uwaga hidden." not in page and "Uwaga pending." not in page
    assert "The answer will be given in the consultation report." in page


def test_a_private_person_is_shown_as_such_unless_they_agreed_to_their_name(client, screened):
    page = english(client).get(_answers_url(screened)).content.decode()
    assert "Submitted by: private person" in page
    assert "Submitted by: Maria Wiśniewska" in page
    assert "Jan Kowalski" not in page


def test_the_reading_view_counts_the_published_remarks_on_each_paragraph(client, screened):
    paragraph = paragraph_of(screened)
    page = english(client).get(screened.document_version.get_absolute_url()).content.decode()
    assert f"2 remarks on point {paragraph.display_number} so far" in page
    assert f"{_answers_url(screened)}#odp-{paragraph.anchor}" in page
    assert "Remarks submitted so far" in page  # the link in the document's actions


def test_the_reading_view_takes_the_same_queries_whatever_the_number_of_published_remarks(client, screened):
    url = screened.document_version.get_absolute_url()
    english(client).get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    paragraph = paragraph_of(screened)
    for number in range(10):
        submission = submission_create(actor=None, consultation=screened, channel=Channel.PLATFORM,
                                       submitter_kind=SubmitterKind.ANONYMOUS,
                                       remarks=[{"block_uid": paragraph.uid, "content": f"Kolejna {number}."}])
        remark_publish(actor=None, remark=submission.remarks.get())
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert f"12 remarks on point {paragraph.display_number} so far" in page
    assert len(many) == len(few)


def test_the_published_remarks_page_takes_the_same_queries_whatever_their_number(client, screened):
    url = _answers_url(screened)
    english(client).get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(10):
        submission = submission_create(actor=None, consultation=screened, channel=Channel.PLATFORM,
                                       submitter_kind=SubmitterKind.ANONYMOUS,
                                       remarks=[{"fragment": "uwaga ogólna", "content": f"Kolejna {number}."}])
        remark_publish(actor=None, remark=submission.remarks.get())
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    assert Remark.objects.filter(screening=Screening.PUBLISHED).count() == 12
