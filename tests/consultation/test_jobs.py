"""The consultation's periodic jobs: the comment period is closed the day after its last day; coordinators are
reminded of the report's statutory deadline a week before it and once when it is overdue, never twice."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from strategia.consultation.enums import ConsultationStatus
from strategia.consultation.jobs import close_ended, report_deadline_reminder
from strategia.consultation.models import Consultation
from strategia.consultation.services import consultation_announce, report_deadline

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def open_consultation(make_consultation):
    """Announced 1 June 2026, last day 6 July 2026 (a Monday)."""
    return consultation_announce(actor=None, consultation=make_consultation(),
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


def _at(day: dt.date, hour: int = 6) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=WARSAW)


def _run_reminder(moment, capture):
    with capture(execute=True):
        return report_deadline_reminder(moment)


def test_the_consultation_stays_open_through_its_last_day(open_consultation):
    assert close_ended(_at(dt.date(2026, 7, 6), 23)) == 0
    open_consultation.refresh_from_db()
    assert open_consultation.status == ConsultationStatus.ANNOUNCED


def test_the_consultation_is_closed_the_day_after_its_last_day(open_consultation):
    assert close_ended(_at(dt.date(2026, 7, 7), 0)) == 1
    open_consultation.refresh_from_db()
    assert open_consultation.status == ConsultationStatus.CLOSED


def test_coordinators_are_reminded_once_a_week_before_the_report_is_due(
        open_consultation, coordinator, mailoutbox, django_capture_on_commit_callbacks):
    close_ended(_at(dt.date(2026, 7, 7)))
    due = report_deadline(open_consultation).last_day
    assert _run_reminder(_at(due - dt.timedelta(days=8)), django_capture_on_commit_callbacks) == 0
    assert _run_reminder(_at(due - dt.timedelta(days=7)), django_capture_on_commit_callbacks) == 1
    assert _run_reminder(_at(due - dt.timedelta(days=3)), django_capture_on_commit_callbacks) == 0
    [email] = mailoutbox
    assert email.to == [coordinator.email]
    assert due.strftime("%Y") in email.subject and "art. 6 ust. 6 u.z.p.p.r." in email.body


def test_an_overdue_report_is_reminded_once_more(open_consultation, coordinator, mailoutbox,
                                                 django_capture_on_commit_callbacks):
    close_ended(_at(dt.date(2026, 7, 7)))
    due = report_deadline(open_consultation).last_day
    _run_reminder(_at(due - dt.timedelta(days=7)), django_capture_on_commit_callbacks)
    assert _run_reminder(_at(due + dt.timedelta(days=1)), django_capture_on_commit_callbacks) == 1
    assert _run_reminder(_at(due + dt.timedelta(days=9)), django_capture_on_commit_callbacks) == 0
    assert "minął" in mailoutbox[-1].subject


def test_no_reminder_once_the_report_is_published(open_consultation, coordinator, mailoutbox,
                                                  django_capture_on_commit_callbacks):
    close_ended(_at(dt.date(2026, 7, 7)))
    Consultation.objects.filter(pk=open_consultation.pk).update(report_published_at=_at(dt.date(2026, 7, 20)))
    due = report_deadline(open_consultation).last_day
    assert _run_reminder(_at(due - dt.timedelta(days=2)), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_extending_a_closed_consultation_opens_it_again(open_consultation):
    from strategia.consultation.services import consultation_extend

    close_ended(_at(dt.date(2026, 7, 7)))
    open_consultation.refresh_from_db()
    consultation_extend(actor=None, consultation=open_consultation, ends_on=dt.date(2026, 7, 20))
    open_consultation.refresh_from_db()
    assert open_consultation.status == ConsultationStatus.ANNOUNCED
