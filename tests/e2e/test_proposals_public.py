"""The public pages of the call for ideas through the page checker: the list with a search, the map (clustered
markers, axe with the map on), an idea's page with its place and a picture, the summary, and a resident who
supports an idea by keyboard only, logging in from the button on the way (the support completes itself)."""

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.processes.services import process_create_from_blueprint
from strategia.proposals.enums import AttachmentKind, Status
from strategia.proposals.models import Attachment
from strategia.proposals.services import call_create
from tests.e2e.checks import TEST_PASSWORD, check_page, visit
from tests.e2e.keyboard import follow, tab_to, type_into
from tests.factories import MunicipalityFactory, UserFactory
from tests.proposals.public_helpers import idea, url

# Three ideas a few dozen metres apart (one cluster) and one in another village.
NEAR = [(52.0851, 21.1123), (52.0853, 21.1126), (52.0849, 21.1120)]
FAR = (52.0412, 21.0577)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def public_call(transactional_db):
    today = dt.date.today()
    municipality = MunicipalityFactory()
    process = process_create_from_blueprint(
        actor=None, municipality=municipality, title="Strategia rozwoju gminy Testowo do 2035 roku",
        slug="strategia-2035", start_year=today.year, start_quarter=1, horizon_year=2035)
    activity = Activity.objects.filter(stage__process=process, activity_type="call_for_proposals").first()
    Activity.objects.filter(pk=activity.pk).update(actual_start=today - dt.timedelta(days=10),
                                                   actual_end=today + dt.timedelta(days=20))
    activity.refresh_from_db()
    call = call_create(actor=None, activity=activity, intro="Prosimy o pomysły do strategii.")
    themes = list(call.themes.order_by("position"))
    village = TerritorialUnit.objects.create(name="Słomczyn", kind=UnitKind.SOLECTWO, parent=municipality.unit)
    ideas = [idea(call, themes[i % len(themes)], title=f"Ławki i zieleń nad rzeką, odcinek {i + 1}",
                  description="Więcej ławek i drzew.", locality=village, point=point)
             for i, point in enumerate(NEAR)]
    far = idea(call, themes[1], title="Naprawa drogi do źródła", description="Dziury na drodze gminnej.",
               point=FAR, author_name="Anna Nowak", consent=True, status=Status.FORWARDED,
               justification="Przekazano do wydziału inwestycji.")
    Attachment.objects.create(proposal=far, file=ContentFile(_png(), name="dziura.png"),
                              original_name="Dziura w drodze.png", kind=AttachmentKind.IMAGE, size=100)
    plain = idea(call, themes[2], title="Więcej zajęć w bibliotece", description="Dla seniorów po południu.")
    return call, [*ideas, far, plain]


def test_index_list_search_and_summary_pass_the_page_checker(page, public_call):
    call, _ideas = public_call
    visit(page, reverse("proposals:index", kwargs={"municipality_slug": call.process.municipality.slug,
                                                   "process_slug": call.process.slug}))
    visit(page, url("list", call))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".proposal-card")).to_have_count(5)
    page.get_by_label("Szukaj").fill("zrodlo")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    check_page(page)
    expect(page.locator(".proposal-card")).to_have_count(1)
    expect(page.locator(".proposal-card")).to_contain_text("Naprawa drogi do źródła")
    visit(page, url("summary", call))
    expect(page.locator("table caption")).to_have_count(1)


def test_map_with_clustered_markers_passes_the_page_checker(page, public_call):
    call, _ideas = public_call
    visit(page, url("map", call))
    page.wait_for_selector("#proposals-map[data-loaded='4']")
    expect(page.locator(".proposals-cluster")).to_have_count(1)
    expect(page.locator(".proposals-cluster")).to_contain_text("3")
    check_page(page)
    # The reflow gate reloaded the page at 320 px: the map is built again from the JSON.
    page.wait_for_selector("#proposals-map[data-loaded='4']")
    expect(page.locator("#without-point-title + .card-list .proposal-card")).to_have_count(1)


def test_map_marker_opens_its_idea_by_keyboard(keyboard_page, public_call):
    page = keyboard_page
    call, ideas = public_call
    visit(page, url("map", call))
    page.wait_for_selector("#proposals-map[data-loaded='4']")
    marker = page.locator(".proposals-pin-icon")
    tab_to(page, marker)
    page.keyboard.press("Enter")
    link = page.locator(".proposals-popup a")
    expect(link).to_have_text(f"Nr {ideas[3].number}: Naprawa drogi do źródła")
    follow(page, link)
    assert page.url.endswith(ideas[3].get_absolute_url())


def test_idea_page_with_place_picture_and_history_passes_the_page_checker(page, public_call):
    call, ideas = public_call
    far = ideas[3]
    visit(page, far.get_absolute_url())
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("img", name="Dziura w drodze.png")).to_be_visible()
    expect(page.locator(".history")).to_contain_text("Przekazano do wydziału inwestycji.")
    expect(page.locator("main")).to_contain_text("Anna Nowak")


def test_resident_supports_an_idea_by_keyboard_logging_in_from_the_button(keyboard_page, public_call):
    page = keyboard_page
    call, ideas = public_call
    resident = UserFactory()
    proposal = ideas[4]
    visit(page, proposal.get_absolute_url())
    button = page.locator("#support-button")
    expect(button).to_have_attribute("aria-pressed", "false")

    follow(page, button)  # anonymous: to the login form, which will bring the visitor back
    assert "/konto/login/" in page.url
    form = page.locator("form:has(input[name='login'])")
    type_into(page, form.locator("input[name='login']"), resident.email)
    type_into(page, form.locator("input[name='password']"), TEST_PASSWORD)
    tab_to(page, form.locator("button[type='submit']"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Back on the idea: the press before logging in is completed, said in a note, the button pressed and focused.
    assert urlsplit(page.url).path == proposal.get_absolute_url()
    expect(page.locator("#support-confirm[role='status']")).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_be_focused()
    expect(page.locator("#support-status")).to_contain_text("1")
    assert proposal.supports.filter(user=resident).count() == 1

    check_page(page)  # it reloads the page: the note was said once, and reloading adds nothing
    expect(page.locator("#support-confirm")).to_have_count(0)
    expect(button).to_have_attribute("aria-pressed", "true")
    assert proposal.supports.filter(user=resident).count() == 1

    tab_to(page, button)
    page.keyboard.press("Enter")  # pressed again: the support is withdrawn
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#support-status")).to_contain_text("0")
    assert not proposal.supports.filter(user=resident).exists()
