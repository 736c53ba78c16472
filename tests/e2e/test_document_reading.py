"""A resident on a phone reads the draft strategy with the keyboard only: jumps to a chapter from the table of
contents, searches the document, follows a result to its paragraph and opens the comparison with the previous
version. Every page passes the page checker (axe, CSP, same-origin requests, reflow at 320 px)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.documents.enums import BlockKind, VersionStage
from strategia.documents.models import Chapter, Paragraph
from strategia.documents.selectors import version_working
from strategia.documents.services import (
    chapter_create,
    document_create,
    paragraph_create,
    paragraph_update,
    version_freeze,
)
from tests.e2e.checks import check_page, visit, watch_page
from tests.e2e.keyboard import activate, follow, skip_to_main, tab_to, type_into

TOC = re.compile(r"Spis treści|Table of contents", re.IGNORECASE)


def small_strategy(process):
    """Two frozen versions of a short draft: version 2 changes a paragraph of 2.1 and adds one to 2.2."""
    document = document_create(actor=None, process=process, slug="strategia-czytanie", is_sample=True,
                               title="Projekt Strategii Rozwoju Gminy Konstancin-Jeziorna do 2035 roku")
    working = document.versions.get()
    intro = chapter_create(actor=None, version=working, title="Wprowadzenie")
    paragraph_create(actor=None, chapter=intro, text="Strategia określa cele rozwoju gminy do 2035 roku, "
                     "przyjęte po konsultacjach z mieszkańcami, organizacjami i przedsiębiorcami.")
    paragraph_create(actor=None, chapter=intro, text="Dokument uwzględnia wnioski z diagnozy "
                     "społeczno-gospodarczo-przestrzennej (pełny tekst: https://bip.konstancinjeziorna.pl/"
                     "strategia-rozwoju-gminy-konstancin-jeziorna-do-2035-roku-diagnoza-spoleczno-gospodarcza.pdf).")
    goals = chapter_create(actor=None, version=working, title="Cele rozwojowe")
    paragraph_create(actor=None, chapter=goals, text="Cele wynikają z wizji rozwoju gminy.")
    transport = chapter_create(actor=None, version=working, title="Dostępność komunikacyjna", parent=goals)
    paragraph_create(actor=None, chapter=transport, text="Rozwój **transportu publicznego** i ścieżek rowerowych "
                     "łączących sołectwa z centrum.")
    paragraph_create(actor=None, chapter=transport, kind=BlockKind.TABLE,
                     text="| Wskaźnik | Jednostka | Źródło danych | Wartość bazowa 2024 | Wartość docelowa 2035 |\n"
                          "|---|---|---|---|---|\n"
                          "| Długość ścieżek rowerowych | km | Urząd Miasta i Gminy | 12 | 40 |\n"
                          "| Liczba linii autobusowych | szt. | Zarząd Transportu Miejskiego | 5 | 9 |")
    environment = chapter_create(actor=None, version=working, title="Środowisko", parent=goals)
    paragraph_create(actor=None, chapter=environment, text="Ochrona Lasu Kabackiego i doliny Jeziorki.")
    first = version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)

    working = version_working(document=document)
    changed = Paragraph.objects.get(chapter__version=working, text__startswith="Rozwój **transportu")
    paragraph_update(actor=None, paragraph=changed, text="Rozwój **transportu publicznego**, w tym linii "
                     "dowozowych do kolei, i ścieżek rowerowych łączących sołectwa z centrum.")
    paragraph_create(actor=None, chapter=Chapter.objects.get(version=working, title="Środowisko"),
                     text="Poprawa jakości powietrza przez wymianę źródeł ciepła.")
    second = version_freeze(actor=None, version=working, stage=VersionStage.AFTER_CONSULTATION)
    return first, second


@pytest.mark.viewport(390, 844)
def test_resident_reads_searches_and_compares_the_strategy_by_keyboard(keyboard_page, demo):
    _first, second = small_strategy(demo.process)
    page = keyboard_page
    visit(page, reverse("documents:index", kwargs={"municipality_slug": demo.municipality.slug,
                                                   "process_slug": demo.process.slug}))
    follow(page, page.get_by_role("main").locator(f"a[href='{second.get_absolute_url()}']").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Projekt Strategii Rozwoju Gminy")

    # The table of contents takes the reader to a chapter.
    toc = page.get_by_role("navigation", name=TOC)
    activate(page, toc.get_by_role("link", name=re.compile(r"^2\.1\s+Dostępność komunikacyjna")))
    expect(page).to_have_url(re.compile(r"#pkt-2-1$"))
    expect(page.locator("#pkt-2-1")).to_be_in_viewport()

    # Search: type into the field above, press Enter; the results are listed and marked in the text.
    type_into(page, page.get_by_role("searchbox"), "transport", backwards=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)
    expect(page).to_have_url(re.compile(r"\?q=transport#wyniki$"))
    results = page.locator("#wyniki")
    expect(results.get_by_role("heading")).to_have_text(re.compile(r"^2\b"))  # 2.1.1 and the table in 2.1.2
    expect(results.get_by_role("listitem")).to_have_count(2)
    expect(page.locator("#pkt-2-1-1 mark")).to_have_text(["transport"])

    # A result leads to its paragraph; the paragraph's number is a link to that very place.
    activate(page, results.get_by_role("link", name=re.compile(r"2\.1\.1")))
    expect(page).to_have_url(re.compile(r"#pkt-2-1-1$"))
    paragraph = page.locator("#pkt-2-1-1")
    expect(paragraph).to_be_in_viewport()
    tab_to(page, paragraph.get_by_role("link", name=re.compile(r"2\.1\.1")))

    # The table in 2.1.2 scrolls in its own region, reachable by keyboard.
    tab_to(page, page.locator("#pkt-2-1-2").get_by_role("region"))

    # The comparison with the previous version: the change is marked, and not only by colour.
    skip_to_main(page)
    follow(page, page.get_by_role("main").locator("a[href*='/porownanie/']"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    changed = page.locator("#pkt-2-1-1")
    expect(changed.locator("ins").first).to_contain_text("linii dowozowych do kolei")
    expect(changed.locator(".redline-label")).to_have_count(1)
    added = page.locator("#pkt-2-2-2")
    expect(added.locator("ins")).to_contain_text("Poprawa jakości powietrza")

    # … and the list of changes alone.
    follow(page, page.get_by_role("main").locator("a[href*='/zmiany/']"))
    expect(page.locator(".change-item")).to_have_count(2)


def test_search_in_the_document_works_without_javascript(open_context, base_url, demo):
    _first, second = small_strategy(demo.process)
    page = open_context(java_script_enabled=False).new_page()
    watch_page(page, base_url)
    visit(page, second.get_absolute_url())

    page.get_by_role("searchbox").fill("sołectwa")
    with page.expect_navigation():
        page.get_by_role("searchbox").press("Enter")
    check_page(page)

    expect(page.locator("#wyniki").get_by_role("listitem")).to_have_count(1)
    expect(page.locator("#pkt-2-1-1 mark")).to_have_text(["sołectwa"])
    expect(page.locator("#pkt-1-1")).to_be_attached()  # the rest of the document is still there
