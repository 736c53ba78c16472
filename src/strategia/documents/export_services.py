"""Exports of frozen versions: requesting one (audited) and running it (the background task's body), plus the
reads the pages need.

A request creates an ``Export`` row (queued) and, once the transaction commits, enqueues the task
``documents.tasks.render_export``. The task renders outside any transaction, saving its progress as it goes so
that the status page can show it, and stores the file; a download then serves that stored file, never renders.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.core.services import service
from strategia.documents.enums import ExportFormat, ExportStatus
from strategia.documents.models import DocumentVersion, Export

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ExportFormat.PDF: "application/pdf",
}
# A queued or running export older than this is taken as lost (e.g. the worker was restarted) and not reused.
STALE_AFTER = dt.timedelta(minutes=30)
IN_PROGRESS = (ExportStatus.QUEUED, ExportStatus.RUNNING)


def _renderer(format: str):
    # Looked up at call time: the modules are heavy (WeasyPrint) and tests replace the functions.
    from strategia.documents import exports, pdf

    return {ExportFormat.DOCX: exports.render_docx, ExportFormat.PDF: pdf.render_pdf}[format]


def export_filename(*, version: DocumentVersion, format: str) -> str:
    return f"{version.document.slug}-wersja-{version.number}.{format}"


@service("document_export.request")
def export_request(*, actor, version: DocumentVersion, format: str, force: bool = False) -> Export:
    """Ask for the DOCX or PDF of a frozen version. Reuses the ready file of the same version and format (and one
    still being prepared) unless ``force``. Side effects: a queued ``Export`` row; after commit, the rendering task
    is enqueued."""
    if format not in ExportFormat.values:
        raise ValidationError({"format": [_("Unknown export format.")]})
    if not version.is_frozen:
        raise ValidationError(_("Only frozen versions can be exported. Freeze the working version first."))
    if not force:
        existing = export_latest(version=version, format=format)
        if existing is not None and (
            existing.status == ExportStatus.DONE
            or (existing.status in IN_PROGRESS and existing.created_at > timezone.now() - STALE_AFTER)
        ):
            return existing
    export = Export.objects.create(version=version, format=format, status=ExportStatus.QUEUED,
                                   requested_by=actor if getattr(actor, "is_authenticated", False) else None)
    export_id = export.pk

    def enqueue():
        from strategia.documents.tasks import render_export

        render_export.enqueue(export_id=export_id)

    transaction.on_commit(enqueue)
    return export


@service("document_export.render", audit=False,
         exempt_reason="The background rendering of a requested export: it saves its progress outside any "
                       "transaction so the status page can show it; the request that started it is audited.")
def export_run(*, actor, export_id: int) -> Export | None:
    """Render and store one export: running (10) → content read (30) → rendered (90) → stored, done (100).
    Any error marks the export failed with its text; nothing is raised (the task must not crash the worker)."""
    from strategia.documents.exports import export_content

    export = (Export.objects.select_related("version__document__process__municipality")
              .filter(pk=export_id).first())
    if export is None or export.status == ExportStatus.DONE:
        return export
    try:
        _progress(export, status=ExportStatus.RUNNING, progress=10)
        if not export.version.is_frozen:
            raise ValueError("Only frozen versions can be exported.")
        content = export_content(version=export.version)
        _progress(export, progress=30)
        data = _renderer(export.format)(content)
        _progress(export, progress=90)
        name = export_filename(version=export.version, format=export.format)
        export.file.save(name, ContentFile(data), save=False)
        _progress(export, file=export.file.name, status=ExportStatus.DONE, progress=100, error="",
                  finished_at=timezone.now())
    except Exception as error:
        logger.exception("Export %s failed", export_id)
        _progress(export, status=ExportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000],
                  finished_at=timezone.now())
    return export


def _progress(export: Export, **fields) -> None:
    for name, value in fields.items():
        setattr(export, name, value)
    Export.objects.filter(pk=export.pk).update(**fields)


# --- reads ---------------------------------------------------------------------------------------------

def export_latest(*, version: DocumentVersion, format: str) -> Export | None:
    return Export.objects.filter(version=version, format=format).order_by("-created_at", "-id").first()


def export_ready(*, version: DocumentVersion, format: str) -> Export | None:
    """The newest finished export with a stored file: what a download serves."""
    return (Export.objects.filter(version=version, format=format, status=ExportStatus.DONE).exclude(file="")
            .order_by("-created_at", "-id").first())


def exports_for_version(*, version: DocumentVersion) -> dict[str, Export | None]:
    """The latest export of each format (None when never requested), in one query."""
    latest: dict[str, Export | None] = dict.fromkeys(ExportFormat.values)
    for export in Export.objects.filter(version=version).order_by("-created_at", "-id"):
        if latest.get(export.format) is None:
            export.version = version
            latest[export.format] = export
    return latest
