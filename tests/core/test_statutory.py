import datetime as dt

import pytest

from strategia.core import statutory
from strategia.core.statutory import PERIODS, Rule, StatutoryPeriod, period


def test_every_rule_has_a_period_with_a_citation():
    for rule in Rule:
        p = period(rule, on=dt.date(2026, 1, 1))
        assert p.days > 0
        assert p.citation.startswith("art.")


@pytest.mark.parametrize(("rule", "days"), [
    (Rule.CONSULTATION_MIN_DAYS, 35), (Rule.CONSULTATION_REPORT_DAYS, 30), (Rule.VOIVODESHIP_OPINION_DAYS, 30),
    (Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS, 21), (Rule.RESOLUTION_TO_VOIVODE_DAYS, 7),
])
def test_the_statutory_numbers(rule, days):
    assert period(rule).days == days


def test_a_later_amendment_applies_from_its_effective_date(monkeypatch):
    amended = StatutoryPeriod(Rule.CONSULTATION_MIN_DAYS, 42, "art. 6 ust. 5 u.z.p.p.r. (zm.)", "test",
                              dt.date(2030, 1, 1))
    monkeypatch.setattr(statutory, "PERIODS", (*PERIODS, amended))
    assert period(Rule.CONSULTATION_MIN_DAYS, on=dt.date(2029, 12, 31)).days == 35
    assert period(Rule.CONSULTATION_MIN_DAYS, on=dt.date(2030, 1, 1)).days == 42


def test_no_period_before_the_law_existed():
    with pytest.raises(LookupError):
        period(Rule.CONSULTATION_MIN_DAYS, on=dt.date(2000, 1, 1))
