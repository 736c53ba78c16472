"""The public answers after the report (issue #4 point 10): each remark with its answer, per paragraph of the
consulted version; general and forecast remarks apart; hidden remarks without their text; the tracking page shows
the resident the answer once the report is published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.consultation.models import Remark, Submission
from strategia.consultation.report_services import report_publish
from strategia.consultation.review_services import response_update
from strategia.consultation.services import submission_create
from strategia.documents.enums import VersionStage
from strategia.documents.services import version_freeze
from tests.consultation import test_report_support as support
from tests.consultation.test_report_support import (
    DURING,
    HIDDEN_CONTENT,
    HIDDEN_REASON,
    SCRIPT,
)

pytestmark = pytest.mark.django_db


def publish(consultation):
    for format in ("docx", "pdf", "xlsx"):
        support.generate(consultation, "public", format)
    return report_publish(actor=None, consultation=consultation)


def answers_url(consultation, process_slug=None):
    return reverse("consultation:answers", kwargs={
        "municipality_slug": consultation.process.municipality.slug,
        "process_slug": process_slug or consultation.process.slug, "consultation_id": consultation.pk})


def tracking_url(submission):
    return reverse("consultation:tracking", kwargs={
        "municipality_slug": submission.consultation.process.municipality.slug,
        "process_slug": submission.consultation.process.slug, "token": submission.tracking_token})


def page(client, url):
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_before_publication_the_page_says_when_the_report_is_due(client, answered):
    html = page(client, answers_url(answered))

    assert "data-report-pending" in html and "5 August 2026" in html
    assert "Uzasadnienie stanowiska 1." not in html


def test_after_publication_each_remark_appears_under_its_paragraph_with_the_answer(client, answered):
    publish(answered)
    paragraph = support.first_paragraph(answered)

    html = page(client, answers_url(answered))

    section = html.split(f'id="odp-{paragraph.anchor}"')[1].split("</section>")[0]
    assert "Remark no. 1" in section and "Remark no. 3" in section
    assert "Uzasadnienie stanowiska 1." in section and "Uzasadnienie stanowiska 3." in section
    assert 'data-stance="accepted"' in section and 'data-stance="rejected"' in section


def test_general_and_forecast_remarks_have_their_own_sections(client, answered):
    publish(answered)

    html = page(client, answers_url(answered))

    general = html.split('id="uwagi-ogolne"')[1].split("</section>")[0]
    forecast = html.split('id="uwagi-prognoza"')[1].split("</section>")[0]
    assert "Brakuje celu dotyczącego zieleni." in general and "Uwaga po terminie." in general
    assert "Uzupełnić wariant alternatywny." in forecast


def test_a_hidden_remark_shows_its_answer_and_reason_but_not_its_text(client, answered):
    publish(answered)

    html = page(client, answers_url(answered))

    assert HIDDEN_CONTENT not in html and HIDDEN_REASON in html and "Uzasadnienie stanowiska 4." in html


def test_user_text_is_escaped(client, answered):
    publish(answered)

    html = page(client, answers_url(answered))

    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_the_answer_links_to_the_paragraph_in_the_changed_version(client, answered):
    working = answered.document_version.document.versions.get(frozen_at=None)
    later = version_freeze(actor=None, version=working, stage=VersionStage.AFTER_CONSULTATION)
    remark = Remark.objects.get(consultation=answered, number=1)
    response_update(actor=None, response=remark.response, stance="accepted", justification="Tak.",
                    resulting_change="Zmieniono.", change_version=later)
    publish(answered)
    paragraph = support.first_paragraph(answered)

    html = page(client, answers_url(answered))

    assert f'href="{later.get_absolute_url()}#{paragraph.anchor}"' in html


def test_the_page_reads_in_a_fixed_number_of_queries(client, answered):
    publish(answered)
    client.get(answers_url(answered))
    with CaptureQueriesContext(connection) as few:
        client.get(answers_url(answered))
    for remark in Remark.objects.filter(consultation=answered)[:1]:
        for _ in range(8):
            submission = submission_create(
                actor=None, consultation=answered, now=DURING, channel="email", received_at=DURING,
                submitter_kind="anonymous", remarks=[{"block_uid": remark.block_uid, "content": "z"}])
            Remark.objects.filter(submission=submission).update(response=remark.response)
    with CaptureQueriesContext(connection) as many:
        client.get(answers_url(answered))
    assert len(many) == len(few)


def test_a_consultation_of_another_process_is_404(client, answered):
    assert client.get(answers_url(answered, process_slug="inny-proces")).status_code == 404


# --- the tracking page ----------------------------------------------------------------------------------------

def test_the_tracking_page_says_the_answer_is_in_preparation_before_publication(client, answered):
    submission = Submission.objects.get(consultation=answered, number=1)

    html = page(client, tracking_url(submission))

    assert "data-answers-pending" in html and "Uzasadnienie stanowiska 1." not in html


def test_the_tracking_page_shows_each_answer_once_the_report_is_published(client, answered):
    publish(answered)
    submission = Submission.objects.get(consultation=answered, number=2)

    html = page(client, tracking_url(submission))

    assert "data-answers-published" in html
    assert "Uzasadnienie stanowiska 2." in html and "Uzasadnienie stanowiska 3." in html
    assert 'data-stance="partly"' in html


def test_the_tracking_page_shows_the_submitter_their_own_hidden_remark(client, answered):
    publish(answered)
    submission = Submission.objects.get(consultation=answered, number=3)

    html = page(client, tracking_url(submission))

    assert HIDDEN_CONTENT in html and "Uzasadnienie stanowiska 4." in html


def test_the_tracking_page_takes_the_same_queries_for_one_remark_and_for_many(client, answered):
    publish(answered)
    one = Submission.objects.get(consultation=answered, number=1)
    many = submission_create(actor=None, consultation=answered, channel="email", submitter_kind="person",
                             remarks=[{"content": f"Uwaga {n}."} for n in range(8)])
    page(client, tracking_url(one))  # warm the session
    with CaptureQueriesContext(connection) as few_queries:
        page(client, tracking_url(one))
    with CaptureQueriesContext(connection) as many_queries:
        page(client, tracking_url(many))
    assert len(many_queries) == len(few_queries)
