"""Reads for managing a consultation (back-office) and for its public page. Every fetch is scoped to the process
(itself scoped to the municipality in the URL): an id from another process or municipality is a 404."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from strategia.consultation.models import Consultation, Meeting


def consultation_for_staff(*, process, consultation_id: int) -> Consultation:
    consultation = get_object_or_404(
        Consultation.objects.select_related("document_version__document", "activity__stage"),
        pk=consultation_id, process=process)
    consultation.process = process
    return consultation


def meeting_for_staff(*, consultation: Consultation, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(Meeting, pk=meeting_id, consultation=consultation)
    meeting.consultation = consultation
    return meeting


def meetings_of(*, consultation: Consultation) -> list[Meeting]:
    meetings = list(Meeting.objects.filter(consultation=consultation).order_by("starts_at", "id"))
    for meeting in meetings:
        meeting.consultation = consultation
    return meetings


def consultations_announced(*, process) -> list[Consultation]:
    """The process's announced consultations, newest first, in one query whatever their number."""
    consultations = list(Consultation.objects.filter(process=process, announced_at__isnull=False)
                         .select_related("document_version__document").order_by("-announced_at", "-id"))
    for consultation in consultations:
        consultation.process = process
    return consultations


def consultation_announced(*, process, consultation_id: int) -> Consultation:
    """An announced consultation with its meetings (404 before the announcement), ready for the announcement's
    content object: the version, its document and the meetings are fetched up front."""
    consultation = get_object_or_404(
        Consultation.objects.select_related("document_version__document")
        .prefetch_related(Prefetch("meetings", queryset=Meeting.objects.order_by("starts_at", "id"))),
        pk=consultation_id, process=process, announced_at__isnull=False)
    consultation.process = process
    consultation.document_version.document.process = process
    return consultation
