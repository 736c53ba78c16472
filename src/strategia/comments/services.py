"""Writes of comments: posting (logged-in users, while the activity that governs the target runs), replying one
level deep, editing within a window, flagging with a reason, and moderation (hide with a reason, restore, resolve
flags)."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.comments import registry
from strategia.comments.enums import CommentState, FlagReason
from strategia.comments.models import Comment, Flag
from strategia.core.deadlines import local_date
from strategia.core.services import service

EDIT_WINDOW = dt.timedelta(minutes=15)
MAX_LENGTH = 3000


def _activity_window(activity) -> tuple[dt.date, dt.date]:
    return (activity.actual_start or activity.planned_start, activity.actual_end or activity.planned_end)


def comments_open(target, *, today: dt.date | None = None) -> bool:
    """Whether the target takes comments now: registered, visible, and its governing activity runs."""
    entry = registry.get(target)
    if entry is None or not entry.is_visible(target):
        return False
    first, last = _activity_window(entry.activity(target))
    today = today or local_date(timezone.now())
    return first <= today <= last


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Please write the comment.")]})
    if len(body) > MAX_LENGTH:
        raise ValidationError({"body": [_("A comment can have at most %(max)s characters.") % {"max": MAX_LENGTH}]})
    return body


@service("comment.create")
def comment_create(*, actor, target, body: str, parent: Comment | None = None,
                   now: dt.datetime | None = None) -> Comment:
    """``now`` stands in for the server's clock only where code, never a request, sets it (the demo's history)."""
    backdated = now is not None
    now = now or timezone.now()
    if not getattr(actor, "is_authenticated", False):
        raise ValidationError(_("Please log in to comment."))
    entry = registry.get(target)
    if entry is None:
        raise ValidationError(_("This cannot be commented on."))
    if not comments_open(target, today=local_date(now)):
        raise ValidationError(_("Comments are closed: the activity they belong to has ended."))
    body = _clean_body(body)
    content_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if parent.target_type_id != content_type.pk or parent.target_id != target.pk:
            raise ValidationError({"parent": [_("The reply belongs to another discussion.")]})
        if parent.parent_id is not None:
            parent = parent.parent  # one level of replies: a reply to a reply joins its thread
    activity = entry.activity(target)
    comment = Comment.objects.create(process=activity.stage.process, activity=activity, target_type=content_type,
                                     target_id=target.pk, parent=parent, author=actor, body=body)
    if backdated:  # auto_now_add took the real clock
        Comment.objects.filter(pk=comment.pk).update(created_at=now)
        comment.created_at = now
    return comment


@service("comment.edit", target="comment")
def comment_edit(*, actor, comment: Comment, body: str, now: dt.datetime | None = None) -> Comment:
    now = now or timezone.now()
    if comment.author_id != getattr(actor, "pk", None):
        raise ValidationError(_("Only the author can edit a comment."))
    if now - comment.created_at > EDIT_WINDOW:
        raise ValidationError(_("A comment can be edited within %(minutes)s minutes of posting.")
                              % {"minutes": int(EDIT_WINDOW.total_seconds() // 60)})
    if comment.state != CommentState.PUBLISHED:
        raise ValidationError(_("A hidden comment cannot be edited."))
    comment.body = _clean_body(body)
    comment.edited_at = now
    comment.save(update_fields=["body", "edited_at"])
    return comment


@service("comment.flag", target="comment")
def comment_flag(*, actor, comment: Comment, reason: str, explanation: str = "") -> Flag | None:
    """Report a comment to the moderators (once per user; a second report returns None)."""
    if not getattr(actor, "is_authenticated", False):
        raise ValidationError(_("Please log in to report a comment."))
    if reason not in FlagReason.values:
        raise ValidationError({"reason": [_("Choose why the comment should be checked.")]})
    try:
        with transaction.atomic():
            return Flag.objects.create(comment=comment, user=actor, reason=reason, explanation=explanation.strip())
    except IntegrityError:
        return None


@service("comment.hide", target="comment")
@transaction.atomic
def comment_hide(*, actor, comment: Comment, reason: str, explanation: str = "") -> Comment:
    if reason not in FlagReason.values:
        raise ValidationError({"reason": [_("Choose the reason for hiding.")]})
    comment.state = CommentState.HIDDEN
    comment.hide_reason = reason
    comment.hide_explanation = explanation.strip()[:300]
    comment.hidden_at = timezone.now()
    comment.save(update_fields=["state", "hide_reason", "hide_explanation", "hidden_at"])
    _resolve_flags(actor, comment)
    return comment


@service("comment.restore", target="comment")
@transaction.atomic
def comment_restore(*, actor, comment: Comment) -> Comment:
    """Show a hidden comment again, or dismiss the reports on a visible one."""
    comment.state = CommentState.PUBLISHED
    comment.hide_reason = ""
    comment.hide_explanation = ""
    comment.hidden_at = None
    comment.save(update_fields=["state", "hide_reason", "hide_explanation", "hidden_at"])
    _resolve_flags(actor, comment)
    return comment


def _resolve_flags(actor, comment: Comment) -> None:
    Flag.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=actor if getattr(actor, "is_authenticated", False) else None)
