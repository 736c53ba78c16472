"""The discussion under a commentable target: the selector the including page calls, and the thread as the public
sees it (order, one level of replies, names never e-mails, Warsaw time, edited and hidden marks, the form or why
there is none)."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from strategia.comments.enums import FlagReason
from strategia.comments.selectors import comments_for
from strategia.comments.services import comment_create, comment_edit, comment_hide
from strategia.proposals.services import proposal_hide
from tests.comments.conftest import AFTER, thread_url
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


def test_comments_come_oldest_first_with_replies_under_their_comment(idea, author, resident, during):
    first = comment_create(actor=author, target=idea, body="Pierwszy")
    during.shift(dt.timedelta(minutes=1))
    second = comment_create(actor=resident, target=idea, body="Drugi")
    during.shift(dt.timedelta(minutes=1))
    reply = comment_create(actor=resident, target=idea, body="Odpowiedź", parent=first)

    thread = comments_for(idea, None)

    assert [c.pk for c in thread.comments] == [first.pk, second.pk]
    assert [c.pk for c in thread.comments[0].thread_replies] == [reply.pk]
    assert thread.count == 3


def test_a_reply_to_a_reply_joins_the_thread_one_level_deep(idea, author, resident, during):
    first = comment_create(actor=author, target=idea, body="Pierwszy")
    reply = comment_create(actor=resident, target=idea, body="Odpowiedź", parent=first)

    deeper = comment_create(actor=author, target=idea, body="Odpowiedź na odpowiedź", parent=reply)

    assert deeper.parent_id == first.pk
    assert [c.pk for c in comments_for(idea, None).comments[0].thread_replies] == [reply.pk, deeper.pk]


def test_the_thread_is_read_in_one_query_whatever_the_number_of_comments(idea, author, resident, during,
                                                                         django_assert_num_queries):
    for n in range(12):
        parent = comment_create(actor=author if n % 2 else resident, target=idea, body=f"Komentarz {n}")
        comment_create(actor=resident, target=idea, body=f"Odpowiedź {n}", parent=parent)
    idea.call.activity  # noqa: B018 - the including page has loaded its idea with the call and activity

    with django_assert_num_queries(1):
        thread = comments_for(idea, author)
        [c.author_label for c in thread.comments]


def test_the_thread_page_reads_the_same_number_of_queries_for_one_and_many_comments(
        client, idea, author, resident, during):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    comment_create(actor=author, target=idea, body="Jeden")
    client.force_login(resident)
    with CaptureQueriesContext(connection) as one:
        client.get(thread_url(idea))
    for n in range(10):
        parent = comment_create(actor=UserFactory(), target=idea, body=f"Komentarz {n}")
        comment_create(actor=UserFactory(), target=idea, body=f"Odpowiedź {n}", parent=parent)
    with CaptureQueriesContext(connection) as many:
        client.get(thread_url(idea))
    assert len(many) == len(one)


def test_the_author_is_shown_by_name_never_by_e_mail(client, idea, author, during):
    nameless = UserFactory(display_name="", first_name="", last_name="", email="tajny.adres@example.org")
    comment_create(actor=author, target=idea, body="Z imieniem")
    comment_create(actor=nameless, target=idea, body="Bez imienia")

    html = client.get(thread_url(idea)).content.decode()

    assert "Anna Nowak" in html
    assert "anna.nowak@example.org" not in html and "tajny.adres" not in html
    assert "Participant" in html


def test_the_time_is_shown_in_warsaw(client, idea, author, during):
    comment_create(actor=author, target=idea, body="O dwunastej")  # 12:00 in Warsaw, 11:00 UTC

    html = client.get(thread_url(idea)).content.decode()

    assert "12:00" in html and "11:00" not in html


def test_an_edited_comment_is_marked_edited(client, idea, author, during):
    comment = comment_create(actor=author, target=idea, body="Przed")
    comment_edit(actor=author, comment=comment, body="Po")

    html = client.get(thread_url(idea)).content.decode()

    assert "Po" in html and "edited" in html


def test_a_hidden_comment_shows_the_reason_without_its_text(client, idea, author, moderator, during):
    comment = comment_create(actor=author, target=idea, body="Treść obraźliwa")
    comment_hide(actor=moderator, comment=comment, reason=FlagReason.OFFENSIVE, explanation="Obelgi.")

    html = client.get(thread_url(idea)).content.decode()

    assert "Comment hidden by the moderator (offensive or insulting)" in html
    assert "Treść obraźliwa" not in html


def test_user_text_is_escaped(client, idea, author, during):
    comment_create(actor=author, target=idea, body="<script>alert(1)</script>")

    html = client.get(thread_url(idea)).content.decode()

    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_a_logged_in_user_gets_the_form_while_the_activity_runs(client, idea, resident, during):
    client.force_login(resident)

    html = client.get(thread_url(idea)).content.decode()

    assert 'name="body"' in html and "Publish the comment" in html


def test_an_anonymous_visitor_is_invited_to_log_in_and_come_back_to_the_thread(client, idea, during):
    html = client.get(thread_url(idea)).content.decode()

    assert 'name="body"' not in html
    assert "Log in to comment" in html
    assert f"/konto/login/?next={thread_url(idea)}%23komentarze" in html


def test_after_the_activity_ended_the_thread_says_comments_closed_with_it(client, idea, resident, time_machine):
    time_machine.move_to(AFTER, tick=False)
    client.force_login(resident)

    html = client.get(thread_url(idea)).content.decode()

    assert 'name="body"' not in html
    assert f"Commenting ended with “{idea.call.activity.short_title}” on 31 March 2026" in html


def test_the_include_renders_on_any_page_with_the_selector(idea, author, resident, during):
    comment_create(actor=author, target=idea, body="Włączony wątek")
    request = RequestFactory().get("/gmina/strona-pomyslu/")
    request.user = resident

    html = render_to_string("comments/includes/thread.html",
                            {"thread": comments_for(idea, resident)}, request=request)

    assert 'id="komentarze"' in html and "Włączony wątek" in html
    assert 'value="/gmina/strona-pomyslu/"' in html  # the forms return to the including page


@pytest.mark.parametrize("hide", ["pending", "hidden"])
def test_the_thread_of_an_idea_the_public_may_not_see_does_not_exist(client, make_idea, moderator, during, hide):
    idea = make_idea(publish=hide == "hidden")
    if hide == "hidden":
        proposal_hide(actor=moderator, proposal=idea, reason="advertising", explanation="Reklama.")

    assert client.get(thread_url(idea)).status_code == 404


def test_the_thread_of_another_municipalitys_idea_is_404(client, idea, during):
    from tests.factories import MunicipalityFactory

    other = MunicipalityFactory()
    url = thread_url(idea).replace(f"/{idea.get_municipality().slug}/", f"/{other.slug}/")

    assert client.get(url).status_code == 404


def test_an_unknown_kind_is_404(client, idea, during):
    url = thread_url(idea).replace("proposals-proposal", "accounts-user")

    assert client.get(url).status_code == 404

