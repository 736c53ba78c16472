"""Shared arrangement for the call for ideas: the process's call-for-ideas activity running 1 February – 31 March
2026 (actual dates), its call (pre-moderation, the four dimensions as themes), a sołectwo of the municipality, and
the moments during and after the call (move the clock with ``time_machine`` or pass ``now=``)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.proposals.services import call_create

WARSAW = ZoneInfo("Europe/Warsaw")
CALL_START = dt.date(2026, 2, 1)
CALL_END = dt.date(2026, 3, 31)
DURING = dt.datetime(2026, 3, 1, 12, tzinfo=WARSAW)
AFTER = dt.datetime(2026, 4, 1, 0, 0, 1, tzinfo=WARSAW)


@pytest.fixture
def call_activity(process):
    activity = Activity.objects.filter(stage__process=process, activity_type="call_for_proposals").first()
    Activity.objects.filter(pk=activity.pk).update(actual_start=CALL_START, actual_end=CALL_END)
    activity.refresh_from_db()
    return activity


@pytest.fixture
def call(call_activity):
    return call_create(actor=None, activity=call_activity, intro="Prosimy o pomysły do strategii.",
                       after_close_text="Odpowiedzi pojawią się do końca czerwca.")


@pytest.fixture
def theme(call):
    return call.themes.order_by("position").first()


@pytest.fixture
def locality(municipality):
    return TerritorialUnit.objects.create(name="Słomczyn", kind=UnitKind.SOLECTWO, parent=municipality.unit)
