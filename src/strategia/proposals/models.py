"""Residents' ideas and expectations for the strategy (wnioski, "Pomysły i oczekiwania"): the call that collects them
during its harmonogram activity, its themes, each idea with its place, attachments, supports and the public history
of what happened to it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from strategia.proposals.enums import (
    AttachmentKind,
    Channel,
    ForwardTarget,
    HideReason,
    Moderation,
    ModerationMode,
    Status,
)


def _tracking_token() -> str:
    return secrets.token_urlsafe(24)


class Call(models.Model):
    """The call for ideas of one harmonogram activity (type ``call_for_proposals``): it opens and closes with the
    activity's dates (actual when recorded, else planned), enforced by the server."""

    activity = models.OneToOneField("processes.Activity", on_delete=models.PROTECT, related_name="call")
    process = models.ForeignKey("processes.StrategyProcess", on_delete=models.PROTECT, related_name="calls")
    title = models.CharField(_("title"), max_length=300, default=_("Ideas and expectations (wnioski)"))
    intro = models.TextField(_("introduction"), blank=True,
                             help_text=_("What the call is for and what kind of ideas are welcome."))
    after_close_text = models.TextField(
        _("what comes next"), blank=True,
        help_text=_("Shown when the call is closed: what happens to the ideas and when answers are expected."))
    moderation_mode = models.CharField(_("moderation"), max_length=10, choices=ModerationMode.choices,
                                       default=ModerationMode.PRE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("call for ideas")
        verbose_name_plural = _("calls for ideas")
        ordering = ["process", "activity__position"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:list", kwargs={"municipality_slug": self.process.municipality.slug,
                                                 "process_slug": self.process.slug, "call_id": self.pk})

    def get_municipality(self):
        return self.process.municipality


class Theme(models.Model):
    """A theme of the call: by default the dimensions of development; the coordinator adds the preliminary goals."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=200)
    dimension = models.CharField(_("dimension"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["call", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "name"], name="unique_theme_name_per_call")]

    def __str__(self) -> str:
        return self.name

    def get_municipality(self):
        return self.call.process.municipality


class Proposal(models.Model):
    """One idea or expectation (wniosek)."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals")
    number = models.PositiveIntegerField(_("number"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("theme"))
    locality = models.ForeignKey("core.TerritorialUnit", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("locality or sołectwo"))
    address = models.CharField(_("address or place"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="proposals")
    author_name = models.CharField(_("name (optional)"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail (optional)"), blank=True)
    contact_phone = models.CharField(_("phone (optional)"), max_length=40, blank=True)
    consent_publish_name = models.BooleanField(_("I agree to the publication of my name"), default=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.PLATFORM)
    received_at = models.DateTimeField(_("received at"))
    scan = models.FileField(_("scan of the letter"), upload_to="proposals/scans/", blank=True)
    moderation = models.CharField(_("moderation"), max_length=10, choices=Moderation.choices,
                                  default=Moderation.PENDING)
    hide_reason = models.CharField(_("reason for hiding"), max_length=20, choices=HideReason.choices, blank=True)
    hide_explanation = models.TextField(_("explanation for the author"), blank=True)
    held_for_review = models.BooleanField(
        _("held for review"), default=False,
        help_text=_("Caught by the anti-spam checks: stored, never dropped; staff decide whether it is genuine."))
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged", verbose_name=_("merged into"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    search_text = models.TextField(editable=False, blank=True,
                                   help_text="Normalised words of the title and description (search).")
    tracking_token = models.CharField(max_length=64, unique=True, default=_tracking_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["call", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], condition=models.Q(number__gt=0),
                                    name="unique_proposal_number_per_call"),
            models.CheckConstraint(condition=~models.Q(merged_into=models.F("id")),
                                   name="proposal_not_merged_into_itself"),
        ]
        indexes = [models.Index(fields=["call", "moderation", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"municipality_slug": self.call.process.municipality.slug,
                                                   "process_slug": self.call.process.slug, "call_id": self.call_id,
                                                   "proposal_id": self.pk})

    def get_municipality(self):
        return self.call.process.municipality

    @property
    def is_public(self) -> bool:
        return self.moderation == Moderation.PUBLISHED and self.merged_into_id is None


class Attachment(models.Model):
    """A PDF or image attached to an idea. Images are downscaled and stripped of EXIF on the server. An attachment
    uploaded with a form that failed validation is kept (no proposal yet) and offered again by its token."""

    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="attachments")
    file = models.FileField(upload_to="proposals/attachments/")
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(default=0)
    draft_token = models.CharField(max_length=64, blank=True, db_index=True,
                                   help_text="Set while the attachment waits for its form to be sent again.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["proposal", "id"]

    def __str__(self) -> str:
        return self.original_name

    def get_municipality(self):
        return self.proposal.call.process.municipality if self.proposal_id else None


class Support(models.Model):
    """One logged-in user's support ("Popieram") of an idea: at most one per user and idea."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_user")]

    def __str__(self) -> str:
        return f"{self.user} → {self.proposal}"

    def get_municipality(self):
        return self.proposal.call.process.municipality


class StatusChange(models.Model):
    """One step of what happened to an idea, with its public justification (batch answers share a batch id)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    justification = models.TextField(_("public justification"))
    forward_target = models.CharField(_("forwarded to"), max_length=20, choices=ForwardTarget.choices, blank=True)
    forwarded_to = models.CharField(_("team or department"), max_length=200, blank=True)
    batch = models.UUIDField(null=True, blank=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["proposal", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.from_status} → {self.to_status}"

    def get_municipality(self):
        return self.proposal.call.process.municipality
