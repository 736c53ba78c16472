"""Comments' services: logged-in users comment while the governing activity runs, replies are one level deep, the
author edits within a window, each user flags a comment once, moderators hide and restore (resolving flags)."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from strategia.comments.enums import CommentState
from strategia.comments.models import Comment, Flag
from strategia.comments.services import (
    EDIT_WINDOW,
    comment_create,
    comment_edit,
    comment_flag,
    comment_hide,
    comment_restore,
    comments_open,
)
from strategia.proposals.services import proposal_publish, proposal_submit
from tests.factories import UserFactory
from tests.proposals.conftest import AFTER, DURING

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(call, theme):
    proposal = proposal_submit(actor=None, call=call, title="Ławki w parku", description="Przy tężni.",
                               theme=theme, now=DURING)
    return proposal_publish(actor=None, proposal=proposal)


@pytest.fixture
def clock():
    with time_machine.travel(DURING, tick=False) as traveller:
        yield traveller


def test_a_comment_has_real_keys_to_the_process_and_the_activity(idea, clock):
    comment = comment_create(actor=UserFactory(), target=idea, body="Popieram, ale z cieniem.")
    assert comment.process == idea.call.process and comment.activity == idea.call.activity
    assert comment.target == idea


def test_anonymous_users_cannot_comment(idea, clock):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValidationError):
        comment_create(actor=AnonymousUser(), target=idea, body="x")


def test_comments_close_when_the_governing_activity_ends(idea):
    with time_machine.travel(AFTER, tick=False):
        assert not comments_open(idea)
        with pytest.raises(ValidationError):
            comment_create(actor=UserFactory(), target=idea, body="Za późno.")


def test_an_unpublished_idea_takes_no_comments(call, theme, clock):
    pending = proposal_submit(actor=None, call=call, title="X", description="Y", theme=theme, now=DURING)
    assert not comments_open(pending)


def test_a_reply_to_a_reply_joins_the_first_level_thread(idea, clock):
    top = comment_create(actor=UserFactory(), target=idea, body="Pierwszy.")
    reply = comment_create(actor=UserFactory(), target=idea, body="Odpowiedź.", parent=top)
    deeper = comment_create(actor=UserFactory(), target=idea, body="Odpowiedź na odpowiedź.", parent=reply)
    assert reply.parent == top and deeper.parent == top


def test_an_empty_comment_is_refused(idea, clock):
    with pytest.raises(ValidationError):
        comment_create(actor=UserFactory(), target=idea, body="   ")


def test_the_author_edits_within_the_window_and_not_after(idea, clock):
    author = UserFactory()
    comment = comment_create(actor=author, target=idea, body="Pierwsza wersja.")
    comment_edit(actor=author, comment=comment, body="Poprawiona.", now=comment.created_at + EDIT_WINDOW)
    assert Comment.objects.get(pk=comment.pk).edited_at is not None
    with pytest.raises(ValidationError):
        comment_edit(actor=author, comment=comment, body="Za późno.",
                     now=comment.created_at + EDIT_WINDOW + dt.timedelta(seconds=1))


def test_only_the_author_edits(idea, clock):
    comment = comment_create(actor=UserFactory(), target=idea, body="Mój.")
    with pytest.raises(ValidationError):
        comment_edit(actor=UserFactory(), comment=comment, body="Cudzy.")


def test_a_user_flags_a_comment_once(idea, clock):
    comment, user = comment_create(actor=UserFactory(), target=idea, body="Spam."), UserFactory()
    assert comment_flag(actor=user, comment=comment, reason="spam") is not None
    assert comment_flag(actor=user, comment=comment, reason="offensive") is None
    assert Flag.objects.count() == 1


def test_hiding_and_restoring_resolve_the_open_flags(idea, clock):
    comment = comment_create(actor=UserFactory(), target=idea, body="Obraźliwy.")
    comment_flag(actor=UserFactory(), comment=comment, reason="offensive")
    comment_hide(actor=None, comment=comment, reason="offensive", explanation="Narusza regulamin.")
    assert Comment.objects.get(pk=comment.pk).state == CommentState.HIDDEN
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    comment_restore(actor=None, comment=comment)
    assert Comment.objects.get(pk=comment.pk).state == CommentState.PUBLISHED


@translation.override("en")
def test_any_model_registered_as_commentable_takes_comments_governed_by_its_own_activity(call_activity, clock,
                                                                                        monkeypatch):
    """Ideas are the first commentable type; a later one (the diagnosis, the goals) only registers itself. Here a
    harmonogram activity is made commentable, governed by itself."""
    from strategia.comments import registry
    from strategia.processes.models import Activity

    author, other = UserFactory(), UserFactory()
    with pytest.raises(ValidationError, match="cannot be commented on"):
        comment_create(actor=author, target=call_activity, body="Jeszcze nie można.")
    monkeypatch.setitem(registry.COMMENTABLE, registry.key_of(Activity),
                        registry.Commentable(model=Activity, activity=lambda activity: activity))

    comment = comment_create(actor=author, target=call_activity, body="Uwaga do harmonogramu.")
    reply = comment_create(actor=other, target=call_activity, body="Odpowiedź.", parent=comment)
    assert (comment.target, comment.activity, comment.process) == (call_activity, call_activity,
                                                                   call_activity.stage.process)
    assert reply.parent == comment
    with time_machine.travel(AFTER, tick=False):
        assert not comments_open(call_activity)
        with pytest.raises(ValidationError, match="closed"):
            comment_create(actor=author, target=call_activity, body="Po terminie.")
