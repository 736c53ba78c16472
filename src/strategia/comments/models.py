"""Comments on commentable objects (ideas now; diagnosis, goals later). Besides its generic target, every comment
has real foreign keys to the process and to the activity that governs it (comments close when it ends), so that
queries, moderation and exports never depend on the generic key alone."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategia.comments.enums import CommentState, FlagReason


class Comment(models.Model):
    process = models.ForeignKey("processes.StrategyProcess", on_delete=models.PROTECT, related_name="comments")
    activity = models.ForeignKey("processes.Activity", on_delete=models.PROTECT, related_name="comments")
    target_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
                               verbose_name=_("reply to"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    body = models.TextField(_("comment"))
    state = models.CharField(_("state"), max_length=10, choices=CommentState.choices,
                             default=CommentState.PUBLISHED)
    hide_reason = models.CharField(_("reason for hiding"), max_length=20, choices=FlagReason.choices, blank=True)
    hide_explanation = models.CharField(_("explanation"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True,
                                     help_text="When a moderator hid it (the queue lists recently hidden first).")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"])]

    def __str__(self) -> str:
        return self.body[:80]

    def get_municipality(self):
        return self.process.municipality


class Flag(models.Model):
    """A user's report of a comment (one per user and comment); staff resolve it in the moderation queue."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    explanation = models.CharField(_("explanation (optional)"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_user_and_comment")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.comment}"

    def get_municipality(self):
        return self.comment.process.municipality
