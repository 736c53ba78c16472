"""A resident sends an idea from a 390 px phone by keyboard only (issue #5 point 11): with a locality and an
attachment, first with an error — the attachment survives ("Załącznik zachowany") — then successfully; the
confirmation leads to the tracking page. Every page passes the checker (axe, CSP, reflow). With a mouse, a click
on the map puts the pin there and the idea keeps its coordinates; on a touch screen the map asks for two fingers."""

import datetime as dt
import math
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.core.deadlines import today_local
from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.proposals.models import Proposal
from strategia.proposals.services import call_create
from tests.e2e.checks import check_page, visit
from tests.e2e.keyboard import follow, tab_to, type_into

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Ławki i cień na placu przy szkole"
DESCRIPTION = "Latem dzieci czekają na autobus w pełnym słońcu: prosimy o drzewa i ławki."


def _open_call(demo):
    """The demo's call for ideas, running from a week ago to three weeks from today (actual dates)."""
    today = today_local()
    activity = Activity.objects.filter(stage__process=demo.process, activity_type="call_for_proposals").first()
    Activity.objects.filter(pk=activity.pk).update(actual_start=today - dt.timedelta(days=7),
                                                   actual_end=today + dt.timedelta(days=21))
    activity.refresh_from_db()
    call = getattr(activity, "call", None) or call_create(actor=None, activity=activity,
                                                          intro="Prosimy o pomysły do strategii.")
    unit = demo.municipality.unit
    if unit is None:
        unit = TerritorialUnit.objects.create(name=demo.municipality.name, kind=UnitKind.MUNICIPALITY)
        demo.municipality.unit = unit
        demo.municipality.save(update_fields=["unit"])
    TerritorialUnit.objects.get_or_create(name="Czarnów", kind=UnitKind.SOLECTWO, parent=unit)
    return call


@pytest.mark.viewport(390, 844)
def test_a_resident_sends_an_idea_by_keyboard_and_the_attachment_survives_an_error(keyboard_page, demo, tmp_path):
    call = _open_call(demo)
    attachment = tmp_path / "szkic-placu.pdf"
    attachment.write_bytes(PDF)
    page = keyboard_page
    visit(page, reverse("proposals:submit", kwargs={"municipality_slug": demo.municipality.slug,
                                                   "process_slug": demo.process.slug, "call_id": call.pk}))

    # First attempt: the title, a theme, a sołectwo and a file, but no description.
    type_into(page, page.locator("input[name='title']"), TITLE)
    tab_to(page, page.locator("input[name='theme']"))
    page.keyboard.press("Space")
    tab_to(page, page.locator("select[name='locality']"))
    page.keyboard.type("Czarn")  # type-ahead in the list of the gmina's places
    expect(page.locator("select[name='locality'] option:checked")).to_contain_text("Czarnów")
    tab_to(page, page.locator("input[name='attachments']"))
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(attachment))
    with page.expect_navigation():
        follow_submit(page)
    check_page(page)
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("[data-kept-attachment]")).to_contain_text("szkic-placu.pdf")
    expect(page.locator("input[name='title']")).to_have_value(TITLE)
    expect(page.locator("select[name='locality'] option:checked")).to_contain_text("Czarnów")

    # Second attempt: the description; the kept file goes with the idea without attaching it again.
    type_into(page, page.locator("textarea[name='description']"), DESCRIPTION)
    with page.expect_navigation():
        follow_submit(page)
    check_page(page)
    assert page.url.endswith("/zglos/przyjeto/")
    proposal = Proposal.objects.get(title=TITLE)
    assert proposal.locality.name == "Czarnów"
    assert [a.original_name for a in proposal.attachments.all()] == ["szkic-placu.pdf"]

    # The confirmation leads to the tracking page.
    follow(page, page.locator("a[data-tracking-link]"))
    expect(page.locator("main")).to_contain_text(TITLE)
    expect(page.locator("[data-moderation='pending']")).to_be_visible()


def follow_submit(page):
    button = page.locator("form.proposal-form button[type=submit]")
    tab_to(page, button)
    page.keyboard.press("Enter")


# The demo's gmina (Konstancin-Jeziorna), as in tests/proposals/test_demo.py.
NORTH, SOUTH, WEST, EAST = 52.12, 52.05, 21.05, 21.20
PIN_TITLE = "Przejście dla pieszych przy przystanku"


