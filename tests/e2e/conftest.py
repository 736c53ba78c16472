"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Fixtures: ``browser`` (one Chromium per session), ``open_context(**overrides)`` (a guarded context: requests
leave only for the live server, CSP/pointer reporters installed), ``context``, ``page``, ``keyboard_page``,
``base_url`` (the live server), ``demo`` (the Konstancin-Jeziorna demo with today in the consultation).
Viewport: 1280×800 unless a test says ``@pytest.mark.viewport(390, 844)``.
Every test here is marked ``e2e`` and ``django_db(transaction=True)`` automatically.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

# Playwright's sync API keeps an event loop in the main thread; Django's ORM refuses to run next to one
# unless told it is safe (it is: the test and the ORM share that one thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

from tests.e2e import checks  # noqa: E402
from tests.e2e.keyboard import assert_keyboard_only  # noqa: E402

HERE = Path(__file__).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DEFAULT_VIEWPORT = {"width": 1280, "height": 800}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def pytest_configure(config):
    config.addinivalue_line("markers", "viewport(width, height): the browser viewport of an e2e test")


def pytest_collection_modifyitems(config, items):
    """Mark every test here ``e2e`` and transactional, and run them after all other tests: once Playwright's
    sync API has started, its event loop runs in the main thread for the rest of the session, and any later
    test calling ``async_to_sync`` (async views, AsyncClient) would fail."""
    browser_tests = []
    for item in items:
        if not item.path.is_relative_to(HERE):
            continue
        item.add_marker(pytest.mark.e2e)
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True))
        browser_tests.append(item)
    if browser_tests:
        others = [item for item in items if not item.path.is_relative_to(HERE)]
        items[:] = others + browser_tests


def pytest_terminal_summary(terminalreporter):
    if checks.SKIPS_TAKEN:
        terminalreporter.section("e2e page-checker gates skipped (with reasons)")
        for url, gate, reason in checks.SKIPS_TAKEN:
            terminalreporter.write_line(f"{gate:7} {url}: {reason}")


# --- the browser: pytest-playwright's fixtures, pointed at Debian's Chromium -------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Replaces pytest-playwright's: never a downloaded browser, always this one."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser(playwright, browser_type_launch_args):
    """One Chromium for the whole session (also when pytest-playwright's --browser option names another)."""
    browser = playwright.chromium.launch(**browser_type_launch_args)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url):
    # Polish is the site's default language; dates are shown in Warsaw time.
    return {**browser_context_args, "base_url": base_url, "locale": "pl-PL", "timezone_id": "Europe/Warsaw"}


@pytest.fixture
def viewport(request):
    marker = request.node.get_closest_marker("viewport")
    if marker is None:
        return dict(DEFAULT_VIEWPORT)
    width, height = marker.args
    return {"width": width, "height": height}


def _only_local(route):
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort("blockedbyclient")


@pytest.fixture
def open_context(new_context, viewport, base_url, request):
    """``open_context(java_script_enabled=False, ...)`` gives a guarded context; its pages are watched by the
    page checker. At the end of a passing test every live-server page a browser landed on must have been
    checked (``visit``/``check_page``/``follow``/``login``)."""
    opened = []

    def open_(**overrides):
        overrides.setdefault("viewport", viewport)
        context = new_context(**overrides)
        if overrides.get("java_script_enabled") is False:
            checks.NO_SCRIPT_CONTEXTS.add(context)
        context.route("**/*", _only_local)
        context.expose_binding(checks.CSP_BINDING, checks.report_csp_violation)
        context.expose_binding(checks.POINTER_BINDING, checks.report_pointer_down)
        context.add_init_script(checks.INIT_SCRIPT)
        context.on("page", lambda page: checks.watch_page(page, base_url))
        opened.append(context)
        return context

    yield open_

    call = getattr(request.node, "rep_call", None)
    if call is None or not call.passed:
        return
    unchecked = sorted({url for context in opened for page in context.pages
                        for url in checks.watch_of(page).unchecked_urls})
    if unchecked:
        pytest.fail("Pages the browser landed on but no check ran on (call check_page or use visit/follow): "
                    + ", ".join(unchecked), pytrace=False)


@pytest.fixture
def context(open_context):
    return open_context()


@pytest.fixture
def page(context, base_url):
    page = context.new_page()
    checks.watch_page(page, base_url)
    return page


@pytest.fixture
def keyboard_page(page):
    """A page for keyboard-only journeys: the test fails if a pointer touched it."""
    yield page
    assert_keyboard_only(page)


# --- data ---------------------------------------------------------------------------------------------------


@pytest.fixture
def demo(transactional_db):
    """The demo as ``make run`` shows it: Konstancin-Jeziorna, today in the public consultation (2.3)."""
    from strategia.consultation.demo import consultation_load
    from strategia.core.deadlines import today_local
    from strategia.core.localities import localities_load
    from strategia.documents.demo import documents_load
    from strategia.news.demo import news_load
    from strategia.processes.demo import municipality_load, process_load
    from strategia.processes.selectors import activities_current
    from strategia.proposals.demo import proposals_load

    today = today_local()
    municipality = municipality_load()
    localities_load(gmina=municipality.unit)
    process = process_load(municipality=municipality, today=today, anchor="2.3")
    news_load(municipality=municipality, process=process, today=today)
    document = documents_load(process=process, today=today)
    call = proposals_load(process=process, today=today)
    # The open consultation with the remarks received so far; reports are not rendered (seconds per test).
    consultation = consultation_load(process=process, today=today, reports=False)
    current = activities_current(process=process)
    return SimpleNamespace(
        municipality=municipality, process=process, current_activity=current[0] if current else None,
        document=document, consultation=consultation, call=call,
        home_url=municipality.get_absolute_url(), schedule_url=process.get_absolute_url(),
    )
