"""The redline between two frozen versions, matched by paragraph uid: added, removed, changed (word diff with
visually hidden prefixes), moved, renumbered only, overrides of generated content; and the public pages."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from strategia.documents.enums import BlockSource, VersionStage
from strategia.documents.models import Chapter, Paragraph
from strategia.documents.redline import longest_increasing_subsequence, redline_compare, word_diff
from strategia.documents.selectors import version_working
from strategia.documents.services import (
    chapter_create,
    chapter_move,
    document_create,
    paragraph_create,
    paragraph_delete,
    paragraph_move,
    paragraph_update,
    version_freeze,
)


@pytest.fixture(autouse=True)
def _english():
    """Labels in English (the msgids), whatever the Polish catalogue says."""
    with translation.override("en"):
        yield


@pytest.fixture
def en_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def freeze(version):
    return version_freeze(actor=None, version=version, stage=VersionStage.CONSULTATION)


def paragraph(version, text) -> Paragraph:
    return Paragraph.objects.get(chapter__version=version, text=text)


def chapter(version, title) -> Chapter:
    return Chapter.objects.get(version=version, title=title)


@pytest.fixture
def v1(filled):
    return freeze(filled)


@pytest.fixture
def draft(v1):
    """The working version copied from version 1 (same uids)."""
    return version_working(document=v1.document)


def compare(v1, draft):
    v2 = freeze(draft)
    return redline_compare(old=v1, new=v2)


def entry_for(redline, uid):
    return next(e for e in redline.entries if e.block.uid == uid)


# --- kinds of change -----------------------------------------------------------------------------------------


def test_a_paragraph_only_in_the_new_version_is_added(v1, draft):
    new = paragraph_create(actor=None, chapter=chapter(draft, "Cel 2"), text="Nowy akapit o celu 2.")

    redline = compare(v1, draft)

    entry = entry_for(redline, new.uid)
    assert entry.added and entry.is_change and entry.status == "added"
    assert redline.counts["added"] == 1


def test_a_paragraph_only_in_the_old_version_is_removed_and_kept_where_it_was(v1, draft):
    gone = paragraph(draft, "Drugi akapit wprowadzenia.")
    paragraph_delete(actor=None, paragraph=gone)

    redline = compare(v1, draft)

    entry = entry_for(redline, gone.uid)
    assert entry.removed and entry.status == "removed"
    assert entry.old.display_number == "1.2"
    texts = [e.block.text for e in redline.entries]
    assert texts.index("Drugi akapit wprowadzenia.") == texts.index("Pierwszy akapit wprowadzenia.") + 1


def test_a_paragraph_with_new_text_is_changed_with_a_word_diff(v1, draft):
    target = paragraph(draft, "Opis celu 1.")
    paragraph_update(actor=None, paragraph=target, text="Krótki opis celu 1.")

    redline = compare(v1, draft)

    entry = entry_for(redline, target.uid)
    assert entry.changed and not entry.added and not entry.moved
    assert '<ins><span class="visually-hidden">added: </span>Krótki opis</ins>' in entry.html
    assert '<del><span class="visually-hidden">removed: </span>Opis</del>' in entry.html
    assert "celu 1." in entry.html


def test_word_diff_wraps_only_the_words_that_differ():
    diff = word_diff("<p>Gmina wspiera rolników i przedsiębiorców.</p>",
                     "<p>Gmina wspiera rolników, młodzież i przedsiębiorców.</p>")

    assert diff == ('<p>Gmina wspiera <del><span class="visually-hidden">removed: </span>rolników</del> '
                    '<ins><span class="visually-hidden">added: </span>rolników, młodzież</ins> i przedsiębiorców.</p>')


def test_word_diff_keeps_user_text_escaped():
    diff = word_diff("<p>a &lt;b&gt;</p>", "<p>a &lt;i&gt;</p>")

    assert "&lt;i&gt;" in diff and "&lt;b&gt;" in diff
    assert "<i>" not in diff and "<b>" not in diff


def test_a_paragraph_moved_to_the_end_of_its_chapter_is_moved_from_its_old_number(working):
    # A chapter with four paragraphs; the first goes to the end.
    opening = chapter_create(actor=None, version=working, title="Analiza")
    texts = ["Akapit A.", "Akapit B.", "Akapit C.", "Akapit D."]
    for text in texts:
        paragraph_create(actor=None, chapter=opening, text=text)
    v1 = freeze(working)
    working = version_working(document=v1.document)
    first = paragraph(working, "Akapit A.")
    for _ in range(3):
        paragraph_move(actor=None, paragraph=Paragraph.objects.get(pk=first.pk), direction=+1)

    redline = compare(v1, working)

    moved = [e for e in redline.entries if e.moved]
    assert [e.block.text for e in moved] == ["Akapit A."]
    assert (moved[0].old.display_number, moved[0].new.display_number) == ("1.1", "1.4")
    assert not moved[0].changed
    assert redline.counts["moved"] == 1


def test_a_chapter_moved_before_another_moves_its_heading_and_paragraphs(v1, draft):
    chapter_move(actor=None, chapter=chapter(draft, "Cel 2"), direction=-1)

    redline = compare(v1, draft)

    assert sorted(e.block.text for e in redline.entries if e.moved) == ["Cel 2", "Opis celu 2."]
    moved_heading = next(e for e in redline.entries if e.block.text == "Cel 2")
    assert (moved_heading.old.display_number, moved_heading.new.display_number) == ("2.2", "2.1")


def test_renumbering_alone_is_not_a_change(v1, draft):
    paragraph_create(actor=None, chapter=chapter(draft, "Wprowadzenie"), text="Nowy pierwszy akapit.", position=0)

    redline = compare(v1, draft)

    shifted = entry_for(redline, paragraph(draft, "Pierwszy akapit wprowadzenia.").uid)
    assert (shifted.old.display_number, shifted.new.display_number) == ("1.1", "1.2")
    assert shifted.renumbered
    assert not shifted.is_change and not shifted.moved and not shifted.changed
    assert redline.counts == {"added": 1, "removed": 0, "changed": 0, "moved": 0, "override": 0, "renumbered": 2}


def test_a_changed_generated_paragraph_is_marked_as_an_override(working):
    generated_chapter = chapter_create(actor=None, version=working, title="Ramy finansowe",
                                       generator_key="plan.finance")
    generated = paragraph_create(actor=None, chapter=generated_chapter, text="Wydatki: 10 mln zł.",
                                 source=BlockSource.GENERATED, generator_key="plan.finance.total")
    v1 = freeze(working)
    working = version_working(document=v1.document)
    paragraph_update(actor=None, paragraph=paragraph(working, "Wydatki: 10 mln zł."), text="Wydatki: 12 mln zł.")

    redline = compare(v1, working)

    entry = entry_for(redline, generated.uid)
    assert entry.changed and entry.override and entry.became_override
    assert redline.counts["override"] == 1


def test_identical_versions_have_no_changes(v1, draft):
    redline = compare(v1, draft)

    assert not redline.has_changes
    assert redline.changes == []
    assert all(e.status == "unchanged" for e in redline.entries)


def test_a_version_compared_with_itself_has_no_changes(v1):
    redline = redline_compare(old=v1, new=v1)

    assert redline.same_version
    assert not redline.has_changes
    assert len(redline.entries) == v1.blocks.count()


def test_the_comparison_reads_each_version_once(v1, draft, django_assert_num_queries):
    v2 = freeze(draft)

    with django_assert_num_queries(2):
        redline_compare(old=v1, new=v2)


def test_longest_increasing_subsequence_keeps_the_blocks_that_stayed_in_order():
    assert longest_increasing_subsequence([1, 2, 3, 0]) == {0, 1, 2}
    assert longest_increasing_subsequence([3, 4, 0, 1, 2]) == {2, 3, 4}
    assert longest_increasing_subsequence([]) == set()


# --- the pages -----------------------------------------------------------------------------------------------


def page_url(name, document, **query):
    process = document.process
    url = reverse(f"documents:{name}", kwargs={"municipality_slug": process.municipality.slug,
                                               "process_slug": process.slug, "document_slug": document.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def edited(v1, draft):
    """Version 2: 1.2 removed, 2.1.1 changed, a paragraph added in chapter 2.2."""
    paragraph_delete(actor=None, paragraph=paragraph(draft, "Drugi akapit wprowadzenia."))
    paragraph_update(actor=None, paragraph=paragraph(draft, "Opis celu 1."), text="Nowy opis celu 1.")
    paragraph_create(actor=None, chapter=chapter(draft, "Cel 2"), text="Dodany akapit.")
    return freeze(draft)


def test_redline_compares_the_previous_version_with_the_latest_by_default(en_client, v1, edited):
    page = en_client.get(page_url("redline", v1.document)).content.decode()

    assert "Version 1 compared with version 2" in page
    assert re.search(r'<option value="1" selected>', page)
    assert re.search(r'<option value="2" selected>', page)


def test_redline_page_shows_the_whole_new_version_with_changes_inline(en_client, v1, edited):
    page = en_client.get(page_url("redline", v1.document, od=1, do=2)).content.decode()

    assert "Pierwszy akapit wprowadzenia." in page  # unchanged, still shown
    assert re.search(r'<del class="block-del"><span class="visually-hidden">removed: </span>\s*<p>Drugi akapit '
                     r'wprowadzenia.</p>', page)
    assert re.search(r'<ins class="block-ins"><span class="visually-hidden">added: </span>\s*<p>Dodany akapit.</p>',
                     page)
    assert '<span class="redline-label label-changed">Changed</span>' in page
    assert "Removed (was point 1.2)" in page


def test_every_changed_point_has_a_text_label_not_only_a_colour(en_client, v1, edited):
    page = en_client.get(page_url("redline", v1.document)).content.decode()

    for status, label in (("added", "Added"), ("removed", "Removed (was point 1.2)"), ("changed", "Changed")):
        block = re.search(rf'<div class="doc-block redline-block redline-{status}".*?</div>\s*</div>', page, re.S)
        assert label in block.group()


def test_a_moved_block_is_labelled_with_its_old_and_new_number(en_client, v1, draft):
    chapter_move(actor=None, chapter=chapter(draft, "Cel 2"), direction=-1)
    freeze(draft)

    page = en_client.get(page_url("redline", v1.document)).content.decode()

    assert "moved from point 2.2.1 to point 2.1.1" in page


def test_renumbered_blocks_are_noted_but_not_listed_as_changes(en_client, v1, draft):
    paragraph_create(actor=None, chapter=chapter(draft, "Wprowadzenie"), text="Nowy pierwszy akapit.", position=0)
    freeze(draft)

    redline_page = en_client.get(page_url("redline", v1.document)).content.decode()
    changes_page = en_client.get(page_url("changes", v1.document)).content.decode()

    assert "number changed from 1.1 to 1.2" in redline_page
    changes = re.search(r'<ol class="change-list">.*?</ol>', changes_page, re.S).group()
    assert "Nowy pierwszy akapit." in changes
    assert "Pierwszy akapit wprowadzenia." not in changes
    assert "2 points renumbered only" in changes_page


def test_an_override_is_marked_in_the_redline(en_client, working):
    generated_chapter = chapter_create(actor=None, version=working, title="Ramy finansowe",
                                       generator_key="plan.finance")
    paragraph_create(actor=None, chapter=generated_chapter, text="Wydatki: 10 mln zł.",
                     source=BlockSource.GENERATED, generator_key="plan.finance.total")
    v1 = freeze(working)
    working = version_working(document=v1.document)
    paragraph_update(actor=None, paragraph=paragraph(working, "Wydatki: 10 mln zł."), text="Wydatki: 12 mln zł.")
    freeze(working)

    page = en_client.get(page_url("redline", v1.document)).content.decode()

    assert '<span class="redline-label label-override">content generated from data was changed</span>' in page


def test_changes_page_lists_only_changes_with_counts_per_kind(en_client, v1, edited):
    page = en_client.get(page_url("changes", v1.document)).content.decode()

    changes = re.search(r"<ol class=\"change-list\">.*?</ol>", page, re.S).group()
    assert changes.count('<li class="change-item') == 3
    assert "Pierwszy akapit wprowadzenia." not in changes
    for label, count in (("Added", 1), ("Removed", 1), ("Changed", 1), ("Moved", 0)):
        assert f'<span class="redline-label label-{label.lower()}">{label}</span>: {count}</li>' in page


def test_identical_versions_show_that_nothing_changed(en_client, v1, draft):
    freeze(draft)

    page = en_client.get(page_url("changes", v1.document)).content.decode()

    assert "There are no changes between these versions." in page
    assert "change-list" not in page


def test_comparing_a_version_with_itself_says_so(en_client, v1, edited):
    page = en_client.get(page_url("redline", v1.document, od=2, do=2)).content.decode()

    assert "You are comparing a version with itself" in page


def test_any_two_frozen_versions_can_be_compared_in_either_order(en_client, v1, edited):
    response = en_client.get(page_url("changes", v1.document, od=2, do=1))

    assert response.status_code == 200
    assert "Version 2 compared with version 1" in response.content.decode()


@pytest.mark.parametrize("query", [{"od": 3}, {"do": 3}, {"od": "abc"}, {"od": 1, "do": 99}])
def test_a_working_or_unknown_version_cannot_be_compared(client, v1, edited, query):
    # Version 3 is the working version opened by the last freeze.
    assert client.get(page_url("redline", v1.document, **query)).status_code == 404


def test_redline_of_a_document_with_nothing_frozen_is_not_found(client, filled):
    assert client.get(page_url("redline", filled.document)).status_code == 404




def _two_versions(process, paragraphs: int):
    document = document_create(actor=None, process=process, title="Strategia", slug=f"strategia-{paragraphs}")
    working = document.versions.get()
    chapters = [chapter_create(actor=None, version=working, title=f"Rozdział {n}") for n in range(1, 6)]
    for n in range(paragraphs):
        paragraph_create(actor=None, chapter=chapters[n % 5], text=f"Akapit {n}.")
    freeze(working)
    working = version_working(document=document)
    paragraph_update(actor=None, paragraph=paragraph(working, "Akapit 0."), text="Akapit zero.")
    freeze(working)
    return document


@pytest.mark.parametrize("paragraphs", [5, 300])
def test_redline_page_runs_the_same_queries_whatever_the_length(client, process, paragraphs,
                                                                django_assert_num_queries):
    document = _two_versions(process, paragraphs)

    with django_assert_num_queries(7):  # municipality, process, document, versions, blocks ×2, header's process
        response = client.get(page_url("redline", document))

    assert response.status_code == 200
