"""The public reading view of a frozen version: table of contents, a citable link to every paragraph, search that
works without JavaScript, figures with their text alternative, working versions never public, and a query count
that does not grow with the length of the document."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from strategia.documents.enums import BlockKind, BlockSource, VersionStage
from strategia.documents.models import FrozenBlock
from strategia.documents.reading import highlight
from strategia.documents.selectors import version_working
from strategia.documents.services import (
    chapter_create,
    document_create,
    paragraph_create,
    version_freeze,
)

# A 1×1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
def en_client(client):
    """Interface strings in English (the msgids), whatever the Polish catalogue says."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def frozen(filled):
    return version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION, label="do konsultacji")


def read_url(version, **query):
    url = version.get_absolute_url()
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def doc_url(name, document, **kwargs):
    process = document.process
    return reverse(f"documents:{name}", kwargs={"municipality_slug": process.municipality.slug,
                                                "process_slug": process.slug, **kwargs})


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def block(version, number) -> FrozenBlock:
    return FrozenBlock.objects.get(version=version, display_number=number)


# --- the index and the latest version ------------------------------------------------------------------------


def test_index_lists_the_frozen_versions_of_each_document_newest_first(en_client, frozen):
    second = version_freeze(actor=None, version=version_working(document=frozen.document),
                            stage=VersionStage.AFTER_CONSULTATION)

    page = html_of(en_client.get(doc_url("index", frozen.document)))

    assert frozen.document.title in page
    assert page.index(f'href="{second.get_absolute_url()}"') < page.index(f'href="{frozen.get_absolute_url()}"')


def test_index_never_links_to_a_working_version(en_client, frozen):
    working = version_working(document=frozen.document)

    page = html_of(en_client.get(doc_url("index", frozen.document)))

    assert f"/wersja/{working.number}/" not in page


def test_index_leaves_out_a_document_with_no_frozen_version(en_client, frozen):
    document_create(actor=None, process=frozen.document.process, title="Prognoza w przygotowaniu", slug="prognoza")

    page = html_of(en_client.get(doc_url("index", frozen.document)))

    assert "Prognoza w przygotowaniu" not in page


def test_latest_redirects_to_the_newest_frozen_version(client, frozen):
    second = version_freeze(actor=None, version=version_working(document=frozen.document),
                            stage=VersionStage.AFTER_CONSULTATION)

    response = client.get(doc_url("latest", frozen.document, document_slug=frozen.document.slug))

    assert response.status_code == 302
    assert response["Location"] == second.get_absolute_url()


def test_latest_is_not_found_while_nothing_is_frozen(client, filled):
    response = client.get(doc_url("latest", filled.document, document_slug=filled.document.slug))

    assert response.status_code == 404


# --- working versions are never public -----------------------------------------------------------------------


def test_a_working_version_is_not_public(client, frozen):
    working = version_working(document=frozen.document)

    response = client.get(working.get_absolute_url())

    assert response.status_code == 404


def test_an_unknown_version_is_not_found(client, frozen):
    response = client.get(doc_url("read", frozen.document, document_slug=frozen.document.slug, version_number=99))

    assert response.status_code == 404


def test_a_document_of_another_municipality_is_not_found(client, frozen):
    from tests.factories import MunicipalityFactory

    other = MunicipalityFactory()
    url = reverse("documents:read", kwargs={
        "municipality_slug": other.slug, "process_slug": frozen.document.process.slug,
        "document_slug": frozen.document.slug, "version_number": frozen.number})

    assert client.get(url).status_code == 404


# --- the page ------------------------------------------------------------------------------------------------


def test_reading_view_shows_title_version_label_stage_and_frozen_date(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen)))

    assert "<h1>Projekt Strategii rozwoju gminy Testowo" in page
    assert "do konsultacji" in page
    assert "draft for consultation" in page
    assert f'datetime="{timezone.localdate(frozen.frozen_at).isoformat()}"' in page


def test_table_of_contents_nests_chapters_and_links_to_heading_anchors(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen)))

    toc = re.search(r'<nav class="toc".*?</nav>', page, re.S).group()
    assert re.search(r'href="#pkt-2">.*?Cele</a>\s*<ol>\s*<li><a href="#pkt-2-1">.*?Cel 1</a>', toc, re.S)
    assert 'id="pkt-2"' in page and 'id="pkt-2-1"' in page


