"""Reads for the portal's content pages: how to take part, the accessibility statement and its yearly review,
sign-language recordings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from strategia.accounts.enums import MunicipalityRole
from strategia.accounts.models import MunicipalityMembership
from strategia.core.statutory import ACCESSIBILITY_STATEMENT_REVIEW_BY
from strategia.portal.models import AccessibilityStatement, SignLanguageVideo
from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity, StrategyProcess
from strategia.processes.selectors import process_current, schedule_for_process

# Ways of taking part → the activity types of the harmonogram in which each way is open.
WAYS_OF_TAKING_PART: dict[str, tuple[str, ...]] = {
    "ideas": ("call_for_proposals",),
    "signups": ("stakeholder_signup", "thematic_teams"),
    "meetings": ("training", "assumptions"),
    "remarks": ("consultation",),
}
UPCOMING_LIMIT = 3


@dataclass
class TakePartOverview:
    process: StrategyProcess | None
    current: list[Activity] = field(default_factory=list)
    upcoming: list[Activity] = field(default_factory=list)
    ways: dict[str, list[Activity]] = field(default_factory=dict)


def take_part_overview(*, municipality) -> TakePartOverview:
    """What runs now, what comes next and, for each way of taking part, the activities in which it is open;
    read from the current process's harmonogram (three queries whatever its size)."""
    process = process_current(municipality=municipality)
    if process is None:
        return TakePartOverview(process=None, ways={code: [] for code in WAYS_OF_TAKING_PART})
    process.municipality = municipality  # activity links need it; saves a query
    activities = [a for stage in schedule_for_process(process=process) for a in stage.activities.all()]
    current = [a for a in activities if a.status == ActivityStatus.IN_PROGRESS]
    planned = [a for a in activities if a.status == ActivityStatus.PLANNED]
    # Schedule order breaks ties between activities planned for the same quarter.
    position = {a.pk: i for i, a in enumerate(activities)}
    upcoming = sorted(planned, key=lambda a: (a.planned_start, position[a.pk]))[:UPCOMING_LIMIT]
    ways = {
        code: [a for a in activities if a.activity_type in types and a.status != ActivityStatus.CANCELLED]
        for code, types in WAYS_OF_TAKING_PART.items()
    }
    return TakePartOverview(process=process, current=current, upcoming=upcoming, ways=ways)


def sign_language_video_get(*, municipality, page: str) -> SignLanguageVideo | None:
    return SignLanguageVideo.objects.filter(municipality=municipality, page=page).first()


def sign_language_video_published(*, municipality, page: str) -> SignLanguageVideo | None:
    return SignLanguageVideo.objects.filter(municipality=municipality, page=page, is_published=True).first()


def sign_language_videos_by_page(*, municipality) -> dict[str, SignLanguageVideo]:
    return {v.page: v for v in SignLanguageVideo.objects.filter(municipality=municipality)}


def accessibility_statement_get(*, municipality) -> AccessibilityStatement | None:
    return AccessibilityStatement.objects.filter(municipality=municipality).first()


@dataclass(frozen=True)
class AccessibilityReview:
    """Where the yearly review of the statement stands on ``today``."""

    due_by: dt.date
    last_review: dt.date | None
    is_due: bool
    is_overdue: bool


def accessibility_review_state(*, municipality, today: dt.date) -> AccessibilityReview:
    """The statement must be reviewed every year by 31 March (art. 10 ustawy o dostępności cyfrowej).
    From 1 January the year's review is due; after 31 March, while it has not been done, it is overdue.
    A municipality without a statement is due (and overdue after 31 March) too."""
    month, day = ACCESSIBILITY_STATEMENT_REVIEW_BY
    due_by = dt.date(today.year, month, day)
    statement = accessibility_statement_get(municipality=municipality)
    last_review = statement.last_review if statement else None
    reviewed_this_year = last_review is not None and last_review >= dt.date(today.year, 1, 1)
    in_review_window = today <= due_by
    is_overdue = not reviewed_this_year and not in_review_window
    is_due = not reviewed_this_year and (in_review_window or is_overdue)
    return AccessibilityReview(due_by=due_by, last_review=last_review, is_due=is_due, is_overdue=is_overdue)


def accessibility_review_due(*, municipality, today: dt.date) -> bool:
    """True when this year's review has not been done: due from January to March, then overdue."""
    return accessibility_review_state(municipality=municipality, today=today).is_due


def accessibility_review_recipients(*, municipality) -> list[str]:
    """E-mail addresses of the municipality's active administrators and coordinators."""
    return sorted(set(
        MunicipalityMembership.objects.filter(
            municipality=municipality, user__is_active=True,
            role__in=[MunicipalityRole.ADMINISTRATOR, MunicipalityRole.COORDINATOR],
        ).values_list("user__email", flat=True)
    ))
