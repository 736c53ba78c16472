"""The one deadline helper. Every statutory clock in Strategia is computed here.

Rules (``shared/domain/legal_pl.md`` §7, "Day counting"; by analogy with art. 57 § 1 and § 4 k.p.a. and
art. 111 § 2, art. 115 k.c.):

1. The day of the triggering event (publication, receipt) is not counted: a 35-day period announced on
   1 June runs from 2 June and its last day is 6 July (1 June + 35 days).
2. A period ends at 23:59:59 Europe/Warsaw of its last day, whatever the server's own time zone.
3. When the last day falls on a Saturday, a Sunday or a public holiday, the period ends on the next working
   day. This is a per-process setting (``shift_to_working_day``), on by default.

All arguments are keyword-only so that call sites read like the rule they apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone

from strategia.core.statutory import Rule, StatutoryPeriod, period

WARSAW = ZoneInfo("Europe/Warsaw")


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.Poland(years=year).keys())


def is_public_holiday(day: dt.date) -> bool:
    return day in _polish_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def local_date(moment: dt.datetime) -> dt.date:
    """The calendar day in Warsaw on which an aware ``moment`` falls."""
    if timezone.is_naive(moment):
        raise ValueError("Deadlines need aware datetimes")
    return moment.astimezone(WARSAW).date()


def end_of_day(day: dt.date) -> dt.datetime:
    """23:59:59 Europe/Warsaw of ``day`` (aware)."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=WARSAW)


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0, 0), tzinfo=WARSAW)


@dataclass(frozen=True)
class Deadline:
    """The last day of a period and the moment it ends, with how it was computed."""

    event_day: dt.date
    days: int
    last_day: dt.date
    unshifted_last_day: dt.date
    citation: str = ""

    @property
    def ends_at(self) -> dt.datetime:
        return end_of_day(self.last_day)

    @property
    def was_shifted(self) -> bool:
        return self.last_day != self.unshifted_last_day

    def is_met_by(self, moment: dt.datetime) -> bool:
        """True when ``moment`` falls on or before the last day (Warsaw time)."""
        return local_date(moment) <= self.last_day

    def days_left(self, *, today: dt.date) -> int:
        """Calendar days from ``today`` to the last day; 0 on the last day, negative after it."""
        return (self.last_day - today).days


def deadline(*, event_day: dt.date, days: int, shift_to_working_day: bool = True, citation: str = "") -> Deadline:
    """The period of ``days`` days that starts the day after ``event_day``."""
    if days < 0:
        raise ValueError("A period has a non-negative number of days")
    unshifted = event_day + dt.timedelta(days=days)
    last = next_working_day(unshifted) if shift_to_working_day else unshifted
    return Deadline(event_day=event_day, days=days, last_day=last, unshifted_last_day=unshifted, citation=citation)


def statutory_deadline(*, rule: Rule, event_day: dt.date, shift_to_working_day: bool = True) -> Deadline:
    """The statutory period ``rule`` (in force on ``event_day``) counted from ``event_day``."""
    p: StatutoryPeriod = period(rule, on=event_day)
    return deadline(
        event_day=event_day, days=p.days, shift_to_working_day=shift_to_working_day, citation=p.citation
    )


def period_length_days(*, event_day: dt.date, last_day: dt.date) -> int:
    """How many days a period from the day after ``event_day`` to ``last_day`` (inclusive) lasts."""
    return (last_day - event_day).days


def meets_minimum(*, rule: Rule, event_day: dt.date, last_day: dt.date) -> bool:
    """Whether a period ending on ``last_day`` is at least as long as statutory ``rule`` requires."""
    return period_length_days(event_day=event_day, last_day=last_day) >= period(rule, on=event_day).days


def earliest_allowed_last_day(*, rule: Rule, event_day: dt.date) -> dt.date:
    return event_day + dt.timedelta(days=period(rule, on=event_day).days)


def today_local() -> dt.date:
    """Today in Warsaw, by the server's clock."""
    return local_date(timezone.now())
