"""The harmonogram is plain HTML: with JavaScript off a visitor still sees every activity and its status."""

import re

from playwright.sync_api import expect

from strategia.processes.models import Activity
from tests.e2e.checks import visit, watch_page


def test_harmonogram_shows_all_activities_without_javascript(open_context, base_url, demo):
    page = open_context(java_script_enabled=False).new_page()
    watch_page(page, base_url)

    visit(page, demo.schedule_url)

    activity_count = Activity.objects.filter(stage__process=demo.process).count()
    assert activity_count == 15
    activities = page.locator("main li").filter(has=page.locator(f"a[href^='{demo.schedule_url}']"))
    expect(activities).to_have_count(activity_count)
    expect(page.locator('[aria-current="step"]').get_by_text(re.compile(r"\btrwa\b"))).to_be_visible()
