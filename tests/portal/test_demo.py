"""The demo's accessibility statement: partially compliant, sample contact data, loaded idempotently."""

import datetime as dt

import pytest

from strategia.core.models import AuditEntry
from strategia.portal.demo import portal_load
from strategia.portal.enums import AccessibilityStatus
from strategia.portal.models import AccessibilityStatement
from strategia.portal.selectors import accessibility_review_due


@pytest.mark.django_db
def test_demo_statement_is_partially_compliant_with_sample_contact(municipality):
    statement = portal_load(municipality=municipality, today=dt.date(2026, 5, 4))

    assert statement.status == AccessibilityStatus.PARTIALLY_COMPLIANT
    assert "dane przykładowe" in statement.contact_person
    assert statement.non_accessible_items
    assert not accessibility_review_due(municipality=municipality, today=dt.date(2026, 5, 4))


@pytest.mark.django_db
def test_loading_the_demo_twice_keeps_one_statement_and_moves_its_dates(municipality):
    portal_load(municipality=municipality, today=dt.date(2026, 5, 4))

    statement = portal_load(municipality=municipality, today=dt.date(2027, 2, 1))

    assert AccessibilityStatement.objects.filter(municipality=municipality).count() == 1
    assert AuditEntry.objects.filter(action="portal.accessibility_statement_update").count() == 1
    assert statement.reviewed_on == dt.date(2027, 2, 1)
    assert statement.site_updated_on >= statement.site_published_on
