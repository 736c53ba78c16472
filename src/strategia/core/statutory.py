"""Every statutory number in one place, with its citation and the date from which it applies.

Nothing else in the code base writes 35, 30, 21 or 7 as a period of law: it asks this module, naming the rule
and the day the period starts, so that a later amendment is one new row here (``effective_from``).
Citations follow ``shared/domain/legal_pl.md``; a row marked ``verified=False`` must be checked on ISAP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Rule(StrEnum):
    CONSULTATION_MIN_DAYS = "consultation_min_days"
    CONSULTATION_REPORT_DAYS = "consultation_report_days"
    VOIVODESHIP_OPINION_DAYS = "voivodeship_opinion_days"
    SEA_PUBLIC_PARTICIPATION_MIN_DAYS = "sea_public_participation_min_days"
    SEA_SCOPING_DAYS = "sea_scoping_days"
    SEA_OPINION_DAYS = "sea_opinion_days"
    RESOLUTION_TO_VOIVODE_DAYS = "resolution_to_voivode_days"
    VOIVODE_SUPERVISION_DAYS = "voivode_supervision_days"
    ACCESSIBILITY_REQUEST_DAYS = "accessibility_request_days"


@dataclass(frozen=True)
class StatutoryPeriod:
    rule: Rule
    days: int
    citation: str
    summary: str
    effective_from: dt.date
    verified: bool = True

    def __str__(self) -> str:  # used in refusal messages: "35 dni (art. 6 ust. 5 u.z.p.p.r.)"
        return f"{self.days} dni ({self.citation})"


# Rows may repeat a rule with a later effective_from when the law changes; the newest applicable one wins.
PERIODS: tuple[StatutoryPeriod, ...] = (
    StatutoryPeriod(
        Rule.CONSULTATION_MIN_DAYS,
        35,
        "art. 6 ust. 5 u.z.p.p.r.",
        _("Remarks on the draft strategy: no fewer than 35 days from the website announcement."),
        dt.date(2020, 11, 13),
    ),
    StatutoryPeriod(
        Rule.CONSULTATION_REPORT_DAYS,
        30,
        "art. 6 ust. 6 u.z.p.p.r.",
        _("The report on the consultation: within 30 days after the end of the comment period."),
        dt.date(2020, 11, 13),
        verified=False,
    ),
    StatutoryPeriod(
        Rule.VOIVODESHIP_OPINION_DAYS,
        30,
        "art. 10f ust. 3 u.s.g.",
        _("The voivodeship board's opinion: within 30 days of receiving the draft; silence means coherence."),
        dt.date(2020, 11, 13),
    ),
    StatutoryPeriod(
        Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS,
        21,
        "art. 39 ust. 1 pkt 3 u.o.o.ś.",
        _("Public participation in the environmental assessment: no fewer than 21 days."),
        dt.date(2008, 11, 15),
    ),
    StatutoryPeriod(
        Rule.SEA_SCOPING_DAYS,
        30,
        "art. 53 ust. 3 u.o.o.ś.",
        _("Agreement of the forecast's scope by RDOŚ and the sanitary inspector: 30 days."),
        dt.date(2008, 11, 15),
    ),
    StatutoryPeriod(
        Rule.SEA_OPINION_DAYS,
        30,
        "art. 54 ust. 3 u.o.o.ś.",
        _("Opinions of RDOŚ and the sanitary inspector on the draft and forecast: 30 days."),
        dt.date(2008, 11, 15),
    ),
    StatutoryPeriod(
        Rule.RESOLUTION_TO_VOIVODE_DAYS,
        7,
        "art. 90 ust. 1 u.s.g.",
        _("The adopted resolution goes to the voivode within 7 days."),
        dt.date(1990, 5, 27),
    ),
    StatutoryPeriod(
        Rule.VOIVODE_SUPERVISION_DAYS,
        30,
        "art. 91 ust. 1 u.s.g.",
        _("The voivode may declare a resolution void within 30 days of receiving it."),
        dt.date(1990, 5, 27),
    ),
    StatutoryPeriod(
        Rule.ACCESSIBILITY_REQUEST_DAYS,
        7,
        "art. 18 ust. 2 ustawy o dostępności cyfrowej",
        _("A request for accessibility is handled without undue delay, within 7 days."),
        dt.date(2019, 5, 23),
        verified=False,
    ),
)


def period(rule: Rule, *, on: dt.date | None = None) -> StatutoryPeriod:
    """The period for ``rule`` in force on ``on`` (today when omitted)."""
    on = on or dt.date.today()
    candidates = [p for p in PERIODS if p.rule == rule and p.effective_from <= on]
    if not candidates:
        raise LookupError(f"No statutory period {rule} in force on {on}")
    return max(candidates, key=lambda p: p.effective_from)


# The annual review of the accessibility statement (art. 10 ustawy o dostępności cyfrowej): (month, day).
ACCESSIBILITY_STATEMENT_REVIEW_BY = (3, 31)
ACCESSIBILITY_STATEMENT_CITATION = "art. 10 ust. 1 ustawy o dostępności cyfrowej"
