"""The staff moderation queue: reported comments first (most reported first), then recently hidden; hide with a
reason and an explanation, restore or dismiss (both resolve the reports); filter by process; paginated; the number
of queries does not grow with the rows; every page behind ``comments.moderate``."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.comments.enums import CommentState, FlagReason
from strategia.comments.models import Flag
from strategia.comments.selectors import moderation_queue
from strategia.comments.services import comment_create, comment_flag, comment_hide
from tests.comments.conftest import queue_url
from tests.factories import MunicipalityFactory, UserFactory, user_with_municipality_role, user_with_process_role


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


def staff_url(name, comment):
    return reverse(f"backoffice:comments_staff:{name}", kwargs={
        "municipality_slug": comment.process.municipality.slug, "comment_id": comment.pk})


def flagged(idea, times, *, body="Komentarz", reason=FlagReason.SPAM):
    comment = comment_create(actor=UserFactory(), target=idea, body=body)
    for _ in range(times):
        comment_flag(actor=UserFactory(), comment=comment, reason=reason)
    return comment


@pytest.fixture
def comment(idea, author, during):
    return comment_create(actor=author, target=idea, body="Treść do sprawdzenia")


# --- order ----------------------------------------------------------------------------------------------------

def test_reported_comments_come_first_most_reported_first_then_recently_hidden(idea, moderator, municipality,
                                                                                during):
    quiet = comment_create(actor=UserFactory(), target=idea, body="Nikt nie zgłosił")
    once = flagged(idea, 1, body="Raz")
    hidden_earlier = flagged(idea, 0, body="Ukryty wcześniej")
    comment_hide(actor=moderator, comment=hidden_earlier, reason=FlagReason.SPAM)
    during.shift(dt.timedelta(minutes=5))
    hidden_later = flagged(idea, 0, body="Ukryty później")
    comment_hide(actor=moderator, comment=hidden_later, reason=FlagReason.SPAM)
    thrice = flagged(idea, 3, body="Trzy razy")

    order = list(moderation_queue(municipality=municipality))

    assert order == [thrice, once, hidden_later, hidden_earlier]
    assert quiet not in order
    assert [c.open_flag_count for c in order] == [3, 1, 0, 0]


def test_the_queue_shows_the_reasons_with_their_counts(client, idea, moderator, during):
    comment = flagged(idea, 2, reason=FlagReason.OFFENSIVE)
    comment_flag(actor=UserFactory(), comment=comment, reason=FlagReason.SPAM, explanation="Reklama sklepu")
    client.force_login(moderator)

    html = client.get(queue_url(idea.get_municipality())).content.decode()

    assert "offensive or insulting: 2" in html and "spam or advertising: 1" in html
    assert "Reported 3 times" in html and "Reklama sklepu" in html


def test_the_queue_links_to_the_discussion_of_the_target(client, comment, moderator):
    comment_flag(actor=UserFactory(), comment=comment, reason=FlagReason.SPAM)
    client.force_login(moderator)

    html = client.get(queue_url(comment.process.municipality)).content.decode()

    assert f"/komentarze/proposals-proposal/{comment.target_id}/#komentarz-{comment.pk}" in html
    assert comment.target.title in html


def test_the_queue_is_filtered_by_process(client, idea, moderator, municipality, during):
    from strategia.processes.services import process_create_from_blueprint

    flagged(idea, 1, body="W tym procesie")
    other = process_create_from_blueprint(actor=None, municipality=municipality, title="Inny proces",
                                          slug="inny", start_year=2026, start_quarter=1, horizon_year=2035)
    client.force_login(moderator)

    assert "W tym procesie" not in client.get(queue_url(municipality, proces=other.slug)).content.decode()
    assert "W tym procesie" in client.get(queue_url(municipality, proces=idea.call.process.slug)).content.decode()


def test_the_queue_is_paginated(client, idea, moderator, municipality, during):
    for n in range(26):
        flagged(idea, 1, body=f"Zgłoszony {n}")
    client.force_login(moderator)

    first = client.get(queue_url(municipality)).content.decode()
    second = client.get(queue_url(municipality, strona=2)).content.decode()

    assert first.count('class="card"') == 25 and second.count('class="card"') == 1
    assert "Page 1 of 2" in first


def test_the_queue_reads_the_same_number_of_queries_for_one_and_many_rows(client, idea, moderator, municipality,
                                                                          during):
    flagged(idea, 1)
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as one:
        client.get(queue_url(municipality))
    for n in range(8):
        flagged(idea, 2, body=f"Kolejny {n}")
        comment_hide(actor=moderator, comment=flagged(idea, 0), reason=FlagReason.OTHER)
    with CaptureQueriesContext(connection) as many:
        client.get(queue_url(municipality))
    assert len(many) == len(one)


# --- hide, restore, dismiss -----------------------------------------------------------------------------------

def test_hiding_needs_a_reason_and_an_explanation_and_keeps_what_was_typed(client, comment, moderator):
    client.force_login(moderator)

    response = client.post(staff_url("hide", comment), {"reason": "", "explanation": "Wyjaśnienie moderatora"})

    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html and "Wyjaśnienie moderatora" in html
    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED


def test_hiding_resolves_the_open_reports(client, comment, moderator):
    comment_flag(actor=UserFactory(), comment=comment, reason=FlagReason.OFFENSIVE)
    client.force_login(moderator)

    response = client.post(staff_url("hide", comment), {"reason": FlagReason.OFFENSIVE, "explanation": "Obelgi"})

    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.state, comment.hide_reason, comment.hide_explanation) == (
        CommentState.HIDDEN, FlagReason.OFFENSIVE, "Obelgi")
    assert comment.hidden_at is not None
    assert Flag.objects.get().resolved_by == moderator


def test_restoring_shows_the_comment_again_and_resolves_reports(client, comment, moderator):
    comment_hide(actor=moderator, comment=comment, reason=FlagReason.SPAM)
    client.force_login(moderator)

    client.post(staff_url("restore", comment))

    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED and comment.hidden_at is None
    assert comment not in list(moderation_queue(municipality=comment.process.municipality))


def test_dismissing_the_reports_leaves_the_comment_visible_and_out_of_the_queue(client, comment, moderator):
    comment_flag(actor=UserFactory(), comment=comment, reason=FlagReason.SPAM)
    client.force_login(moderator)

    response = client.post(staff_url("restore", comment), {"query": "strona=2"})

    assert response["Location"].endswith("?strona=2")
    assert Flag.objects.get().resolved_at is not None
    assert comment not in list(moderation_queue(municipality=comment.process.municipality))


def test_the_return_query_cannot_carry_anything_but_the_filter_and_page(client, comment, moderator):
    client.force_login(moderator)

    response = client.post(staff_url("restore", comment), {"query": "next=https://zly.example.org"})

    assert "?" not in response["Location"]


def test_restore_takes_only_post(client, comment, moderator):
    client.force_login(moderator)

    assert client.get(staff_url("restore", comment)).status_code == 405


# --- who may open the pages -----------------------------------------------------------------------------------

PAGES = ["queue", "hide"]


def _url(name, comment):
    return queue_url(comment.process.municipality) if name == "queue" else staff_url(name, comment)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_log_in(client, comment, name):
    response = client.get(_url(name, comment))

    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_a_resident_without_a_role_gets_404(client, comment, resident, name):
    client.force_login(resident)

    assert client.get(_url(name, comment)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_staff_of_another_municipality_gets_404(client, comment, name):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR))

    assert client.get(_url(name, comment)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_a_role_without_moderation_gets_403(client, comment, process, name):
    client.force_login(user_with_process_role(process, PR.COUNCILLOR))

    assert client.get(_url(name, comment)).status_code == 403


@pytest.mark.parametrize("role", [MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF])
@pytest.mark.parametrize("name", PAGES)
def test_office_staff_may_moderate(client, comment, municipality, role, name):
    client.force_login(user_with_municipality_role(municipality, role))

    assert client.get(_url(name, comment)).status_code == 200


def test_a_comment_of_another_municipality_is_404_for_its_moderator(client, comment):
    other = MunicipalityFactory()
    client.force_login(user_with_municipality_role(other, MR.STAFF))
    url = staff_url("hide", comment).replace(f"/{comment.process.municipality.slug}/", f"/{other.slug}/")

    assert client.get(url).status_code == 404
    assert client.post(url.replace("ukryj", "przywroc")).status_code == 404
