"""Reads behind the report pages: the staff report page (the six files and their freshness, the deadline, what
blocks publication), the public answers per paragraph after publication, and a submission's answers on its tracking
page. Each reads in a fixed number of queries whatever the number of remarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404
from django.utils import timezone

from strategia.consultation.enums import ConsultedDocument, ReportFormat, ReportVariant, Screening
from strategia.consultation.models import Consultation, Remark, ReportFile
from strategia.consultation.privacy import public_submitter
from strategia.consultation.report_services import (
    IN_PROGRESS,
    publication_blockers,
    register_changed_at,
    report_files,
)
from strategia.consultation.services import comment_period, report_deadline
from strategia.core.deadlines import local_date
from strategia.documents.models import FrozenBlock

# --- the staff report page ---------------------------------------------------------------------------------------


@dataclass
class FileStatus:
    variant: str
    format: str
    report: ReportFile | None
    stale: bool

    @property
    def in_progress(self) -> bool:
        return self.report is not None and self.report.status in IN_PROGRESS


@dataclass
class ReportPage:
    consultation: Consultation
    files: list[FileStatus]
    changed_at: dt.datetime | None
    due: object  # core.deadlines.Deadline
    days_left: int
    blockers: list[str]
    period_over: bool

    @property
    def in_progress(self) -> bool:
        return any(item.in_progress for item in self.files)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and self.consultation.report_published_at is None

    @property
    def days_overdue(self) -> int:
        return -self.days_left


def report_page(*, consultation: Consultation, variants: list[str], today: dt.date | None = None) -> ReportPage:
    """The state of the report: each file of the ``variants`` shown (stale when older than the register's last
    change), the 30-day deadline with the days left, and the reasons publication is refused."""
    today = today or local_date(timezone.now())
    latest = report_files(consultation=consultation)
    changed = register_changed_at(consultation=consultation)
    files = []
    for variant in variants:
        for format in ReportFormat.values:
            report = latest[(variant, format)]
            stale = bool(report is not None and changed is not None and report.created_at < changed)
            files.append(FileStatus(variant=variant, format=format, report=report, stale=stale))
    due = report_deadline(consultation)
    blockers = [] if consultation.report_published_at else publication_blockers(consultation=consultation,
                                                                                today=today)
    return ReportPage(consultation=consultation, files=files, changed_at=changed, due=due,
                      days_left=(due.last_day - today).days, blockers=blockers,
                      period_over=consultation.announced_at is not None
                      and today > comment_period(consultation).last_day)


# --- public -----------------------------------------------------------------------------------------------------

def consultation_for_public_report(*, process, consultation_id: int) -> Consultation:
    """An announced consultation of this process (the answers page exists before publication and says when the
    report is due); another process's id is a 404."""
    consultation = get_object_or_404(Consultation.objects.select_related("document_version__document"),
                                     pk=consultation_id, process=process, announced_at__isnull=False)
    consultation.process = process
    return consultation


@dataclass
class PublicRemark:
    remark: Remark
    change_url: str = ""

    @property
    def is_hidden(self) -> bool:
        return self.remark.screening == Screening.HIDDEN

    @property
    def response(self):
        return self.remark.response

    @property
    def submitter(self) -> str:
        """As the portal may show it: "osoba fizyczna" for a private person who did not consent to their name."""
        return public_submitter(self.remark.submission)


@dataclass
class ParagraphAnswers:
    block: FrozenBlock
    remarks: list[PublicRemark] = field(default_factory=list)


@dataclass
class ChapterAnswers:
    heading: FrozenBlock | None
    paragraphs: list[ParagraphAnswers] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"rozdzial-{self.heading.display_number.replace('.', '-')}" if self.heading else "rozdzial"

    @property
    def remark_count(self) -> int:
        return sum(len(p.remarks) for p in self.paragraphs)


@dataclass
class PublicAnswers:
    chapters: list[ChapterAnswers]
    general: list[PublicRemark]
    forecast: list[PublicRemark]
    total: int


