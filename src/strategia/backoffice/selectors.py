"""Reads for the back-office shell: the dashboard's to-do list, stored e-mails, the audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from strategia.core.models import AuditEntry, StoredEmail
from strategia.portal import selectors as portal_selectors
from strategia.processes import selectors as process_selectors
from strategia.processes.models import Activity, ScheduleChange, StrategyProcess


@dataclass
class Dashboard:
    processes: list[StrategyProcess]
    starting: list[Activity]
    ending: list[Activity]
    overdue: list[Activity]
    pending_changes: list[ScheduleChange]
    processes_without_resolution: list[StrategyProcess]
    unread_emails: int
    accessibility_review: object | None = None

    @property
    def has_tasks(self) -> bool:
        return bool(self.starting or self.ending or self.overdue or self.pending_changes
                    or self.processes_without_resolution or self.unread_emails
                    or (self.accessibility_review and self.accessibility_review.is_due))


def emails_for_municipality(*, municipality) -> QuerySet[StoredEmail]:
    """E-mails sent on the municipality's behalf. In the demo also account e-mails (verification, password
    reset), which belong to no municipality: there is no mail server, so this page is the only way to read them."""
    condition = Q(municipality=municipality)
    if settings.DEMO_MODE:
        condition |= Q(municipality__isnull=True)
    return StoredEmail.objects.filter(condition).order_by("-created_at", "-id")


def dashboard_for(*, municipality, today: dt.date) -> Dashboard:
    horizon = today + dt.timedelta(days=settings.DASHBOARD_HORIZON_DAYS)
    due = process_selectors.activities_due_soon(municipality=municipality, today=today,
                                                horizon_days=settings.DASHBOARD_HORIZON_DAYS)
    processes = list(StrategyProcess.objects.filter(municipality=municipality)
                     .prefetch_related("resolutions").order_by("-created_at"))
    return Dashboard(
        processes=processes,
        starting=[a for a in due if a.status == "planned" and today <= a.planned_start <= horizon],
        ending=[a for a in due if a.status == "in_progress" and today <= a.planned_end <= horizon],
        overdue=[a for a in due if process_selectors.activity_is_overdue(a, today=today)],
        pending_changes=process_selectors.schedule_changes_pending(municipality=municipality),
        processes_without_resolution=[p for p in processes if p.procedure_resolution is None
                                      and p.status not in ("closed", "adopted", "monitoring")],
        unread_emails=emails_for_municipality(municipality=municipality).filter(seen_at__isnull=True).count(),
        accessibility_review=portal_selectors.accessibility_review_state(municipality=municipality, today=today),
    )


def audit_entries(*, municipality, action: str = "", actor: str = "", date_from: dt.date | None = None,
                  date_to: dt.date | None = None, object_type: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.filter(municipality=municipality).select_related("actor", "content_type")
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if date_from:
        entries = entries.filter(created_at__date__gte=date_from)
    if date_to:
        entries = entries.filter(created_at__date__lte=date_to)
    if object_type:
        entries = entries.filter(content_type__model=object_type)
    return entries.order_by("-created_at", "-id")


def audit_actions(*, municipality) -> list[str]:
    return list(AuditEntry.objects.filter(municipality=municipality).values_list("action", flat=True)
                .distinct().order_by("action"))
