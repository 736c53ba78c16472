"""The page checker's gates catch what they are there to catch. Each broken page is built for the test
(``set_content`` or a route fulfilled on the live server's origin); the app gets no test-only views."""

import pytest

from tests.e2e.checks import check_page, visit
from tests.e2e.keyboard import assert_keyboard_only, tab_to

CLEAN_PAGE = """<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Strona próbna</title></head>
<body><main><h1>Strona próbna</h1><p>Treść strony.</p>{extra}</main></body></html>"""


def serve(page, base_url, path, body, headers=None):
    """Answer ``path`` on the live server's origin with ``body`` (the request never reaches Django)."""
    url = f"{base_url}{path}"
    page.route(url, lambda route: route.fulfill(
        status=200, body=body, headers={"Content-Type": "text/html; charset=utf-8", **(headers or {})}))
    return url


def test_a_clean_page_passes_every_gate(page, base_url):
    url = serve(page, base_url, "/__gate/clean/", CLEAN_PAGE.format(extra=""),
                {"Content-Security-Policy": "default-src 'self'"})

    visit(page, url)


def test_axe_gate_fails_on_an_image_without_alt(page):
    page.set_content(CLEAN_PAGE.format(extra='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))

    with pytest.raises(AssertionError, match=r"image-alt"):
        check_page(page)


def test_csp_gate_fails_on_an_inline_script_refused_by_the_policy(page, base_url):
    url = serve(page, base_url, "/__gate/csp/", CLEAN_PAGE.format(extra="<script>document.title='x'</script>"),
                {"Content-Security-Policy": "script-src 'self'"})

    with pytest.raises(AssertionError, match=r"Content Security Policy") as raised:
        visit(page, url)

    assert "securitypolicyviolation: script-src" in str(raised.value)


def test_csp_gate_fails_on_an_uncaught_script_error(page, base_url):
    serve(page, base_url, "/__gate/broken.js", "window.notAFunction();")
    url = serve(page, base_url, "/__gate/script-error/",
                CLEAN_PAGE.format(extra='<script src="/__gate/broken.js"></script>'))

    with pytest.raises(AssertionError, match=r"uncaught script error"):
        visit(page, url)


def test_http_gate_fails_on_a_missing_stylesheet(page, base_url):
    url = serve(page, base_url, "/__gate/missing-css/",
                CLEAN_PAGE.format(extra='<link rel="stylesheet" href="/static/css/does-not-exist.css">'))

    with pytest.raises(AssertionError, match=r"404 GET /static/css/does-not-exist.css"):
        visit(page, url)


def test_reflow_gate_fails_on_an_element_wider_than_320_px(page):
    page.set_content(CLEAN_PAGE.format(extra='<div style="width: 400px">Szeroki blok</div>'))

    with pytest.raises(AssertionError, match=r"At 320 px wide .* scrolls sideways"):
        check_page(page)


def test_a_gate_is_skipped_only_with_a_written_reason(page):
    page.set_content(CLEAN_PAGE.format(extra=""))

    with pytest.raises(ValueError, match="written reason"):
        check_page(page, skip={"axe": ""})


def test_keyboard_gate_fails_when_focus_has_no_visible_indicator(page):
    page.set_content(CLEAN_PAGE.format(extra='<style>a:focus { outline: none }</style><a href="#a">Dalej</a>'))

    with pytest.raises(AssertionError, match=r"no visible focus indicator"):
        tab_to(page, page.get_by_role("link", name="Dalej"))


def test_keyboard_gate_fails_when_the_target_cannot_be_reached_by_tab(page):
    page.set_content(CLEAN_PAGE.format(extra='<a href="#a">Pierwszy</a> <a href="#b" tabindex="-1">Ukryty</a>'))

    with pytest.raises(AssertionError, match=r"never received focus after 5 presses"):
        tab_to(page, page.get_by_role("link", name="Ukryty"), max_presses=5)


def test_keyboard_gate_fails_when_the_pointer_was_used(page, base_url):
    url = serve(page, base_url, "/__gate/pointer/", CLEAN_PAGE.format(extra='<button type="button">OK</button>'))
    visit(page, url)

    page.get_by_role("button", name="OK").click()

    with pytest.raises(AssertionError, match=r"used the pointer"):
        assert_keyboard_only(page)
