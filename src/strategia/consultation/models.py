"""The public consultation of the draft (art. 6 ust. 3–6 u.z.p.p.r.): the consultation, and every submission
with its remarks, from every channel, in one register."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import (
    AddresseeKind,
    Channel,
    ConsultationStatus,
    ConsultedDocument,
    DecisiveDate,
    DispatchChannel,
    MeetingForm,
    MeetingKind,
    ReportFormat,
    ReportVariant,
    Screening,
    Stance,
    SubmitterCategory,
    SubmitterKind,
)
from strategia.documents.enums import ExportStatus


def _tracking_token() -> str:
    return secrets.token_urlsafe(24)


class Consultation(models.Model):
    process = models.ForeignKey("processes.StrategyProcess", on_delete=models.PROTECT, related_name="consultations")
    activity = models.ForeignKey("processes.Activity", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="consultations")
    document_version = models.ForeignKey("documents.DocumentVersion", on_delete=models.PROTECT,
                                         related_name="consultations", verbose_name=_("consulted version"))
    forecast_title = models.CharField(_("environmental impact forecast"), max_length=300, blank=True)
    forecast_file = models.FileField(_("forecast (PDF)"), upload_to="consultation/forecasts/", blank=True)
    title = models.CharField(_("title"), max_length=300)
    planned_announcement_on = models.DateField(_("planned announcement day"))
    ends_on = models.DateField(_("last day for remarks"))
    announced_at = models.DateTimeField(_("announced on the website at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ConsultationStatus.choices,
                              default=ConsultationStatus.DRAFT)
    anonymous_remarks_considered = models.BooleanField(_("anonymous remarks are considered"), default=False)
    decisive_date = models.CharField(_("which date decides whether a posted remark is on time"), max_length=10,
                                     choices=DecisiveDate.choices, default=DecisiveDate.RECEIPT)
    late_remarks_considered = models.BooleanField(
        _("late remarks on the strategy may still be considered (with a justification)"), default=False)
    report_published_at = models.DateTimeField(_("report published on the portal at"), null=True, blank=True)
    report_published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_municipality(self):
        return self.process.municipality

    @property
    def has_forecast(self) -> bool:
        return bool(self.forecast_title or self.forecast_file)


class Meeting(models.Model):
    """A consultation meeting or the public discussion: when, where, in what form, how accessible, who came."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.MEETING)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300)
    form = models.CharField(_("form"), max_length=20, choices=MeetingForm.choices, default=MeetingForm.IN_PERSON)
    accessibility = models.TextField(_("accessibility"), blank=True,
                                     help_text=_("e.g. step-free access, induction loop, PJM interpreter on request"))
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    minutes = models.FileField(_("minutes (PDF)"), upload_to="consultation/minutes/", blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"

    def get_municipality(self):
        return self.consultation.process.municipality


class Submission(models.Model):
    """One letter, form or statement to the record: a submitter and one or more remarks."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="submissions")
    number = models.PositiveIntegerField(_("submission number"), default=0,
                                         help_text=_("Consecutive within the consultation; the pseudonym of the "
                                                     "submitter for staff who do not see names."))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    submitter_kind = models.CharField(_("submitter"), max_length=20, choices=SubmitterKind.choices)
    submitter_name = models.CharField(_("name"), max_length=300, blank=True)
    organisation_name = models.CharField(_("organisation or institution"), max_length=300, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=SubmitterCategory.choices,
                                default=SubmitterCategory.RESIDENT)
    contact_email = models.EmailField(_("e-mail (optional)"), blank=True)
    contact_phone = models.CharField(_("phone (optional)"), max_length=40, blank=True)
    consent_publish_name = models.BooleanField(_("I agree to the publication of my name"), default=False)
    received_at = models.DateTimeField(_("received at"))
    postmark_on = models.DateField(_("postmark date"), null=True, blank=True)
    is_late = models.BooleanField(_("after the deadline"), default=False)
    held_for_review = models.BooleanField(
        _("held for review"), default=False,
        help_text=_("Caught by the anti-spam check: stored, never dropped; staff decide whether it is genuine."))
    scan = models.FileField(_("scan of the letter"), upload_to="consultation/scans/", blank=True)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions",
                                verbose_name=_("meeting (remarks made orally)"))
    tracking_token = models.CharField(max_length=64, unique=True, default=_tracking_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.received_at:%Y-%m-%d}"

    def get_municipality(self):
        return self.consultation.process.municipality


class Remark(models.Model):
    """A remark (uwaga) on a fragment of the consulted draft or forecast."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="remarks")
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="remarks")
    number = models.PositiveIntegerField(_("No."), default=0, help_text=_("Consecutive within the consultation."))
    position = models.PositiveSmallIntegerField(default=1)
    document = models.CharField(_("document"), max_length=10, choices=ConsultedDocument.choices,
                                default=ConsultedDocument.STRATEGY)
    block_uid = models.UUIDField(_("paragraph"), null=True, blank=True)
    display_number = models.CharField(_("point"), max_length=30, blank=True)
    fragment = models.CharField(_("fragment (chapter, point or page)"), max_length=300, blank=True)
    current_wording = models.TextField(_("current wording"), blank=True)
    proposed_wording = models.TextField(_("proposed wording"), blank=True)
    justification = models.TextField(_("justification"), blank=True)
    content = models.TextField(_("remark"))
    screening = models.CharField(_("publication"), max_length=10, choices=Screening.choices,
                                 default=Screening.PENDING)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    screened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    screened_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="assigned_remarks", verbose_name=_("assigned to"))
    response = models.ForeignKey("RemarkResponse", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="remarks", verbose_name=_("answer"))

    class Meta:
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        ordering = ["consultation", "number", "id"]
        indexes = [models.Index(fields=["consultation", "block_uid"])]

    def __str__(self) -> str:
        return self.content[:80]

    def get_municipality(self):
        return self.submission.consultation.process.municipality


