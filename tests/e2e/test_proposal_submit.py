"""A resident sends an idea from a 390 px phone by keyboard only (issue #5 point 11): with a locality and an
attachment, first with an error — the attachment survives ("Załącznik zachowany") — then successfully; the
confirmation leads to the tracking page. Every page passes the checker (axe, CSP, reflow)."""

import datetime as dt

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
