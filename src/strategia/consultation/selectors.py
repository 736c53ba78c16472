"""Reads of the consultation shared across its pages: what the reading view of a version shows (the open
consultation, the answers once reported), the consultation behind the remark form, a paragraph of the consulted
version, a submission by its token; and for the back-office a process's consultations with their counts, one
consultation scoped to its process, the register of submissions. Reads specific to one part live next to it
(manage_selectors, review_selectors, report_selectors, addressee_selectors)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from strategia.consultation.enums import ConsultationStatus, Screening
from strategia.consultation.models import Consultation, Remark, Submission
from strategia.consultation.services import comment_period
from strategia.core.deadlines import local_date
from strategia.documents.models import FrozenBlock

ACCEPTING = (ConsultationStatus.ANNOUNCED, ConsultationStatus.CLOSED)


def consultation_open_for_version(*, version, today: dt.date | None = None) -> Consultation | None:
    """The announced consultation of ``version`` whose comment period has not ended (server clock, Warsaw), or
    None. One query, whatever the number of paragraphs: the reading view calls it once."""
    if version is None or not getattr(version, "is_frozen", False):
        return None
    today = today or local_date(timezone.now())
    candidates = (Consultation.objects.select_related("process", "process__municipality")
                  .filter(document_version=version, status=ConsultationStatus.ANNOUNCED, announced_at__isnull=False)
                  .order_by("-announced_at"))
    for consultation in candidates:
        if local_date(consultation.announced_at) <= today <= comment_period(consultation).last_day:
            return consultation
    return None


@dataclass(frozen=True)
class ReadingConsultation:
    """What the reading view of a frozen version shows of its consultation: the remark buttons while it is open,
    with the number of remarks published so far on each paragraph or chapter (after staff screening); once the
    report is published, the number of remarks answered on each, linking to the answers."""

    open: Consultation | None = None
    reported: Consultation | None = None
    remark_counts: dict = field(default_factory=dict)  # block uid → remarks shown on it

    @property
    def shown(self) -> Consultation | None:
        """The consultation whose remarks the counts link to."""
        return self.reported or self.open


def consultation_for_reading(*, version, today: dt.date | None = None) -> ReadingConsultation:
    """One query for the version's consultations, and one more (whatever the number of remarks) for the number of
    remarks per paragraph: every remark once the report is published, the published ones while it is open."""
    if version is None or not getattr(version, "is_frozen", False):
        return ReadingConsultation()
    today = today or local_date(timezone.now())
    candidates = list(Consultation.objects.select_related("process", "process__municipality")
                      .filter(document_version=version, announced_at__isnull=False)
                      .exclude(status=ConsultationStatus.DRAFT).order_by("-announced_at"))
    open_one = next((c for c in candidates if c.status == ConsultationStatus.ANNOUNCED
                     and local_date(c.announced_at) <= today <= comment_period(c).last_day), None)
    reported = next((c for c in candidates if c.report_published_at is not None), None)
    remarks = None
    if reported is not None:
        remarks = Remark.objects.filter(consultation=reported)
    elif open_one is not None:
        remarks = Remark.objects.filter(consultation=open_one, screening=Screening.PUBLISHED)
    counts = {}
    if remarks is not None:
        counts = {row["block_uid"]: row["count"] for row in
                  remarks.filter(block_uid__isnull=False).values("block_uid").annotate(count=Count("id")).order_by()}
    return ReadingConsultation(open=open_one, reported=reported, remark_counts=counts)


def consultation_accepting_remarks(*, process, consultation_id: int) -> Consultation:
    """The consultation behind the remark form: announced and not yet reported. Late remarks are accepted (and
    marked late by the service), never refused."""
    return get_object_or_404(
        Consultation.objects.select_related("process", "process__municipality", "document_version"),
        pk=consultation_id, process=process, status__in=ACCEPTING, announced_at__isnull=False)


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def block_of_version(*, version, uid: str) -> FrozenBlock:
    """A paragraph or heading of the consulted version by its uid; 404 for anything else."""
    parsed = _uuid(uid)
    if parsed is None:
        raise Http404
    return get_object_or_404(FrozenBlock, version=version, uid=parsed)


def blocks_by_uid(*, version, uids) -> dict[str, FrozenBlock]:
    """The blocks of ``version`` among ``uids`` (strings), keyed by their uid as a string."""
    clean = [u for u in (_uuid(uid) for uid in uids) if u is not None]
    return {str(b.uid): b for b in FrozenBlock.objects.filter(version=version, uid__in=clean)}


def submission_by_token(*, process, token: str) -> Submission:
    return get_object_or_404(
        Submission.objects.select_related("consultation", "consultation__process").prefetch_related("remarks"),
        tracking_token=token, consultation__process=process)


# --- the back-office ----------------------------------------------------------------------------------------------

def consultations_for_staff(*, process) -> list[Consultation]:
    """A process's consultations with their counts, in one query."""
    return list(
        Consultation.objects.filter(process=process).select_related("process__municipality").annotate(
            submission_count=Count("submissions", distinct=True),
            late_submission_count=Count("submissions", filter=Q(submissions__is_late=True), distinct=True),
            remark_count=Count("submissions__remarks", distinct=True),
            late_remark_count=Count("submissions__remarks", filter=Q(submissions__is_late=True), distinct=True),
        )
    )


def consultation_get(*, process, consultation_id: int) -> Consultation:
    """A consultation of this process only: an id from another process or municipality is a 404."""
    consultation = get_object_or_404(Consultation.objects.select_related("document_version"),
                                     pk=consultation_id, process=process)
    consultation.process = process
    return consultation


def submission_register(*, consultation) -> list[Submission]:
    """Every submission with its number of remarks and its meeting, in one query whatever the size."""
    return list(Submission.objects.filter(consultation=consultation).select_related("meeting")
                .annotate(remark_count=Count("remarks")).order_by("received_at", "id"))
