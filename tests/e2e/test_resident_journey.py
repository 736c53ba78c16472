"""A resident on a phone finds out what is happening now, using only the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import visit
from tests.e2e.keyboard import follow, skip_to_main

SCHEDULE_LINK = re.compile(r"^\s*(Harmonogram|Schedule)\s*$")
TRWA = re.compile(r"\btrwa\b")


def starts_like(title: str) -> re.Pattern:
    """The title as shown (capitalised by the template), matched on its first words."""
    return re.compile(re.escape(title[:40]), re.IGNORECASE)


@pytest.mark.viewport(390, 844)
def test_resident_reaches_the_current_activity_from_the_home_page_by_keyboard(keyboard_page, demo):
    page = keyboard_page
    visit(page, demo.home_url)

    main_menu = page.get_by_role("banner").get_by_role("navigation")
    follow(page, main_menu.get_by_role("link", name=SCHEDULE_LINK))

    expect(page).to_have_url(re.compile(re.escape(demo.schedule_url) + "$"))
    current = page.locator('[aria-current="step"]')
    expect(current).to_have_count(1)
    expect(current).to_be_visible()
    expect(current.get_by_text(TRWA)).to_be_visible()
    expect(current).to_contain_text(starts_like(demo.current_activity.title))

    skip_to_main(page)
    follow(page, current.get_by_role("link"))

    expect(page).to_have_url(re.compile(re.escape(demo.current_activity.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(starts_like(demo.current_activity.title))
    expect(page.get_by_role("main").get_by_text(TRWA).first).to_be_visible()
