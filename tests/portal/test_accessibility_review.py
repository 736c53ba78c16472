"""The statement is reviewed every year by 31 March: a selector for the dashboard and a reminder in March."""

import datetime as dt

import pytest
import time_machine

from strategia.accounts.enums import MunicipalityRole
from strategia.core.deadlines import WARSAW
from strategia.core.periodic import PERIODIC_JOBS
from strategia.portal.jobs import REVIEW_REMINDER_JOB, accessibility_review_reminder
from strategia.portal.selectors import accessibility_review_due, accessibility_review_state
from tests.factories import user_with_municipality_role
from tests.portal.conftest import make_statement


def _reviewed(municipality, day):
    return make_statement(municipality, prepared_on=dt.date(2024, 5, 1), reviewed_on=day)


# --- the selector -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_review_done_last_year_is_due_again_from_1_january(municipality):
    _reviewed(municipality, dt.date(2025, 12, 31))

    assert accessibility_review_due(municipality=municipality, today=dt.date(2026, 1, 1))


@pytest.mark.django_db
def test_review_done_on_1_january_counts_for_this_year(municipality):
    _reviewed(municipality, dt.date(2026, 1, 1))

    assert not accessibility_review_due(municipality=municipality, today=dt.date(2026, 3, 31))
    assert not accessibility_review_due(municipality=municipality, today=dt.date(2026, 12, 31))


@pytest.mark.django_db
def test_on_31_march_the_review_is_due_but_not_yet_overdue(municipality):
    _reviewed(municipality, dt.date(2025, 3, 15))

    state = accessibility_review_state(municipality=municipality, today=dt.date(2026, 3, 31))

    assert state.is_due and not state.is_overdue
    assert state.due_by == dt.date(2026, 3, 31)


@pytest.mark.django_db
def test_on_1_april_an_undone_review_is_overdue(municipality):
    _reviewed(municipality, dt.date(2025, 3, 15))

    state = accessibility_review_state(municipality=municipality, today=dt.date(2026, 4, 1))

    assert state.is_due and state.is_overdue
    assert accessibility_review_due(municipality=municipality, today=dt.date(2026, 4, 1))


@pytest.mark.django_db
def test_a_statement_prepared_this_year_needs_no_review(municipality):
    make_statement(municipality, prepared_on=dt.date(2026, 2, 1), reviewed_on=None)

    assert not accessibility_review_due(municipality=municipality, today=dt.date(2026, 3, 1))


@pytest.mark.django_db
def test_without_a_statement_the_review_is_due(municipality):
    assert accessibility_review_due(municipality=municipality, today=dt.date(2026, 2, 1))


# --- the periodic job ---------------------------------------------------------------------------------------

def _run(now, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return accessibility_review_reminder(now)


@pytest.fixture
def recipients(municipality):
    admin = user_with_municipality_role(municipality, MunicipalityRole.ADMINISTRATOR)
    coordinator = user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR)
    user_with_municipality_role(municipality, MunicipalityRole.STAFF)
    return {admin.email, coordinator.email}


def test_job_is_registered():
    assert REVIEW_REMINDER_JOB in PERIODIC_JOBS


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 2, 8, 0, tzinfo=WARSAW), tick=False)
def test_in_march_administrators_and_coordinators_are_reminded_once(municipality, recipients, mailoutbox,
                                                                     django_capture_on_commit_callbacks):
    from django.utils import timezone

    _reviewed(municipality, dt.date(2025, 3, 10))

    sent = _run(timezone.now(), django_capture_on_commit_callbacks)
    again = _run(timezone.now(), django_capture_on_commit_callbacks)

    assert (sent, again) == (2, 0)
    assert {address for message in mailoutbox for address in message.to} == recipients
    assert all("31 marca 2026" in message.subject for message in mailoutbox)
    assert all(m.extra_headers["X-Strategia-Municipality"] == municipality.slug for m in mailoutbox)
    assert all(f"/{municipality.slug}/panel/strony/deklaracja-dostepnosci/" in m.body for m in mailoutbox)


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 31, 23, 30, tzinfo=WARSAW), tick=False)
def test_the_reminder_counts_days_in_warsaw_time(municipality, recipients,
                                                 django_capture_on_commit_callbacks):
    from django.utils import timezone

    _reviewed(municipality, dt.date(2025, 3, 10))

    # 23:30 on 31 March in Warsaw is still March, though it is 21:30 UTC.
    assert _run(timezone.now(), django_capture_on_commit_callbacks) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("moment", [
    dt.datetime(2026, 2, 28, 12, 0, tzinfo=WARSAW), dt.datetime(2026, 4, 1, 0, 30, tzinfo=WARSAW),
])
def test_no_reminder_outside_march(municipality, recipients, moment, mailoutbox,
                                   django_capture_on_commit_callbacks):
    _reviewed(municipality, dt.date(2025, 3, 10))

    with time_machine.travel(moment, tick=False):
        from django.utils import timezone

        assert _run(timezone.now(), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 2, 8, 0, tzinfo=WARSAW), tick=False)
def test_no_reminder_when_reviewed_this_year(municipality, recipients, django_capture_on_commit_callbacks):
    from django.utils import timezone

    _reviewed(municipality, dt.date(2026, 1, 20))

    assert _run(timezone.now(), django_capture_on_commit_callbacks) == 0


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 3, 2, 8, 0, tzinfo=WARSAW), tick=False)
def test_the_dashboard_notice_shows_when_the_review_is_due(client, municipality, coordinator):
    from django.urls import reverse

    _reviewed(municipality, dt.date(2025, 3, 10))
    client.force_login(coordinator)

    html = client.get(reverse("backoffice:portal_staff:index",
                              kwargs={"municipality_slug": municipality.slug})).content.decode()

    assert 'class="review-notice"' in html
