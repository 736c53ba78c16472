"""Residents' remarks on the platform (issue #4 point 5): a link per paragraph while the consultation is open, the
remark form (one or more remarks, pre-filled from the paragraph), late remarks stored and marked, the tracking page
reached only with its token, and a reading view whose query count does not grow with the paragraphs."""

import datetime as dt
import re
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.consultation.models import Remark, Submission
from strategia.consultation.selectors import consultation_open_for_version
from strategia.consultation.services import consultation_announce, consultation_create
from strategia.documents.enums import VersionStage
from strategia.documents.services import chapter_create, document_create, paragraph_create, version_freeze

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
ANNOUNCED_AT = dt.datetime(2026, 6, 1, 10, 0, tzinfo=WARSAW)
DURING = dt.datetime(2026, 6, 10, 12, 0, tzinfo=WARSAW)
AFTER_LAST_DAY = dt.datetime(2026, 7, 7, 0, 30, tzinfo=WARSAW)  # the last day is 6 July 2026

@pytest.fixture
def clock():
    with time_machine.travel(DURING, tick=False) as traveller:
        yield traveller


def _open_consultation(process, version):
    consultation = consultation_create(actor=None, process=process, document_version=version,
                                       title="Konsultacje projektu strategii",
                                       planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    return consultation_announce(actor=None, consultation=consultation, now=ANNOUNCED_AT)


@pytest.fixture
def consultation(process, frozen_draft, clock):
    return _open_consultation(process, frozen_draft)


@pytest.fixture
def paragraph(frozen_draft):
    return frozen_draft.blocks.filter(is_heading=False).first()


def _form_url(consultation):
    process = consultation.process
    return reverse("consultation:remark_form", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "consultation_id": consultation.pk})


def _post_data(remarks, **submitter):
    data = {"submitter_kind": "person", "category": "resident", "submitter_name": "", "contact_email": "",
            "contact_phone": "", "website": "", "uwagi-TOTAL_FORMS": str(len(remarks)), "uwagi-INITIAL_FORMS": "0",
            "uwagi-MIN_NUM_FORMS": "1", "uwagi-MAX_NUM_FORMS": "50", **submitter}
    for index, remark in enumerate(remarks):
        for key, value in remark.items():
            data[f"uwagi-{index}-{key}"] = value
    return data


def _frozen_with_paragraphs(process, count, slug):
    document = document_create(actor=None, process=process, title=f"Dokument {slug}", slug=slug)
    working = document.versions.get(number=1)
    chapter = chapter_create(actor=None, version=working, title="Cele")
    for number in range(count):
        paragraph_create(actor=None, chapter=chapter, text=f"Akapit {number}.")
    return version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)


# --- the link per paragraph -------------------------------------------------------------------------------------

def test_each_paragraph_offers_a_remark_link_with_its_number_while_the_consultation_is_open(
        client, consultation, paragraph):
    page = client.get(paragraph.version.get_absolute_url()).content.decode()
    assert f'href="{_form_url(consultation)}?pkt={paragraph.uid}"' in page
    assert re.search(rf'class="remark-link"[^>]*>[^<]*\b{re.escape(paragraph.display_number)}</a>', page)
    assert f'hx-target="#uwaga-{paragraph.uid}"' in page


