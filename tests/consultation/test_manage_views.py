"""Managing a consultation in the back-office: creating it (only frozen consultation versions, the period checked
with the article cited, the procedure resolution's settings, the forecast PDF checked by content), editing it until
the announcement, announcing it (the period re-validated on the day of publication, the time recorded), extending
it (never shortening), meetings with attendance and minutes, and the downloads."""

import datetime as dt
import io
import re
import subprocess
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.consultation.enums import DecisiveDate, MeetingForm, MeetingKind
from strategia.consultation.models import Consultation, Meeting
from strategia.consultation.services import consultation_announce, consultation_update, meeting_create, meeting_update
from strategia.core.models import AuditEntry
from strategia.documents.services import version_create_working
from tests.factories import MunicipalityFactory, UserFactory, user_with_municipality_role, user_with_process_role

WARSAW = ZoneInfo("Europe/Warsaw")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"
JUNE_1 = dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW)


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def docx_all_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def url(name, consultation, **extra):
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def create_url(process):
    return reverse("backoffice:consultation_staff:create", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug})


def public_url(consultation):
    return reverse("consultation:detail", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def draft(make_consultation):
    """Planned for 1 June 2026, last day 6 July 2026 (35 days), not announced."""
    return make_consultation()


@pytest.fixture
def announced(draft):
    return consultation_announce(actor=None, consultation=draft, now=JUNE_1)


def settings_data(version, **overrides):
    data = {"title": "Konsultacje <b>projektu</b> strategii", "document_version": str(version.pk),
            "planned_announcement_on": "2026-06-01", "ends_on": "2026-07-06", "forecast_title": "",
            "anonymous_remarks_considered": "on", "decisive_date": DecisiveDate.POSTMARK,
            "late_remarks_considered": "on", "activity": ""}
    data.update(overrides)
    return data


# --- creating -------------------------------------------------------------------------------------------------

def test_creating_stores_the_procedure_resolution_settings(coordinator_client, process, frozen_draft):
    response = coordinator_client.post(create_url(process), settings_data(frozen_draft))
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response["Location"] == url("settings", consultation)
    assert consultation.document_version == frozen_draft and consultation.announced_at is None
    assert consultation.anonymous_remarks_considered and consultation.late_remarks_considered
    assert consultation.decisive_date == DecisiveDate.POSTMARK
    assert consultation.ends_on == dt.date(2026, 7, 6)
    assert AuditEntry.objects.filter(action="consultation.create").count() == 1


def test_creating_with_a_too_short_period_keeps_everything_typed_and_cites_the_article(
        coordinator_client, process, frozen_draft):
    response = coordinator_client.post(create_url(process), settings_data(
        frozen_draft, ends_on="2026-06-20", forecast_title="Prognoza „Zielona Gmina”"))
    html = response.content.decode()
    assert response.status_code == 200 and not Consultation.objects.exists()
    [message] = response.context["form"].errors["ends_on"]
    assert "art. 6 ust. 5 u.z.p.p.r." in message and "06.07.2026" in message
    assert 'id="id_ends_on_error"' in html and 'aria-invalid="true"' in html
    assert 'value="2026-06-20"' in html and 'value="2026-06-01"' in html
    assert "Konsultacje &lt;b&gt;projektu&lt;/b&gt; strategii" in html and "Zielona Gmina" in html
    assert re.search(r'value="postmark"[^>]*checked', html)


def test_the_form_shows_the_statutory_minimum_and_the_earliest_last_day(coordinator_client, process, frozen_draft):
    response = coordinator_client.post(create_url(process), settings_data(
        frozen_draft, planned_announcement_on="2026-09-01", ends_on="2026-09-02"))
    hint = response.context["form"].fields["ends_on"].help_text
    assert "35" in hint and "art. 6 ust. 5 u.z.p.p.r." in hint and "06.10.2026" in hint
    assert 'id="id_ends_on_hint"' in response.content.decode()


def test_with_the_forecast_the_hint_also_names_the_21_day_rule(coordinator_client, process, frozen_draft):
    response = coordinator_client.post(create_url(process), settings_data(
        frozen_draft, forecast_title="Prognoza", ends_on=""))
    assert "art. 39 ust. 1 pkt 3 u.o.o.ś." in response.context["form"].fields["ends_on"].help_text


def test_only_frozen_consultation_versions_can_be_chosen(coordinator_client, process, frozen_draft):
    working = version_create_working(actor=None, document=frozen_draft.document)
    response = coordinator_client.get(create_url(process))
    choices = list(response.context["form"].fields["document_version"].queryset)
    assert choices == [frozen_draft]
    response = coordinator_client.post(create_url(process), settings_data(working))
    assert "document_version" in response.context["form"].errors and not Consultation.objects.exists()


def test_the_forecast_pdf_is_stored(coordinator_client, process, frozen_draft):
    coordinator_client.post(create_url(process), {
        **settings_data(frozen_draft, forecast_title="Prognoza"),
        "forecast_file": SimpleUploadedFile("prognoza.pdf", PDF, content_type="application/pdf")})
    consultation = Consultation.objects.get()
    assert consultation.forecast_file.read().startswith(b"%PDF-") and consultation.has_forecast


def test_a_renamed_text_file_is_refused_as_the_forecast(coordinator_client, process, frozen_draft):
    response = coordinator_client.post(create_url(process), {
        **settings_data(frozen_draft, forecast_title="Prognoza"),
        "forecast_file": SimpleUploadedFile("prognoza.pdf", b"to nie jest PDF", content_type="application/pdf")})
    assert response.status_code == 200 and "forecast_file" in response.context["form"].errors
    assert not Consultation.objects.exists()


# --- editing until the announcement --------------------------------------------------------------------------

def test_settings_can_be_changed_before_the_announcement(coordinator_client, draft):
    response = coordinator_client.post(url("settings", draft), settings_data(
        draft.document_version, title="Nowy tytuł", ends_on="2026-07-10"))
    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.title == "Nowy tytuł" and draft.ends_on == dt.date(2026, 7, 10)
    assert AuditEntry.objects.filter(action="consultation.update").count() == 1


def test_the_settings_form_starts_with_the_stored_settings(coordinator_client, draft):
    form = coordinator_client.get(url("settings", draft)).context["form"]
    assert form.initial["title"] == draft.title and form.initial["ends_on"] == dt.date(2026, 7, 6)


def test_editing_with_a_too_short_period_is_refused_with_the_article(coordinator_client, draft):
    response = coordinator_client.post(url("settings", draft), settings_data(draft.document_version,
                                                                             ends_on="2026-06-30"))
    draft.refresh_from_db()
    assert "art. 6 ust. 5 u.z.p.p.r." in response.context["form"].errors["ends_on"][0]
    assert draft.ends_on == dt.date(2026, 7, 6)


def test_settings_cannot_be_changed_after_the_announcement(coordinator_client, announced):
    response = coordinator_client.post(url("settings", announced), settings_data(
        announced.document_version, title="Zmiana po ogłoszeniu", ends_on="2026-07-20"))
    announced.refresh_from_db()
    assert response.status_code == 302
    assert announced.title == "Konsultacje projektu strategii" and announced.ends_on == dt.date(2026, 7, 6)
    page = coordinator_client.get(url("settings", announced))
    assert page.context["form"] is None and b"data-settings-locked" in page.content


def test_the_update_service_refuses_an_announced_consultation_citing_the_article(announced):
    with pytest.raises(ValidationError) as refusal:
        consultation_update(actor=None, consultation=announced, document_version=announced.document_version,
                            title="x", planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 20))
    assert "art. 6 ust. 5 u.z.p.p.r." in " ".join(refusal.value.messages)


