"""Versions: numbering, freezing into immutable rows, uid lineage, stage order."""

import pytest
from django.core.exceptions import ValidationError

from strategia.documents.enums import BlockSource, VersionStage
from strategia.documents.models import Chapter, FrozenBlock, Paragraph
from strategia.documents.numbering import numbered_outline
from strategia.documents.selectors import completeness, version_working
from strategia.documents.services import (
    chapter_create,
    paragraph_create,
    paragraph_update,
    version_freeze,
)


def test_display_numbers_in_reading_order(filled):
    numbers = [(e.number, e.is_heading) for e in numbered_outline(version=filled)]
    assert numbers == [
        ("1", True), ("1.1", False), ("1.2", False),
        ("2", True), ("2.0.1", False), ("2.1", True), ("2.1.1", False), ("2.2", True), ("2.2.1", False),
    ]


def test_chapters_nest_up_to_three_levels(working):
    one = chapter_create(actor=None, version=working, title="1")
    two = chapter_create(actor=None, version=working, title="1.1", parent=one)
    three = chapter_create(actor=None, version=working, title="1.1.1", parent=two)
    with pytest.raises(ValidationError):
        chapter_create(actor=None, version=working, title="1.1.1.1", parent=three)


def test_freezing_writes_immutable_rows_with_uid_number_text_and_source(filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    blocks = list(frozen.blocks.order_by("position"))
    assert [b.display_number for b in blocks][:3] == ["1", "1.1", "1.2"]
    first_paragraph = Paragraph.objects.get(chapter__version=filled, text="Pierwszy akapit wprowadzenia.")
    assert blocks[1].uid == first_paragraph.uid
    assert blocks[1].text == "Pierwszy akapit wprowadzenia."
    assert blocks[1].source == BlockSource.WRITTEN
    assert frozen.is_frozen and frozen.stage == VersionStage.CONSULTATION


def test_a_frozen_row_cannot_be_changed_or_deleted(filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    block = frozen.blocks.first()
    block.text = "zmiana"
    with pytest.raises(PermissionError):
        block.save()
    with pytest.raises(PermissionError):
        block.delete()
    with pytest.raises(PermissionError):
        FrozenBlock.objects.filter(version=frozen).update(text="zmiana")
    with pytest.raises(PermissionError):
        FrozenBlock.objects.filter(version=frozen).delete()


def test_later_edits_never_alter_the_frozen_version(filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    before = [(b.uid, b.display_number, b.text) for b in frozen.blocks.order_by("position")]
    working = version_working(document=frozen.document)
    paragraph = Paragraph.objects.get(chapter__version=working, text="Opis celu 1.")
    paragraph_update(actor=None, paragraph=paragraph, text="Opis celu 1 po konsultacjach.")
    chapter_create(actor=None, version=working, title="Nowy rozdział")
    Chapter.objects.filter(version=working, title="Wprowadzenie").delete()
    assert [(b.uid, b.display_number, b.text) for b in frozen.blocks.order_by("position")] == before


def test_a_frozen_version_cannot_be_edited_through_services(filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    chapter = Chapter.objects.filter(version=frozen).first()
    with pytest.raises(ValidationError):
        chapter_create(actor=None, version=frozen, title="x")
    with pytest.raises(ValidationError):
        paragraph_create(actor=None, chapter=chapter, text="x")


def test_freezing_opens_a_new_working_version_with_the_same_uids(filled):
    frozen = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    working = version_working(document=frozen.document)
    assert working.number == frozen.number + 1
    assert working.based_on == frozen
    old = set(Paragraph.objects.filter(chapter__version=frozen).values_list("uid", flat=True))
    new = set(Paragraph.objects.filter(chapter__version=working).values_list("uid", flat=True))
    assert old == new


def test_a_paragraph_keeps_its_uid_across_versions_and_can_be_followed(filled):
    first = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    working = version_working(document=first.document)
    paragraph = Paragraph.objects.get(chapter__version=working, text="Opis celu 2.")
    paragraph_update(actor=None, paragraph=paragraph, text="Opis celu 2, poprawiony.")
    # A new paragraph before it shifts numbers but not the uid.
    chapter = paragraph.chapter
    paragraph_create(actor=None, chapter=chapter, text="Nowy akapit", position=0)
    second = version_freeze(actor=None, version=working, stage=VersionStage.AFTER_CONSULTATION)
    old = first.blocks.get(text="Opis celu 2.")
    new = second.blocks.get(uid=old.uid)
    assert new.text == "Opis celu 2, poprawiony."
    assert (old.display_number, new.display_number) == ("2.2.1", "2.2.2")


def test_stages_go_forward_only(filled):
    version_freeze(actor=None, version=filled, stage=VersionStage.AFTER_CONSULTATION)
    working = version_working(document=filled.document)
    with pytest.raises(ValidationError):
        version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)


def test_a_figure_without_alt_text_blocks_freezing(filled, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.test_municipality import PNG

    chapter = Chapter.objects.filter(version=filled).first()
    paragraph_create(actor=None, chapter=chapter, kind="figure", source=BlockSource.IMPORTED,
                     image=SimpleUploadedFile("a.png", PNG, content_type="image/png"), alt_text="")
    with pytest.raises(ValidationError):
        version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)


def test_a_written_figure_needs_its_text_alternative(filled):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.test_municipality import PNG

    chapter = Chapter.objects.filter(version=filled).first()
    with pytest.raises(ValidationError) as error:
        paragraph_create(actor=None, chapter=chapter, kind="figure",
                         image=SimpleUploadedFile("a.png", PNG, content_type="image/png"), alt_text=" ")
    assert "alt_text" in error.value.error_dict


def test_changing_a_generated_paragraph_marks_it_as_an_override(working):
    chapter = chapter_create(actor=None, version=working, title="Cele", generator_key="plan.goals")
    paragraph = paragraph_create(actor=None, chapter=chapter, text="Z danych", source=BlockSource.GENERATED,
                                 generator_key="plan.goals")
    paragraph_update(actor=None, paragraph=paragraph, text="Poprawione przez urząd")
    paragraph.refresh_from_db()
    assert paragraph.source == BlockSource.OVERRIDE


def test_completeness_checklist_lists_present_and_missing_items(filled):
    checklist = {item.code: present for item, present in completeness(version=filled)}
    assert checklist["strategic_goals"] is True
    assert checklist["financial_frame"] is False
    assert len(checklist) == 11


def test_reordering_keeps_uids_so_references_follow_the_paragraph(filled):
    from strategia.documents.services import paragraph_move

    first = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    working = version_working(document=first.document)
    second_paragraph = Paragraph.objects.get(chapter__version=working, text="Drugi akapit wprowadzenia.")
    paragraph_move(actor=None, paragraph=second_paragraph, direction=-1)
    second = version_freeze(actor=None, version=working, stage=VersionStage.AFTER_CONSULTATION)
    old = first.blocks.get(text="Drugi akapit wprowadzenia.")
    new = second.blocks.get(uid=old.uid)
    assert (old.display_number, new.display_number) == ("1.2", "1.1")
    assert new.text == old.text
