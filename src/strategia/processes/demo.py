"""The demo's process: Konstancin-Jeziorna's real schedule (the seed), moved in time so that "today" falls in
one activity (the public consultation by default). Idempotent: running it again re-applies the dates.

What is real: the schedule's wording, its stages and quarters relative to each other, the resolution's number
and date.
What is invented and labelled as sample data (``is_sample``): the dates (shifted to today), actual dates and
statuses, the process summary and the office's contact details."""

from __future__ import annotations

import datetime as dt

from strategia.core.models import Municipality
from strategia.core.territory import load_konstancin_territory
from strategia.processes import services
from strategia.processes.blueprints import seed_schedule
from strategia.processes.enums import ActivityStatus, DatePrecision, ProcessStatus, ResolutionKind
from strategia.processes.models import Activity, StrategyProcess
from strategia.processes.periods import quarter_end, quarter_of, quarter_start

DEMO_SLUG = "konstancin-jeziorna"
DEMO_PROCESS_SLUG = "strategia-2030"
DEFAULT_ANCHOR = "2.3"  # konsultacje społeczne
SEED_RESOLUTION_NUMBER = "443/8/33/2021"
SEED_RESOLUTION_DATE = dt.date(2021, 11, 24)

DEMO_SUMMARY = (
    "[Przykładowy opis – dane demonstracyjne] Strategia rozwoju gminy Konstancin-Jeziorna do 2030 roku określi, "
    "jak gmina chce się rozwijać: jakie cele stawia sobie w sprawach społecznych, gospodarczych, przestrzennych "
    "i środowiskowych, jakimi działaniami chce je osiągnąć i jak będzie mierzyć postępy. Dokument powstaje "
    "z udziałem mieszkańców, organizacji i instytucji."
)


def municipality_load() -> Municipality:
    gmina = load_konstancin_territory()
    municipality, _ = Municipality.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "unit": gmina, "kind": "miejsko-wiejska",
            "name": "Gmina Konstancin-Jeziorna", "name_genitive": "Gminy Konstancin-Jeziorna",
            "name_locative": "Gminie Konstancin-Jeziorna",
            "council_name": "Rada Miejska w Konstancinie-Jeziornie",
            "council_name_genitive": "Rady Miejskiej w Konstancinie-Jeziornie",
            "office_name": "Urząd Miasta i Gminy Konstancin-Jeziorna",
            "executive_title": "burmistrz", "executive_name": "Michał Wiśniewski",
            "street_address": "ul. Piaseczyńska 77", "postal_code": "05-520", "city": "Konstancin-Jeziorna",
            "website_url": "https://www.konstancinjeziorna.pl",
            # Contact details below are invented for the demo (.example domains never resolve).
            "email": "strategia@konstancin.example", "phone": "",
            "controller_name": "Burmistrz Gminy Konstancin-Jeziorna",
            "controller_contact": "ul. Piaseczyńska 77, 05-520 Konstancin-Jeziorna, strategia@konstancin.example",
            "dpo_name": "Inspektor Ochrony Danych (dane przykładowe)", "dpo_email": "iod@konstancin.example",
            "case_reference_prefix": "RSO.0057", "is_sample": True,
        },
    )
    return municipality


def _anchor_spec(anchor: str):
    parsed = seed_schedule()
    for stage in parsed.stages:
        for spec in stage.activities:
            if f"{stage.number}.{spec.number}" == anchor or spec.activity_type == anchor:
                return stage.number, spec
    raise ValueError(f"No activity {anchor!r} in the schedule (use e.g. 1.2, 2.3 or a type such as consultation)")


