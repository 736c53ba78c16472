"""Writes to the process and its harmonogram. Each is audited (``@service``)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strategia.core.deadlines import period_length_days
from strategia.core.services import service
from strategia.core.statutory import period
from strategia.processes import activity_types
from strategia.processes.blueprints import BLUEPRINTS, Blueprint
from strategia.processes.enums import (
    ActivityStatus,
    DatePrecision,
    ProcessStatus,
    ResolutionKind,
    ScheduleChangeStatus,
)
from strategia.processes.models import Activity, Resolution, ScheduleChange, Stage, StrategyProcess
from strategia.processes.periods import quarter_end, quarter_start

DEFAULT_LEGAL_BASIS = (
    "art. 18 ust. 2 pkt 6a i art. 10f ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym "
    "(Dz.U. z 2025 r. poz. 1153)\n"
    "art. 6 ust. 3 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju "
    "(Dz.U. z 2025 r. poz. 198)"
)

DEFAULT_CONSULTATION_PROCEDURE = (
    "zgłaszanie uwag na formularzu elektronicznym na platformie, pocztą elektroniczną, przez ePUAP "
    "i e-Doręczenia, pisemnie (pocztą lub osobiście w urzędzie) oraz ustnie do protokołu podczas spotkań "
    "konsultacyjnych i dyskusji publicznej"
)


# --- validation, shared by services and forms ------------------------------------------------------------

def validate_planned_period(*, activity_type: str, start: dt.date, end: dt.date, precision: str,
                            stage: Stage | None = None) -> None:
    """End after start; inside the stage; long enough for a statutory minimum. Raises ValidationError with
    Polish messages keyed by field."""
    errors: dict[str, list[str]] = {}
    if end < start:
        errors.setdefault("planned_end", []).append(_("The end must not be earlier than the start."))
    if stage is not None and not errors and (start < stage.planned_start or end > stage.planned_end):
        errors.setdefault("planned_start", []).append(
            _("The activity must lie within its stage (%(period)s).") % {"period": stage.planned_label}
        )
    kind = activity_types.get(activity_type)
    if kind.min_days_rule and not errors:
        rule = period(kind.min_days_rule, on=start)
        # The period runs from its first day; an announcement the day before is the triggering event.
        if period_length_days(event_day=start - dt.timedelta(days=1), last_day=end) < rule.days:
            errors.setdefault("planned_end", []).append(
                _("This activity must last at least %(days)s days (%(citation)s).")
                % {"days": rule.days, "citation": rule.citation}
            )
    if precision not in DatePrecision.values:
        errors.setdefault("planned_precision", []).append(_("Choose how the period is given."))
    if errors:
        raise ValidationError(errors)


def validate_actual_dates(*, start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValidationError({"actual_end": [_("The end must not be earlier than the start.")]})
    if end and not start:
        raise ValidationError({"actual_start": [_("Give the start date before the end date.")]})


# --- process -------------------------------------------------------------------------------------------------

@service("process.create_from_blueprint")
@transaction.atomic
def process_create_from_blueprint(*, actor, municipality, title: str, slug: str, start_year: int,
                                  start_quarter: int, horizon_year: int | None = None,
                                  blueprint: Blueprint | None = None, is_sample: bool = False) -> StrategyProcess:
    """Create a process with the template's stages and activities, starting in ``start_quarter`` of
    ``start_year``. Side effects: one process, its stages and activities."""
    blueprint = blueprint or next(iter(BLUEPRINTS.values()))
    parsed = blueprint.schedule()
    offset = (start_year * 4 + start_quarter - 1) - parsed.first_quarter
    process = StrategyProcess.objects.create(
        municipality=municipality, slug=slug, title=title, horizon_year=horizon_year, blueprint=blueprint.code,
        legal_basis=DEFAULT_LEGAL_BASIS, consultation_procedure=DEFAULT_CONSULTATION_PROCEDURE,
        is_sample=is_sample, status=ProcessStatus.PREPARATION,
    )
    for stage_spec in parsed.stages:
        first = min(a.first_quarter for a in stage_spec.activities) + offset
        last = max(a.last_quarter for a in stage_spec.activities) + offset
        stage = Stage.objects.create(
            process=process, number=stage_spec.number, title=stage_spec.title,
            description=stage_spec.description,
            planned_start=quarter_start(first // 4, first % 4 + 1),
            planned_end=quarter_end(last // 4, last % 4 + 1),
        )
        for position, spec in enumerate(stage_spec.activities, start=1):
            a_first, a_last = spec.first_quarter + offset, spec.last_quarter + offset
            Activity.objects.create(
                stage=stage, number=spec.number, position=position, title=spec.title,
                short_title=spec.short_title, activity_type=spec.activity_type,
                description=str(activity_types.get(spec.activity_type).description),
                planned_start=quarter_start(a_first // 4, a_first % 4 + 1),
                planned_end=quarter_end(a_last // 4, a_last % 4 + 1),
                planned_precision=DatePrecision.QUARTER,
            )
    return process


@service("process.update", target="process")
def process_update(*, actor, process: StrategyProcess, **fields) -> StrategyProcess:
    allowed = {"title", "horizon_year", "status", "summary", "shift_to_working_day", "legal_basis",
               "consultation_procedure"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"process_update got unexpected fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(process, name, value)
    process.full_clean(exclude=["municipality"])
    process.save()
    return process


# --- resolutions and schedule changes ------------------------------------------------------------------------

@service("resolution.record")
@transaction.atomic
def resolution_record(*, actor, process: StrategyProcess, kind: str, number: str, adopted_on: dt.date,
                      title: str = "", file=None, adopt_changes: list[ScheduleChange] | None = None) -> Resolution:
    """Record a council resolution. The procedure resolution fixes the planned dates; an amending
    resolution adopts the draft changes it covers (``adopt_changes``), which then become the planned dates.
    Side effects: the adopted changes' activities get new planned dates."""
    if kind == ResolutionKind.PROCEDURE and process.resolutions.filter(kind=ResolutionKind.PROCEDURE).exists():
        raise ValidationError({"kind": [_("The resolution on the procedure and schedule is already recorded; "
                                           "record an amending resolution instead.")]})
    if kind == ResolutionKind.AMENDMENT and not process.resolutions.filter(kind=ResolutionKind.PROCEDURE).exists():
        raise ValidationError({"kind": [_("Record the resolution on the procedure and schedule first.")]})
    resolution = Resolution.objects.create(process=process, kind=kind, number=number, adopted_on=adopted_on,
                                           title=title, file=file or "")
    for change in adopt_changes or []:
        if change.activity.stage.process_id != process.pk or change.status != ScheduleChangeStatus.PENDING:
            raise ValidationError(_("Only pending changes of this process can be adopted."))
        activity = change.activity
        stage = activity.stage
        # The amending resolution may move an activity outside its stage: the stage grows with it.
        stage.planned_start = min(stage.planned_start, change.proposed_start)
        stage.planned_end = max(stage.planned_end, change.proposed_end)
        stage.save(update_fields=["planned_start", "planned_end"])
        activity.planned_start = change.proposed_start
        activity.planned_end = change.proposed_end
        activity.planned_precision = change.proposed_precision
        activity.save(update_fields=["planned_start", "planned_end", "planned_precision"])
        change.status = ScheduleChangeStatus.ADOPTED
        change.resolution = resolution
        change.save(update_fields=["status", "resolution"])
    return resolution


