"""Reads of comments: the thread shown under any commentable target (one query for its comments, however many)
and the staff moderation queue (reported first, then recently hidden).

A page that shows a target's discussion calls ``comments_for(target, user)`` and includes
``comments/includes/thread.html`` with ``thread=…`` (see the module docstring of ``views``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Case, Count, F, IntegerField, Max, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from strategia.comments import registry
from strategia.comments.enums import CommentState, FlagReason
from strategia.comments.models import Comment, Flag
from strategia.comments.services import EDIT_WINDOW, comments_open

ANCHOR = "komentarze"


def target_kind(target_or_model) -> str:
    """The target's type as it appears in URLs: ``proposals-proposal``."""
    return registry.key_of(target_or_model if isinstance(target_or_model, type) else type(target_or_model)
                           ).replace(".", "-")


def author_label(user) -> str:
    """The name shown to others: the user's chosen name, else their full name; never the e-mail address."""
    from django.utils.translation import gettext

    if user is None:
        return gettext("Participant")
    return user.display_name or user.get_full_name() or gettext("Participant")


def can_edit(comment: Comment, user, *, now: dt.datetime | None = None) -> bool:
    """The author, within the editing window, of a comment that is not hidden (the service decides the same)."""
    now = now or timezone.now()
    return (getattr(user, "is_authenticated", False) and comment.author_id == user.pk
            and comment.state == CommentState.PUBLISHED and now - comment.created_at <= EDIT_WINDOW)


def target_url(target) -> str | None:
    try:
        return target.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return None


@dataclass
class Thread:
    target: object
    kind: str
    comments: list[Comment]  # top level, oldest first, each with .thread_replies
    count: int
    is_open: bool
    activity: object
    not_yet_open: bool
    first_day: dt.date
    last_day: dt.date
    municipality_slug: str
    here: str | None = None  # the page the thread is shown on (forms return there without JavaScript)
    form: object = None
    extra: dict = field(default_factory=dict)

    @property
    def comment_form(self):
        """The thread's form for a new comment: the one with errors being shown again, else an empty one."""
        from strategia.comments.forms import CommentForm

        return self.form or CommentForm(prefix_id=ANCHOR)

    @property
    def anchor(self) -> str:
        return ANCHOR

    @property
    def thread_url(self) -> str:
        return reverse("comments:thread", kwargs={"municipality_slug": self.municipality_slug, "kind": self.kind,
                                                  "target_id": self.target.pk})

    @property
    def create_url(self) -> str:
        return reverse("comments:create", kwargs={"municipality_slug": self.municipality_slug, "kind": self.kind,
                                                  "target_id": self.target.pk})


def comments_for(target, user, *, here: str | None = None, form=None, now: dt.datetime | None = None) -> Thread:
    """The discussion of ``target``: top-level comments oldest first, each with its replies (one level), the
    author's name, and what ``user`` may do with each. One query for the comments, whatever their number (the
    governing activity is read once more when the target has not loaded it yet)."""
    now = now or timezone.now()
    entry = registry.get(target)
    if entry is None:
        raise ValueError(f"{type(target).__name__} is not registered as commentable")
    content_type = ContentType.objects.get_for_model(target)
    rows = list(Comment.objects.filter(target_type=content_type, target_id=target.pk)
                .select_related("author").order_by("created_at", "id"))
    top: list[Comment] = []
    by_id = {}
    for comment in rows:
        comment.author_label = author_label(comment.author)
        comment.can_edit = can_edit(comment, user, now=now)
        comment.is_hidden = comment.state == CommentState.HIDDEN
        comment.is_own = getattr(user, "is_authenticated", False) and comment.author_id == user.pk
        comment.thread_replies = []
        by_id[comment.pk] = comment
    for comment in rows:
        parent = by_id.get(comment.parent_id) if comment.parent_id else None
        if parent is None:
            top.append(comment)
        else:
            parent.thread_replies.append(comment)
    activity = entry.activity(target)
    first = activity.actual_start or activity.planned_start
    last = activity.actual_end or activity.planned_end
    is_open = comments_open(target, today=timezone.localdate(now))
    municipality = target.get_municipality()
    return Thread(target=target, kind=target_kind(target), comments=top, count=len(rows), is_open=is_open,
                  activity=activity, not_yet_open=not is_open and timezone.localdate(now) < first,
                  first_day=first, last_day=last,
                  municipality_slug=municipality.slug, here=here, form=form)