# --- announcing -----------------------------------------------------------------------------------------------

def test_the_confirmation_shows_the_period_that_announcing_now_gives(coordinator_client, draft):
    with time_machine.travel(dt.datetime(2026, 5, 30, 9, tzinfo=WARSAW), tick=False):
        response = coordinator_client.get(url("announce", draft))
    preview = response.context["preview"]
    assert preview["first_day"] == dt.date(2026, 5, 31) and preview["last_day"] == dt.date(2026, 7, 6)
    assert preview["days"] == 37 and preview["refusal"] is None
    assert b'data-days>37<' in response.content


def test_announcing_records_the_publication_time(coordinator_client, draft):
    moment = dt.datetime(2026, 6, 1, 12, 30, tzinfo=WARSAW)
    with time_machine.travel(moment, tick=False):
        response = coordinator_client.post(url("announce", draft))
    draft.refresh_from_db()
    assert response.status_code == 302 and draft.announced_at == moment
    assert AuditEntry.objects.filter(action="consultation.announce").count() == 1
    page = coordinator_client.get(url("announce", draft))
    assert b"data-announced-at" in page.content and b"12:30" in page.content


def test_the_public_page_appears_only_after_the_announcement(coordinator_client, client, draft):
    assert client.get(public_url(draft)).status_code == 404
    with time_machine.travel(JUNE_1, tick=False):
        coordinator_client.post(url("announce", draft))
    client.logout()
    assert client.get(public_url(draft)).status_code == 200


