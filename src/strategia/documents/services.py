"""Writes to documents: creating, editing working versions, freezing. Each is audited (``@service``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.core.services import service
from strategia.documents.enums import FROZEN_STAGES, BlockKind, BlockSource, VersionStage
from strategia.documents.models import (
    MAX_CHAPTER_LEVEL,
    Chapter,
    Document,
    DocumentVersion,
    FrozenBlock,
    Paragraph,
)
from strategia.documents.numbering import numbered_outline

STAGE_ORDER = [VersionStage.WORKING, *FROZEN_STAGES]


def _require_working(version: DocumentVersion) -> None:
    if version.is_frozen:
        raise ValidationError(_("This version is frozen and cannot be changed. Edit the working version."))


@service("document.create")
@transaction.atomic
def document_create(*, actor, process, title: str, slug: str, kind: str = "strategy",
                    is_sample: bool = False) -> Document:
    """A document with an empty working version 1."""
    if Document.objects.filter(process=process, slug=slug).exists():
        raise ValidationError({"slug": [_("Another document of this process already uses this address.")]})
    document = Document.objects.create(process=process, title=title, slug=slug, kind=kind, is_sample=is_sample)
    DocumentVersion.objects.create(document=document, number=1, stage=VersionStage.WORKING)
    return document


def _copy_content(*, source: DocumentVersion, target: DocumentVersion) -> None:
    """Copy chapters and paragraphs keeping their uids (the lineage of every paragraph)."""
    chapters = list(source.chapters.order_by("parent_id", "position"))
    by_old_id: dict[int, Chapter] = {}
    pending = [c for c in chapters if c.parent_id is None]
    remaining = [c for c in chapters if c.parent_id is not None]
    while pending:
        for chapter in pending:
            old_id = chapter.pk
            parent = by_old_id.get(chapter.parent_id) if chapter.parent_id else None
            by_old_id[old_id] = Chapter.objects.create(
                version=target, parent=parent, position=chapter.position, uid=chapter.uid, title=chapter.title,
                statutory_item=chapter.statutory_item, generator_key=chapter.generator_key,
            )
        pending = [c for c in remaining if c.parent_id in by_old_id and c.pk not in by_old_id]
        remaining = [c for c in remaining if c not in pending]
    Paragraph.objects.bulk_create([
        Paragraph(chapter=by_old_id[p.chapter_id], position=p.position, uid=p.uid, kind=p.kind, text=p.text,
                  image=p.image.name if p.image else "", alt_text=p.alt_text, source=p.source,
                  generator_key=p.generator_key)
        for p in Paragraph.objects.filter(chapter__version=source).order_by("chapter_id", "position")
    ])


@service("document_version.create_working")
@transaction.atomic
def version_create_working(*, actor, document: Document, based_on: DocumentVersion | None = None,
                           label: str = "") -> DocumentVersion:
    """A new working version; with ``based_on`` its content is copied (uids kept)."""
    number = (document.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = DocumentVersion.objects.create(document=document, number=number, stage=VersionStage.WORKING,
                                             based_on=based_on, label=label)
    if based_on is not None:
        _copy_content(source=based_on, target=version)
    return version


@service("document_version.freeze", target="version")
@transaction.atomic
def version_freeze(*, actor, version: DocumentVersion, stage: str, label: str = "") -> DocumentVersion:
    """Freeze a working version as ``stage``: write its immutable rows (uid, display number, text, source).
    Side effects: a new working version copied from it, so editing goes on. Returns the frozen version."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    _require_working(version)
    if stage not in FROZEN_STAGES:
        raise ValidationError({"stage": [_("Choose the stage this version is frozen for.")]})
    latest = (version.document.versions.exclude(frozen_at=None).order_by("-number").first())
    if latest and STAGE_ORDER.index(stage) < STAGE_ORDER.index(latest.stage):
        raise ValidationError({"stage": [_("A later stage (%(stage)s) has already been frozen.")
                                         % {"stage": latest.get_stage_display()}]})
    if latest and latest.stage == VersionStage.ADOPTED:
        raise ValidationError({"stage": [_("The adopted version is final.")]})
    missing_alt = Paragraph.objects.filter(chapter__version=version, kind=BlockKind.FIGURE, alt_text="").count()
    if missing_alt:
        raise ValidationError(_("Every figure needs a text alternative before freezing (%(count)s missing).")
                              % {"count": missing_alt})
    outline = numbered_outline(version=version)
    if not outline:
        raise ValidationError(_("An empty document cannot be frozen."))
    blocks = []
    for position, entry in enumerate(outline, start=1):
        if entry.is_heading:
            chapter = entry.obj
            blocks.append(FrozenBlock(
                version=version, position=position, uid=chapter.uid, is_heading=True, level=entry.level,
                display_number=entry.number, kind=BlockKind.TEXT, text=chapter.title,
                source=BlockSource.GENERATED if chapter.generator_key else BlockSource.WRITTEN,
                statutory_item=chapter.statutory_item, chapter_uid=chapter.uid,
            ))
        else:
            paragraph = entry.obj
            blocks.append(FrozenBlock(
                version=version, position=position, uid=paragraph.uid, is_heading=False, level=0,
                display_number=entry.number, kind=paragraph.kind, text=paragraph.text,
                image=paragraph.image.name if paragraph.image else "", alt_text=paragraph.alt_text,
                source=paragraph.source, chapter_uid=entry.chapter_uid,
            ))
    FrozenBlock.objects.bulk_create(blocks)
    version.stage = stage
    version.label = label
    version.frozen_at = timezone.now()
    version.frozen_by = actor if getattr(actor, "is_authenticated", False) else None
    version.save(update_fields=["stage", "label", "frozen_at", "frozen_by"])
    version_create_working(actor=actor, document=version.document, based_on=version)
    return version


