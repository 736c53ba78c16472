"""The one deadline helper: event day not counted, end at 23:59:59 Warsaw, days off move the last day."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from strategia.core import deadlines
from strategia.core.deadlines import WARSAW, deadline, end_of_day, statutory_deadline
from strategia.core.statutory import Rule, period

UTC = ZoneInfo("UTC")


def test_the_day_of_the_event_is_not_counted():
    # Announced on Monday 1 June 2026; 35 days later is Monday 6 July 2026 (a working day).
    result = deadline(event_day=dt.date(2026, 6, 1), days=35)
    assert result.last_day == dt.date(2026, 7, 6)
    assert not result.was_shifted


def test_a_period_ends_at_235959_warsaw_time_of_its_last_day():
    result = deadline(event_day=dt.date(2026, 6, 1), days=35)
    assert result.ends_at == dt.datetime(2026, 7, 6, 23, 59, 59, tzinfo=WARSAW)
    assert result.ends_at.astimezone(UTC) == dt.datetime(2026, 7, 6, 21, 59, 59, tzinfo=UTC)


def test_a_remark_at_235959_is_on_time_and_at_midnight_is_late():
    result = deadline(event_day=dt.date(2026, 6, 1), days=35)
    assert result.is_met_by(dt.datetime(2026, 7, 6, 23, 59, 59, tzinfo=WARSAW))
    assert not result.is_met_by(dt.datetime(2026, 7, 7, 0, 0, 0, tzinfo=WARSAW))


def test_midnight_is_judged_in_warsaw_not_utc():
    result = deadline(event_day=dt.date(2026, 6, 1), days=35)
    # 22:30 UTC on 6 July is already 00:30 on 7 July in Warsaw (CEST, UTC+2): late.
    assert not result.is_met_by(dt.datetime(2026, 7, 6, 22, 30, tzinfo=UTC))
    # 21:30 UTC is 23:30 in Warsaw: on time.
    assert result.is_met_by(dt.datetime(2026, 7, 6, 21, 30, tzinfo=UTC))


def test_a_last_day_on_saturday_moves_to_monday():
    # 1 June 2026 + 33 days = Saturday 4 July 2026 → Monday 6 July.
    result = deadline(event_day=dt.date(2026, 6, 1), days=33)
    assert result.unshifted_last_day == dt.date(2026, 7, 4)
    assert result.last_day == dt.date(2026, 7, 6)
    assert result.was_shifted


def test_a_last_day_on_sunday_moves_to_monday():
    result = deadline(event_day=dt.date(2026, 6, 1), days=34)  # Sunday 5 July
    assert result.last_day == dt.date(2026, 7, 6)


def test_a_last_day_on_a_public_holiday_moves_to_the_next_working_day():
    # 11 November 2026 (Narodowe Święto Niepodległości) is a Wednesday.
    result = deadline(event_day=dt.date(2026, 10, 7), days=35)
    assert result.unshifted_last_day == dt.date(2026, 11, 11)
    assert result.last_day == dt.date(2026, 11, 12)


def test_christmas_and_a_weekend_chain_together():
    # 25 Dec 2026 is Friday, 26 Dec Saturday (holiday), 27 Sunday → Monday 28 December.
    result = deadline(event_day=dt.date(2026, 11, 20), days=35)
    assert result.unshifted_last_day == dt.date(2026, 12, 25)
    assert result.last_day == dt.date(2026, 12, 28)


def test_christmas_eve_is_a_public_holiday_from_2025():
    # Wigilia became a public holiday in Poland from 2025.
    assert deadlines.is_public_holiday(dt.date(2026, 12, 24))


def test_shifting_can_be_switched_off_per_process():
    result = deadline(event_day=dt.date(2026, 6, 1), days=33, shift_to_working_day=False)
    assert result.last_day == dt.date(2026, 7, 4)


def test_a_period_across_the_autumn_dst_change_still_ends_at_local_midnight():
    # DST ends on 25 October 2026; a deadline after it ends at 23:59:59 CET (UTC+1).
    result = deadline(event_day=dt.date(2026, 10, 1), days=35)  # Thursday 5 November
    assert result.last_day == dt.date(2026, 11, 5)
    assert result.ends_at.utcoffset() == dt.timedelta(hours=1)
    assert result.is_met_by(dt.datetime(2026, 11, 5, 22, 59, 59, tzinfo=UTC))
    assert not result.is_met_by(dt.datetime(2026, 11, 5, 23, 0, 0, tzinfo=UTC))


def test_a_period_across_the_spring_dst_change_ends_at_local_midnight():
    # DST starts on 29 March 2026; the deadline's end is in CEST (UTC+2).
    result = deadline(event_day=dt.date(2026, 3, 2), days=35)  # Monday 6 April is Easter Monday → 7 April
    assert result.unshifted_last_day == dt.date(2026, 4, 6)
    assert result.last_day == dt.date(2026, 4, 7)
    assert result.ends_at.utcoffset() == dt.timedelta(hours=2)


def test_end_of_day_on_the_dst_change_day_itself():
    assert end_of_day(dt.date(2026, 10, 25)).astimezone(UTC) == dt.datetime(2026, 10, 25, 22, 59, 59, tzinfo=UTC)
    assert end_of_day(dt.date(2026, 3, 29)).astimezone(UTC) == dt.datetime(2026, 3, 29, 21, 59, 59, tzinfo=UTC)


def test_statutory_deadline_takes_days_and_citation_from_the_statutory_module():
    result = statutory_deadline(rule=Rule.CONSULTATION_MIN_DAYS, event_day=dt.date(2026, 6, 1))
    assert result.days == period(Rule.CONSULTATION_MIN_DAYS).days == 35
    assert result.citation == "art. 6 ust. 5 u.z.p.p.r."


def test_days_left_counts_calendar_days_to_the_last_day():
    result = deadline(event_day=dt.date(2026, 6, 1), days=35)
    assert result.days_left(today=dt.date(2026, 7, 6)) == 0
    assert result.days_left(today=dt.date(2026, 7, 1)) == 5
    assert result.days_left(today=dt.date(2026, 7, 7)) == -1


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        deadlines.local_date(dt.datetime(2026, 7, 6, 12, 0))


def test_minimum_period_check_counts_from_the_day_after_the_announcement():
    announced = dt.date(2026, 6, 1)
    assert deadlines.meets_minimum(rule=Rule.CONSULTATION_MIN_DAYS, event_day=announced, last_day=dt.date(2026, 7, 6))
    assert not deadlines.meets_minimum(rule=Rule.CONSULTATION_MIN_DAYS, event_day=announced,
                                       last_day=dt.date(2026, 7, 5))
    assert deadlines.earliest_allowed_last_day(rule=Rule.CONSULTATION_MIN_DAYS,
                                               event_day=announced) == dt.date(2026, 7, 6)
