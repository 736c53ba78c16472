"""The staff report page: who may see, generate, download and publish; the files' status and freshness; the blockers
and the publication; the public downloads that appear only after it."""

import datetime as dt

import pytest
from django.test import TestCase
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.consultation.models import Consultation, Remark, RemarkResponse, ReportFile
from strategia.consultation.review_services import remark_hide, response_create, response_update
from strategia.consultation.services import submission_create
from strategia.documents.enums import ExportStatus
from tests.consultation import test_report_support as support
from tests.consultation.test_report_support import AFTER, DURING, PRIVATE_NAME, WARSAW
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role

pytestmark = pytest.mark.django_db


def url(name, consultation, **extra):
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def public_url(consultation, format):
    return reverse("consultation:report_download", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, "format": format})


def login(client, consultation, role):
    user = user_with_municipality_role(consultation.process.municipality, role)
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return user


def generate_all(client, consultation):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url("report_generate", consultation))


# --- who may -----------------------------------------------------------------------------------------------------

def test_anonymous_is_sent_to_the_login_page(client, announced):
    response = client.get(url("report", announced))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_a_resident_without_a_role_gets_404(client, announced, resident):
    client.force_login(resident)
    assert client.get(url("report", announced)).status_code == 404


def test_staff_of_another_municipality_gets_404(client, announced):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MR.COORDINATOR))
    assert client.get(url("report", announced)).status_code == 404


def test_a_councillor_may_see_the_report_page(client, announced):
    client.force_login(user_with_process_role(announced.process, PR.COUNCILLOR))
    assert client.get(url("report", announced)).status_code == 200


@pytest.mark.parametrize("name", ["report_generate", "report_publish"])
def test_office_staff_may_not_generate_or_publish(client, announced, name):
    login(client, announced, MR.STAFF)
    assert client.post(url(name, announced)).status_code == 403


def test_the_internal_download_is_forbidden_to_everyone_but_coordinators(client, answered):
    support.generate(answered, "internal", "pdf")
    support.generate(answered, "public", "pdf")
    login(client, answered, MR.STAFF)

    assert client.get(url("report_download", answered, variant="internal", format="pdf")).status_code == 403
    assert client.get(url("report_download", answered, variant="public", format="pdf")).status_code == 200


def test_a_coordinator_downloads_the_stored_internal_file(client, answered):
    stored = support.generate(answered, "internal", "docx")
    login(client, answered, MR.COORDINATOR)

    response = client.get(url("report_download", answered, variant="internal", format="docx"))

    assert response.status_code == 200 and b"".join(response.streaming_content) == stored
    assert "wewnetrzne" in response["Content-Disposition"]


def test_a_file_never_generated_is_404(client, answered):
    login(client, answered, MR.COORDINATOR)
    assert client.get(url("report_download", answered, variant="public", format="xlsx")).status_code == 404


# --- the page ----------------------------------------------------------------------------------------------------

def test_generate_all_prepares_the_six_files_for_a_coordinator(client, answered):
    login(client, answered, MR.COORDINATOR)

    generate_all(client, answered)

    done = ReportFile.objects.filter(consultation=answered, status=ExportStatus.DONE)
    assert sorted((f.variant, f.format) for f in done) == sorted(
        (v, f) for v in ("public", "internal") for f in ("docx", "pdf", "xlsx"))
    page = client.get(url("report", answered)).content.decode()
    assert page.count("data-report-file=") == 6 and page.count('download>Download') == 6


def test_staff_see_only_the_public_files(client, answered):
    login(client, answered, MR.STAFF)
    page = client.get(url("report", answered)).content.decode()

    assert page.count("data-report-file=") == 3 and "data-report-file=\"internal" not in page


def test_the_page_shows_the_report_deadline_and_the_days_left(client, answered):
    login(client, answered, MR.COORDINATOR)
    page = client.get(url("report", answered)).content.decode()

    # The period ended on 6 July 2026, the report is due 30 days later; the clock stands on 20 July.
    assert "05.08.2026" in page and "16 days left." in page


def test_a_file_older_than_the_last_answer_is_marked_stale(client, answered, time_machine):
    support.generate(answered, "public", "pdf")
    time_machine.move_to(AFTER + dt.timedelta(hours=1), tick=False)
    remark = Remark.objects.get(consultation=answered, number=2)
    response_create(actor=None, consultation=answered, remarks=[remark], stance="accepted", justification="Inaczej.")
    login(client, answered, MR.COORDINATOR)

    page = client.get(url("report", answered)).content.decode()

    assert "data-stale" in page and "older than the last change in the register" in page


def test_htmx_polling_stops_when_no_file_is_being_prepared(client, answered):
    login(client, answered, MR.COORDINATOR)
    response = client.get(url("report", answered), HTTP_HX_REQUEST="true")
    assert response.status_code == 286 and b'id="report-files"' in response.content


def test_the_page_reads_in_a_fixed_number_of_queries(client, answered, django_assert_max_num_queries):
    login(client, answered, MR.COORDINATOR)
    client.get(url("report", answered))
    with django_assert_max_num_queries(30) as few:
        client.get(url("report", answered))
    for _ in range(5):
        submission_create(actor=None, consultation=answered, now=DURING, channel="email", received_at=DURING,
                          submitter_kind="anonymous", remarks=[{"content": "x"}, {"content": "y"}])
    with django_assert_max_num_queries(len(few)):
        client.get(url("report", answered))


# --- blockers and publication -----------------------------------------------------------------------------------

def test_a_remark_without_a_stance_blocks_publication(client, announced):
    support.register(announced)
    login(client, announced, MR.COORDINATOR)

    page = client.get(url("report", announced)).content.decode()

    assert "6 remark(s) still lack a stance with its justification." in page