def test_a_late_announcement_that_would_make_the_period_too_short_is_refused_with_the_article(
        coordinator_client, draft):
    with time_machine.travel(dt.datetime(2026, 6, 5, 9, tzinfo=WARSAW), tick=False):
        preview = coordinator_client.get(url("announce", draft)).context["preview"]
        response = coordinator_client.post(url("announce", draft))
    draft.refresh_from_db()
    assert "art. 6 ust. 5 u.z.p.p.r." in preview["refusal"]
    assert response.status_code == 200 and draft.announced_at is None
    assert "art. 6 ust. 5 u.z.p.p.r." in response.context["error"] and b"data-refusal" in response.content


def test_announcing_twice_keeps_the_first_time(coordinator_client, announced):
    coordinator_client.post(url("announce", announced))
    announced.refresh_from_db()
    assert announced.announced_at == JUNE_1


# --- extending ------------------------------------------------------------------------------------------------

def test_the_period_can_be_extended_after_publication(coordinator_client, announced):
    response = coordinator_client.post(url("extend", announced), {"ends_on": "2026-07-20"})
    announced.refresh_from_db()
    assert response.status_code == 302 and announced.ends_on == dt.date(2026, 7, 20)
    assert AuditEntry.objects.filter(action="consultation.extend").count() == 1


def test_shortening_is_refused_next_to_the_field_with_the_article(coordinator_client, announced):
    response = coordinator_client.post(url("extend", announced), {"ends_on": "2026-07-01"})
    announced.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200 and announced.ends_on == dt.date(2026, 7, 6)
    assert "art. 6 ust. 5 u.z.p.p.r." in response.context["form"].errors["ends_on"][0]
    assert 'id="id_ends_on_error"' in html and 'value="2026-07-01"' in html


# --- meetings -------------------------------------------------------------------------------------------------

def meeting_data(**overrides):
    data = {"kind": MeetingKind.PUBLIC_DISCUSSION, "starts_at": "2026-06-15T17:00", "ends_at": "2026-06-15T19:00",
            "place": "Urząd Gminy, sala 1", "form": MeetingForm.HYBRID, "accessibility": "Pętla indukcyjna"}
    data.update(overrides)
    return data


def test_a_meeting_is_added_with_date_place_form_and_accessibility(coordinator_client, announced):
    response = coordinator_client.post(url("meeting_create", announced), meeting_data())
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.kind == MeetingKind.PUBLIC_DISCUSSION and meeting.form == MeetingForm.HYBRID
    assert meeting.starts_at == dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW)
    assert meeting.accessibility == "Pętla indukcyjna"


