"""Keyboard-only journeys: move focus with Tab / Shift+Tab the way a keyboard user does, never with the mouse.

    tab_to(page, page.get_by_role("link", name=re.compile("Harmonogram|Schedule")))
    follow(page, page.locator("li[aria-current='step'] a"))      # Tab to it, Enter, check the new page
    type_into(page, page.get_by_label("E-mail"), "ala@example.org")

Every element focus lands on along the way must show a visible focus indicator (WCAG 2.4.7): a computed
outline or box-shadow, and a box on screen. ``assert_keyboard_only(page)`` fails if a pointer was used on the
page (the ``keyboard_page`` fixture calls it at the end of a test).
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from tests.e2e.checks import check_page, watch_of

MAX_PRESSES = 60

# For the element that has focus: is it one of ``els`` (the target), how to name it, and does it show focus.
_FOCUS_SCRIPT = """(els) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return {isTarget: false, onBody: true, description: "<body>", indicator: true, onScreen: true};
  }
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const shadow = !!cs.boxShadow && cs.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  const name = (el.getAttribute("aria-label") || el.innerText || el.value || el.name || "").trim().slice(0, 60);
  return {
    isTarget: els.includes(el),
    onBody: false,
    description: `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> "${name}"`,
    indicator: outline || shadow,
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0,
  };
}"""


def focused(page: Page, target: Locator | None = None) -> dict:
    """Facts about the focused element (and whether it is one of ``target``'s elements)."""
    if target is None:
        target = page.locator(":focus")
    return target.evaluate_all(_FOCUS_SCRIPT)


def assert_focus_visible(page: Page) -> None:
    state = focused(page)
    _assert_indicator(state)


def _assert_indicator(state: dict) -> None:
    if state["onBody"]:
        return
    assert state["indicator"], f"{state['description']} has focus but no visible focus indicator (WCAG 2.4.7)"
    assert state["onScreen"], f"{state['description']} has focus but is not on screen (WCAG 2.4.7)"


def tab_to(page: Page, target: Locator, *, backwards: bool = False, max_presses: int = MAX_PRESSES) -> Locator:
    """Press Tab (Shift+Tab with ``backwards``) until an element of ``target`` has focus; every element passed
    on the way must show its focus. Fails after ``max_presses``."""
    key = "Shift+Tab" if backwards else "Tab"
    path: list[str] = []
    for _ in range(max_presses):
        page.keyboard.press(key)
        state = focused(page, target)
        path.append(state["description"])
        _assert_indicator(state)
        if state["isTarget"]:
            return target
    raise AssertionError(f"{target} never received focus after {max_presses} presses of {key}. Focus went "
                         f"through: {' → '.join(path)}")


def activate(page: Page, target: Locator, *, key: str = "Enter", backwards: bool = False) -> None:
    """Tab to ``target`` and press ``key`` (Enter for links and buttons, Space for checkboxes and buttons)."""
    tab_to(page, target, backwards=backwards)
    page.keyboard.press(key)


def follow(page: Page, target: Locator, *, key: str = "Enter", skip: dict[str, str] | None = None) -> None:
    """Tab to a link (or submit button), press Enter, wait for the next page and run the page checker on it."""
    tab_to(page, target)
    with page.expect_navigation():
        page.keyboard.press(key)
    check_page(page, skip=skip)


def type_into(page: Page, target: Locator, text: str, *, backwards: bool = False) -> None:
    """Tab to a field and type ``text`` key by key."""
    tab_to(page, target, backwards=backwards)
    page.keyboard.type(text)


def skip_to_main(page: Page) -> None:
    """Use the skip link: the first Tab stop of every page, Enter moves focus to <main>."""
    activate(page, page.locator("a.skip-link"))
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")


def assert_keyboard_only(page: Page) -> None:
    events = watch_of(page).pointer_events
    assert not events, f"A keyboard-only journey used the pointer: {events}"
