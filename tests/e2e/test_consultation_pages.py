"""Consultation pages through the page checker: a resident opens the remark form from a paragraph of the
consulted draft, sends a remark and lands on the tracking page; staff open the register, intake and import."""


import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from tests.e2e.checks import check_page, login, visit
from tests.factories import user_with_municipality_role


@pytest.fixture
def consultation(demo):
    """The demo's open consultation (announced weeks ago, remarks received so far)."""
    return demo.consultation


@pytest.mark.viewport(390, 844)
def test_a_resident_sends_a_remark_on_a_paragraph_and_sees_the_tracking_page(page, demo, consultation):
    version = consultation.document_version
    visit(page, version.get_absolute_url())
    link = page.locator("a.remark-link").first
    expect(link).to_be_visible()
    link.press("Enter")
    page.wait_for_load_state()
    if "/uwagi/" not in page.url:  # htmx opened the form in place: follow its own page too
        visit(page, link.get_attribute("href"))
    else:
        check_page(page)
    page.locator("textarea[name$='-content']").first.fill("Proszę dopisać budowę ścieżki rowerowej wzdłuż Jeziorki.")
    page.locator("main form button[type=submit]:not([name=add_remark]):not([hidden])").press("Enter")
    page.wait_for_load_state()
    assert "/sledzenie/" in page.url
    check_page(page)
    expect(page.locator("main")).to_contain_text("ścieżki rowerowej")


def test_staff_consultation_pages_pass_the_page_checker(page, demo, consultation):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    kwargs = {"municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug}
    urls = [reverse("backoffice:consultation_staff:list", kwargs=kwargs)] + [
        reverse(f"backoffice:consultation_staff:{name}", kwargs={**kwargs, "consultation_id": consultation.pk})
        for name in ("detail", "intake", "import")
    ]
    login(page, coordinator, next_url=urls[0])
    for url in urls:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)


def test_enter_in_a_field_of_the_staff_intake_registers_the_submission_rather_than_adding_a_remark(page, demo,
                                                                                                  consultation):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    url = reverse("backoffice:consultation_staff:intake", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "consultation_id": consultation.pk})
    login(page, coordinator, next_url=url)
    visit(page, url)
    page.locator("input[name='submitter_name']").fill("Jan Kowalski")
    page.locator("input[name='submitter_name']").press("Enter")
    page.wait_for_load_state()
    # the register button was pressed: the empty remark is refused with a message, no second remark was added
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("fieldset.remark-fieldset")).to_have_count(1)
    expect(page.locator("input[name='submitter_name']")).to_have_value("Jan Kowalski")
    check_page(page)