def test_a_meeting_without_a_place_keeps_what_was_typed(coordinator_client, announced):
    response = coordinator_client.post(url("meeting_create", announced), meeting_data(place=""))
    assert response.status_code == 200 and "place" in response.context["form"].errors
    assert "Pętla indukcyjna" in response.content.decode() and not Meeting.objects.exists()


@pytest.fixture
def held_meeting(announced):
    return meeting_create(actor=None, consultation=announced, place="Sala", starts_at=dt.datetime(
        2026, 6, 15, 17, tzinfo=WARSAW))


def test_after_the_meeting_attendance_and_minutes_are_recorded(coordinator_client, announced, held_meeting):
    with time_machine.travel(dt.datetime(2026, 6, 16, 9, tzinfo=WARSAW), tick=False):
        response = coordinator_client.post(url("meeting_edit", announced, meeting_id=held_meeting.pk), {
            **meeting_data(), "attendance": "42",
            "minutes": SimpleUploadedFile("protokol.pdf", PDF, content_type="application/pdf")})
    held_meeting.refresh_from_db()
    assert response.status_code == 302
    assert held_meeting.attendance == 42 and held_meeting.minutes.read().startswith(b"%PDF-")
    assert AuditEntry.objects.filter(action="meeting.update").count() == 1


def test_a_renamed_text_file_is_refused_as_minutes(coordinator_client, announced, held_meeting):
    with time_machine.travel(dt.datetime(2026, 6, 16, 9, tzinfo=WARSAW), tick=False):
        response = coordinator_client.post(url("meeting_edit", announced, meeting_id=held_meeting.pk), {
            **meeting_data(), "attendance": "42",
            "minutes": SimpleUploadedFile("protokol.pdf", b"zwykly tekst", content_type="application/pdf")})
    held_meeting.refresh_from_db()
    assert response.status_code == 200 and "minutes" in response.context["form"].errors
    assert not held_meeting.minutes and held_meeting.attendance is None


def test_before_the_meeting_the_form_has_no_attendance_or_minutes(coordinator_client, announced, held_meeting):
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, tzinfo=WARSAW), tick=False):
        form = coordinator_client.get(url("meeting_edit", announced, meeting_id=held_meeting.pk)).context["form"]
    assert "attendance" not in form.fields and "minutes" not in form.fields


def test_the_service_refuses_attendance_before_the_meeting(held_meeting):
    with pytest.raises(ValidationError) as refusal:
        meeting_update(actor=None, meeting=held_meeting, starts_at=held_meeting.starts_at, place="Sala",
                       kind=MeetingKind.MEETING, form=MeetingForm.IN_PERSON, attendance=10,
                       now=dt.datetime(2026, 6, 10, tzinfo=WARSAW))
    assert "attendance" in refusal.value.error_dict


def test_a_meeting_of_another_consultation_is_404(coordinator_client, announced, make_consultation):
    other = make_consultation()
    meeting = meeting_create(actor=None, consultation=other, place="Sala", starts_at=JUNE_1)
    assert coordinator_client.get(url("meeting_edit", announced, meeting_id=meeting.pk)).status_code == 404


def test_the_meetings_page_lists_attendance(coordinator_client, announced, held_meeting):
    Meeting.objects.filter(pk=held_meeting.pk).update(attendance=17)
    response = coordinator_client.get(url("meetings", announced))
    assert b"<td>17</td>" in response.content


