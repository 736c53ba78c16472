"""Reads of processes and their harmonogram. Query counts do not grow with the number of activities."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from strategia.processes.enums import ActivityStatus, DatePrecision, ProcessStatus, ScheduleChangeStatus
from strategia.processes.models import Activity, ScheduleChange, Stage, StrategyProcess


def process_current(*, municipality) -> StrategyProcess | None:
    """The process the portal's home page shows: the newest one that is not closed."""
    return (
        StrategyProcess.objects.filter(municipality=municipality)
        .exclude(status=ProcessStatus.CLOSED)
        .order_by("-created_at")
        .first()
    )


def process_get(*, municipality, slug: str) -> StrategyProcess:
    return get_object_or_404(StrategyProcess.objects.select_related("municipality"),
                             municipality=municipality, slug=slug)


def schedule_for_process(*, process: StrategyProcess) -> list[Stage]:
    """Stages with their activities and the process's resolutions, in three queries."""
    stages = list(
        Stage.objects.filter(process=process)
        .prefetch_related(Prefetch("activities", queryset=Activity.objects.order_by("position")))
        .order_by("number")
    )
    for stage in stages:
        stage.process = process
        for activity in stage.activities.all():
            activity.stage = stage
    return stages


def activity_get(*, process: StrategyProcess, activity_id: int) -> Activity:
    try:
        activity = Activity.objects.select_related("stage").get(pk=activity_id, stage__process=process)
    except Activity.DoesNotExist:
        raise Http404 from None
    activity.stage.process = process
    return activity


def activities_current(*, process: StrategyProcess) -> list[Activity]:
    return list(Activity.objects.filter(stage__process=process, status=ActivityStatus.IN_PROGRESS)
                .select_related("stage").order_by("stage__number", "position"))


def activity_is_overdue(activity: Activity, *, today: dt.date) -> bool:
    if activity.status == ActivityStatus.IN_PROGRESS:
        return activity.planned_end < today
    if activity.status == ActivityStatus.PLANNED:
        if activity.planned_precision == DatePrecision.DAY:
            return activity.planned_start < today
        return activity.planned_end < today
    return False


def activities_due_soon(*, municipality, today: dt.date, horizon_days: int) -> list[Activity]:
    """Activities that start or end within ``horizon_days`` of ``today``, or are overdue."""
    until = today + dt.timedelta(days=horizon_days)
    starting = Q(status=ActivityStatus.PLANNED, planned_start__gte=today, planned_start__lte=until)
    ending = Q(status=ActivityStatus.IN_PROGRESS, planned_end__gte=today, planned_end__lte=until)
    overdue = Q(status=ActivityStatus.IN_PROGRESS, planned_end__lt=today)
    # An activity planned by quarter or month is late to start only once its whole planned window has passed;
    # one planned to the day, from the day after its planned start.
    late_start = Q(status=ActivityStatus.PLANNED, planned_end__lt=today) | Q(
        status=ActivityStatus.PLANNED, planned_precision=DatePrecision.DAY, planned_start__lt=today)
    return list(
        Activity.objects.filter(stage__process__municipality=municipality)
        .exclude(stage__process__status=ProcessStatus.CLOSED)
        .filter(starting | ending | overdue | late_start)
        .select_related("stage__process__municipality")
        .order_by("planned_start", "stage__number", "position")
    )


def schedule_changes_pending(*, municipality) -> list[ScheduleChange]:
    return list(
        ScheduleChange.objects.filter(activity__stage__process__municipality=municipality,
                                      status=ScheduleChangeStatus.PENDING)
        .select_related("activity__stage__process")
        .order_by("created_at")
    )


def schedule_changes_for_process(*, process: StrategyProcess) -> list[ScheduleChange]:
    return list(
        ScheduleChange.objects.filter(activity__stage__process=process)
        .select_related("activity__stage", "resolution", "created_by")
        .order_by("-created_at")
    )
