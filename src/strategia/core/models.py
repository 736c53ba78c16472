"""What every app needs: territory, the municipality running a process, the audit log, stored mail and files held
between attempts at a form."""

from __future__ import annotations

import os
import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from strategia.core.enums import ExecutiveTitle, MunicipalityKind, UnitKind


class TerritorialUnit(models.Model):
    """A unit of the territorial division: voivodeship, powiat, gmina, its urban/rural part, sołectwo,
    locality. Stores both the 7-digit TERYT code and GUS BDL's 12-digit unit id (they differ)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    teryt = models.CharField(_("TERYT code"), max_length=10, blank=True, db_index=True)
    bdl_id = models.CharField(_("BDL unit id"), max_length=20, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("territorial unit")
        verbose_name_plural = _("territorial units")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "teryt"], condition=~models.Q(teryt=""), name="unique_unit_teryt_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Municipality(models.Model):
    """A gmina using the platform, with what generated documents need (names, inflected forms, offices)."""

    slug = models.SlugField(_("address in the portal"), max_length=60, unique=True,
                            help_text=_("The part of the URL after the domain, e.g. konstancin-jeziorna."))
    unit = models.OneToOneField(TerritorialUnit, verbose_name=_("territorial unit"), on_delete=models.PROTECT,
                                related_name="municipality")
    kind = models.CharField(_("type of gmina"), max_length=20, choices=MunicipalityKind.choices)
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Gmina Konstancin-Jeziorna"))
    name_genitive = models.CharField(_("name in the genitive"), max_length=200,
                                     help_text=_("e.g. Gminy Konstancin-Jeziorna"))
    name_locative = models.CharField(_("name in the locative"), max_length=200,
                                     help_text=_("e.g. Gminie Konstancin-Jeziorna"))
    council_name = models.CharField(_("official name of the council"), max_length=200,
                                    help_text=_("e.g. Rada Miejska w Konstancinie-Jeziornie"))
    council_name_genitive = models.CharField(_("council name in the genitive"), max_length=200,
                                             help_text=_("e.g. Rady Miejskiej w Konstancinie-Jeziornie"))
    office_name = models.CharField(_("official name of the office"), max_length=200,
                                   help_text=_("e.g. Urząd Miasta i Gminy Konstancin-Jeziorna"))
    executive_title = models.CharField(_("executive's title"), max_length=20, choices=ExecutiveTitle.choices)
    executive_name = models.CharField(_("executive's name"), max_length=200, blank=True)
    street_address = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=6)
    city = models.CharField(_("town"), max_length=100)
    ade_address = models.CharField(_("e-Doręczenia address (ADE)"), max_length=100, blank=True)
    bip_url = models.URLField(_("BIP address"), blank=True)
    website_url = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    controller_name = models.CharField(_("data controller"), max_length=300,
                                       help_text=_("Who controls personal data, e.g. Burmistrz Gminy …"))
    controller_contact = models.CharField(_("data controller's contact"), max_length=300)
    dpo_name = models.CharField(_("data protection officer (IOD)"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("IOD's e-mail"))
    dpo_phone = models.CharField(_("IOD's phone"), max_length=40, blank=True)
    case_reference_prefix = models.CharField(_("prefix of case references (znak sprawy)"), max_length=40,
                                             blank=True, help_text=_("e.g. RSO.0057"))
    retention_period_text = models.CharField(
        _("retention of personal data"), max_length=300,
        default=_("for the period required by the office's filing instructions (instrukcja kancelaryjna)"),
    )
    coat_of_arms = models.ImageField(_("coat of arms"), upload_to="coats/", blank=True)
    coat_of_arms_licence = models.CharField(
        _("licence of the coat of arms"), max_length=300, blank=True,
        help_text=_("Required with the file: who granted the right to use it and on what terms."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False,
                                    help_text=_("Invented data shown with a 'sample data' label."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:home", kwargs={"municipality_slug": self.slug})

    def clean(self) -> None:
        if self.coat_of_arms and not self.coat_of_arms_licence.strip():
            raise ValidationError(
                {"coat_of_arms_licence": _("A coat of arms may be shown only with its licence. Please state it.")}
            )

    @property
    def executive_title_label(self) -> str:
        return ExecutiveTitle(self.executive_title).label

    @property
    def executive_title_dative(self) -> str:
        return ExecutiveTitle(self.executive_title).dative

    @property
    def full_address(self) -> str:
        return f"{self.street_address}, {self.postal_code} {self.city}"


class AuditEntry(models.Model):
    """One state change that matters: who did what to which object, with its state before and after."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField(_("who (as recorded)"), max_length=200, blank=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="audit_entries")
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field that differs."""
        before, after = self.before or {}, self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


class StoredEmail(models.Model):
    """Every e-mail the platform sends is stored; in the demo this is the only delivery."""

    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="stored_emails")
    from_email = models.CharField(_("from"), max_length=300)
    to = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML version"), blank=True)
    headers = models.JSONField(default=dict, blank=True)
    delivered = models.BooleanField(_("delivered to the mail server"), default=False)
    seen_at = models.DateTimeField(_("read by staff"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


class PeriodicJobMark(models.Model):
    """Makes periodic jobs idempotent: a job records the key of what it has done (e.g. a reminder sent)."""

    job = models.CharField(max_length=100)
    key = models.CharField(max_length=300)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "key"], name="unique_periodic_job_mark")]

    def __str__(self) -> str:
        return f"{self.job}:{self.key}"


def held_upload_path(instance, filename: str) -> str:
    """A random name under the private ``held/`` folder; only a plain extension of the original is kept."""
    extension = os.path.splitext(filename)[1].lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,5}", extension):
        extension = ""
    return f"held/{uuid.uuid4().hex}{extension}"


class HeldUpload(models.Model):
    """A checked file attached to a form, held so that the next attempt need not attach it again
    (``core/held_uploads.py``). Deleted when the form's service has used it, or after 24 hours."""

    file = models.FileField(upload_to=held_upload_path)
    original_name = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    secret = models.CharField(max_length=64)
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.original_name