def _latlng_at(centre_lat: float, centre_lon: float, zoom: int, dx: float, dy: float) -> tuple[float, float]:
    """The point ``dx``, ``dy`` pixels from the centre of a Web Mercator map (what Leaflet shows)."""
    scale = 256 * 2 ** zoom
    x = (centre_lon + 180) / 360 * scale + dx
    y = (1 - math.asinh(math.tan(math.radians(centre_lat))) / math.pi) / 2 * scale + dy
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / scale)))), x / scale * 360 - 180


def test_a_click_on_the_map_puts_the_pin_and_the_idea_keeps_its_coordinates(page, demo):
    call = _open_call(demo)
    visit(page, reverse("proposals:submit", kwargs={"municipality_slug": demo.municipality.slug,
                                                   "process_slug": demo.process.slug, "call_id": call.pk}))
    picker, canvas = page.locator("[data-map-picker]"), page.locator("[data-map-canvas]")
    expect(canvas).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(0)
    page.locator("input[name='title']").fill(PIN_TITLE)
    page.locator("textarea[name='description']").fill("Dzieci przechodzą tu przez jezdnię bez pasów.")
    page.locator("input[name='theme']").first.check()

    box = canvas.bounding_box()
    dx, dy = 60, -40  # a little north-east of the map's centre: the map opens on the gmina's ideas
    canvas.click(position={"x": box["width"] / 2 + dx, "y": box["height"] / 2 + dy})

    expect(page.locator(".leaflet-marker-icon")).to_be_visible()
    expect(page.locator("[data-map-status]")).not_to_be_empty()
    latitude = float(page.locator("input[name='latitude']").input_value())
    longitude = float(page.locator("input[name='longitude']").input_value())
    assert SOUTH <= latitude <= NORTH and WEST <= longitude <= EAST
    centre = (float(picker.get_attribute("data-centre-lat")), float(picker.get_attribute("data-centre-lon")))
    expected = _latlng_at(*centre, int(picker.get_attribute("data-zoom")), dx, dy)
    assert math.isclose(latitude, expected[0], abs_tol=0.001) and math.isclose(longitude, expected[1], abs_tol=0.001)

    with page.expect_navigation():
        page.locator("form.proposal-form button[type=submit]").click()
    check_page(page)
    assert page.url.endswith("/zglos/przyjeto/")
    proposal = Proposal.objects.get(title=PIN_TITLE)
    assert (proposal.latitude, proposal.longitude) == (Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}"))


MOBILE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/130.0 Mobile Safari/537.36")



def test_on_a_phone_one_finger_scrolls_the_page_and_the_map_asks_for_two(open_context, demo):
    """Touch screens: the map does not trap a one-finger swipe (page scroll) and says to use two fingers; a
    two-finger gesture hides the hint (Leaflet's pinch handler moves and zooms the map)."""
    call = _open_call(demo)
    page = open_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                        user_agent=MOBILE_UA).new_page()
    visit(page, reverse("proposals:submit", kwargs={"municipality_slug": demo.municipality.slug,
                                                   "process_slug": demo.process.slug, "call_id": call.pk}))
    canvas = page.locator("[data-map-canvas]")
    expect(canvas).to_be_visible()
    hint = page.locator(".map-picker-touch-hint")
    expect(hint).to_be_hidden()
    canvas.evaluate("""(canvas) => {
  const t = (id, x) => new Touch({identifier: id, target: canvas, clientX: canvas.getBoundingClientRect().left + x,
                                  clientY: canvas.getBoundingClientRect().top + 60});
  canvas.dispatchEvent(new TouchEvent("touchmove", {touches: [t(1, 40)], changedTouches: [t(1, 40)],
                                                    bubbles: true, cancelable: true}));
}""")
    expect(hint).to_be_visible()
    canvas.evaluate("""(canvas) => {
  const t = (id, x) => new Touch({identifier: id, target: canvas, clientX: canvas.getBoundingClientRect().left + x,
                                  clientY: canvas.getBoundingClientRect().top + 60});
  canvas.dispatchEvent(new TouchEvent("touchmove", {touches: [t(1, 40), t(2, 120)],
                                                    changedTouches: [t(1, 40), t(2, 120)],
                                                    bubbles: true, cancelable: true}));
}""")
    expect(hint).to_be_hidden()