def process_load(*, municipality: Municipality, today: dt.date, anchor: str = DEFAULT_ANCHOR) -> StrategyProcess:
    parsed = seed_schedule()
    _, anchor_spec = _anchor_spec(anchor)
    today_index = today.year * 4 + quarter_of(today) - 1
    offset = today_index - anchor_spec.first_quarter
    first = parsed.first_quarter + offset
    process = StrategyProcess.objects.filter(municipality=municipality, slug=DEMO_PROCESS_SLUG).first()
    if process is None:
        process = services.process_create_from_blueprint(
            actor=None, municipality=municipality, slug=DEMO_PROCESS_SLUG,
            title="Strategia rozwoju gminy Konstancin-Jeziorna do 2030 roku", horizon_year=2030,
            start_year=first // 4, start_quarter=first % 4 + 1, is_sample=True,
        )
    process.summary = DEMO_SUMMARY
    process.status = ProcessStatus.IN_PROGRESS
    process.save(update_fields=["summary", "status"])
    _apply_dates(process=process, offset=offset, anchor=anchor_spec, today=today)
    _record_resolution(process=process)
    return process


def _apply_dates(*, process: StrategyProcess, offset: int, anchor, today: dt.date) -> None:
    """Planned dates from the seed plus ``offset`` quarters; statuses and actual dates around ``anchor``.
    Demo time travel writes the rows directly: it is not a change of the council's schedule."""
    parsed = seed_schedule()
    activities = {(a.stage.number, a.number): a for a in
                  Activity.objects.filter(stage__process=process).select_related("stage")}
    order = [(s.number, spec) for s in parsed.stages for spec in s.activities]
    anchor_pos = next(i for i, (_, spec) in enumerate(order) if spec is anchor)
    a_first = anchor.first_quarter + offset
    anchor_start = max(quarter_start(a_first // 4, a_first % 4 + 1), today - dt.timedelta(days=14))
    for stage in process.stages.all():
        specs = [spec for number, spec in order if number == stage.number]
        s_first = min(s.first_quarter for s in specs) + offset
        s_last = max(s.last_quarter for s in specs) + offset
        stage.planned_start = quarter_start(s_first // 4, s_first % 4 + 1)
        stage.planned_end = quarter_end(s_last // 4, s_last % 4 + 1)
        stage.save(update_fields=["planned_start", "planned_end"])
    for position, (stage_number, spec) in enumerate(order):
        activity = activities[(stage_number, spec.number)]
        q1, q2 = spec.first_quarter + offset, spec.last_quarter + offset
        activity.planned_start = quarter_start(q1 // 4, q1 % 4 + 1)
        activity.planned_end = quarter_end(q2 // 4, q2 % 4 + 1)
        activity.planned_precision = DatePrecision.QUARTER
        if position < anchor_pos:
            activity.status = ActivityStatus.COMPLETED
            activity.actual_start = min(activity.planned_start, anchor_start - dt.timedelta(days=2))
            activity.actual_end = max(activity.actual_start,
                                      min(activity.planned_end, anchor_start - dt.timedelta(days=1)))
        elif position == anchor_pos:
            activity.status = ActivityStatus.IN_PROGRESS
            activity.actual_start, activity.actual_end = anchor_start, None
        else:
            activity.status = ActivityStatus.PLANNED
            activity.actual_start = activity.actual_end = None
        activity.responsible_unit = activity.responsible_unit or "Referat Rozwoju i Strategii (dane przykładowe)"
        activity.save()


def _record_resolution(*, process: StrategyProcess) -> None:
    """The council's resolution no. 443/8/33/2021 of 24.11.2021 (legal_pl.md §6.2), with its real number and
    date even though the demo's schedule is moved in time. No file is attached: we have none and invent none."""
    adopted_on = SEED_RESOLUTION_DATE
    existing = process.resolutions.filter(kind=ResolutionKind.PROCEDURE).first()
    title = ("w sprawie określenia szczegółowego trybu i harmonogramu opracowania projektu Strategii rozwoju "
             "gminy Konstancin-Jeziorna do 2030 roku, w tym trybu konsultacji")
    if existing:
        existing.adopted_on, existing.title = adopted_on, title
        existing.save(update_fields=["adopted_on", "title"])
        return
    services.resolution_record(actor=None, process=process, kind=ResolutionKind.PROCEDURE,
                               number=SEED_RESOLUTION_NUMBER, adopted_on=adopted_on, title=title)
