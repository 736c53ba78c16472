"""Reads for the public side of the consultation: the open consultation of a version (one query, for the reading
view), the consultation behind the remark form, a paragraph of the consulted version, a submission by its token."""

from __future__ import annotations

import datetime as dt
import uuid

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from strategia.consultation.enums import ConsultationStatus
from strategia.consultation.models import Consultation, Submission
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
