"""The reading view after the consultation report (issue #4 points 10 and 12): each paragraph that received remarks
links to their answers; the number of queries does not grow with the remarks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategia.consultation.report_services import report_publish
from strategia.consultation.services import submission_create
from tests.consultation import test_report_support as support
from tests.documents.test_reading import READING_VIEW_QUERIES

pytestmark = pytest.mark.django_db


def _publish(consultation):
    for format in ("docx", "pdf", "xlsx"):
        support.generate(consultation, "public", format)
    return report_publish(actor=None, consultation=consultation)


def _read(client, consultation):
    client.cookies["django_language"] = "en"
    return client.get(consultation.document_version.get_absolute_url()).content.decode()


def test_before_the_report_is_published_the_reading_view_links_to_no_answers(client, answered):
    assert "Answer to 1 remark on point" not in _read(client, answered)


def test_after_the_report_each_paragraph_with_remarks_links_to_their_answers(client, answered):
    consultation = _publish(answered)
    paragraph = support.first_paragraph(consultation)
    html = _read(client, consultation)
    # one remark sent from the paragraph, one typed by staff from a letter naming the point's number
    assert f"Answers to 2 remarks on point {paragraph.display_number}" in html
    assert f"/konsultacje/{consultation.pk}/odpowiedzi/#odp-{paragraph.anchor}" in html


def test_the_reading_view_with_answers_takes_the_same_queries_whatever_the_number_of_remarks(client, answered):
    consultation = _publish(answered)
    paragraph = support.first_paragraph(consultation)
    client.get(consultation.document_version.get_absolute_url())  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(consultation.document_version.get_absolute_url())
    for _ in range(10):
        submission_create(actor=None, consultation=consultation, channel="email", submitter_kind="person",
                          remarks=[{"block_uid": paragraph.uid, "content": "Jeszcze jedna uwaga."}])
    with CaptureQueriesContext(connection) as many:
        html = _read(client, consultation)
    assert "Answers to 12 remarks on point" in html
    assert len(many) == len(few) == READING_VIEW_QUERIES + 1  # + the remarks per paragraph
