"""The consultation report (sprawozdanie z przebiegu i wyników konsultacji, art. 6 ust. 6 u.z.p.p.r.): requesting a
rendering (a background task), running it, and publishing the report on the portal.

A report can be generated at any time (to check it as the answers are written); it is **published** only when:
the comment period is over, every remark has a stance with its justification, and the public report's three files
(DOCX, PDF, XLSX) are ready and newer than the last change in the register. Publishing records its time; from then
on the answers are final and appear on the portal.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.consultation.enums import ConsultationStatus, ReportFormat, ReportVariant, Screening, Stance
from strategia.consultation.models import Consultation, Remark, RemarkResponse, ReportFile, Submission
from strategia.consultation.services import comment_period
from strategia.core.deadlines import local_date
from strategia.core.services import service
from strategia.documents.enums import ExportStatus

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
STALE_AFTER = dt.timedelta(minutes=30)
IN_PROGRESS = (ExportStatus.QUEUED, ExportStatus.RUNNING)


def report_filename(*, consultation: Consultation, variant: str, format: str) -> str:
    suffix = "" if variant == ReportVariant.PUBLIC else "-wewnetrzne"
    return f"sprawozdanie-z-konsultacji-{consultation.pk}{suffix}.{format}"


# --- reads ------------------------------------------------------------------------------------------------------

def register_changed_at(*, consultation: Consultation) -> dt.datetime | None:
    """The last change in the register that the report reflects: a submission, an answer or a screening."""
    moments = [
        Submission.objects.filter(consultation=consultation).aggregate(m=Max("created_at"))["m"],
        RemarkResponse.objects.filter(consultation=consultation).aggregate(m=Max("updated_at"))["m"],
        Remark.objects.filter(consultation=consultation).aggregate(m=Max("screened_at"))["m"],
    ]
    moments = [m for m in moments if m is not None]
    return max(moments) if moments else None


def remarks_without_answer(*, consultation: Consultation) -> int:
    """Remarks that lack a stance or its justification. The answer services refuse both, but the register is
    checked as stored: a stance that is not one of the law's, or a justification of only spaces, counts as none."""
    return (Remark.objects.filter(consultation=consultation)
            .filter(Q(response__isnull=True) | ~Q(response__stance__in=Stance.values)
                    | Q(response__justification__regex=r"^\s*$")).count())


def report_files(*, consultation: Consultation) -> dict[tuple[str, str], ReportFile | None]:
    """The latest rendering of each variant and format (None when never requested), in one query."""
    latest: dict[tuple[str, str], ReportFile | None] = {
        (v, f): None for v in ReportVariant.values for f in ReportFormat.values}
    for report in ReportFile.objects.filter(consultation=consultation).order_by("-created_at", "-id"):
        if latest.get((report.variant, report.format)) is None:
            report.consultation = consultation
            latest[(report.variant, report.format)] = report
    return latest


def report_ready(*, consultation: Consultation, variant: str, format: str) -> ReportFile | None:
    return (ReportFile.objects.filter(consultation=consultation, variant=variant, format=format,
                                      status=ExportStatus.DONE).exclude(file="")
            .order_by("-created_at", "-id").first())


def publication_blockers(*, consultation: Consultation, today: dt.date | None = None) -> list[str]:
    """Why the report cannot be published yet (an empty list: it can)."""
    today = today or local_date(timezone.now())
    blockers = []
    if consultation.announced_at is None:
        blockers.append(_("The consultation has not been announced."))
    elif today <= comment_period(consultation).last_day:
        blockers.append(_("The comment period has not ended yet (last day: %(day)s).")
                        % {"day": comment_period(consultation).last_day.strftime("%d.%m.%Y")})
    unscreened = Remark.objects.filter(consultation=consultation, screening=Screening.PENDING).count()
    if unscreened:
        blockers.append(_("%(count)s remark(s) have not been screened yet: publish or hide each of them.")
                        % {"count": unscreened})
    missing = remarks_without_answer(consultation=consultation)
    if missing:
        blockers.append(_("%(count)s remark(s) still lack a stance with its justification.") % {"count": missing})
    changed = register_changed_at(consultation=consultation)
    for format in ReportFormat.values:
        ready = report_ready(consultation=consultation, variant=ReportVariant.PUBLIC, format=format)
        if ready is None:
            blockers.append(_("The public report in %(format)s has not been generated.") % {"format": format.upper()})
        elif changed is not None and ready.created_at < changed:
            blockers.append(_("The public report in %(format)s is older than the last change in the register: "
                              "generate it again.") % {"format": format.upper()})
    return blockers