def commentable_get(*, municipality, kind: str, target_id: int):
    """The registered target of this municipality that the public may see (404 otherwise)."""
    entry = registry.COMMENTABLE.get(kind.replace("-", ".", 1))
    if entry is None:
        raise Http404
    target = entry.model._default_manager.filter(pk=target_id).first()
    if target is None or not entry.is_visible(target) or target.get_municipality() != municipality:
        raise Http404
    return target


def comment_get(*, municipality, comment_id: int) -> Comment:
    """A comment of this municipality whose target the public may see (404 otherwise), with its target loaded."""
    comment = (Comment.objects.select_related("process", "author", "target_type")
               .filter(pk=comment_id, process__municipality=municipality).first())
    if comment is None:
        raise Http404
    entry = registry.COMMENTABLE.get(f"{comment.target_type.app_label}.{comment.target_type.model}")
    target = comment.target if entry is not None else None
    if target is None or not entry.is_visible(target):
        raise Http404
    return comment


# --- the moderation queue -------------------------------------------------------------------------------------

def moderation_queue(*, municipality, process=None) -> QuerySet:
    """Comments needing a moderator: those with open reports first (most reported first, then the most recently
    reported), then the hidden ones, most recently hidden first. Each row carries ``open_flag_count``, its open
    ``open_flags`` (with reasons and explanations) and its ``target`` (prefetched per commentable type)."""
    comments = Comment.objects.filter(process__municipality=municipality)
    if process is not None:
        comments = comments.filter(process=process)
    prefetch_targets = [model._default_manager.all() for model in
                        (entry.model for entry in registry.COMMENTABLE.values())]
    return (comments
            .annotate(open_flag_count=Count("flags", filter=Q(flags__resolved_at__isnull=True)),
                      last_flag_at=Max("flags__created_at", filter=Q(flags__resolved_at__isnull=True)))
            .filter(Q(open_flag_count__gt=0) | Q(state=CommentState.HIDDEN))
            .annotate(has_open=Case(When(open_flag_count__gt=0, then=Value(0)), default=Value(1),
                                    output_field=IntegerField()))
            .order_by("has_open", "-open_flag_count", F("last_flag_at").desc(nulls_last=True),
                      F("hidden_at").desc(nulls_last=True), "-id")
            .select_related("author", "process", "activity", "target_type")
            .prefetch_related(
                Prefetch("flags", queryset=Flag.objects.filter(resolved_at__isnull=True).order_by("created_at"),
                         to_attr="open_flags"),
                GenericPrefetch("target", prefetch_targets)))


def queue_rows(comments, *, municipality) -> list[Comment]:
    """Decorate a page of the queue for the template: the author's public name, the reasons with their counts and
    the link to the discussion (the public thread page, which links on to the target)."""
    labels = dict(FlagReason.choices)
    rows = list(comments)
    for comment in rows:
        comment.author_label = author_label(comment.author)
        counts = Counter(flag.reason for flag in comment.open_flags)
        comment.reason_counts = [(labels.get(reason, reason), count) for reason, count in counts.most_common()]
        comment.thread_link = None
        if comment.target is not None:
            comment.thread_link = reverse("comments:thread", kwargs={
                "municipality_slug": municipality.slug, "kind": target_kind(comment.target),
                "target_id": comment.target_id}) + f"#komentarz-{comment.pk}"
    return rows