def test_chapters_are_headings_h2_to_h4_by_level(en_client, filled):
    two_one = filled.chapters.get(title="Cel 1")
    deep = chapter_create(actor=None, version=filled, title="Działanie 1.1", parent=two_one)
    paragraph_create(actor=None, chapter=deep, text="Opis działania.")
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)

    page = html_of(en_client.get(read_url(frozen)))

    assert re.search(r'<h2 id="pkt-2"[^>]*>.*?Cele</h2>', page, re.S)
    assert re.search(r'<h3 id="pkt-2-1"[^>]*>.*?Cel 1</h3>', page, re.S)
    assert re.search(r'<h4 id="pkt-2-1-1"[^>]*>.*?Działanie 1.1</h4>', page, re.S)


def test_every_paragraph_has_its_anchor_and_a_number_that_links_to_it(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen)))

    for number in ("1.1", "1.2", "2.0.1", "2.1.1", "2.2.1"):
        anchor = "pkt-" + number.replace(".", "-")
        assert f'id="{anchor}"' in page
        assert re.search(rf'<a class="block-number" href="#{anchor}" aria-label="Point {re.escape(number)} – link to '
                         rf'this place">{re.escape(number)}</a>', page)


def test_each_paragraph_carries_its_uid_for_remarks(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen)))

    assert f'id="pkt-2-1-1" data-block-uid="{block(frozen, "2.1.1").uid}"' in page


def test_paragraph_text_is_rendered_from_its_markdown(en_client, working):
    chapter = chapter_create(actor=None, version=working, title="Rozdział")
    paragraph_create(actor=None, chapter=chapter, text="Tekst **ważny** i <script>alert(1)</script>.")
    frozen = version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)

    page = html_of(en_client.get(read_url(frozen)))

    assert "<strong>ważny</strong>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_figure_is_shown_with_its_text_alternative_and_caption(en_client, working):
    chapter = chapter_create(actor=None, version=working, title="Mapa")
    paragraph_create(actor=None, chapter=chapter, kind=BlockKind.FIGURE,
                     image=SimpleUploadedFile("mapa.png", PNG, content_type="image/png"),
                     alt_text="Mapa gminy z podziałem na sołectwa", text="Rys. 1. Sołectwa gminy")
    frozen = version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)

    page = html_of(en_client.get(read_url(frozen)))

    assert re.search(r'<figure class="doc-figure">\s*<img src="/media/documents/figures/mapa[^"]*\.png" '
                     r'alt="Mapa gminy z podziałem na sołectwa">\s*<figcaption><p>Rys. 1. Sołectwa gminy</p>'
                     r'</figcaption>', page)


def test_a_table_scrolls_in_a_labelled_focusable_region(en_client, working):
    chapter = chapter_create(actor=None, version=working, title="Dane")
    paragraph_create(actor=None, chapter=chapter, kind=BlockKind.TABLE,
                     text="| Rok | Ludność |\n|---|---|\n| 2024 | 17000 |")
    frozen = version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)

    page = html_of(en_client.get(read_url(frozen)))

    assert '<div class="table-wrap" role="region" tabindex="0" aria-label="Table in point 1.1"><table>' in page


def test_statutory_completeness_is_not_shown_publicly(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen)))

    assert "strategic_goals" not in page
    assert "Strategic goals" not in page  # the statutory item's label


def test_an_older_version_points_to_the_latest(en_client, frozen):
    second = version_freeze(actor=None, version=version_working(document=frozen.document),
                            stage=VersionStage.AFTER_CONSULTATION)

    page = html_of(en_client.get(read_url(frozen)))

    assert "This is not the latest version" in page
    assert f'href="{second.get_absolute_url()}"' in page


def test_paragraph_actions_hook_renders_nothing_yet(en_client, frozen):
    from django.template.loader import render_to_string

    assert render_to_string("documents/read/includes/paragraph_actions.html",
                            {"block": block(frozen, "1.1")}).strip() == ""


# --- search --------------------------------------------------------------------------------------------------


def test_search_marks_every_match_and_counts_the_matching_paragraphs(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q="opis")))

    assert "2 results for “opis”" in page
    assert "<mark>Opis</mark> celu 1." in page
    assert "<mark>Opis</mark> celu 2." in page


