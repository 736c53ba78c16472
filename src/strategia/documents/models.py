"""Documents of a process: the strategy draft (and later the forecast), in versions.

A *working* version holds editable chapters (up to three levels) and paragraphs. Freezing a version writes
immutable ``FrozenBlock`` rows — heading or paragraph, its uid, display number (e.g. 3.2.1), text and source —
that nothing can change afterwards. A paragraph keeps its ``uid`` across versions when it comes from the same
source, so a remark on version 1 can be followed to version 2.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from strategia.documents import statutory_items
from strategia.documents.enums import (
    BlockKind,
    BlockSource,
    DocumentKind,
    ExportFormat,
    ExportStatus,
    ImportStatus,
    VersionStage,
)

MAX_CHAPTER_LEVEL = 3


class Document(models.Model):
    process = models.ForeignKey("processes.StrategyProcess", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.STRATEGY)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address"), max_length=80)
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["process", "kind", "id"]
        constraints = [models.UniqueConstraint(fields=["process", "slug"], name="unique_document_slug")]

    def __str__(self) -> str:
        return self.title

    def get_municipality(self):
        return self.process.municipality


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version number"))
    stage = models.CharField(_("stage"), max_length=20, choices=VersionStage.choices, default=VersionStage.WORKING)
    label = models.CharField(_("label"), max_length=200, blank=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")]

    def __str__(self) -> str:
        return _("Version %(number)s (%(stage)s)") % {"number": self.number, "stage": self.get_stage_display()}

    def get_absolute_url(self) -> str:
        process = self.document.process
        return reverse("documents:read", kwargs={
            "municipality_slug": process.municipality.slug, "process_slug": process.slug,
            "document_slug": self.document.slug, "version_number": self.number,
        })

    def get_municipality(self):
        return self.document.process.municipality

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Chapter(models.Model):
    """A chapter of a working version (levels 1–3)."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="chapters")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField(_("order"))
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=500)
    statutory_item = models.CharField(_("statutory content it fulfils"), max_length=40, blank=True,
                                      choices=statutory_items.choices)
    generator_key = models.CharField(_("generated from"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["version", "parent_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "uid"], name="unique_chapter_uid_per_version"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_municipality(self):
        return self.version.document.process.municipality

    @property
    def level(self) -> int:
        level, node = 1, self
        while node.parent_id is not None:
            level += 1
            node = node.parent
        return level

    def clean(self) -> None:
        if self.parent_id and self.parent.level >= MAX_CHAPTER_LEVEL:
            raise ValidationError({"parent": _("Chapters can be nested up to three levels.")})


class Paragraph(models.Model):
    """A block of a chapter: text, list or table (sanitised Markdown) or a figure with alt text."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(_("order"))
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=BlockKind.choices, default=BlockKind.TEXT)
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, tables."))
    image = models.ImageField(_("image"), upload_to="documents/figures/", blank=True)
    alt_text = models.TextField(_("text alternative"), blank=True,
                                help_text=_("What the figure shows, for people who cannot see it."))
    source = models.CharField(_("source"), max_length=10, choices=BlockSource.choices, default=BlockSource.WRITTEN)
    generator_key = models.CharField(_("generated from"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["chapter", "position"]
        constraints = [
            models.UniqueConstraint(fields=["chapter", "uid"], name="unique_paragraph_uid_per_chapter"),
        ]

    def __str__(self) -> str:
        return (self.text or self.alt_text)[:80]

    def get_municipality(self):
        return self.chapter.version.document.process.municipality

    @property
    def needs_alt_text(self) -> bool:
        return self.kind == BlockKind.FIGURE and not self.alt_text.strip()


class FrozenBlockQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("A frozen version cannot be changed.")

    def delete(self):
        raise PermissionError("A frozen version cannot be deleted.")


class FrozenBlock(models.Model):
    """One immutable row of a frozen version: a heading or a paragraph, in reading order."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="blocks")
    position = models.PositiveIntegerField()
    uid = models.UUIDField()
    is_heading = models.BooleanField(default=False)
    level = models.PositiveSmallIntegerField(default=0, help_text=_("1–3 for headings, 0 for paragraphs"))
    display_number = models.CharField(_("number"), max_length=30)
    kind = models.CharField(max_length=10, choices=BlockKind.choices, default=BlockKind.TEXT)
    text = models.TextField(blank=True)
    image = models.CharField(max_length=300, blank=True)
    alt_text = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=BlockSource.choices)
    statutory_item = models.CharField(max_length=40, blank=True)
    chapter_uid = models.UUIDField(null=True, blank=True)

    objects = FrozenBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("frozen block")
        verbose_name_plural = _("frozen blocks")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="unique_frozen_position"),
            models.UniqueConstraint(fields=["version", "uid"], name="unique_frozen_uid"),
        ]
        indexes = [models.Index(fields=["uid"])]

    def __str__(self) -> str:
        return f"{self.display_number} {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise PermissionError("A frozen version cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("A frozen version cannot be deleted.")

    @property
    def anchor(self) -> str:
        return "pkt-" + self.display_number.replace(".", "-")


class Export(models.Model):
    """A DOCX or PDF rendering of a frozen version, made by a background task and stored."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    status = models.CharField(max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to="documents/exports/", blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.version} {self.format}"

    def get_municipality(self):
        return self.version.document.process.municipality


class DocxImport(models.Model):
    """An uploaded DOCX, parsed and previewed before it becomes a new working version."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="imports")
    file = models.FileField(upload_to="documents/imports/")
    original_name = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW)
    parsed = models.JSONField(default=dict)
    report = models.JSONField(default=dict)
    result_version = models.ForeignKey(DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Word import")
        verbose_name_plural = _("Word imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    def get_municipality(self):
        return self.document.process.municipality
