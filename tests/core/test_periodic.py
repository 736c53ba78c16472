"""The periodic runner: one idempotent command for scheduled publication, reminders and statutory clocks."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from strategia.accounts.enums import MunicipalityRole
from strategia.core.deadlines import WARSAW
from strategia.core.periodic import PERIODIC_JOBS, mark_once
from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity
from tests.factories import user_with_municipality_role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _accessibility_statement_reviewed(municipality):
    """These tests run in March, when the portal also reminds of the accessibility statement's yearly review;
    a statement reviewed this year keeps that reminder out of the mailbox."""
    from tests.portal.conftest import make_statement

    make_statement(municipality, reviewed_on=dt.date(2026, 1, 15))


def test_jobs_are_registered():
    assert "processes.activity_reminders" in PERIODIC_JOBS


def test_mark_once_is_true_only_the_first_time():
    assert mark_once(job="j", key="k")
    assert not mark_once(job="j", key="k")


def _activity_starting_on(process, day):
    activity = Activity.objects.get(stage__process=process, stage__number=1, number="2")
    Activity.objects.filter(pk=activity.pk).update(planned_start=day, planned_end=day + dt.timedelta(days=30),
                                                   status=ActivityStatus.PLANNED)
    return activity


def test_a_reminder_goes_to_coordinators_seven_days_before_a_planned_start_once(municipality, process):
    coordinator = user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR)
    user_with_municipality_role(municipality, MunicipalityRole.STAFF)
    activity = _activity_starting_on(process, dt.date(2026, 3, 16))
    Activity.objects.filter(stage__process=process).exclude(pk=activity.pk).update(
        status=ActivityStatus.COMPLETED, actual_start=dt.date(2026, 1, 1), actual_end=dt.date(2026, 1, 2))
    with time_machine.travel(dt.datetime(2026, 3, 8, 12, 0, tzinfo=WARSAW), tick=False):
        call_command("run_periodic", stdout=StringIO())
    assert mail.outbox == []  # 8 days ahead: not yet
    with time_machine.travel(dt.datetime(2026, 3, 9, 0, 5, tzinfo=WARSAW), tick=False):
        call_command("run_periodic", stdout=StringIO())
        call_command("run_periodic", stdout=StringIO())  # idempotent
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [coordinator.email]
    assert activity.short_title in mail.outbox[0].subject


def test_the_day_is_judged_in_warsaw_time(municipality, process):
    user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR)
    activity = _activity_starting_on(process, dt.date(2026, 3, 16))
    Activity.objects.filter(stage__process=process).exclude(pk=activity.pk).update(
        status=ActivityStatus.COMPLETED, actual_start=dt.date(2026, 1, 1), actual_end=dt.date(2026, 1, 2))
    # 23:30 UTC on 8 March is 00:30 on 9 March in Warsaw: 7 days ahead already.
    with time_machine.travel(dt.datetime(2026, 3, 8, 23, 30, tzinfo=dt.UTC), tick=False):
        call_command("run_periodic", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_the_command_prints_each_job_and_its_count(process):
    out = StringIO()
    call_command("run_periodic", stdout=out)
    for name in PERIODIC_JOBS:
        assert f"{name}:" in out.getvalue()
