"""The back-office document editor in a browser: a staff member writes a chapter and a paragraph by keyboard
only on a phone-sized screen, watching the live preview, and reorders chapters; every editor page passes the
page checker. (The preview without JavaScript is the same "Preview" button the journey presses; its server side is
tested in tests/documents/test_editor.py.)"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.documents.enums import BlockKind, BlockSource, VersionStage
from strategia.documents.models import Chapter
from strategia.documents.services import chapter_create, document_create, paragraph_create, version_freeze
from tests.e2e.checks import TEST_PASSWORD, assert_accessible, check_page, login, visit
from tests.e2e.keyboard import follow, tab_to, type_into
from tests.factories import user_with_municipality_role


def _url(document, name, **kwargs):
    return reverse(f"backoffice:documents_staff:{name}", kwargs={
        "municipality_slug": document.process.municipality.slug, "process_slug": document.process.slug,
        "document_slug": document.slug, **kwargs,
    })


@pytest.fixture
def document(demo):
    document = document_create(actor=None, process=demo.process, title="Projekt Strategii – edytor",
                               slug="projekt-edytor")
    version = document.versions.get()
    intro = chapter_create(actor=None, version=version, title="Wprowadzenie")
    paragraph_create(actor=None, chapter=intro, text="Strategia opisuje **kierunki** rozwoju gminy.")
    goals = chapter_create(actor=None, version=version, title="Cele strategiczne", statutory_item="strategic_goals")
    paragraph_create(actor=None, chapter=goals, kind=BlockKind.TABLE,
                     text="| Cel | Wskaźnik |\n|---|---|\n| Zielona gmina | 10 ha parków |")
    return document


@pytest.fixture
def staff(demo):
    return user_with_municipality_role(demo.municipality, MunicipalityRole.STAFF)


@pytest.mark.viewport(390, 844)
def test_staff_member_adds_a_chapter_and_a_paragraph_with_the_preview_by_keyboard(keyboard_page, document, staff):
    page = keyboard_page
    detail_url = _url(document, "document_detail")
    visit(page, f"{reverse('account_login')}?next={detail_url}")
    form = page.locator("form:has(input[name='login'])")
    type_into(page, form.locator("input[name='login']"), staff.email)
    type_into(page, form.locator("input[name='password']"), TEST_PASSWORD)
    follow(page, form.locator("button[type='submit']"))
    assert page.url.endswith(detail_url)

    follow(page, page.get_by_role("link", name=re.compile(r"^(Add a chapter|Dodaj rozdział)$")))
    type_into(page, page.locator("input[name='title']"), "Wizja rozwoju")
    follow(page, page.get_by_role("button", name=re.compile(r"^(Save|Zapisz)$")))
    expect(page.locator(".outline-heading", has_text="Wizja rozwoju")).to_contain_text("3")

    follow(page, page.get_by_role("link", name=re.compile(r"^(Add a paragraph|Dodaj akapit): Wizja rozwoju$")))
    type_into(page, page.locator("textarea[name='text']"), "**Gmina** zielona i otwarta")
    # htmx posts the text after a pause in typing and swaps the rendering into the live region.
    expect(page.locator("#preview-region strong")).to_have_text("Gmina")
    expect(page.locator("#preview-region")).to_have_attribute("aria-live", "polite")
    assert_accessible(page)  # axe on the swapped-in preview (check_page would reload and lose the typed text)

    # The "Preview" button (the way without JavaScript) renders the same on the server and keeps the text.
    follow(page, page.get_by_role("button", name=re.compile(r"^(Preview|Podgląd)$")))
    expect(page.locator("#preview-region strong")).to_have_text("Gmina")
    expect(page.locator("textarea[name='text']")).to_have_value("**Gmina** zielona i otwarta")

    follow(page, page.get_by_role("button", name=re.compile(r"^(Save|Zapisz)$")))
    added = page.locator(".outline-paragraph", has_text="zielona i otwarta")
    expect(added.locator("strong")).to_have_text("Gmina")
    expect(added.locator(".outline-number")).to_contain_text("3.1")

    # Reordering: the new chapter goes up by its named button, and focus comes back to it.
    follow(page, page.get_by_role("button", name=re.compile(r"^(Move up|Przesuń w górę): Wizja rozwoju$")))
    expect(page.locator(".outline-heading").nth(1)).to_contain_text("Wizja rozwoju")
    expect(page.locator(".outline-heading").nth(1)).to_contain_text("2")
    tab_to(page, page.get_by_role("link", name=re.compile(r"^(Add a paragraph|Dodaj akapit): Wizja rozwoju$")),
           max_presses=1)


def test_every_editor_page_passes_the_page_checker(page, demo, document):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    version = document.versions.get()
    intro = Chapter.objects.get(version=version, title="Wprowadzenie")
    paragraph_create(actor=None, chapter=intro, kind=BlockKind.TEXT, text="Z danych GUS.",
                     source=BlockSource.GENERATED, generator_key="x:1")
    version_freeze(actor=None, version=version, stage=VersionStage.CONSULTATION, label="do konsultacji")
    working = document.versions.get(frozen_at=None)
    chapter = Chapter.objects.get(version=working, title="Wprowadzenie")
    paragraph = chapter.paragraphs.first()
    list_url = reverse("backoffice:documents_staff:document_list", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug})
    create_url = reverse("backoffice:documents_staff:document_create", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug})
    login(page, coordinator, next_url=list_url)
    for url in [list_url, create_url, _url(document, "document_detail"), _url(document, "chapter_create"),
                _url(document, "chapter_edit", chapter_id=chapter.pk),
                _url(document, "chapter_delete", chapter_id=chapter.pk),
                _url(document, "paragraph_create", chapter_id=chapter.pk),
                _url(document, "paragraph_edit", paragraph_id=paragraph.pk),
                _url(document, "paragraph_delete", paragraph_id=paragraph.pk)]:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)

    # Forms with errors: the error summary and the messages next to the fields pass the checker too.
    visit(page, _url(document, "chapter_create"))
    page.get_by_role("button", name=re.compile(r"^(Save|Zapisz)$")).click()
    page.wait_for_load_state()
    expect(page.locator("#id_title_error")).to_be_visible()
    check_page(page)
    visit(page, _url(document, "document_detail"))
    with page.expect_navigation():
        page.locator(".editor-freeze button[type='submit']").click()
    expect(page.locator("#id_stage_error")).to_be_visible()
    check_page(page)