def test_no_remark_link_before_the_announcement(client, process, frozen_draft, paragraph, clock):
    consultation_create(actor=None, process=process, document_version=frozen_draft, title="K",
                        planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    page = client.get(frozen_draft.get_absolute_url()).content.decode()
    assert "remark-link" not in page


def test_no_remark_link_after_the_last_day(client, consultation, paragraph, clock):
    clock.move_to(AFTER_LAST_DAY)
    page = client.get(paragraph.version.get_absolute_url()).content.decode()
    assert "remark-link" not in page


def test_a_working_version_never_has_an_open_consultation(consultation, frozen_draft):
    working = frozen_draft.document.versions.filter(frozen_at__isnull=True).first()
    assert working is not None
    assert consultation_open_for_version(version=working) is None
    assert consultation_open_for_version(version=frozen_draft) == consultation


def test_the_reading_view_query_count_does_not_grow_with_the_paragraphs(client, process, clock):
    small, large = _frozen_with_paragraphs(process, 5, "maly"), _frozen_with_paragraphs(process, 100, "duzy")
    _open_consultation(process, small)
    _open_consultation(process, large)
    counts = []
    for version in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(version.get_absolute_url()).content.decode()
        assert "remark-link" in page
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


# --- the form ---------------------------------------------------------------------------------------------------

def test_the_form_prefills_the_point_and_its_current_wording_from_pkt(client, consultation, paragraph):
    page = client.get(f"{_form_url(consultation)}?pkt={paragraph.uid}").content.decode()
    assert f'value="{paragraph.display_number}"' in page
    assert f"{paragraph.text}</textarea>" in page
    assert f'href="{paragraph.version.get_absolute_url()}#{paragraph.anchor}"' in page


@pytest.mark.parametrize("uid", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
def test_the_form_is_404_for_a_point_not_in_the_consulted_version(client, consultation, uid):
    assert client.get(f"{_form_url(consultation)}?pkt={uid}").status_code == 404


def test_htmx_gets_only_the_form_partial_with_focus_moved_into_it(client, consultation, paragraph):
    response = client.get(f"{_form_url(consultation)}?pkt={paragraph.uid}", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page
    assert "data-focus-after-swap" in page
    assert re.search(rf"<h2>[^<]*\b{re.escape(paragraph.display_number)}</h2>", page)


def test_a_submission_with_three_remarks_is_stored_once_with_its_three_remarks(client, consultation, paragraph):
    remarks = [{"block_uid": str(paragraph.uid), "fragment": paragraph.display_number,
                "current_wording": paragraph.text, "proposed_wording": "Cel 1a.", "content": "Doprecyzować."},
               {"fragment": "rozdział 2", "content": "Brak mowy o drogach."},
               {"content": "Uwaga ogólna."}]
    response = client.post(_form_url(consultation), _post_data(remarks))
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert submission.channel == "platform"
    assert [r.content for r in submission.remarks.all()] == ["Doprecyzować.", "Brak mowy o drogach.", "Uwaga ogólna."]
    assert submission.remarks.first().block_uid == paragraph.uid
    assert submission.remarks.first().display_number == paragraph.display_number


def test_add_another_remark_adds_a_block_and_keeps_what_was_typed(client, consultation):
    data = _post_data([{"fragment": "pkt 1", "content": "Pierwsza uwaga."}], submitter_name="Jan Kowalski",
                      add_remark="1")
    page = client.post(_form_url(consultation), data).content.decode()
    assert Submission.objects.count() == 0
    assert 'name="uwagi-1-content"' in page
    assert "Pierwsza uwaga.</textarea>" in page
    assert 'value="Jan Kowalski"' in page
    assert "data-error-summary" not in page


def test_bad_input_shows_the_errors_and_keeps_everything_typed(client, consultation):
    data = _post_data([{"fragment": "pkt 1", "proposed_wording": "Nowe brzmienie.", "content": ""}],
                      submitter_kind="organisation", organisation_name="", submitter_name="Anna Nowak",
                      contact_email="zly-adres")
    page = client.post(_form_url(consultation), data).content.decode()
    assert Submission.objects.count() == 0
    assert "data-error-summary" in page
    assert 'aria-invalid="true"' in page
    assert "Nowe brzmienie.</textarea>" in page
    assert 'value="Anna Nowak"' in page
    assert 'value="zly-adres"' in page


def test_contact_details_are_optional(client, consultation):
    client.post(_form_url(consultation), _post_data([{"content": "Uwaga."}]))
    submission = Submission.objects.get()
    assert (submission.contact_email, submission.contact_phone) == ("", "")


def test_the_name_is_not_kept_for_an_anonymous_submission(client, consultation):
    client.post(_form_url(consultation), _post_data([{"content": "Uwaga."}], submitter_kind="anonymous",
                                                    submitter_name="Jan", consent_publish_name="on"))
    submission = Submission.objects.get()
    assert (submission.submitter_name, submission.consent_publish_name) == ("", False)


def test_a_late_submission_is_stored_marked_late_and_the_confirmation_says_so(client, consultation, clock):
    clock.move_to(AFTER_LAST_DAY)
    form_page = client.get(_form_url(consultation)).content.decode()
    assert "data-late-notice" in form_page
    response = client.post(_form_url(consultation), _post_data([{"content": "Spóźniona uwaga."}]), follow=True)
    submission = Submission.objects.get()
    assert submission.is_late
    assert "data-late" in response.content.decode()


def test_a_confirmation_email_with_the_tracking_link_goes_to_a_given_address(
        client, consultation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_form_url(consultation), _post_data([{"content": "Uwaga."}], contact_email="jan@example.org"))
    [email] = mail.outbox
    assert email.to == ["jan@example.org"]
    assert Submission.objects.get().tracking_token in email.body


def test_a_filled_honeypot_does_not_drop_the_submission_but_holds_it_for_review(client, consultation):
    client.post(_form_url(consultation), _post_data([{"content": "Uwaga."}], website="http://spam.example"))
    assert Submission.objects.get().held_for_review


def test_a_flood_from_one_address_is_stored_but_held_for_review(client, consultation, monkeypatch):
    from strategia.consultation import views

    monkeypatch.setattr(views, "SUBMISSIONS_PER_WINDOW", 2)
    for number in range(3):
        client.post(_form_url(consultation), _post_data([{"content": f"Uwaga {number}."}]))
    held = list(Submission.objects.order_by("number").values_list("held_for_review", flat=True))
    assert held == [False, False, True]


def test_an_ordinary_submission_is_not_held_for_review(client, consultation):
    client.post(_form_url(consultation), _post_data([{"content": "Uwaga."}]))
    assert not Submission.objects.get().held_for_review


def test_the_honeypot_is_hidden_from_everyone(client, consultation):
    page = client.get(_form_url(consultation)).content.decode()
    hidden_part = page.split("<div hidden>", 1)[1].split("</fieldset>", 1)[0]
    assert 'name="website"' in hidden_part
    assert 'autocomplete="off"' in hidden_part


# --- tracking ---------------------------------------------------------------------------------------------------

def test_the_tracking_page_shows_the_submission_and_its_remarks(client, consultation):
    response = client.post(_form_url(consultation), _post_data([{"content": "Moja uwaga."}]), follow=True)
    page = response.content.decode()
    token = Submission.objects.get().tracking_token
    assert f"/konsultacje/sledzenie/{token}/" in page
    assert "Moja uwaga." in page
    assert "data-late" not in page


def test_the_tracking_page_is_404_without_the_right_token(client, consultation):
    client.post(_form_url(consultation), _post_data([{"content": "Moja uwaga."}]))
    process = consultation.process
    url = reverse("consultation:tracking", kwargs={"municipality_slug": process.municipality.slug,
                                                   "process_slug": process.slug, "token": "zgadniety-token"})
    assert client.get(url).status_code == 404


def test_no_remarks_are_taken_for_a_consultation_not_announced(client, process, frozen_draft, clock):
    draft = consultation_create(actor=None, process=process, document_version=frozen_draft, title="K",
                                planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    assert client.get(_form_url(draft)).status_code == 404
    assert Remark.objects.count() == 0
