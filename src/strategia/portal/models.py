"""The portal's own content: the accessibility statement and Polish Sign Language recordings of pages."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from strategia.portal.enums import AccessibilityStatus, AssessmentMethod, PageCode


def _pjm_path(instance: SignLanguageVideo, filename: str) -> str:
    # The name the user gave the file is never used: it may hold anything.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"pjm/{instance.municipality.slug}/{uuid.uuid4().hex}.{extension}"


class SignLanguageVideo(models.Model):
    """A Polish Sign Language (PJM) recording of a portal page, with captions and a transcript
    (ustawa o zapewnianiu dostępności osobom ze szczególnymi potrzebami, art. 6 pkt 3)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="sign_language_videos")
    page = models.CharField(_("page"), max_length=40, choices=PageCode.choices)
    video = models.FileField(_("video (MP4 or WebM)"), upload_to=_pjm_path)
    captions = models.FileField(_("captions (WebVTT)"), upload_to=_pjm_path)
    transcript = models.TextField(_("transcript"))
    is_published = models.BooleanField(pgettext_lazy("sign language video", "published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sign language video")
        verbose_name_plural = _("sign language videos")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "page"], name="unique_sign_language_video_page")
        ]

    def __str__(self) -> str:
        return f"PJM: {self.get_page_display()}"

    @property
    def video_mime_type(self) -> str:
        return "video/webm" if self.video.name.lower().endswith(".webm") else "video/mp4"


class AccessibilityStatement(models.Model):
    """The municipality's deklaracja dostępności of the portal (art. 10 ustawy o dostępności cyfrowej),
    in the structure of the ministry's "Warunki techniczne publikacji oraz struktura dokumentu elektronicznego
    Deklaracji Dostępności". Reviewed every year by 31 March."""

    municipality = models.OneToOneField("core.Municipality", on_delete=models.CASCADE,
                                        related_name="accessibility_statement")
    site_published_on = models.DateField(_("website publication date"))
    site_updated_on = models.DateField(_("date of the website's last significant update"))
    status = models.CharField(_("compliance status"), max_length=30, choices=AccessibilityStatus.choices)
    non_accessible_content = models.TextField(
        _("content that is not accessible"), blank=True,
        help_text=_("One item per line, with the reason and the accessible alternative where there is one."),
    )
    exemptions = models.TextField(
        _("exemptions"), blank=True,
        help_text=_("Content excluded by the act (art. 3 ust. 2) or for disproportionate burden; "
                    "one per line."),
    )
    burden_assessment_url = models.URLField(
        _("link to the disproportionate burden assessment"), blank=True,
        help_text=_("Only when accessibility is not ensured because of a disproportionate burden (art. 8)."),
    )
    prepared_on = models.DateField(_("date the statement was prepared"))
    assessment_method = models.CharField(_("how accessibility was assessed"), max_length=30,
                                         choices=AssessmentMethod.choices,
                                         default=AssessmentMethod.SELF_ASSESSMENT)
    auditor = models.CharField(_("external auditor"), max_length=300, blank=True,
                               help_text=_("The body that carried out the audit, when there was one."))
    contact_person = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    architectural_accessibility = models.TextField(
        _("architectural accessibility"),
        help_text=_("Entrances, lifts, toilets, parking, induction loop, PJM interpreter, assistance dogs."),
    )
    mobile_apps = models.TextField(_("mobile applications"), blank=True,
                                   help_text=_("Leave empty when the office has no mobile application."))
    reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    statement_updated_on = models.DateField(_("statement last updated"), null=True, blank=True)

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
        constraints = [
            models.CheckConstraint(condition=models.Q(site_updated_on__gte=models.F("site_published_on")),
                                   name="a11y_site_updated_after_published"),
        ]

    def __str__(self) -> str:
        return f"Deklaracja dostępności – {self.municipality}"

    def get_municipality(self):
        return self.municipality

    @property
    def non_accessible_items(self) -> list[str]:
        return [line.strip() for line in self.non_accessible_content.splitlines() if line.strip()]

    @property
    def exemption_items(self) -> list[str]:
        return [line.strip() for line in self.exemptions.splitlines() if line.strip()]

    @property
    def last_review(self):
        """Preparing the statement counts as reviewing it."""
        return max(d for d in (self.reviewed_on, self.prepared_on) if d is not None)
