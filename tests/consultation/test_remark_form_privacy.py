"""Personal data on the platform's remark form (issue #4 point 5): the RODO information clause next to the fields,
consent to publish the name stored as given, contact details optional, and nothing of a name kept for an anonymous
submission."""

import datetime as dt
import re
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from strategia.consultation.models import Submission
from strategia.consultation.services import consultation_announce, consultation_create

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
DURING = dt.datetime(2026, 6, 10, 12, 0, tzinfo=WARSAW)
PURPOSE = "zgłoszenia uwag do projektu strategii w konsultacjach społecznych"


@pytest.fixture
def consultation(process, frozen_draft):
    with time_machine.travel(DURING, tick=False):
        consultation = consultation_create(actor=None, process=process, document_version=frozen_draft,
                                           title="Konsultacje projektu strategii",
                                           planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
        yield consultation_announce(actor=None, consultation=consultation,
                                    now=dt.datetime(2026, 6, 1, 10, 0, tzinfo=WARSAW))


def form_url(consultation):
    process = consultation.process
    return reverse("consultation:remark_form", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "consultation_id": consultation.pk})


def post_data(**submitter):
    """One remark; only the fields given for the submitter (plus the kind and category the form requires)."""
    return {"submitter_kind": "person", "category": "resident", "uwagi-TOTAL_FORMS": "1", "uwagi-INITIAL_FORMS": "0",
            "uwagi-MIN_NUM_FORMS": "1", "uwagi-MAX_NUM_FORMS": "50", "uwagi-0-content": "Proszę dodać ścieżkę.",
            **submitter}


# --- the information clause ---------------------------------------------------------------------------------

@pytest.mark.parametrize("htmx", [False, True], ids=["page", "in-place"])
def test_the_form_shows_the_rodo_clause_with_the_controller_the_dpo_and_the_purpose(client, consultation, htmx):
    municipality = consultation.process.municipality
    headers = {"HX-Request": "true"} if htmx else {}

    page = client.get(form_url(consultation), headers=headers).content.decode()

    clause = page.split('<div class="rodo-clause" lang="pl">', 1)[1].split("</div>", 1)[0]
    assert "Informacja o przetwarzaniu danych osobowych" in clause
    assert f"Administratorem Państwa danych osobowych jest {municipality.controller_name}" in clause
    assert f'href="mailto:{municipality.dpo_email}"' in clause
    assert f"Dane przetwarzamy w celu {PURPOSE}" in clause
    assert "Podanie danych kontaktowych (e-mail, telefon) jest dobrowolne." in clause
    assert f'href="{reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug})}"' in clause


def test_the_clause_names_consent_as_the_basis_for_publishing_the_name(client, consultation):
    page = client.get(form_url(consultation)).content.decode()

    assert "na podstawie art. 6 ust. 1 lit. a RODO; zgodę można wycofać w każdej chwili" in page
    [checkbox] = re.findall(r'<input type="checkbox" name="consent_publish_name"[^>]*>', page)
    assert "checked" not in checkbox  # never ticked in advance


# --- consent to publish the name ----------------------------------------------------------------------------

def test_a_ticked_consent_is_stored_with_the_name(client, consultation):
    client.post(form_url(consultation), post_data(submitter_name="Anna Nowak", consent_publish_name="on"))

    submission = Submission.objects.get()
    assert (submission.submitter_name, submission.consent_publish_name) == ("Anna Nowak", True)


def test_without_the_tick_the_name_is_stored_without_consent(client, consultation):
    client.post(form_url(consultation), post_data(submitter_name="Anna Nowak"))

    submission = Submission.objects.get()
    assert (submission.submitter_name, submission.consent_publish_name) == ("Anna Nowak", False)


# --- contact details and anonymity --------------------------------------------------------------------------

def test_a_submission_without_any_contact_or_name_is_accepted(client, consultation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(consultation), post_data())

    submission = Submission.objects.get()
    assert response.status_code == 302 and f"/sledzenie/{submission.tracking_token}/" in response["Location"]
    assert (submission.submitter_name, submission.contact_email, submission.contact_phone) == ("", "", "")
    assert mail.outbox == []  # no address, no confirmation: the tracking link on the page is enough


def test_an_anonymous_submission_keeps_no_name_and_no_consent_even_if_typed(client, consultation):
    response = client.post(form_url(consultation), post_data(submitter_kind="anonymous", submitter_name="Jan Kowalski",
                                                            consent_publish_name="on"), follow=True)

    submission = Submission.objects.get()
    assert (submission.submitter_kind, submission.submitter_name) == ("anonymous", "")
    assert submission.consent_publish_name is False
    assert "Kowalski" not in response.content.decode()
