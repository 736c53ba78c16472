"""The demo: Konstancin-Jeziorna with the seed's schedule; today in the consultation by default; --at moves it."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from strategia.core.models import Municipality
from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity, Resolution, StrategyProcess

pytestmark = pytest.mark.django_db


def _activities():
    return list(Activity.objects.select_related("stage").order_by("stage__number", "position"))


def test_demo_loads_konstancin_with_fifteen_activities_and_the_resolution():
    call_command("load_demo")
    municipality = Municipality.objects.get(slug="konstancin-jeziorna")
    assert municipality.unit.teryt == "1418023"
    assert municipality.executive_title == "burmistrz"
    assert municipality.is_sample
    process = StrategyProcess.objects.get(municipality=municipality)
    assert process.is_sample
    assert len(_activities()) == 15
    resolution = Resolution.objects.get(process=process)
    assert resolution.number == "443/8/33/2021"
    assert resolution.adopted_on == dt.date(2021, 11, 24)
    assert not resolution.file


def test_by_default_today_falls_in_the_public_consultation_and_earlier_activities_are_finished():
    call_command("load_demo")
    today = dt.date.today()
    activities = _activities()
    current = [a for a in activities if a.status == ActivityStatus.IN_PROGRESS]
    assert [a.activity_type for a in current] == ["consultation"]
    consultation = current[0]
    assert consultation.planned_start <= today <= consultation.planned_end
    assert consultation.actual_start <= today
    index = activities.index(consultation)
    assert all(a.status == ActivityStatus.COMPLETED and a.actual_end < today for a in activities[:index])
    assert all(a.status == ActivityStatus.PLANNED and a.actual_start is None for a in activities[index + 1:])


def test_at_moves_the_dates_so_another_activity_runs_today():
    call_command("load_demo", at="1.1.2")
    current = [a for a in _activities() if a.status == ActivityStatus.IN_PROGRESS]
    assert [a.activity_type for a in current] == ["call_for_proposals"]
    assert current[0].planned_start <= dt.date.today() <= current[0].planned_end


def test_at_accepts_an_activity_type():
    call_command("load_demo", at="diagnosis")
    current = [a for a in _activities() if a.status == ActivityStatus.IN_PROGRESS]
    assert [a.activity_type for a in current] == ["diagnosis"]


def test_an_unknown_activity_is_a_clear_error():
    with pytest.raises(CommandError):
        call_command("load_demo", at="9.9")


def test_the_demo_is_idempotent():
    call_command("load_demo")
    first = [(a.pk, a.planned_start, a.status, a.actual_start) for a in _activities()]
    call_command("load_demo")
    assert [(a.pk, a.planned_start, a.status, a.actual_start) for a in _activities()] == first
    assert StrategyProcess.objects.count() == 1
    assert Resolution.objects.count() == 1


def test_the_schedule_keeps_the_seeds_relative_quarters():
    call_command("load_demo")
    activities = {(a.stage.number, a.number): a for a in _activities()}
    consultation, adoption = activities[(2, "3")], activities[(2, "6")]
    # In the seed the adoption (4 kw.) comes one quarter after the consultation (3 kw.).
    assert (adoption.planned_start.year * 12 + adoption.planned_start.month) - (
        consultation.planned_start.year * 12 + consultation.planned_start.month) == 3