# --- editing a working version -------------------------------------------------------------------------------

def _next_position(queryset) -> int:
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@service("chapter.create")
def chapter_create(*, actor, version: DocumentVersion, title: str, parent: Chapter | None = None,
                   statutory_item: str = "", generator_key: str = "") -> Chapter:
    _require_working(version)
    if parent is not None:
        if parent.version_id != version.pk:
            raise ValidationError(_("The parent chapter belongs to another version."))
        if parent.level >= MAX_CHAPTER_LEVEL:
            raise ValidationError({"parent": [_("Chapters can be nested up to three levels.")]})
    if not title.strip():
        raise ValidationError({"title": [_("Please give the chapter's title.")]})
    siblings = Chapter.objects.filter(version=version, parent=parent)
    return Chapter.objects.create(version=version, parent=parent, position=_next_position(siblings),
                                  title=title.strip(), statutory_item=statutory_item, generator_key=generator_key)


@service("chapter.update", target="chapter")
def chapter_update(*, actor, chapter: Chapter, title: str, statutory_item: str = "") -> Chapter:
    _require_working(chapter.version)
    if not title.strip():
        raise ValidationError({"title": [_("Please give the chapter's title.")]})
    chapter.title, chapter.statutory_item = title.strip(), statutory_item
    chapter.save(update_fields=["title", "statutory_item"])
    return chapter


@service("chapter.delete", target="chapter")
def chapter_delete(*, actor, chapter: Chapter) -> None:
    _require_working(chapter.version)
    chapter.delete()


@service("chapter.move", target="chapter")
@transaction.atomic
def chapter_move(*, actor, chapter: Chapter, direction: int) -> Chapter:
    """Swap with the previous (-1) or next (+1) sibling. Uids stay, so references follow."""
    _require_working(chapter.version)
    siblings = list(Chapter.objects.filter(version=chapter.version, parent=chapter.parent_id)
                    .order_by("position"))
    return _swap(siblings, chapter, direction)


@service("paragraph.create")
def paragraph_create(*, actor, chapter: Chapter, text: str = "", kind: str = BlockKind.TEXT, image=None,
                     alt_text: str = "", source: str = BlockSource.WRITTEN, generator_key: str = "",
                     position: int | None = None) -> Paragraph:
    _require_working(chapter.version)
    _validate_paragraph(kind=kind, text=text, image=image, alt_text=alt_text, source=source)
    return Paragraph.objects.create(
        chapter=chapter, position=position if position is not None else _next_position(chapter.paragraphs.all()),
        kind=kind, text=text,
        image=image or "", alt_text=alt_text, source=source, generator_key=generator_key,
    )


@service("paragraph.update", target="paragraph")
def paragraph_update(*, actor, paragraph: Paragraph, text: str, alt_text: str = "", image=None) -> Paragraph:
    """Change a paragraph's text. A generated paragraph changed by staff becomes an override (marked, and
    shown as such in the redline)."""
    _require_working(paragraph.chapter.version)
    _validate_paragraph(kind=paragraph.kind, text=text, image=image or paragraph.image, alt_text=alt_text,
                        source=paragraph.source)
    if paragraph.source == BlockSource.GENERATED and text != paragraph.text:
        paragraph.source = BlockSource.OVERRIDE
    paragraph.text, paragraph.alt_text = text, alt_text
    if image is not None:
        paragraph.image = image
    paragraph.save()
    return paragraph


@service("paragraph.delete", target="paragraph")
def paragraph_delete(*, actor, paragraph: Paragraph) -> None:
    _require_working(paragraph.chapter.version)
    paragraph.delete()


@service("paragraph.move", target="paragraph")
@transaction.atomic
def paragraph_move(*, actor, paragraph: Paragraph, direction: int) -> Paragraph:
    _require_working(paragraph.chapter.version)
    siblings = list(paragraph.chapter.paragraphs.order_by("position"))
    return _swap(siblings, paragraph, direction)


def _swap(siblings: list, item, direction: int):
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other_index = index + (1 if direction > 0 else -1)
    if not 0 <= other_index < len(siblings):
        return item
    other = siblings[other_index]
    item_position, other_position = item.position, other.position
    if item_position == other_position:
        other_position = item_position + (1 if direction > 0 else -1)
    type(item).objects.filter(pk=item.pk).update(position=other_position)
    type(item).objects.filter(pk=other.pk).update(position=item_position)
    item.refresh_from_db()
    return item


def _validate_paragraph(*, kind: str, text: str, image, alt_text: str, source: str) -> None:
    if kind not in BlockKind.values:
        raise ValidationError({"kind": [_("Unknown kind of paragraph.")]})
    if kind == BlockKind.FIGURE:
        if not image:
            raise ValidationError({"image": [_("A figure needs an image.")]})
        # Imported figures may arrive without a text alternative: they are flagged until it is filled in.
        if not alt_text.strip() and source != BlockSource.IMPORTED:
            raise ValidationError({"alt_text": [_("Describe what the figure shows (text alternative).")]})
    elif not text.strip():
        raise ValidationError({"text": [_("The paragraph is empty.")]})
