"""Managing a consultation through the page checker: the coordinator opens the create form (empty and with a
refused period), announces a consultation from its confirmation page, opens the settings, extension and meeting
pages; a resident opens the consultation's public page and the index."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.consultation.services import consultation_create, meeting_create
from strategia.core.deadlines import today_local
from strategia.documents.selectors import versions_frozen
from tests.e2e.checks import check_page, login, visit
from tests.factories import user_with_municipality_role


@pytest.fixture
def draft(demo):
    version = versions_frozen(document=demo.document)[0]
    today = today_local()
    return consultation_create(actor=None, process=demo.process, document_version=version,
                               title="Konsultacje projektu strategii", planned_announcement_on=today,
                               ends_on=today + dt.timedelta(days=40), forecast_title="Prognoza oddziaływania")


def staff_url(name, demo, **extra):
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug, **extra})


def test_the_coordinator_creates_and_announces_and_the_public_page_passes_the_checker(page, demo, draft):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    create_url = staff_url("create", demo)
    login(page, coordinator, next_url=create_url)
    expect(page.locator("h1")).to_have_count(1)

    # A period that is too short: the form comes back with the summary and the cited refusal next to the field.
    page.locator("#id_title").fill("Konsultacje – próba")
    page.locator("#id_document_version").select_option(str(draft.document_version.pk))
    page.locator("#id_ends_on").fill((today_local() + dt.timedelta(days=10)).isoformat())
    page.locator("main form button[type=submit]").press("Enter")
    page.wait_for_load_state()
    check_page(page)
    expect(page.locator("#id_ends_on_error")).to_contain_text("art. 6 ust. 5 u.z.p.p.r.")
    expect(page.locator("#id_title")).to_have_value("Konsultacje – próba")

    kwargs = {"consultation_id": draft.pk}
    meeting_create(actor=None, consultation=draft, place="Urząd Miasta i Gminy, sala konferencyjna",
                   starts_at=dt.datetime.combine(today_local() + dt.timedelta(days=7), dt.time(17),
                                                 tzinfo=dt.UTC), accessibility="Pętla indukcyjna")
    for name in ("settings", "extend", "meetings", "meeting_create"):
        visit(page, staff_url(name, demo, **kwargs))
        expect(page.locator("h1")).to_have_count(1)

    visit(page, staff_url("announce", demo, **kwargs))
    page.locator("main form button[type=submit]").press("Enter")
    page.wait_for_load_state()
    check_page(page)
    expect(page.locator("[data-announced-at]")).to_have_count(1)

    public = reverse("consultation:detail", kwargs={"municipality_slug": demo.municipality.slug,
                                                    "process_slug": demo.process.slug, "consultation_id": draft.pk})
    visit(page, public)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("sala konferencyjna")
    visit(page, reverse("consultation:index", kwargs={"municipality_slug": demo.municipality.slug,
                                                      "process_slug": demo.process.slug}))


@pytest.mark.viewport(390, 844)
def test_the_public_page_works_on_a_phone(page, demo, draft):
    from strategia.consultation.services import consultation_announce

    consultation_announce(actor=None, consultation=draft)
    visit(page, reverse("consultation:detail", kwargs={"municipality_slug": demo.municipality.slug,
                                                       "process_slug": demo.process.slug,
                                                       "consultation_id": draft.pk}))
    expect(page.locator("main")).to_contain_text("Prognoza oddziaływania")
