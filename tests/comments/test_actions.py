"""Writing, replying, editing and reporting through the public pages: with htmx in place and without JavaScript,
bad input kept, the server's clock deciding, each action behind its check."""

import datetime as dt

import pytest

from strategia.comments.enums import CommentState, FlagReason
from strategia.comments.models import Comment, Flag
from strategia.comments.services import comment_create, comment_hide
from tests.comments.conftest import AFTER, comment_url, create_url, thread_url
from tests.factories import MunicipalityFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def comment(idea, author, during):
    return comment_create(actor=author, target=idea, body="Dobry pomysł, popieram.")


# --- writing --------------------------------------------------------------------------------------------------

def test_a_resident_comments_without_javascript_and_returns_to_the_page_at_the_comment(client, idea, resident,
                                                                                      during):
    client.force_login(resident)

    response = client.post(create_url(idea), {"body": "Świetny pomysł", "next": "/gdzies/strona-pomyslu/"})

    comment = Comment.objects.get()
    assert (comment.author, comment.body, comment.parent) == (resident, "Świetny pomysł", None)
    assert response.status_code == 302
    assert response["Location"] == f"/gdzies/strona-pomyslu/#komentarz-{comment.pk}"


def test_the_return_address_must_be_on_this_site(client, idea, resident, during):
    client.force_login(resident)

    response = client.post(create_url(idea), {"body": "Tekst", "next": "https://zly.example.org/"})

    assert response["Location"].startswith(thread_url(idea))


def test_with_htmx_the_thread_is_rendered_again_in_place(client, idea, resident, during):
    client.force_login(resident)

    response = client.post(create_url(idea), {"body": "Na żywo", "next": "/x/"}, **HTMX)

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#komentarze" and response["HX-Reswap"] == "innerHTML"
    html = response.content.decode()
    assert "Na żywo" in html and "data-focus-after-swap" in html and "<html" not in html


def test_an_empty_comment_is_refused_and_shown_again_with_the_error(client, idea, resident, during):
    client.force_login(resident)

    response = client.post(create_url(idea), {"body": "   "})

    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_a_too_long_comment_keeps_its_text(client, idea, resident, during):
    client.force_login(resident)
    text = "Bardzo długi komentarz. " * 200

    response = client.post(create_url(idea), {"body": text}, **HTMX)

    html = response.content.decode()
    assert "error-summary" in html and "Bardzo długi komentarz." in html and "<html" not in html
    assert not Comment.objects.exists()


def test_comments_close_when_the_governing_activity_ends(client, idea, resident, time_machine):
    time_machine.move_to(AFTER, tick=False)
    client.force_login(resident)

    response = client.post(create_url(idea), {"body": "Za późno"})

    assert response.status_code == 200
    assert "Comments are closed" in response.content.decode()
    assert "Za późno" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_last_day_of_the_activity_still_takes_comments(client, idea, resident, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 31, 23, 59, tzinfo=AFTER.tzinfo), tick=False)
    client.force_login(resident)

    client.post(create_url(idea), {"body": "W ostatniej chwili"})

    assert Comment.objects.filter(body="W ostatniej chwili").exists()


def test_a_pending_idea_cannot_be_commented(client, make_idea, resident, during):
    pending = make_idea(publish=False)
    client.force_login(resident)

    assert client.post(create_url(pending), {"body": "Tekst"}).status_code == 404
    assert not Comment.objects.exists()


# --- replying -------------------------------------------------------------------------------------------------

