from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    STRATEGY = "strategy", _("draft strategy")
    FORECAST = "forecast", _("environmental impact forecast")
    OTHER = "other", _("other document")


class VersionStage(models.TextChoices):
    """The life of a document: edited as a working draft, then frozen at each of the statutory steps."""

    WORKING = "working", _("working draft")
    CONSULTATION = "consultation", _("draft for consultation")
    AFTER_CONSULTATION = "after_consultation", _("draft after consultation")
    ADOPTED = "adopted", _("adopted")


FROZEN_STAGES = [VersionStage.CONSULTATION, VersionStage.AFTER_CONSULTATION, VersionStage.ADOPTED]


class BlockKind(models.TextChoices):
    TEXT = "text", _("text")
    LIST = "list", _("list")
    TABLE = "table", _("table")
    FIGURE = "figure", _("figure")


class BlockSource(models.TextChoices):
    WRITTEN = "written", _("written in the platform")
    IMPORTED = "imported", _("imported from Word")
    GENERATED = "generated", _("generated from data")
    OVERRIDE = "override", _("generated, changed by staff")


class ExportFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being prepared")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("awaiting confirmation")
    APPLIED = "applied", _("applied")
    DISCARDED = "discarded", _("discarded")