def test_search_lists_a_link_to_each_matching_paragraph(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q="opis")))

    results = re.search(r'<ol class="result-list">.*?</ol>', page, re.S).group()
    assert re.findall(r'<a href="#(pkt-[\d-]+)">', results) == ["pkt-2-1-1", "pkt-2-2-1"]


def test_search_keeps_the_whole_document_readable(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q="opis")))

    assert "Pierwszy akapit wprowadzenia." in page
    assert 'id="pkt-1-2"' in page


def test_search_ignores_case_and_finds_headings(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q="CELE")))

    assert "1 result for “CELE”" in page
    assert '<a href="#pkt-2">chapter 2</a>' in page
    assert "<mark>Cele</mark>" in page


def test_search_with_nothing_found_says_so(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q="kolej")))

    assert "0 results for “kolej”" in page
    assert "Nothing found" in page


def test_searching_for_markup_shows_it_literally(en_client, working):
    chapter = chapter_create(actor=None, version=working, title="Znaczniki")
    paragraph_create(actor=None, chapter=chapter, text="Zapis <b> to nie pogrubienie.")
    frozen = version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)

    page = html_of(en_client.get(read_url(frozen, q="%3Cb%3E")))

    assert "Zapis <mark>&lt;b&gt;</mark> to nie pogrubienie." in page
    assert "results for “&lt;b&gt;”" not in page  # one result
    assert "1 result for “&lt;b&gt;”" in page
    assert 'value="&lt;b&gt;"' in page
    assert "<b>" not in page


def test_search_marks_only_text_never_tags_or_attributes():
    rendered = '<p>Zobacz <a href="https://gmina.example/strona" title="strona gminy">stronę</a> gminy.</p>'

    assert highlight(rendered, "strona") == rendered
    assert highlight(rendered, "gminy") == (
        '<p>Zobacz <a href="https://gmina.example/strona" title="strona gminy">stronę</a> <mark>gminy</mark>.</p>')


def test_search_cannot_inject_markup_through_the_query(en_client, frozen):
    page = html_of(en_client.get(read_url(frozen, q='%22%3E%3Cscript%3Ex%3C/script%3E')))

    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


# --- a constant number of queries ----------------------------------------------------------------------------

READING_VIEW_QUERIES = 7  # municipality, process, document, its frozen versions, the blocks, the open consultation
# of this version (for the remark links), the header's process


def _frozen_document(process, paragraphs: int):
    document = document_create(actor=None, process=process, title="Strategia", slug=f"strategia-{paragraphs}")
    working = document.versions.get()
    chapters = [chapter_create(actor=None, version=working, title=f"Rozdział {n}") for n in range(1, 6)]
    for n in range(paragraphs):
        paragraph_create(actor=None, chapter=chapters[n % 5], text=f"Akapit {n} z **wyróżnieniem**.",
                         source=BlockSource.WRITTEN)
    return version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)


@pytest.mark.parametrize("paragraphs", [5, 300])
def test_reading_view_runs_the_same_queries_whatever_the_length(client, process, paragraphs,
                                                                 django_assert_num_queries):
    frozen = _frozen_document(process, paragraphs)
    url = read_url(frozen)

    with django_assert_num_queries(READING_VIEW_QUERIES):
        response = client.get(url)

    assert response.content.decode().count('class="block-number"') == paragraphs


@pytest.mark.parametrize("paragraphs", [5, 300])
def test_search_runs_the_same_queries_whatever_the_length(client, process, paragraphs, django_assert_num_queries):
    frozen = _frozen_document(process, paragraphs)
    url = read_url(frozen, q="akapit")

    with django_assert_num_queries(READING_VIEW_QUERIES):
        response = client.get(url)

    # each paragraph once in the text and once in the list of results
    assert response.content.decode().count("<mark>Akapit</mark>") == 2 * paragraphs


@pytest.mark.parametrize("documents", [1, 4])
def test_index_runs_the_same_queries_whatever_the_number_of_documents(client, process, documents,
                                                                      django_assert_num_queries):
    for n in range(documents):
        _frozen_document(process, n + 1)
    url = reverse("documents:index", kwargs={"municipality_slug": process.municipality.slug,
                                             "process_slug": process.slug})

    with django_assert_num_queries(5):  # municipality, process, documents, their frozen versions, header's process
        response = client.get(url)

    assert response.content.decode().count('class="document-card"') == documents
