"""The consultation's public page: only once announced; the announcement's content, its publication time, the period
and the days left (or that it ended), how to send remarks, the meetings with attendance and minutes, the forecast,
the downloads; and the index of the process's announced consultations in a fixed number of queries."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse

from strategia.consultation.models import Meeting
from strategia.consultation.services import consultation_announce, meeting_create

WARSAW = ZoneInfo("Europe/Warsaw")
JUNE_1 = dt.datetime(2026, 6, 1, 10, 15, tzinfo=WARSAW)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def page(name, consultation, **extra):
    kwargs = {"municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug}
    if name != "index":
        kwargs["consultation_id"] = consultation.pk
    return reverse(f"consultation:{name}", kwargs={**kwargs, **extra})


@pytest.fixture
def draft(make_consultation):
    return make_consultation()


@pytest.fixture
def announced(draft):
    return consultation_announce(actor=None, consultation=draft, now=JUNE_1)


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def at(day: int, month: int = 6):
    return time_machine.travel(dt.datetime(2026, month, day, 12, tzinfo=WARSAW), tick=False)


# --- only once announced --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "extra"), [("detail", {}), ("announcement_download", {"format": "pdf"}),
                                             ("paper_form_download", {"format": "docx"})])
def test_before_the_announcement_the_page_and_its_files_do_not_exist(client, draft, name, extra):
    assert client.get(page(name, draft, **extra)).status_code == 404


def test_anyone_may_open_the_page_once_announced(client, announced):
    assert client.get(page("detail", announced)).status_code == 200


def test_a_consultation_of_another_process_is_404(client, announced):
    address = page("detail", announced).replace(f"/{announced.process.slug}/", "/inny-proces/")
    assert client.get(address).status_code == 404


# --- what the page says ---------------------------------------------------------------------------------------

def test_the_page_shows_the_announcement_and_its_publication_time(english, announced):
    with at(10):
        html = english.get(page("detail", announced)).content.decode()
    assert 'datetime="2026-06-01T10:15:00+02:00"' in html
    assert "Konsultacjom podlega projekt dokumentu" in html  # the announcement's own text (Polish)
    assert "art. 6 ust. 5 u.z.p.p.r." in html


def test_the_page_counts_the_days_left(english, announced):
    with at(10):
        response = english.get(page("detail", announced))
    assert response.context["days_left"] == 26 and b"26 days left" in response.content


def test_after_the_last_day_the_page_says_the_period_has_ended(english, announced):
    with at(7, 7):
        response = english.get(page("detail", announced))
    assert response.context["ended"] and b"The comment period has ended." in response.content


def test_the_page_links_to_the_draft_the_remark_form_and_the_paper_form(client, announced):
    html = client.get(page("detail", announced)).content.decode()
    assert f'href="{announced.document_version.get_absolute_url()}"' in html
    assert reverse("consultation:remark_form", kwargs={
        "municipality_slug": announced.process.municipality.slug, "process_slug": announced.process.slug,
        "consultation_id": announced.pk}) in html
    assert page("paper_form_download", announced, format="pdf") in html
    assert page("announcement_download", announced, format="txt") in html


def test_the_page_lists_meetings_with_attendance_and_minutes(english, announced):
    meeting = meeting_create(actor=None, consultation=announced, place="Urząd <Gminy>, sala 1",
                             starts_at=dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW), kind="public_discussion",
                             accessibility="Pętla indukcyjna")
    meeting.attendance = 42
    meeting.minutes.save("protokol.pdf", ContentFile(PDF))
    html = english.get(page("detail", announced)).content.decode()
    assert "Urząd &lt;Gminy&gt;, sala 1" in html and "Pętla indukcyjna" in html
    assert "<dd>42</dd>" in html and meeting.minutes.url in html
    assert 'datetime="2026-06-15T17:00:00+02:00"' in html


def test_a_meeting_not_yet_held_shows_no_attendance(english, announced):
    meeting_create(actor=None, consultation=announced, place="Sala", starts_at=dt.datetime(2026, 6, 15, 17,
                                                                                           tzinfo=WARSAW))
    html = english.get(page("detail", announced)).content.decode()
    assert "Attendance" not in html and "Minutes (PDF)" not in html


def test_the_uploaded_forecast_can_be_downloaded(client, announced):
    announced.forecast_title = "Prognoza oddziaływania na środowisko"
    announced.forecast_file.save("prognoza.pdf", ContentFile(PDF))
    html = client.get(page("detail", announced)).content.decode()
    assert announced.forecast_file.url in html and "data-forecast" in html


def test_without_a_forecast_there_is_no_forecast_link(client, announced):
    assert b"data-forecast" not in client.get(page("detail", announced)).content


# --- downloads for the public ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("format", "content_type"), [
    ("html", "text/html; charset=utf-8"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("pdf", "application/pdf"),
    ("txt", "text/plain; charset=utf-8"),
])
def test_the_public_downloads_the_announcement(client, announced, format, content_type):
    response = client.get(page("announcement_download", announced, format=format))
    assert response.status_code == 200 and response["Content-Type"] == content_type


def test_the_press_notice_carries_the_project_address(client, announced):
    text = client.get(page("announcement_download", announced, format="txt")).content.decode()
    assert announced.document_version.get_absolute_url() in text and "6 lipca 2026" in text


def test_the_public_downloads_the_paper_form(client, announced):
    response = client.get(page("paper_form_download", announced, format="docx"))
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == "Formularz zgłaszania uwag"


def test_an_unknown_format_is_404_for_the_public(client, announced):
    assert client.get(page("announcement_download", announced, format="exe")).status_code == 404


# --- the index ------------------------------------------------------------------------------------------------

def test_the_index_lists_only_announced_consultations(client, announced, make_consultation):
    hidden = make_consultation()
    hidden.title = "Jeszcze nieogłoszone"
    hidden.save(update_fields=["title"])
    html = client.get(page("index", announced)).content.decode()
    assert f'data-consultation="{announced.pk}"' in html and f'data-consultation="{hidden.pk}"' not in html


def _announce_more(make_consultation, count):
    for _ in range(count):
        consultation_announce(actor=None, consultation=make_consultation(), now=JUNE_1)


def test_the_index_reads_in_a_fixed_number_of_queries(client, announced, make_consultation,
                                                      django_assert_num_queries):
    # The municipality, the process, the consultations, and the portal's current process (base template).
    with django_assert_num_queries(4):
        one = client.get(page("index", announced))
    _announce_more(make_consultation, 5)
    with django_assert_num_queries(4):
        many = client.get(page("index", announced))
    assert len(one.context["rows"]) == 1 and len(many.context["rows"]) == 6


def test_the_page_reads_in_a_fixed_number_of_queries_whatever_the_meetings(client, announced,
                                                                           django_assert_num_queries):
    meeting_create(actor=None, consultation=announced, place="Sala", starts_at=JUNE_1)
    # The municipality, the process, the consultation with its version, its meetings, the current process.
    with django_assert_num_queries(5):
        client.get(page("detail", announced))
    for day in range(2, 6):
        meeting_create(actor=None, consultation=announced, place="Sala", starts_at=JUNE_1 + dt.timedelta(days=day))
    with django_assert_num_queries(5):
        client.get(page("detail", announced))
    assert Meeting.objects.count() == 5


def _home(client, consultation):
    client.cookies["django_language"] = "en"
    return client.get(reverse("portal:home", kwargs={"municipality_slug": consultation.process.municipality.slug}))


def test_the_home_page_invites_remarks_while_the_consultation_is_open(client, announced):
    with time_machine.travel(dt.datetime(2026, 6, 20, 12, tzinfo=WARSAW), tick=False):
        html = _home(client, announced).content.decode()
    assert f"{announced.title}: send your remarks until 6 July 2026" in html
    assert page("detail", announced) in html


def test_the_home_page_no_longer_invites_remarks_after_the_last_day(client, announced):
    with time_machine.travel(dt.datetime(2026, 7, 7, 12, tzinfo=WARSAW), tick=False):
        html = _home(client, announced).content.decode()
    assert "send your remarks until" not in html


def test_the_home_page_leads_to_the_answers_once_the_report_is_published(client, announced):
    from strategia.consultation.models import Consultation

    Consultation.objects.filter(pk=announced.pk).update(report_published_at=dt.datetime(2026, 7, 20, tzinfo=WARSAW))
    with time_machine.travel(dt.datetime(2026, 7, 21, 12, tzinfo=WARSAW), tick=False):
        html = _home(client, announced).content.decode()
    assert f"{announced.title}: read the answers to the remarks and the report" in html
    assert page("answers", announced) in html
