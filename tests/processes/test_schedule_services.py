"""Planned dates are fixed by the council's resolution; changes wait for an amending resolution;
actual dates are free; the server validates dates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from strategia.processes.enums import ActivityStatus, DatePrecision, ResolutionKind, ScheduleChangeStatus
from strategia.processes.models import Activity, ScheduleChange
from strategia.processes.services import (
    activity_change_planned_dates,
    activity_update,
    resolution_record,
    schedule_change_withdraw,
)


def _activity(process, stage=1, number="2"):
    return Activity.objects.get(stage__process=process, stage__number=stage, number=number)


def _fix_schedule(process, actor):
    return resolution_record(actor=actor, process=process, kind=ResolutionKind.PROCEDURE, number="XX/1/2026",
                             adopted_on=dt.date(2026, 1, 15))


def test_the_template_creates_two_stages_and_fifteen_activities(process):
    assert process.stages.count() == 2
    assert Activity.objects.filter(stage__process=process).count() == 15


def test_before_the_resolution_planned_dates_change_at_once(process, coordinator):
    activity = _activity(process)
    start, end = activity.stage.planned_start, activity.stage.planned_start + dt.timedelta(days=20)
    result = activity_change_planned_dates(actor=coordinator, activity=activity, start=start, end=end,
                                           precision=DatePrecision.DAY)
    activity.refresh_from_db()
    assert result == activity
    assert (activity.planned_start, activity.planned_end) == (start, end)
    assert not ScheduleChange.objects.exists()


def test_after_the_resolution_a_change_of_planned_dates_is_saved_as_a_draft(process, coordinator):
    _fix_schedule(process, coordinator)
    activity = _activity(process)
    old = (activity.planned_start, activity.planned_end)
    change = activity_change_planned_dates(actor=coordinator, activity=activity, start=old[0],
                                           end=old[1] + dt.timedelta(days=90), precision=DatePrecision.QUARTER,
                                           reason="Opóźnienie zamówienia")
    activity.refresh_from_db()
    assert isinstance(change, ScheduleChange)
    assert change.status == ScheduleChangeStatus.PENDING
    assert (activity.planned_start, activity.planned_end) == old


def test_a_draft_change_needs_a_reason(process, coordinator):
    _fix_schedule(process, coordinator)
    activity = _activity(process)
    with pytest.raises(ValidationError) as error:
        activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.planned_start,
                                      end=activity.planned_end, precision=DatePrecision.QUARTER, reason=" ")
    assert "reason" in error.value.error_dict


def test_the_amending_resolution_applies_the_changes_it_adopts(process, coordinator):
    _fix_schedule(process, coordinator)
    activity = _activity(process)
    new_end = activity.planned_end + dt.timedelta(days=92)
    change = activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.planned_start,
                                           end=new_end, precision=DatePrecision.DAY, reason="Więcej czasu")
    resolution = resolution_record(actor=coordinator, process=process, kind=ResolutionKind.AMENDMENT,
                                   number="XXV/2/2026", adopted_on=dt.date(2026, 3, 1), adopt_changes=[change])
    activity.refresh_from_db()
    change.refresh_from_db()
    assert activity.planned_end == new_end
    assert change.status == ScheduleChangeStatus.ADOPTED
    assert change.resolution == resolution
    assert activity.stage.planned_end >= new_end


def test_an_amendment_without_the_procedure_resolution_is_refused(process, coordinator):
    with pytest.raises(ValidationError):
        resolution_record(actor=coordinator, process=process, kind=ResolutionKind.AMENDMENT, number="1",
                          adopted_on=dt.date(2026, 1, 1))


def test_a_second_procedure_resolution_is_refused(process, coordinator):
    _fix_schedule(process, coordinator)
    with pytest.raises(ValidationError):
        _fix_schedule(process, coordinator)


def test_a_withdrawn_change_cannot_be_withdrawn_again(process, coordinator):
    _fix_schedule(process, coordinator)
    activity = _activity(process)
    change = activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.planned_start,
                                           end=activity.planned_end, precision=DatePrecision.QUARTER, reason="r")
    schedule_change_withdraw(actor=coordinator, change=change)
    with pytest.raises(ValidationError):
        schedule_change_withdraw(actor=coordinator, change=change)


def test_end_before_start_is_refused(process, coordinator):
    activity = _activity(process)
    with pytest.raises(ValidationError) as error:
        activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.planned_end,
                                      end=activity.planned_start, precision=DatePrecision.DAY)
    assert "planned_end" in error.value.error_dict


def test_an_activity_must_lie_inside_its_stage(process, coordinator):
    activity = _activity(process)
    with pytest.raises(ValidationError) as error:
        activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.stage.planned_start,
                                      end=activity.stage.planned_end + dt.timedelta(days=1),
                                      precision=DatePrecision.DAY)
    assert "planned_start" in error.value.error_dict


def test_the_consultation_cannot_be_planned_shorter_than_the_statutory_minimum(process, coordinator):
    consultation = _activity(process, stage=2, number="3")
    start = consultation.planned_start
    with pytest.raises(ValidationError) as error:
        activity_change_planned_dates(actor=coordinator, activity=consultation, start=start,
                                      end=start + dt.timedelta(days=33), precision=DatePrecision.DAY)
    assert "art. 6 ust. 5 u.z.p.p.r." in str(error.value)
    # 35 days including the first day is enough.
    activity_change_planned_dates(actor=coordinator, activity=consultation, start=start,
                                  end=start + dt.timedelta(days=34), precision=DatePrecision.DAY)


def test_actual_dates_are_free_even_after_the_resolution(process, coordinator):
    _fix_schedule(process, coordinator)
    activity = _activity(process)
    far_later = activity.planned_end + dt.timedelta(days=400)
    activity_update(actor=coordinator, activity=activity, title=activity.title, short_title=activity.short_title,
                    description="", responsible_unit="", status=ActivityStatus.COMPLETED,
                    actual_start=activity.planned_start, actual_end=far_later)
    activity.refresh_from_db()
    assert activity.actual_end == far_later


def test_actual_end_before_actual_start_is_refused(process, coordinator):
    activity = _activity(process)
    with pytest.raises(ValidationError) as error:
        activity_update(actor=coordinator, activity=activity, title="t", short_title="s", description="",
                        responsible_unit="", status=ActivityStatus.IN_PROGRESS,
                        actual_start=dt.date(2026, 5, 2), actual_end=dt.date(2026, 5, 1))
    assert "actual_end" in error.value.error_dict


def test_a_process_counts_statutory_deadlines_with_its_day_off_setting(process, coordinator):
    from strategia.core.statutory import Rule

    # The report period: 30 days from Friday 4 September 2026 ends on Sunday 4 October → Monday 5 October.
    event_day = dt.date(2026, 9, 4)
    assert process.statutory_deadline(rule=Rule.CONSULTATION_REPORT_DAYS, event_day=event_day).last_day == \
        dt.date(2026, 10, 5)
    process.shift_to_working_day = False
    assert process.statutory_deadline(rule=Rule.CONSULTATION_REPORT_DAYS, event_day=event_day).last_day == \
        dt.date(2026, 10, 4)
