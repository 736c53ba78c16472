"""The back-office editor of documents: who may open it, chapters and paragraphs edited through it, the Markdown
preview (with and without htmx), the completeness checklist, freezing, and generated chapters."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from PIL import Image

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.core.models import AuditEntry
from strategia.documents import generators
from strategia.documents.enums import BlockKind, BlockSource, VersionStage
from strategia.documents.generate_services import chapter_generate
from strategia.documents.models import Chapter, Document, Paragraph
from strategia.documents.numbering import numbered_outline
from strategia.documents.services import (
    chapter_create,
    document_create,
    paragraph_create,
    paragraph_update,
    version_freeze,
)

AUTHORS = [MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR]
READ_ONLY = [MR.APPROVER, PR.COUNCILLOR, PR.EVALUATOR, PR.TEAM_MEMBER, PR.STAKEHOLDER]


# --- helpers ------------------------------------------------------------------------------------------------

def url(name, document=None, **kwargs):
    if document is not None:
        kwargs.update(process_slug=document.process.slug, document_slug=document.slug)
        municipality = document.process.municipality
    else:
        municipality = kwargs.pop("municipality")
    return reverse(f"backoffice:documents_staff:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs})


def png(name="wykres.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def chapter(version, title):
    return Chapter.objects.get(version=version, title=title)


def numbers(version):
    return [(e.number, e.obj.title if e.is_heading else e.obj.text) for e in numbered_outline(version=version)]


@pytest.fixture
def author(municipality):
    return user_with_role(municipality, MR.STAFF)


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def user_with_role(municipality, role):
    from tests.factories import user_with_municipality_role

    return user_with_municipality_role(municipality, role)


@pytest.fixture
def test_generator(process):
    """A generator registered for the test only; its data can be changed through ``data``."""
    data = {"a": "Liczba mieszkańców: 100.", "b": "Dochody: 5 mln zł."}

    def func(*, process):
        return [generators.GeneratedParagraph(key=k, text=v) for k, v in data.items()]

    generators.GENERATORS["test.data"] = generators.ChapterGenerator("test.data", "Dane testowe",
                                                                     "diagnosis_conclusions", func)
    yield data
    del generators.GENERATORS["test.data"]


# --- who may open what --------------------------------------------------------------------------------------

def test_anonymous_visitor_is_sent_to_log_in(client, filled):
    document = filled.document
    for name in ("document_detail", "chapter_create"):
        response = client.get(url(name, document))
        assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_resident_without_a_role_gets_404(client, resident, filled):
    client.force_login(resident)
    assert client.get(url("document_detail", filled.document)).status_code == 404
    assert client.get(url("chapter_create", filled.document)).status_code == 404


@pytest.mark.parametrize("role", AUTHORS)
def test_authors_open_the_edit_pages(client, user_for_role, filled, role):
    client.force_login(user_for_role(role))
    document, one = filled.document, chapter(filled, "Wprowadzenie")
    paragraph = one.paragraphs.first()
    for page in (url("document_detail", document), url("chapter_create", document),
                 url("chapter_edit", document, chapter_id=one.pk), url("chapter_delete", document, chapter_id=one.pk),
                 url("paragraph_create", document, chapter_id=one.pk),
                 url("paragraph_edit", document, paragraph_id=paragraph.pk),
                 url("paragraph_delete", document, paragraph_id=paragraph.pk)):
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_see_the_document_but_may_not_edit(client, user_for_role, filled, role):
    client.force_login(user_for_role(role))
    document, one = filled.document, chapter(filled, "Wprowadzenie")
    detail = client.get(url("document_detail", document))
    assert detail.status_code == 200
    assert "Wprowadzenie" in detail.content.decode()
    assert client.get(url("chapter_create", document)).status_code == 403
    assert client.get(url("chapter_edit", document, chapter_id=one.pk)).status_code == 403
    assert client.post(url("chapter_move", document, chapter_id=one.pk), {"direction": "down"}).status_code == 403
    assert client.post(url("preview", document), {"text": "x"}).status_code == 403


def test_read_only_roles_get_no_edit_buttons(client, user_for_role, filled):
    client.force_login(user_for_role(PR.COUNCILLOR))
    html = client.get(url("document_detail", filled.document)).content.decode()
    assert url("chapter_create", filled.document) not in html
    assert url("version_freeze", filled.document) not in html


@pytest.mark.parametrize("role", [MR.STAFF, MR.CONTRACTOR])
def test_only_the_coordinator_may_freeze(client, user_for_role, filled, role):
    client.force_login(user_for_role(role))
    response = client.post(url("version_freeze", filled.document), {"stage": VersionStage.CONSULTATION})
    assert response.status_code == 403
    assert not filled.document.versions.exclude(frozen_at=None).exists()


def test_a_chapter_of_another_document_is_not_found(author_client, process, filled):
    other = document_create(actor=None, process=process, title="Prognoza", slug="prognoza")
    foreign = chapter_create(actor=None, version=other.versions.get(), title="Obcy")
    response = author_client.get(url("chapter_edit", filled.document, chapter_id=foreign.pk))
    assert response.status_code == 404


def test_a_chapter_of_a_frozen_version_is_not_edited_through_its_id(author_client, filled):
    old_id = chapter(filled, "Wprowadzenie").pk
    version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    response = author_client.post(url("chapter_edit", filled.document, chapter_id=old_id), {"title": "Zmiana"})
    assert response.status_code == 404
    assert Chapter.objects.get(pk=old_id).title == "Wprowadzenie"


# --- documents of a process ---------------------------------------------------------------------------------

def test_document_list_shows_documents_with_their_versions(author_client, municipality, process, filled):
    version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    html = author_client.get(url("document_list", municipality=municipality, process_slug=process.slug)
                             ).content.decode()
    assert "Projekt Strategii rozwoju gminy Testowo" in html
    assert "Version 1" in html or "Wersja 1" in html
    assert "Version 2" in html or "Wersja 2" in html


def test_document_created_through_the_form_has_a_working_version(author_client, municipality, process):
    response = author_client.post(url("document_create", municipality=municipality, process_slug=process.slug),
                                  {"title": "Prognoza oddziaływania", "slug": "prognoza", "kind": "forecast"})
    document = Document.objects.get(process=process, slug="prognoza")
    assert response.status_code == 302 and response["Location"] == url("document_detail", document)
    assert document.kind == "forecast"
    assert document.versions.get().stage == VersionStage.WORKING


def test_document_address_already_used_is_refused_next_to_the_field(author_client, municipality, process, document):
    response = author_client.post(url("document_create", municipality=municipality, process_slug=process.slug),
                                  {"title": "Drugi projekt", "slug": document.slug, "kind": "strategy"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_slug_error"' in html and 'aria-invalid="true"' in html
    assert 'value="Drugi projekt"' in html


def test_the_new_document_address_is_reserved(author_client, municipality, process):
    response = author_client.post(url("document_create", municipality=municipality, process_slug=process.slug),
                                  {"title": "T", "slug": "nowy-dokument", "kind": "strategy"})
    assert 'id="id_slug_error"' in response.content.decode()
    assert not Document.objects.filter(slug="nowy-dokument").exists()


# --- the document page --------------------------------------------------------------------------------------

def test_outline_shows_display_numbers(author_client, filled):
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    assert '<span class="outline-number">2.1</span> Cel 1' in html
    assert ">2.0.1" in html and "Wstęp do celów." in html


def test_checklist_says_present_or_missing_in_words_with_the_citation(author_client, filled):
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    checklist = html.split('class="checklist"')[1].split("</ul>")[0]
    goals = checklist.split("art. 10e ust. 3 pkt 1 u.s.g.")[0].rsplit("<li", 1)[1]
    directions = checklist.split("art. 10e ust. 3 pkt 2 u.s.g.")[0].rsplit("<li", 1)[1]
    assert "✓" in goals and ("present" in goals or "obecne" in goals)
    assert "✗" in directions and ("missing" in directions or "brak" in directions)


def test_figures_without_alt_text_are_listed_as_warnings(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    paragraph_create(actor=None, chapter=one, kind=BlockKind.FIGURE, image=png(), alt_text="",
                     source=BlockSource.IMPORTED)
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    warnings = html.split('id="warnings-title"')[1].split("</section>")[0]
    assert "1.3" in warnings


def test_no_warning_section_when_every_figure_is_described(author_client, filled):
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    assert 'id="warnings-title"' not in html


def test_document_page_does_not_grow_with_paragraphs(author_client, filled):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = author_client.get(url("document_detail", filled.document))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    few = count()
    one = chapter(filled, "Wprowadzenie")
    Paragraph.objects.bulk_create([Paragraph(chapter=one, position=10 + i, text=f"Akapit {i}") for i in range(100)])
    assert count() == few


def test_document_page_query_count_is_pinned(author_client, filled, django_assert_num_queries):
    one = chapter(filled, "Wprowadzenie")
    Paragraph.objects.bulk_create([Paragraph(chapter=one, position=10 + i, text=f"Akapit {i}") for i in range(100)])
    author_client.get(url("document_detail", filled.document))  # warm the session and the content types
    with django_assert_num_queries(12):
        author_client.get(url("document_detail", filled.document))


def test_import_link_points_to_the_word_import(author_client, filled):
    try:
        import_url = url("import_upload", filled.document)
    except NoReverseMatch:
        pytest.skip("the Word import pages are not wired yet")
    assert import_url in author_client.get(url("document_detail", filled.document)).content.decode()


# --- freezing -----------------------------------------------------------------------------------------------

def test_coordinator_freezes_the_working_version_through_the_form(coordinator_client, filled):
    response = coordinator_client.post(url("version_freeze", filled.document),
                                       {"stage": VersionStage.CONSULTATION, "label": "do konsultacji"})
    filled.refresh_from_db()
    assert response.status_code == 302
    assert filled.is_frozen and filled.stage == VersionStage.CONSULTATION and filled.label == "do konsultacji"
    html = coordinator_client.get(response["Location"]).content.decode()
    assert "do konsultacji" in html.split('id="frozen-versions"')[1]


def test_frozen_versions_link_to_their_public_reading_page(coordinator_client, filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    try:
        public_url = frozen.get_absolute_url()
    except NoReverseMatch:
        pytest.skip("the public reading view is not wired yet")
    html = coordinator_client.get(url("document_detail", filled.document)).content.decode()
    assert f'href="{public_url}"' in html


def test_each_frozen_version_shows_its_word_and_pdf_files(coordinator_client, filled):
    version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    html = coordinator_client.get(url("document_detail", filled.document)).content.decode()
    frozen_section = html.split('id="frozen-versions"')[1]
    assert 'class="version-exports"' in frozen_section


def test_freezing_without_a_stage_shows_the_error_next_to_the_field(coordinator_client, filled):
    response = coordinator_client.post(url("version_freeze", filled.document), {"stage": "", "label": "moja"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_stage_error"' in html and "error-summary" in html
    assert 'value="moja"' in html
    assert not filled.document.versions.exclude(frozen_at=None).exists()


def test_freezing_an_empty_document_shows_the_services_reason(coordinator_client, working):
    response = coordinator_client.post(url("version_freeze", working.document), {"stage": VersionStage.CONSULTATION})
    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    working.refresh_from_db()
    assert not working.is_frozen


def test_freezing_an_earlier_stage_after_a_later_one_is_refused_next_to_the_stage(coordinator_client, filled):
    version_freeze(actor=None, version=filled, stage=VersionStage.AFTER_CONSULTATION)
    response = coordinator_client.post(url("version_freeze", filled.document), {"stage": VersionStage.CONSULTATION})
    assert 'id="id_stage_error"' in response.content.decode()


# --- chapters -----------------------------------------------------------------------------------------------

def test_chapter_added_through_the_form_appears_in_the_outline(author_client, filled):
    response = author_client.post(url("chapter_create", filled.document),
                                  {"title": "Kierunki działań", "parent": "", "statutory_item": "action_directions"})
    added = chapter(filled, "Kierunki działań")
    assert response["Location"] == url("document_detail", filled.document) + f"#chapter-{added.pk}"
    assert added.statutory_item == "action_directions" and added.parent is None
    assert ("3", "Kierunki działań") in numbers(filled)


def test_sub_chapter_added_under_a_chosen_parent(author_client, filled):
    two = chapter(filled, "Cele")
    author_client.post(url("chapter_create", filled.document), {"title": "Cel 3", "parent": two.pk})
    assert ("2.3", "Cel 3") in numbers(filled)


def test_parent_choices_are_the_chapters_of_levels_one_and_two(author_client, filled):
    deep = chapter_create(actor=None, version=filled, title="Poziom trzeci", parent=chapter(filled, "Cel 1"))
    html = author_client.get(url("chapter_create", filled.document)).content.decode()
    parent_select = html.split('name="parent"')[1].split("</select>")[0]
    assert "2.1 Cel 1" in parent_select and "1 Wprowadzenie" in parent_select
    assert f'value="{deep.pk}"' not in parent_select


def test_a_third_level_chapter_cannot_be_a_parent(author_client, filled):
    deep = chapter_create(actor=None, version=filled, title="Poziom trzeci", parent=chapter(filled, "Cel 1"))
    response = author_client.post(url("chapter_create", filled.document), {"title": "Za głęboko", "parent": deep.pk})
    html = response.content.decode()
    assert 'id="id_parent_error"' in html and 'value="Za głęboko"' in html
    assert not Chapter.objects.filter(title="Za głęboko").exists()


def test_chapter_without_a_title_shows_the_message_next_to_the_field(author_client, filled):
    response = author_client.post(url("chapter_create", filled.document),
                                  {"title": "", "statutory_item": "financial_frame"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in html
    assert '<option value="financial_frame" selected>' in html


def test_chapter_edit_changes_title_and_statutory_item(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    author_client.post(url("chapter_edit", filled.document, chapter_id=one.pk),
                       {"title": "Wstęp", "statutory_item": "diagnosis_conclusions"})
    one.refresh_from_db()
    assert (one.title, one.statutory_item) == ("Wstęp", "diagnosis_conclusions")


def test_chapter_delete_asks_first_then_deletes_on_post(author_client, filled):
    two = chapter(filled, "Cele")
    confirm = author_client.get(url("chapter_delete", filled.document, chapter_id=two.pk))
    assert confirm.status_code == 200 and Chapter.objects.filter(pk=two.pk).exists()
    assert "Cele" in confirm.content.decode()
    author_client.post(url("chapter_delete", filled.document, chapter_id=two.pk))
    assert not Chapter.objects.filter(version=filled, title__in=["Cele", "Cel 1", "Cel 2"]).exists()


def test_chapter_moves_up_and_keeps_its_uid(author_client, filled):
    two = chapter(filled, "Cele")
    author_client.post(url("chapter_move", filled.document, chapter_id=two.pk), {"direction": "up"})
    assert numbers(filled)[0] == ("1", "Cele")
    assert chapter(filled, "Cele").uid == two.uid


def test_chapter_move_with_an_unknown_direction_is_a_bad_request(author_client, filled):
    two = chapter(filled, "Cele")
    response = author_client.post(url("chapter_move", filled.document, chapter_id=two.pk), {"direction": "sideways"})
    assert response.status_code == 400


def test_move_buttons_are_named_with_the_chapter_title(author_client, filled):
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    assert re.search(r'aria-label="(Move up|Przesuń w górę): Cele"', html)
    assert re.search(r'aria-label="(Move down|Przesuń w dół): Wprowadzenie"', html)
    # The first chapter cannot go up, the last cannot go down.
    assert not re.search(r'aria-label="(Move up|Przesuń w górę): Wprowadzenie"', html)
    assert not re.search(r'aria-label="(Move down|Przesuń w dół): Cele"', html)


# --- paragraphs ---------------------------------------------------------------------------------------------

def test_paragraph_added_to_a_chapter(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    response = author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                                  {"kind": "list", "text": "- pierwszy\n- drugi"})
    added = one.paragraphs.get(text="- pierwszy\n- drugi")
    assert response["Location"].endswith(f"#paragraph-{added.pk}")
    assert added.kind == BlockKind.LIST and added.source == BlockSource.WRITTEN
    assert ("1.3", "- pierwszy\n- drugi") in numbers(filled)


def test_figure_is_added_with_its_image_and_text_alternative(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                       {"kind": "figure", "text": "Rycina 1", "alt_text": "Wykres liczby mieszkańców", "image": png()})
    figure = one.paragraphs.get(kind=BlockKind.FIGURE)
    assert figure.alt_text == "Wykres liczby mieszkańców" and figure.image.name.endswith(".png")


def test_an_upload_that_is_not_an_image_is_refused_next_to_the_field_keeping_the_text(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    fake = SimpleUploadedFile("wykres.png", b"to nie jest obraz", content_type="image/png")
    response = author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                                  {"kind": "figure", "text": "Rycina 1", "alt_text": "Opis ryciny", "image": fake})
    html = response.content.decode()
    assert 'id="id_image_error"' in html
    assert "Rycina 1</textarea>" in html and "Opis ryciny</textarea>" in html
    assert not one.paragraphs.filter(kind=BlockKind.FIGURE).exists()


def test_figure_without_text_alternative_shows_the_message_next_to_it_keeping_the_text(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    response = author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                                  {"kind": "figure", "text": "Rycina 1", "alt_text": "", "image": png()})
    html = response.content.decode()
    assert response.status_code == 200
    error = html.split('id="id_alt_text_error"')[1].split("</div>")[0]
    assert "text alternative" in error or "alternatyw" in error
    assert "Rycina 1</textarea>" in html
    assert 'aria-describedby="id_alt_text_hint id_alt_text_error"' in html


def test_empty_paragraph_shows_the_message_next_to_the_text(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    response = author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                                  {"kind": "text", "text": "   "})
    assert 'id="id_text_error"' in response.content.decode()
    assert one.paragraphs.count() == 2


def test_paragraph_edit_saves_the_text(author_client, filled):
    paragraph = chapter(filled, "Wprowadzenie").paragraphs.first()
    author_client.post(url("paragraph_edit", filled.document, paragraph_id=paragraph.pk), {"text": "Nowa treść."})
    paragraph.refresh_from_db()
    assert paragraph.text == "Nowa treść."


def test_paragraph_edit_form_offers_image_fields_only_for_figures(author_client, filled):
    paragraph = chapter(filled, "Wprowadzenie").paragraphs.first()
    html = author_client.get(url("paragraph_edit", filled.document, paragraph_id=paragraph.pk)).content.decode()
    assert 'name="text"' in html and "Pierwszy akapit wprowadzenia." in html
    assert 'name="alt_text"' not in html and 'name="image"' not in html and 'name="kind"' not in html


def test_editing_a_generated_paragraph_through_the_form_marks_it_as_an_override(author_client, filled):
    generated = paragraph_create(actor=None, chapter=chapter(filled, "Cel 1"), text="Z danych.",
                                 source=BlockSource.GENERATED, generator_key="x:1")
    author_client.post(url("paragraph_edit", filled.document, paragraph_id=generated.pk), {"text": "Poprawione."})
    generated.refresh_from_db()
    assert generated.source == BlockSource.OVERRIDE


def test_paragraph_delete_asks_first_then_deletes_on_post(author_client, filled):
    paragraph = chapter(filled, "Wprowadzenie").paragraphs.first()
    assert author_client.get(url("paragraph_delete", filled.document, paragraph_id=paragraph.pk)).status_code == 200
    assert Paragraph.objects.filter(pk=paragraph.pk).exists()
    author_client.post(url("paragraph_delete", filled.document, paragraph_id=paragraph.pk))
    assert not Paragraph.objects.filter(pk=paragraph.pk).exists()


def test_paragraph_moves_down(author_client, filled):
    first = chapter(filled, "Wprowadzenie").paragraphs.get(text="Pierwszy akapit wprowadzenia.")
    author_client.post(url("paragraph_move", filled.document, paragraph_id=first.pk), {"direction": "down"})
    assert ("1.2", "Pierwszy akapit wprowadzenia.") in numbers(filled)


# --- the Markdown preview -----------------------------------------------------------------------------------

def test_preview_button_without_javascript_shows_the_rendering_keeps_the_text_and_saves_nothing(author_client,
                                                                                                 filled):
    one = chapter(filled, "Wprowadzenie")
    response = author_client.post(url("paragraph_create", filled.document, chapter_id=one.pk),
                                  {"kind": "text", "text": "**Ważne** zdanie", "preview": "1"})
    html = response.content.decode()
    region = html.split('id="preview-region"')[1].split("</div>")[0]
    assert "<strong>Ważne</strong>" in region
    assert "**Ważne** zdanie</textarea>" in html
    assert one.paragraphs.count() == 2


def test_preview_on_the_edit_page_keeps_the_typed_text_unsaved(author_client, filled):
    paragraph = chapter(filled, "Wprowadzenie").paragraphs.first()
    response = author_client.post(url("paragraph_edit", filled.document, paragraph_id=paragraph.pk),
                                  {"text": "*nowe*", "preview": "1"})
    assert "<em>nowe</em>" in response.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.text == "Pierwszy akapit wprowadzenia."


def test_htmx_preview_returns_only_the_rendered_fragment(author_client, filled):
    response = author_client.post(url("preview", filled.document), {"text": "**a** <script>x</script>"},
                                  headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>a</strong>" in html and "&lt;script&gt;" in html
    assert "<html" not in html and "<script>" not in html


def test_preview_without_htmx_is_a_page_of_its_own(author_client, filled):
    response = author_client.post(url("preview", filled.document), {"text": "| A | B |\n|---|---|\n| 1 | 2 |"})
    html = response.content.decode()
    assert "<html" in html and "<h1>" in html
    assert '<th scope="col">A</th>' in html


def test_the_text_field_asks_htmx_for_a_preview_into_a_live_region(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    html = author_client.get(url("paragraph_create", filled.document, chapter_id=one.pk)).content.decode()
    textarea = html.split("<textarea", 1)[1].split(">", 1)[0]
    assert f'hx-post="{url("preview", filled.document)}"' in textarea
    assert 'hx-trigger="keyup changed delay:500ms"' in textarea and 'hx-target="#preview-region"' in textarea
    assert '<div id="preview-region" class="editor-preview prose" aria-live="polite">' in html
    assert 'name="preview"' in html  # the button for when JavaScript is off


def test_the_text_hint_lists_the_supported_syntax(author_client, filled):
    one = chapter(filled, "Wprowadzenie")
    html = author_client.get(url("paragraph_create", filled.document, chapter_id=one.pk)).content.decode()
    hint = html.split('id="id_text_hint"')[1].split("</div>")[0]
    assert "**" in hint and "|---|" in hint


# --- generated chapters -------------------------------------------------------------------------------------

def test_generating_inserts_a_chapter_of_generated_paragraphs(filled, coordinator, test_generator):
    chapter_generate(actor=coordinator, version=filled, generator_key="test.data")
    generated = Chapter.objects.get(version=filled, generator_key="test.data")
    assert generated.title == "Dane testowe" and generated.statutory_item == "diagnosis_conclusions"
    assert [(p.text, p.source, p.generator_key) for p in generated.paragraphs.order_by("position")] == [
        ("Liczba mieszkańców: 100.", BlockSource.GENERATED, "test.data:a"),
        ("Dochody: 5 mln zł.", BlockSource.GENERATED, "test.data:b"),
    ]


def test_refreshing_updates_generated_paragraphs_and_keeps_overrides(filled, coordinator, test_generator):
    first = chapter_generate(actor=coordinator, version=filled, generator_key="test.data")
    overridden = first.paragraphs.get(generator_key="test.data:b")
    paragraph_update(actor=coordinator, paragraph=overridden, text="Dochody według urzędu: 6 mln zł.")
    test_generator.update(a="Liczba mieszkańców: 120.", b="Dochody: 7 mln zł.")

    refreshed = chapter_generate(actor=coordinator, version=filled, generator_key="test.data")

    assert refreshed.pk == first.pk
    assert refreshed.paragraphs.get(generator_key="test.data:a").text == "Liczba mieszkańców: 120."
    overridden.refresh_from_db()
    assert overridden.text == "Dochody według urzędu: 6 mln zł." and overridden.source == BlockSource.OVERRIDE
    assert refreshed.generation.overrides == [overridden]
    assert [p.generator_key for p in refreshed.generation.updated] == ["test.data:a"]


def test_refreshing_removes_generated_paragraphs_the_data_no_longer_has_but_not_overrides(filled, coordinator,
                                                                                          test_generator):
    first = chapter_generate(actor=coordinator, version=filled, generator_key="test.data")
    paragraph_update(actor=coordinator, paragraph=first.paragraphs.get(generator_key="test.data:b"), text="Moje.")
    test_generator.clear()
    test_generator["c"] = "Nowa dana."

    chapter_generate(actor=coordinator, version=filled, generator_key="test.data")

    assert sorted(first.paragraphs.values_list("generator_key", "text")) == [
        ("test.data:b", "Moje."), ("test.data:c", "Nowa dana."),
    ]


def test_generating_writes_one_audit_entry(filled, coordinator, test_generator):
    chapter_generate(actor=coordinator, version=filled, generator_key="test.data")
    entry = AuditEntry.objects.get(action="chapter.generate")
    assert entry.actor == coordinator and entry.after["generator_key"] == "test.data"


def test_an_unknown_generator_is_refused(filled, coordinator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        chapter_generate(actor=coordinator, version=filled, generator_key="nie.ma")


def test_generated_chapters_section_is_shown_when_generators_exist(author_client, filled, test_generator):
    html = author_client.get(url("document_detail", filled.document)).content.decode()
    section = html.split('id="generated"')[1].split("</section>")[0]
    assert "Dane testowe" in section and 'value="test.data"' in section


def test_generated_chapters_section_is_absent_without_generators(author_client, filled, monkeypatch):
    monkeypatch.setattr(generators, "GENERATORS", {})
    assert 'id="generated"' not in author_client.get(url("document_detail", filled.document)).content.decode()


def test_insert_and_refresh_through_the_page_lists_the_kept_overrides(author_client, filled, author,
                                                                      test_generator):
    author_client.post(url("chapter_generate", filled.document), {"generator_key": "test.data"})
    generated = Chapter.objects.get(version=filled, generator_key="test.data")
    paragraph_update(actor=author, paragraph=generated.paragraphs.get(generator_key="test.data:a"),
                     text="Mieszkańców jest więcej.")
    test_generator["a"] = "Liczba mieszkańców: 130."

    response = author_client.post(url("chapter_generate", filled.document), {"generator_key": "test.data"},
                                  follow=True)

    html = response.content.decode()
    assert "Mieszkańców jest więcej." in html.split('class="messages"')[1].split("</div>")[0]
    assert Chapter.objects.filter(version=filled, generator_key="test.data").count() == 1