def _remarks_with_answers(queryset):
    return list(queryset.select_related("submission", "response",
                                        "response__change_version__document__process__municipality")
                .order_by("number", "id"))


def _change_urls(remarks: list[Remark], uid_of: dict[int, object]) -> dict[int, str]:
    """For each answered remark whose answer names a later version: the address of the same paragraph (by uid
    lineage) in that version, or of the version when the paragraph is gone. One query at most."""
    answered = [r for r in remarks if r.response_id and r.response.change_version_id]
    wanted_uids = {uid_of[r.pk] for r in answered if uid_of.get(r.pk)}
    found = {}
    if wanted_uids:
        versions = {r.response.change_version_id for r in answered}
        for block in FrozenBlock.objects.filter(version_id__in=versions, uid__in=wanted_uids).only(
                "version_id", "uid", "display_number"):
            found[(block.version_id, block.uid)] = block
    urls = {}
    for remark in answered:
        version = remark.response.change_version
        block = found.get((version.pk, uid_of.get(remark.pk)))
        urls[remark.pk] = version.get_absolute_url() + (f"#{block.anchor}" if block is not None else "")
    return urls


def public_answers(*, consultation: Consultation, published_only: bool = False) -> PublicAnswers:
    """Every remark of the consultation with its answer, grouped per paragraph or chapter of the consulted version
    (in reading order, under their chapter), then the general remarks and those on the forecast. While the
    consultation runs (``published_only``), only the remarks published after screening, whose answers come with
    the report. Three or four queries."""
    blocks = list(FrozenBlock.objects.filter(version_id=consultation.document_version_id)
                  .only("uid", "display_number", "is_heading", "level", "text", "position", "chapter_uid")
                  .order_by("position"))
    queryset = Remark.objects.filter(consultation=consultation)
    if published_only:
        queryset = queryset.filter(screening=Screening.PUBLISHED)
    remarks = _remarks_with_answers(queryset)
    by_uid = {block.uid: block for block in blocks}
    by_number = {block.display_number: block for block in blocks}
    placed = {}
    for remark in remarks:
        if remark.document != ConsultedDocument.FORECAST:
            block = by_uid.get(remark.block_uid) or by_number.get((remark.display_number or "").strip())
            if block is not None:
                placed[remark.pk] = block
    urls = _change_urls(remarks, {pk: block.uid for pk, block in placed.items()})
    on_block: dict = {}
    general, forecast = [], []
    for remark in remarks:
        item = PublicRemark(remark=remark, change_url=urls.get(remark.pk, ""))
        if remark.document == ConsultedDocument.FORECAST:
            forecast.append(item)
        elif remark.pk in placed:
            on_block.setdefault(placed[remark.pk].uid, []).append(item)
        else:
            general.append(item)
    chapters: list[ChapterAnswers] = []
    current = None
    for block in blocks:
        if block.is_heading and block.level == 1:
            current = ChapterAnswers(heading=block)
            chapters.append(current)
        if block.uid in on_block:  # remarks on the paragraph, or on the chapter as a whole
            if current is None:
                current = ChapterAnswers(heading=None)
                chapters.append(current)
            current.paragraphs.append(ParagraphAnswers(block=block, remarks=on_block[block.uid]))
    return PublicAnswers(chapters=[c for c in chapters if c.paragraphs], general=general, forecast=forecast,
                         total=len(remarks))


def submission_answers(*, submission) -> list[PublicRemark]:
    """A submission's remarks with their answers and change links (for its tracking page)."""
    remarks = _remarks_with_answers(Remark.objects.filter(submission=submission))
    urls = _change_urls(remarks, {r.pk: r.block_uid for r in remarks if r.block_uid})
    return [PublicRemark(remark=remark, change_url=urls.get(remark.pk, "")) for remark in remarks]


def public_report_ready(*, consultation: Consultation, format: str) -> ReportFile | None:
    from strategia.consultation.report_services import report_ready

    if consultation.report_published_at is None or format not in ReportFormat.values:
        return None
    return report_ready(consultation=consultation, variant=ReportVariant.PUBLIC, format=format)