class RemarkResponse(models.Model):
    """The answer to one remark, or to several identical ones answered together: the stance, its mandatory
    justification, and the change it made (optionally linked to the paragraph of a later version, by uid)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="responses")
    stance = models.CharField(_("stance"), max_length=20, choices=Stance.choices)
    justification = models.TextField(_("justification of the stance"))
    resulting_change = models.TextField(_("resulting change in the draft"), blank=True)
    change_version = models.ForeignKey("documents.DocumentVersion", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("version with the change"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["consultation", "id"]

    def __str__(self) -> str:
        return f"{self.get_stance_display()}: {self.justification[:60]}"

    def get_municipality(self):
        return self.consultation.process.municipality


class Addressee(models.Model):
    """Someone the draft is sent to for opinion under art. 6 ust. 3 u.z.p.p.r."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="addressees")
    kind = models.CharField(_("kind"), max_length=30, choices=AddresseeKind.choices)
    name = models.CharField(_("name"), max_length=300)
    address = models.TextField(_("postal address"), blank=True)
    electronic_address = models.CharField(_("e-Doręczenia, ePUAP or e-mail address"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        ordering = ["consultation", "kind", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_municipality(self):
        return self.consultation.process.municipality


class Dispatch(models.Model):
    """One sending of the letter to an addressee: channel, date, proof of sending and, later, of receipt."""

    addressee = models.ForeignKey(Addressee, on_delete=models.CASCADE, related_name="dispatches")
    channel = models.CharField(_("channel"), max_length=20, choices=DispatchChannel.choices)
    sent_on = models.DateField(_("sent on"))
    sending_proof = models.CharField(_("proof of sending"), max_length=300, blank=True,
                                     help_text=_("e.g. the e-Doręczenia message id or the registered post number"))
    sending_proof_file = models.FileField(_("proof of sending (file)"), upload_to="consultation/dispatch/",
                                          blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    receipt_proof = models.CharField(_("proof of receipt"), max_length=300, blank=True,
                                     help_text=_("e.g. the e-Doręczenia receipt (UPO/UPD) or the return card"))
    receipt_proof_file = models.FileField(_("proof of receipt (file)"), upload_to="consultation/dispatch/",
                                          blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["addressee", "sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.addressee} {self.sent_on}"

    def get_municipality(self):
        return self.addressee.consultation.process.municipality


class ReportFile(models.Model):
    """One rendering of the consultation report (public or internal; DOCX, PDF or XLSX), made by a background
    task and stored."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="report_files")
    variant = models.CharField(_("variant"), max_length=10, choices=ReportVariant.choices)
    format = models.CharField(_("format"), max_length=5, choices=ReportFormat.choices)
    status = models.CharField(max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to="consultation/reports/", blank=True)
    error = models.TextField(blank=True)
    remark_count = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.consultation} {self.variant} {self.format}"

    def get_municipality(self):
        return self.consultation.process.municipality