def test_a_reply_opens_in_place_with_htmx(client, comment, resident):
    client.force_login(resident)

    response = client.get(comment_url("reply", comment), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'hx-target="#komentarz-{comment.pk}-slot"' in html and 'name="body"' in html


def test_without_javascript_the_reply_has_a_page_of_its_own(client, comment, resident):
    client.force_login(resident)

    html = client.get(comment_url("reply", comment) + "?next=/strona/").content.decode()

    assert "<h1>Reply to Anna Nowak</h1>" in html and "Dobry pomysł, popieram." in html
    assert 'value="/strona/"' in html


def test_a_reply_joins_the_comment(client, comment, resident):
    client.force_login(resident)

    client.post(comment_url("reply", comment), {"body": "Zgadzam się"})

    assert Comment.objects.get(body="Zgadzam się").parent == comment


def test_a_reply_to_a_reply_is_stored_under_the_first_comment(client, comment, resident, author):
    reply = comment_create(actor=resident, target=comment.target, body="Odpowiedź", parent=comment)
    client.force_login(author)

    client.post(comment_url("reply", reply), {"body": "Odpowiedź na odpowiedź"})

    assert Comment.objects.get(body="Odpowiedź na odpowiedź").parent == comment


def test_a_hidden_comment_cannot_be_answered(client, comment, resident, moderator):
    comment_hide(actor=moderator, comment=comment, reason=FlagReason.SPAM)
    client.force_login(resident)

    assert client.post(comment_url("reply", comment), {"body": "Tekst"}).status_code == 404


# --- editing --------------------------------------------------------------------------------------------------

def test_the_author_may_edit_at_14_59_after_posting(client, comment, author, during):
    during.shift(dt.timedelta(minutes=14, seconds=59))
    client.force_login(author)

    assert "Edit" in client.get(thread_url(comment.target)).content.decode()
    response = client.post(comment_url("edit", comment), {"body": "Poprawiony"})

    comment.refresh_from_db()
    assert response.status_code == 302 and comment.body == "Poprawiony" and comment.edited_at is not None


def test_at_15_01_the_edit_link_is_gone_and_the_server_refuses(client, comment, author, during):
    during.shift(dt.timedelta(minutes=15, seconds=1))
    client.force_login(author)

    assert comment_url("edit", comment) not in client.get(thread_url(comment.target)).content.decode()
    response = client.post(comment_url("edit", comment), {"body": "Za późno"})

    comment.refresh_from_db()
    assert comment.body == "Dobry pomysł, popieram."
    assert response.status_code == 200 and "within 15 minutes" in response.content.decode()
    assert "Za późno" in response.content.decode()  # what was typed is kept


def test_after_the_window_the_edit_page_says_so_without_a_form(client, comment, author, during):
    during.shift(dt.timedelta(minutes=16))
    client.force_login(author)

    html = client.get(comment_url("edit", comment)).content.decode()

    assert "can no longer be changed" in html and 'name="body"' not in html


def test_only_the_author_may_edit(client, comment, resident):
    client.force_login(resident)

    assert client.get(comment_url("edit", comment)).status_code == 403
    assert client.post(comment_url("edit", comment), {"body": "Cudzy"}).status_code == 403


def test_the_edit_link_is_shown_only_to_the_author(client, comment, resident):
    client.force_login(resident)

    assert comment_url("edit", comment) not in client.get(thread_url(comment.target)).content.decode()


# --- reporting ------------------------------------------------------------------------------------------------

def test_a_report_needs_a_reason_and_keeps_the_explanation(client, comment, resident):
    client.force_login(resident)

    response = client.post(comment_url("flag", comment), {"reason": "", "explanation": "Wulgaryzmy"})

    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html and "Wulgaryzmy" in html
    assert not Flag.objects.exists()


def test_a_resident_reports_a_comment_with_a_reason(client, comment, resident):
    client.force_login(resident)

    response = client.post(comment_url("flag", comment), {"reason": FlagReason.OFFENSIVE, "explanation": "Obelgi"})

    flag = Flag.objects.get()
    assert (flag.user, flag.reason, flag.explanation) == (resident, FlagReason.OFFENSIVE, "Obelgi")
    assert response.status_code == 302


def test_a_comment_is_reported_once_per_user_and_the_second_time_says_already_reported(client, comment, resident):
    client.force_login(resident)
    client.post(comment_url("flag", comment), {"reason": FlagReason.SPAM})

    response = client.post(comment_url("flag", comment), {"reason": FlagReason.OFFENSIVE}, **HTMX)

    assert Flag.objects.count() == 1
    assert "You have already reported this comment." in response.content.decode()
    assert "You have already reported this comment." in client.get(comment_url("flag", comment)).content.decode()


def test_with_htmx_the_report_is_thanked_in_place(client, comment, resident):
    client.force_login(resident)

    response = client.post(comment_url("flag", comment), {"reason": FlagReason.SPAM}, **HTMX)

    html = response.content.decode()
    assert "Thank you. The moderators will check the comment." in html and "<html" not in html


def test_another_user_may_report_the_same_comment(client, comment, resident):
    Flag.objects.create(comment=comment, user=UserFactory(), reason=FlagReason.SPAM)
    client.force_login(resident)

    client.post(comment_url("flag", comment), {"reason": FlagReason.SPAM})

    assert Flag.objects.filter(comment=comment).count() == 2


# --- who may do what ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["reply", "edit", "flag"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, comment, name):
    response = client.get(comment_url(name, comment))

    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_an_anonymous_post_is_sent_to_log_in_and_nothing_is_stored(client, idea, during):
    response = client.post(create_url(idea), {"body": "Anonim"})

    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    assert not Comment.objects.exists()


def test_creating_takes_only_post(client, idea, resident, during):
    client.force_login(resident)

    assert client.get(create_url(idea)).status_code == 405


@pytest.mark.parametrize("name", ["reply", "flag"])
def test_a_resident_may_open_the_reply_and_report_pages(client, comment, resident, name):
    client.force_login(resident)

    assert client.get(comment_url(name, comment)).status_code == 200


@pytest.mark.parametrize("name", ["reply", "edit", "flag"])
def test_a_comment_seen_through_another_municipality_is_404(client, comment, author, name):
    other = MunicipalityFactory()
    client.force_login(author)
    url = comment_url(name, comment).replace(f"/{comment.process.municipality.slug}/", f"/{other.slug}/")

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["reply", "flag"])
def test_the_comments_of_a_hidden_idea_cannot_be_reached(client, comment, resident, moderator, name):
    from strategia.proposals.services import proposal_hide

    proposal_hide(actor=moderator, proposal=comment.target, reason="advertising", explanation="Reklama.")
    client.force_login(resident)

    assert client.get(comment_url(name, comment)).status_code == 404


def test_a_hidden_comment_cannot_be_edited_or_reported(client, comment, author, resident, moderator):
    comment_hide(actor=moderator, comment=comment, reason=FlagReason.SPAM)
    client.force_login(resident)
    assert client.get(comment_url("flag", comment)).status_code == 404
    client.force_login(author)
    assert client.get(comment_url("edit", comment)).status_code == 404
    assert Comment.objects.get().state == CommentState.HIDDEN
