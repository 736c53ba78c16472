"""The demo's draft strategy: a complete, sample-labelled draft frozen for consultation, loaded idempotently."""

import datetime as dt
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from strategia.core.models import AuditEntry
from strategia.documents import statutory_items
from strategia.documents.demo import documents_load
from strategia.documents.demo_content import SAMPLE_MARK, SLUG, TITLE
from strategia.documents.enums import BlockKind, VersionStage
from strategia.documents.markdown import render
from strategia.documents.models import Chapter, Document, DocumentVersion, FrozenBlock, Paragraph
from strategia.documents.selectors import completeness

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def demo(process):
    return documents_load(process=process, today=TODAY)


@pytest.fixture
def frozen(demo):
    return demo.versions.get(stage=VersionStage.CONSULTATION)


def _blocks_of(version, statutory_item: str) -> list[FrozenBlock]:
    heading = version.blocks.get(is_heading=True, statutory_item=statutory_item)
    return list(version.blocks.filter(is_heading=False, chapter_uid=heading.uid).order_by("position"))


def test_demo_draft_is_sample_data_under_the_given_title(demo):
    assert demo.title == "Projekt Strategii Rozwoju Gminy Konstancin-Jeziorna do 2030 roku" == TITLE
    assert demo.slug == SLUG == "projekt-strategii"
    assert demo.is_sample


def test_demo_draft_is_frozen_for_consultation_and_editing_goes_on_in_a_new_working_version(demo):
    first, second = demo.versions.order_by("number")
    assert first.is_frozen and first.stage == VersionStage.CONSULTATION
    assert first.label == "Projekt do konsultacji społecznych"
    assert first.frozen_by is None
    assert not second.is_frozen and second.stage == VersionStage.WORKING and second.based_on == first
    assert Chapter.objects.filter(version=second).count() == first.blocks.filter(is_heading=True).count()


def test_every_statutory_item_has_a_tagged_chapter(demo, frozen):
    working = demo.versions.get(stage=VersionStage.WORKING)
    for version in (frozen, working):
        checklist = completeness(version=version)
        assert [item.code for item, _ in checklist] == [item.code for item in statutory_items.STATUTORY_ITEMS]
        assert all(present for _, present in checklist), [item.code for item, present in checklist if not present]


def test_demo_draft_uses_all_three_chapter_levels(frozen):
    assert set(frozen.blocks.filter(is_heading=True).values_list("level", flat=True)) == {1, 2, 3}


def test_first_paragraph_labels_the_text_as_sample(frozen):
    first = frozen.blocks.filter(is_heading=False).order_by("position").first()
    assert first.text.startswith(SAMPLE_MARK)
    assert "nie jest projektem strategii przyjętym przez gminę" in first.text


def test_graphic_part_has_a_png_figure_with_a_text_alternative(frozen):
    figures = [b for b in _blocks_of(frozen, "graphic_part") if b.kind == BlockKind.FIGURE]
    assert len(figures) == 1
    figure = figures[0]
    assert "Wisła" in figure.alt_text and "obszary strategicznej" in figure.alt_text
    with default_storage.open(figure.image) as stored, Image.open(stored) as image:
        assert image.format == "PNG"
        assert image.width >= 800


def test_indicator_table_has_the_required_columns_and_sample_values(frozen):
    table = next(b for b in _blocks_of(frozen, "expected_results") if b.kind == BlockKind.TABLE)
    html = render(table.text)
    headers = re.findall(r"<th[^>]*>(.*?)</th>", html)
    assert headers == ["Wskaźnik", "Jednostka", "Wartość bazowa", "Wartość docelowa 2030", "Źródło"]
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)[1:]
    assert rows
    for row in rows:
        source = re.findall(r"<td>(.*?)</td>", row)[-1]
        assert "przykładowe" in source


def test_financial_frame_has_a_table_of_sample_amounts(frozen):
    blocks = _blocks_of(frozen, "financial_frame")
    assert any(b.kind == BlockKind.TABLE and "<table>" in render(b.text) for b in blocks)
    assert any("przykładowe" in b.text for b in blocks if b.kind == BlockKind.TEXT)


def test_every_list_and_table_renders_as_html_list_or_table(frozen):
    for block in frozen.blocks.filter(kind__in=[BlockKind.LIST, BlockKind.TABLE]):
        html = render(block.text)
        expected = "<ul>" if block.kind == BlockKind.LIST else '<th scope="col">'
        assert expected in html, block.display_number


def test_base_year_of_indicators_is_the_year_before_today(frozen):
    texts = " ".join(frozen.blocks.values_list("text", flat=True))
    assert "odnoszą się do roku 2025" in texts
    assert "{rok_bazowy}" not in texts


def test_demo_text_has_no_placeholder_filler(frozen):
    for block in frozen.blocks.all():
        assert "lorem ipsum" not in (block.text + block.alt_text).lower(), block.display_number


def test_loading_twice_creates_nothing_new(process, demo):
    def counts():
        return [model.objects.count() for model in
                (Document, DocumentVersion, Chapter, Paragraph, FrozenBlock, AuditEntry)]

    before = counts()
    again = documents_load(process=process, today=TODAY + dt.timedelta(days=30))
    assert again == demo
    assert counts() == before
