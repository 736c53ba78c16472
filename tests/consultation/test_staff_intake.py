"""Staff intake of submissions received outside the platform, the consultation list and the register."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.consultation.enums import Channel, DecisiveDate, SubmitterKind
from strategia.consultation.models import Remark, Submission
from strategia.consultation.services import consultation_announce, meeting_create, submission_create
from tests.factories import user_with_municipality_role, user_with_process_role

WARSAW = ZoneInfo("Europe/Warsaw")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


@pytest.fixture
def consultation(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    return consultation_announce(actor=None, consultation=consultation,
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


def url(name, consultation, **extra):
    kwargs = {"municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug}
    if name != "list":
        kwargs["consultation_id"] = consultation.pk
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={**kwargs, **extra})


def staff(consultation):
    return user_with_municipality_role(consultation.process.municipality, MR.STAFF)


def letter(**overrides):
    data = {
        "channel": Channel.POST, "received_at": "2026-06-10T09:30", "postmark_on": "",
        "submitter_kind": SubmitterKind.ORGANISATION, "submitter_name": "",
        "organisation_name": "Stowarzyszenie Przyjaciół Testowa", "category": "ngo",
        "contact_email": "biuro@przyjaciele.example.org", "contact_phone": "", "consent_publish_name": "on",
        "remarks-TOTAL_FORMS": "3", "remarks-INITIAL_FORMS": "0",
        "remarks-MIN_NUM_FORMS": "1", "remarks-MAX_NUM_FORMS": "200",
    }
    for i in range(3):
        data.update({f"remarks-{i}-display_number": f"2.{i + 1}", f"remarks-{i}-fragment": "Rozdział 2",
                     f"remarks-{i}-current_wording": "", f"remarks-{i}-proposed_wording": f"Nowy zapis {i + 1}",
                     f"remarks-{i}-justification": "", f"remarks-{i}-content": f"Uwaga numer {i + 1}"})
    data.update(overrides)
    return data


def remark_only(content="Jedna uwaga"):
    return {"remarks-TOTAL_FORMS": "1", "remarks-0-content": content}


def clean_letter(**overrides):
    data = letter(**remark_only())
    for i in (1, 2):
        for key in [k for k in data if k.startswith(f"remarks-{i}-")]:
            del data[key]
    data.update(overrides)
    return data


# --- who may open the pages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["list", "detail", "intake", "import", "import_template"])
def test_anonymous_is_sent_to_the_login_page(client, consultation, name):
    response = client.get(url(name, consultation))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("name", ["list", "detail", "intake", "import", "import_template"])
def test_a_resident_without_a_role_gets_404(client, consultation, resident, name):
    client.force_login(resident)
    assert client.get(url(name, consultation)).status_code == 404


@pytest.mark.parametrize("name", ["list", "detail", "intake", "import", "import_template"])
def test_office_staff_may_open_every_page(client, consultation, name):
    client.force_login(staff(consultation))
    assert client.get(url(name, consultation)).status_code == 200


@pytest.mark.parametrize("name", ["list", "detail"])
def test_a_councillor_may_read_the_list_and_the_register(client, consultation, name):
    client.force_login(user_with_process_role(consultation.process, PR.COUNCILLOR))
    assert client.get(url(name, consultation)).status_code == 200


@pytest.mark.parametrize("name", ["intake", "import", "import_template"])
def test_a_councillor_may_not_register_or_import(client, consultation, name):
    client.force_login(user_with_process_role(consultation.process, PR.COUNCILLOR))
    assert client.get(url(name, consultation)).status_code == 403


def test_a_consultation_of_another_process_is_404(client, consultation):
    client.force_login(staff(consultation))
    kwargs = {"municipality_slug": consultation.process.municipality.slug, "process_slug": "inny-proces",
              "consultation_id": consultation.pk}
    assert client.get(reverse("backoffice:consultation_staff:detail", kwargs=kwargs)).status_code == 404


# --- the list -------------------------------------------------------------------------------------------------

def test_the_list_shows_period_counts_of_late_ones_and_the_report_due_date(client, consultation):
    for day in (10, 20):
        submission_create(actor=None, consultation=consultation, channel=Channel.EMAIL,
                          submitter_kind=SubmitterKind.ANONYMOUS, remarks=[{"content": "a"}, {"content": "b"}],
                          received_at=dt.datetime(2026, 6, day, 12, tzinfo=WARSAW))
    submission_create(actor=None, consultation=consultation, channel=Channel.EMAIL,
                      submitter_kind=SubmitterKind.ANONYMOUS, remarks=[{"content": "spóźniona"}],
                      received_at=dt.datetime(2026, 7, 7, 8, tzinfo=WARSAW))
    client.force_login(staff(consultation))
    html = client.get(url("list", consultation)).content.decode()
    assert "06.07.2026" in html  # last day of the comment period
    assert "3 (1)" in html  # submissions (late)
    assert "5 (1)" in html  # remarks (late)
    assert "05.08.2026" in html  # report due 30 days after the last day


# --- intake of a letter ---------------------------------------------------------------------------------------

def test_a_letter_with_three_remarks_is_one_submission_with_three_remarks_in_order(client, consultation):
    user = staff(consultation)
    client.force_login(user)
    response = client.post(url("intake", consultation), letter())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.channel == Channel.POST and submission.created_by == user
    assert submission.organisation_name == "Stowarzyszenie Przyjaciół Testowa"
    assert submission.received_at == dt.datetime(2026, 6, 10, 9, 30, tzinfo=WARSAW)
    assert list(submission.remarks.values_list("position", "display_number", "content")) == [
        (1, "2.1", "Uwaga numer 1"), (2, "2.2", "Uwaga numer 2"), (3, "2.3", "Uwaga numer 3")]


def test_intake_goes_through_the_audited_service(client, consultation):
    from strategia.core.models import AuditEntry

    client.force_login(staff(consultation))
    client.post(url("intake", consultation), letter())
    assert AuditEntry.objects.filter(action="submission.create").count() == 1


def test_a_letter_received_after_the_last_day_is_marked_late(client, consultation):
    client.force_login(staff(consultation))
    client.post(url("intake", consultation), clean_letter(received_at="2026-07-07T08:00", postmark_on="2026-07-06"))
    assert Submission.objects.get().is_late


def test_the_postmark_decides_when_the_consultation_says_so(client, consultation):
    consultation.decisive_date = DecisiveDate.POSTMARK
    consultation.save(update_fields=["decisive_date"])
    client.force_login(staff(consultation))
    client.post(url("intake", consultation), clean_letter(received_at="2026-07-07T08:00", postmark_on="2026-07-06"))
    assert not Submission.objects.get().is_late


def test_the_received_time_is_read_as_warsaw_time(client, consultation):
    client.force_login(staff(consultation))
    client.post(url("intake", consultation), clean_letter(received_at="2026-07-06T23:59"))
    submission = Submission.objects.get()
    assert submission.received_at == dt.datetime(2026, 7, 6, 21, 59, tzinfo=dt.UTC)
    assert not submission.is_late


def test_an_oral_statement_needs_its_meeting(client, consultation):
    client.force_login(staff(consultation))
    response = client.post(url("intake", consultation), clean_letter(channel=Channel.ORAL))
    assert response.status_code == 200
    assert "meeting" in response.context["form"].errors
    assert not Submission.objects.exists()


def test_an_oral_statement_is_linked_to_the_chosen_meeting(client, consultation):
    meeting = meeting_create(actor=None, consultation=consultation, place="Urząd Gminy, sala 1",
                             starts_at=dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW))
    client.force_login(staff(consultation))
    client.post(url("intake", consultation), clean_letter(channel=Channel.ORAL, meeting=str(meeting.pk)))
    assert Submission.objects.get().meeting == meeting


def test_bad_input_keeps_everything_typed(client, consultation):
    client.force_login(staff(consultation))
    response = client.post(url("intake", consultation), letter(organisation_name="", received_at="nie data"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "nie data" in html and "biuro@przyjaciele.example.org" in html
    assert "Uwaga numer 1" in html and "Uwaga numer 3" in html and "Nowy zapis 2" in html
    assert not Submission.objects.exists()


def test_the_form_says_that_an_attached_file_is_kept_if_the_form_shows_an_error(client, consultation):
    client.force_login(staff(consultation))
    client.cookies["django_language"] = "en"  # English msgids on the visitor's choice
    html = client.get(url("intake", consultation)).content.decode()
    assert "the file is kept: there is no need to attach it again" in html


def test_a_filled_remark_without_its_text_is_refused_next_to_it(client, consultation):
    client.force_login(staff(consultation))
    response = client.post(url("intake", consultation), letter(**{"remarks-1-content": ""}))
    assert "content" in response.context["formset"].forms[1].errors
    assert not Remark.objects.exists()


def test_a_submission_without_any_remark_is_refused(client, consultation):
    client.force_login(staff(consultation))
    blank = {k: "" for k in clean_letter() if k.startswith("remarks-0-")}
    response = client.post(url("intake", consultation), clean_letter(**blank))
    assert response.context["formset"].non_form_errors()
    assert not Submission.objects.exists()


def test_add_another_remark_works_without_javascript_and_keeps_the_text(client, consultation):
    client.force_login(staff(consultation))
    response = client.post(url("intake", consultation), letter(add_remark="1"))
    html = response.content.decode()
    assert 'name="remarks-3-content"' in html
    assert "Uwaga numer 2" in html and "Stowarzyszenie Przyjaciół Testowa" in html
    assert "Please correct" not in html
    assert not Submission.objects.exists()


def test_a_pdf_scan_is_stored(client, consultation):
    client.force_login(staff(consultation))
    client.post(url("intake", consultation),
                {**clean_letter(), "scan": SimpleUploadedFile("pismo.pdf", PDF, content_type="application/pdf")})
    assert Submission.objects.get().scan.read().startswith(b"%PDF-")


def test_a_scan_is_checked_by_its_content_not_its_name(client, consultation):
    client.force_login(staff(consultation))
    fake = SimpleUploadedFile("pismo.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url("intake", consultation), {**clean_letter(), "scan": fake})
    assert "scan" in response.context["form"].errors
    assert not Submission.objects.exists()


def test_a_time_of_receipt_in_the_future_is_refused(client, consultation):
    client.force_login(staff(consultation))
    response = client.post(url("intake", consultation), clean_letter(received_at="2099-01-01T10:00"))
    assert "received_at" in response.context["form"].errors


# --- the register -----------------------------------------------------------------------------------------------

def _register_queries(client, consultation) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("detail", consultation)).status_code == 200
    return len(queries)


def test_the_register_takes_the_same_number_of_queries_whatever_its_size(client, consultation):
    meeting = meeting_create(actor=None, consultation=consultation, place="Sala",
                             starts_at=dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW))
    client.force_login(staff(consultation))

    def add(count):
        for n in range(count):
            submission = submission_create(
                actor=None, consultation=consultation, channel=Channel.EMAIL, submitter_kind=SubmitterKind.PERSON,
                submitter_name=f"Osoba {n}", remarks=[{"content": "x"}, {"content": "y"}],
                received_at=dt.datetime(2026, 6, 10, 12, tzinfo=WARSAW))
            Submission.objects.filter(pk=submission.pk).update(meeting=meeting)

    add(1)
    small = _register_queries(client, consultation)
    add(9)
    assert _register_queries(client, consultation) == small


def test_the_register_lists_every_submission_with_its_remark_count_and_late_mark(client, consultation):
    submission_create(actor=None, consultation=consultation, channel=Channel.EPUAP,
                      submitter_kind=SubmitterKind.PERSON, submitter_name="Jan <b>Kowalski</b>",
                      remarks=[{"content": "a"}, {"content": "b"}],
                      received_at=dt.datetime(2026, 7, 8, 12, tzinfo=WARSAW))
    client.force_login(staff(consultation))
    client.cookies["django_language"] = "en"
    html = client.get(url("detail", consultation)).content.decode()
    assert "Submitter no. 1" in html
    assert "<td>2</td>" in html
    assert "late" in html


def test_only_coordinators_see_the_submitters_name_in_the_register_of_submissions(client, consultation, coordinator):
    submission_create(actor=None, consultation=consultation, channel=Channel.EPUAP,
                      submitter_kind=SubmitterKind.PERSON, submitter_name="Jan <b>Kowalski</b>",
                      remarks=[{"content": "a"}], received_at=dt.datetime(2026, 7, 8, 12, tzinfo=WARSAW))
    client.force_login(staff(consultation))
    assert "Kowalski" not in client.get(url("detail", consultation)).content.decode()
    client.force_login(coordinator)
    assert "Jan &lt;b&gt;Kowalski&lt;/b&gt;" in client.get(url("detail", consultation)).content.decode()
