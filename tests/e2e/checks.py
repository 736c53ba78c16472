"""The page checker: the quality gates every page a browser test visits must pass.

``visit(page, url)`` opens a page and checks it; ``check_page(page)`` checks the page the browser is on (after a
form was submitted, a link followed by keyboard, a login). The gates:

* **axe** – no violation of WCAG 2.0/2.1 level A and AA rules (axe-core, injected through Playwright, so the
  page's strict CSP does not stop it);
* **csp** – no Content Security Policy violation (the browser's console report *and* the
  ``securitypolicyviolation`` DOM event), no uncaught script error, no console error;
* **http** – no same-origin request answered with 4xx/5xx (a missing stylesheet, script or image);
* **reflow** – at 320 CSS px wide (WCAG 1.4.10) the page scrolls only vertically.

A gate is turned off only for one call and only with a written reason:
``check_page(page, skip={"reflow": "the map is exempt (two-dimensional content)"})``. Every skip is listed at the
end of the run (see ``pytest_terminal_summary`` in conftest.py).

Problems are collected by listeners that ``watch_page`` attaches when the page is created (conftest.py does it
for every page); each check reports and clears what was collected since the previous check, so a problem
caused by an earlier page cannot hide and cannot be blamed on a later one.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
GATES = ("axe", "csp", "http", "reflow")
REFLOW_WIDTH = 320
REFLOW_HEIGHT = 800
MIN_REASON_LENGTH = 15
TEST_PASSWORD = "haslo-testowe-123"  # tests/factories.py: UserFactory's password

# Browsers ask for /favicon.ico on their own; the site declares no icon yet (reported to the lead), and a
# missing icon is not the page's fault.

# Reported to this module by the init script conftest.py adds to every context.
CSP_BINDING = "__strategiaCspViolation"
POINTER_BINDING = "__strategiaPointerDown"
INIT_SCRIPT = f"""
(() => {{
  document.addEventListener("securitypolicyviolation", (e) => {{
    try {{
      window.{CSP_BINDING}({{directive: e.violatedDirective, blocked: e.blockedURI || "inline",
                             source: (e.sourceFile || "") + ":" + (e.lineNumber || 0),
                             sample: e.sample || ""}});
    }} catch (err) {{}}
  }}, true);
  window.addEventListener("pointerdown", (e) => {{
    try {{ window.{POINTER_BINDING}({{type: e.pointerType, target: e.target && e.target.tagName}}); }} catch (err) {{}}
  }}, true);
}})();
"""

# Contexts opened with java_script_enabled=False. Their pages run Playwright's evaluate() but never fire a
# timer, and axe waits on setTimeout; the shim below runs timers as microtasks (nothing else runs there).
NO_SCRIPT_CONTEXTS: weakref.WeakSet = weakref.WeakSet()
_TIMER_SHIM = """() => {
  window.setTimeout = (fn, ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
  window.clearTimeout = () => {};
}"""

SKIPS_TAKEN: list[tuple[str, str, str]] = []  # (url, gate, reason), printed at the end of the run


@dataclass
class PageWatch:
    """What the listeners of one page collected since its last check."""

    origin: str
    problems: dict[str, list[str]] = field(default_factory=lambda: {gate: [] for gate in GATES})
    unchecked_urls: list[str] = field(default_factory=list)
    pointer_events: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    last_document_method: str | None = None
    expected_status: dict[str, int] = field(default_factory=dict)

    def clear(self) -> None:
        for gate in GATES:
            self.problems[gate].clear()


_WATCHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def watch_of(page: Page) -> PageWatch:
    try:
        return _WATCHES[page]
    except KeyError:
        raise AssertionError("This page is not watched: create pages with the e2e fixtures "
                             "(page, open_context), which call watch_page().") from None


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def watch_page(page: Page, origin: str) -> PageWatch:
    """Attach the listeners that feed the checks. Idempotent."""
    if page in _WATCHES:
        return _WATCHES[page]
    watch = PageWatch(origin=origin)
    _WATCHES[page] = watch

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            watch.problems["csp"].append(f"console: {text}")
        elif message.type == "error" and not text.startswith("Failed to load resource"):
            # Resource failures are reported with their URL by on_response / on_request_failed.
            watch.problems["csp"].append(f"console error: {text}")

    def on_page_error(error):
        watch.problems["csp"].append(f"uncaught script error: {error}")

    answered_with_error: set[str] = set()

    def on_response(response):
        path = urlsplit(response.url).path
        if watch.expected_status.get(response.url) == response.status:
            return  # the error page the test asked for (visit(..., status=404))
        if response.status >= 400 and _origin(response.url) == watch.origin:
            answered_with_error.add(response.url)
            watch.problems["http"].append(f"{response.status} {response.request.method} {path}")

    def on_request(request):
        if request.is_navigation_request() and request.frame == page.main_frame:
            watch.last_document_method = request.method

    def on_request_failed(request):
        if request.url in answered_with_error:
            return  # already reported with its status
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled by the browser because the page navigated away: the server did not fail
        if _origin(request.url) == watch.origin:
            watch.problems["http"].append(f"failed ({request.failure}) {request.method} {urlsplit(request.url).path}")
        else:
            watch.blocked_requests.append(request.url)

    def on_document_loaded(_page):
        # A new document (not a jump to #fragment): a page the test must check.
        if _origin(page.url) == watch.origin:
            watch.unchecked_urls.append(_without_fragment(page.url))

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)
    page.on("request", on_request)
    page.on("requestfailed", on_request_failed)
    page.on("domcontentloaded", on_document_loaded)
    return watch


def report_csp_violation(source, violation: dict) -> None:
    """Binding called by the init script in the page (see INIT_SCRIPT)."""
    page = source.get("page")
    if page in _WATCHES:
        _WATCHES[page].problems["csp"].append(
            "securitypolicyviolation: {directive} blocked {blocked} at {source} {sample}".format(**violation).strip()
        )


def report_pointer_down(source, event: dict) -> None:
    page = source.get("page")
    if page in _WATCHES:
        _WATCHES[page].pointer_events.append(f"{event.get('type') or 'pointer'} on <{event.get('target')}>")


# --- the gates ------------------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations of the WCAG 2.0/2.1 A and AA rules on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        if page.context in NO_SCRIPT_CONTEXTS:
            page.evaluate(_TIMER_SHIM)
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return results["violations"]


def format_axe_violations(violations: list[dict], *, nodes_per_rule: int = 5) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"][:nodes_per_rule]:
            target = " ".join(str(t) for t in node["target"])
            html = re.sub(r"\s+", " ", node.get("html", ""))[:200]
            lines.append(f"    at {target}: {html}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend("      " + line.strip() for line in summary.splitlines()[1:] if line.strip())
        hidden = len(violation["nodes"]) - nodes_per_rule
        if hidden > 0:
            lines.append(f"    … and {hidden} more")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        raise AssertionError(f"axe found {len(violations)} WCAG A/AA violation(s) on {page.url}:\n"
                             + format_axe_violations(violations))


_OVERFLOW_SCRIPT = """(limit) => {
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > limit + 1 && r.width > 0) {
      const cls = (typeof el.className === "string" && el.className.trim())
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
      out.push(`<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls}> right edge at ${Math.round(r.right)}px`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, offenders: out.slice(0, 8)};
}"""


def reflow_overflow(page: Page, *, reload: bool) -> dict:
    """Measure the page at 320 px wide (reloaded there when that is safe), then restore the viewport."""
    original = page.viewport_size
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": REFLOW_HEIGHT})
    try:
        if reload:
            page.reload(wait_until="load")
        return page.evaluate(_OVERFLOW_SCRIPT, REFLOW_WIDTH)
    finally:
        if original:
            page.set_viewport_size(original)
        if reload:
            page.reload(wait_until="load")


def assert_reflows(page: Page, *, reload: bool = False) -> None:
    measured = reflow_overflow(page, reload=reload)
    if measured["scrollWidth"] > REFLOW_WIDTH + 1:
        raise AssertionError(
            f"At {REFLOW_WIDTH} px wide {page.url} scrolls sideways (document is {measured['scrollWidth']} px "
            "wide, WCAG 1.4.10 Reflow). Elements sticking out:\n"
            + "\n".join(f"    {o}" for o in measured["offenders"])
        )


def _validated_skip(skip: dict[str, str] | None) -> dict[str, str]:
    skip = dict(skip or {})
    for gate, reason in skip.items():
        if gate not in GATES:
            raise ValueError(f"Unknown gate {gate!r}; the gates are {', '.join(GATES)}.")
        if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON_LENGTH:
            raise ValueError(f"Skipping the {gate!r} gate needs a written reason (at least "
                             f"{MIN_REASON_LENGTH} characters), got {reason!r}.")
    return skip


def _listed(problems: list[str]) -> str:
    """One line per distinct problem (the reflow check reloads the page, so most repeat)."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem] = counts.get(problem, 0) + 1
    return "\n".join(f"    {p}" + (f" (×{n})" if n > 1 else "") for p, n in counts.items())


def check_page(page: Page, *, skip: dict[str, str] | None = None) -> None:
    """Run every gate on the page the browser is on and fail with one readable list of everything wrong."""
    skip = _validated_skip(skip)
    watch = watch_of(page)
    url = page.url
    for gate, reason in skip.items():
        SKIPS_TAKEN.append((url, gate, reason))
    failures: list[str] = []
    try:
        if "axe" not in skip:
            try:
                assert_accessible(page)
            except AssertionError as error:
                failures.append(str(error))
        if "reflow" not in skip:
            # Reload at 320 px only when it cannot resend a form: the page came from a GET, not from set_content.
            reload = url.startswith(watch.origin) and watch.last_document_method == "GET"
            try:
                assert_reflows(page, reload=reload)
            except AssertionError as error:
                failures.append(str(error))
        if "csp" not in skip and watch.problems["csp"]:
            failures.append(f"Content Security Policy violations or script errors on {url}:\n"
                            + _listed(watch.problems["csp"]))
        if "http" not in skip and watch.problems["http"]:
            failures.append(f"Same-origin requests that failed on {url}:\n" + _listed(watch.problems["http"]))
    finally:
        watch.clear()
        watch.unchecked_urls[:] = [u for u in watch.unchecked_urls if u != _without_fragment(url)]
    if failures:
        raise AssertionError("\n\n".join(failures))


def visit(page: Page, url: str, *, skip: dict[str, str] | None = None, status: int = 200):
    """Open ``url`` (relative to the live server) and run every gate on it. ``status`` other than 200 is for
    error pages (the 404 page must pass the gates too; its own 404 is then not an HTTP-gate failure)."""
    if status != 200:
        watch_of(page).expected_status[urljoin(watch_of(page).origin, url)] = status
    response = page.goto(url)
    assert response is not None, f"No response for {url}"
    assert response.status == status, f"{url} answered {response.status}, expected {status}"
    check_page(page, skip=skip)
    return response


def login(page: Page, user, *, password: str = TEST_PASSWORD, next_url: str | None = None,
          skip: dict[str, str] | None = None) -> None:
    """Log in through the real login form (allauth: e-mail in ``login``, ``password``); both the form and the
    page it leads to are checked (``skip`` applies to the page after login)."""
    url = "/konto/login/" + (f"?next={next_url}" if next_url else "")
    visit(page, url)
    form = page.locator("form:has(input[name='login'])")
    form.locator("input[name='login']").fill(user.email)
    form.locator("input[name='password']").fill(password)
    with page.expect_navigation():
        form.locator("button[type='submit'], input[type='submit']").first.click()
    if urlsplit(page.url).path == "/konto/login/":
        errors = page.locator(".error-summary, .errorlist, .error-message, [role='alert']").all_inner_texts()
        raise AssertionError(f"Login as {user.email} failed; the form says: {errors}")
    check_page(page, skip=skip)
