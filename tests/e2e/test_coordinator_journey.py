"""A coordinator signs in through the real login form and lands in the back-office."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from tests.e2e.checks import TEST_PASSWORD, login, visit
from tests.e2e.keyboard import follow, type_into
from tests.factories import user_with_municipality_role


@pytest.fixture
def coordinator(demo):
    return user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)


@pytest.fixture
def dashboard_url(demo):
    return reverse("backoffice:dashboard", kwargs={"municipality_slug": demo.municipality.slug})


def test_coordinator_logs_in_through_the_form_and_reaches_the_dashboard(page, coordinator, dashboard_url):
    login(page, coordinator, next_url=dashboard_url)

    assert page.url.endswith(dashboard_url)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)


def test_coordinator_logs_in_by_keyboard_only(keyboard_page, coordinator, dashboard_url):
    page = keyboard_page
    visit(page, f"{reverse('account_login')}?next={dashboard_url}")
    form = page.locator("form:has(input[name='login'])")

    type_into(page, form.locator("input[name='login']"), coordinator.email)
    type_into(page, form.locator("input[name='password']"), TEST_PASSWORD)
    follow(page, form.locator("button[type='submit']"))

    assert page.url.endswith(dashboard_url)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