@service("activity.plan", target="activity")
@transaction.atomic
def activity_change_planned_dates(*, actor, activity: Activity, start: dt.date, end: dt.date, precision: str,
                                  reason: str = "") -> Activity | ScheduleChange:
    """Change an activity's planned period. Before the council fixed the schedule the dates change at once;
    afterwards the change is saved as a draft ("projekt zmiany harmonogramu") until an amending resolution is
    recorded. Returns the activity or the draft change."""
    process = activity.stage.process
    fixed = process.schedule_is_fixed
    validate_planned_period(activity_type=activity.activity_type, start=start, end=end, precision=precision,
                            stage=None if fixed else activity.stage)
    if fixed:
        if not reason.strip():
            raise ValidationError({"reason": [_("Please give the reason for the change: the council will see it.")]})
        return ScheduleChange.objects.create(activity=activity, proposed_start=start, proposed_end=end,
                                             proposed_precision=precision, reason=reason.strip(),
                                             created_by=actor if getattr(actor, "is_authenticated", False) else None)
    activity.planned_start, activity.planned_end, activity.planned_precision = start, end, precision
    activity.save(update_fields=["planned_start", "planned_end", "planned_precision"])
    return activity


@service("schedule_change.withdraw", target="change")
def schedule_change_withdraw(*, actor, change: ScheduleChange) -> ScheduleChange:
    if change.status != ScheduleChangeStatus.PENDING:
        raise ValidationError(_("Only a pending change can be withdrawn."))
    change.status = ScheduleChangeStatus.WITHDRAWN
    change.save(update_fields=["status"])
    return change


@service("activity.update", target="activity")
def activity_update(*, actor, activity: Activity, title: str, short_title: str, description: str,
                    responsible_unit: str, status: str, actual_start: dt.date | None,
                    actual_end: dt.date | None) -> Activity:
    """Texts, status and actual dates (free: they record what happened)."""
    validate_actual_dates(start=actual_start, end=actual_end)
    if status == ActivityStatus.COMPLETED and not actual_end:
        raise ValidationError({"actual_end": [_("A completed activity needs its actual end date.")]})
    if status == ActivityStatus.IN_PROGRESS and not actual_start:
        raise ValidationError({"actual_start": [_("An activity in progress needs its actual start date.")]})
    activity.title, activity.short_title = title, short_title
    activity.description, activity.responsible_unit = description, responsible_unit
    activity.status, activity.actual_start, activity.actual_end = status, actual_start, actual_end
    activity.save()
    return activity