def test_the_period_not_over_blocks_publication(client, answered, time_machine):
    time_machine.move_to(dt.datetime(2026, 7, 6, 12, tzinfo=WARSAW), tick=False)
    login(client, answered, MR.COORDINATOR)

    page = client.get(url("report", answered)).content.decode()

    assert "The comment period has not ended yet (last day: 06.07.2026)." in page


def test_publication_is_refused_with_the_reasons_shown(client, answered):
    login(client, answered, MR.COORDINATOR)

    response = client.post(url("report_publish", answered), follow=True)

    assert "The public report in DOCX has not been generated." in response.content.decode()
    assert Consultation.objects.get(pk=answered.pk).report_published_at is None


def test_publication_is_recorded_and_the_public_downloads_appear_only_after(client, answered):
    login(client, answered, MR.COORDINATOR)
    generate_all(client, answered)
    assert client.get(public_url(answered, "pdf")).status_code == 404

    response = client.post(url("report_publish", answered), follow=True)

    assert "The report has been published on the portal." in response.content.decode()
    assert Consultation.objects.get(pk=answered.pk).report_published_at == AFTER
    client.logout()
    for format in ("docx", "pdf", "xlsx"):
        download = client.get(public_url(answered, format))
        assert download.status_code == 200
        assert "wewnetrzne" not in download["Content-Disposition"]
    assert PRIVATE_NAME.encode() not in b"".join(client.get(public_url(answered, "xlsx")).streaming_content)


def test_an_unknown_public_format_is_404(client, answered):
    login(client, answered, MR.COORDINATOR)
    generate_all(client, answered)
    client.post(url("report_publish", answered))
    assert client.get(public_url(answered, "odt")).status_code == 404


# --- each blocker refuses the publication (issue #4 point 9) ----------------------------------------------------
# ``ready`` is a consultation that can be published (test_publication_is_recorded_… above publishes one): each test
# below breaks exactly one condition and expects the refusal with its reason, the publication not recorded.

@pytest.fixture
def ready(client, answered):
    """Every remark screened and answered, the period over, the six files generated; a coordinator logged in."""
    login(client, answered, MR.COORDINATOR)
    generate_all(client, answered)
    return answered


def refused(client, consultation) -> str:
    """Ask to publish; the publication must not be recorded. Returns the page with the reasons."""
    page = client.post(url("report_publish", consultation), follow=True).content.decode()
    assert "The report has been published on the portal." not in page
    assert Consultation.objects.get(pk=consultation.pk).report_published_at is None
    return page


@pytest.mark.parametrize("justification", ["", "   \n\t "], ids=["empty", "blank"])
def test_an_answer_whose_justification_is_empty_or_blank_blocks_publication(client, ready, justification):
    # The answer services refuse such a justification; a row changed behind their back is still caught.
    RemarkResponse.objects.filter(consultation=ready, remarks__number=3).update(justification=justification)

    page = refused(client, ready)

    assert "1 remark(s) still lack a stance with its justification." in page


def test_an_answer_without_a_stance_blocks_publication(client, ready):
    RemarkResponse.objects.filter(consultation=ready, remarks__number=4).update(stance="")

    page = refused(client, ready)

    assert "1 remark(s) still lack a stance with its justification." in page


def test_a_remark_awaiting_screening_blocks_publication(client, answered):
    # A letter registered after the others: answered, and the files generated again, but never screened.
    submission_create(actor=None, consultation=answered, now=DURING, channel="email", received_at=DURING,
                      submitter_kind="person", remarks=[{"content": "Uwaga z listu."}])
    remark = Remark.objects.get(consultation=answered, content="Uwaga z listu.")
    response_create(actor=None, consultation=answered, remarks=[remark], stance="rejected", justification="Nie.")
    login(client, answered, MR.COORDINATOR)
    generate_all(client, answered)

    page = refused(client, answered)

    assert "1 remark(s) have not been screened yet: publish or hide each of them." in page


def test_a_public_file_older_than_an_answer_changed_since_blocks_publication(client, ready, time_machine):
    time_machine.move_to(AFTER + dt.timedelta(hours=1), tick=False)
    response = RemarkResponse.objects.get(consultation=ready, remarks__number=2)
    response_update(actor=None, response=response, stance="accepted", justification="Uwzględniono po namyśle.")

    page = refused(client, ready)

    for format in ("DOCX", "PDF", "XLSX"):
        assert (f"The public report in {format} is older than the last change in the register: generate it again."
                in page)


def test_a_public_file_older_than_a_screening_changed_since_blocks_publication(client, ready, time_machine):
    time_machine.move_to(AFTER + dt.timedelta(hours=1), tick=False)
    remark_hide(actor=None, remark=Remark.objects.get(consultation=ready, number=1), reason="wulgaryzmy")

    page = refused(client, ready)

    assert "The public report in PDF is older than the last change in the register: generate it again." in page


def test_a_missing_public_file_blocks_publication(client, answered):
    login(client, answered, MR.COORDINATOR)
    for variant in ("public", "internal"):
        for format in ("docx", "pdf", "xlsx"):
            if (variant, format) != ("public", "xlsx"):
                support.generate(answered, variant, format)

    page = refused(client, answered)

    assert "The public report in XLSX has not been generated." in page
    assert "The public report in DOCX has not been generated." not in page


def test_a_failed_rendering_counts_as_a_missing_file(client, ready):
    ReportFile.objects.filter(consultation=ready, variant="public", format="pdf").update(
        status=ExportStatus.FAILED, file="", error="RuntimeError: przerwano")

    page = refused(client, ready)

    assert "The public report in PDF has not been generated." in page