# --- downloads ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("format", "content_type"), [
    ("html", "text/html; charset=utf-8"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf"),
    ("txt", "text/plain; charset=utf-8"),
])
def test_the_announcement_downloads_in_each_form(coordinator_client, announced, format, content_type):
    response = coordinator_client.get(url("announcement_download", announced, format=format))
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    text = {"html": lambda b: b.decode(), "txt": lambda b: b.decode(),
            "docx": lambda b: "\n".join(p.text for p in docx.Document(io.BytesIO(b)).paragraphs),
            "pdf": pdf_text}[format](response.content)
    squashed = "".join(text.split())
    assert "6lipca2026" in squashed  # the last day
    assert announced.document_version.get_absolute_url() in squashed  # where to read the draft


@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_the_paper_form_downloads(coordinator_client, announced, format):
    response = coordinator_client.get(url("paper_form_download", announced, format=format))
    text = pdf_text(response.content) if format == "pdf" else docx_all_text(response.content)
    assert response.status_code == 200 and "Formularz zgłaszania uwag" in text
    assert "Proponowany zapis" in text and "6 lipca 2026" in text


def test_an_unknown_format_is_404(coordinator_client, announced):
    assert coordinator_client.get(url("announcement_download", announced, format="exe")).status_code == 404
    assert coordinator_client.get(url("paper_form_download", announced, format="txt")).status_code == 404


def test_staff_can_download_the_announcement_before_it_is_published(coordinator_client, draft):
    assert coordinator_client.get(url("announcement_download", draft, format="docx")).status_code == 200


# --- who may open the pages -----------------------------------------------------------------------------------

MANAGE_PAGES = ["settings", "announce", "extend", "meeting_create", "meeting_edit"]
VIEW_PAGES = ["meetings", "announcement_download", "paper_form_download"]


def page_url(name, consultation, meeting):
    if name == "create":
        return create_url(consultation.process)
    extra = {"meeting_id": meeting.pk} if name == "meeting_edit" else {}
    if name.endswith("_download"):
        extra = {"format": "docx"}
    return url(name, consultation, **extra)


@pytest.fixture
def meeting(announced):
    return meeting_create(actor=None, consultation=announced, place="Sala", starts_at=JUNE_1)


@pytest.mark.parametrize("name", ["create", *MANAGE_PAGES, *VIEW_PAGES])
def test_anonymous_is_sent_to_the_login_page(client, announced, meeting, name):
    response = client.get(page_url(name, announced, meeting))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("name", ["create", *MANAGE_PAGES, *VIEW_PAGES])
def test_a_resident_without_a_role_gets_404(client, announced, meeting, name):
    client.force_login(UserFactory())
    assert client.get(page_url(name, announced, meeting)).status_code == 404


@pytest.mark.parametrize("name", ["create", *MANAGE_PAGES, *VIEW_PAGES])
def test_staff_of_another_municipality_get_404(client, announced, meeting, name):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR))
    assert client.get(page_url(name, announced, meeting)).status_code == 404


@pytest.mark.parametrize("name", ["create", *MANAGE_PAGES])
def test_office_staff_may_not_manage(client, announced, meeting, name):
    client.force_login(user_with_municipality_role(announced.process.municipality, MR.STAFF))
    assert client.get(page_url(name, announced, meeting)).status_code == 403


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_a_councillor_may_read_the_meetings_and_download(client, announced, meeting, name):
    client.force_login(user_with_process_role(announced.process, PR.COUNCILLOR))
    assert client.get(page_url(name, announced, meeting)).status_code == 200


@pytest.mark.parametrize("name", ["create", *MANAGE_PAGES, *VIEW_PAGES])
def test_the_coordinator_may_open_every_page(client, coordinator, announced, meeting, name):
    client.force_login(coordinator)
    assert client.get(page_url(name, announced, meeting)).status_code == 200


@pytest.mark.parametrize("name", [*MANAGE_PAGES, *VIEW_PAGES])
def test_a_consultation_of_another_process_is_404(client, coordinator, announced, meeting, name):
    client.force_login(coordinator)
    address = page_url(name, announced, meeting).replace(f"/{announced.process.slug}/", "/inny-proces/")
    assert client.get(address).status_code == 404