# --- writes -----------------------------------------------------------------------------------------------------

@service("consultation_report.request", target="consultation")
def report_request(*, actor, consultation: Consultation, variant: str, format: str) -> ReportFile:
    """Ask for a rendering of the report. Side effects: a queued ``ReportFile``; after commit the task is
    enqueued. A rendering of the same kind still being prepared is reused."""
    if variant not in ReportVariant.values:
        raise ValidationError({"variant": [_("Unknown report variant.")]})
    if format not in ReportFormat.values:
        raise ValidationError({"format": [_("Unknown report format.")]})
    if consultation.announced_at is None:
        raise ValidationError(_("The consultation has not been announced: there is nothing to report yet."))
    pending = (ReportFile.objects.filter(consultation=consultation, variant=variant, format=format,
                                         status__in=IN_PROGRESS, created_at__gt=timezone.now() - STALE_AFTER)
               .order_by("-created_at").first())
    if pending is not None:
        return pending
    report = ReportFile.objects.create(consultation=consultation, variant=variant, format=format,
                                       requested_by=actor if getattr(actor, "is_authenticated", False) else None)
    report_id = report.pk

    def enqueue():
        from strategia.consultation.tasks import render_report

        render_report.enqueue(report_id=report_id)

    transaction.on_commit(enqueue)
    return report


@service("consultation_report.render", audit=False,
         exempt_reason="The background rendering of a requested report: it saves its progress outside any "
                       "transaction so the status can be shown; the request that started it is audited.")
def report_run(*, actor, report_id: int) -> ReportFile | None:
    """Render and store one report file. Errors mark it failed with their text; nothing is raised."""
    from strategia.consultation import report

    item = ReportFile.objects.select_related("consultation__process__municipality").filter(pk=report_id).first()
    if item is None or item.status == ExportStatus.DONE:
        return item
    try:
        _progress(item, status=ExportStatus.RUNNING, progress=10)
        content = report.report_content(consultation=item.consultation, variant=item.variant)
        _progress(item, progress=40)
        data = report.render(content, format=item.format)
        _progress(item, progress=90)
        name = report_filename(consultation=item.consultation, variant=item.variant, format=item.format)
        item.file.save(name, ContentFile(data), save=False)
        _progress(item, file=item.file.name, status=ExportStatus.DONE, progress=100, error="",
                  remark_count=len(content.rows), finished_at=timezone.now())
    except Exception as error:
        logger.exception("Consultation report %s failed", report_id)
        _progress(item, status=ExportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000],
                  finished_at=timezone.now())
    return item


def _progress(item: ReportFile, **fields) -> None:
    for name, value in fields.items():
        setattr(item, name, value)
    ReportFile.objects.filter(pk=item.pk).update(**fields)


@service("consultation_report.publish", target="consultation")
@transaction.atomic
def report_publish(*, actor, consultation: Consultation, now: dt.datetime | None = None) -> Consultation:
    """Publish the report on the portal: its time is recorded, the answers become final and public."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.report_published_at is not None:
        raise ValidationError(_("The report has already been published."))
    now = now or timezone.now()
    blockers = publication_blockers(consultation=consultation, today=local_date(now))
    if blockers:
        raise ValidationError(blockers)
    consultation.report_published_at = now
    consultation.report_published_by = actor if getattr(actor, "is_authenticated", False) else None
    consultation.status = ConsultationStatus.REPORTED
    consultation.save(update_fields=["report_published_at", "report_published_by", "status"])
    return consultation
