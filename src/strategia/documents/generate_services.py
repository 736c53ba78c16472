"""Generated chapters: insert a chapter written from the process's data (``generators.GENERATORS``) into the
working version, or refresh it. A paragraph staff have changed (source ``override``) is never overwritten."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from strategia.core.services import service
from strategia.documents import generators
from strategia.documents.enums import BlockSource
from strategia.documents.models import Chapter, DocumentVersion, Paragraph
from strategia.documents.services import _require_working, _validate_paragraph


@dataclass
class GenerationResult:
    created: list[Paragraph] = field(default_factory=list)
    updated: list[Paragraph] = field(default_factory=list)
    removed: int = 0
    overrides: list[Paragraph] = field(default_factory=list)  # kept as staff changed them
    chapter_created: bool = False


def _next_position(queryset) -> int:
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@service("chapter.generate")
@transaction.atomic
def chapter_generate(*, actor, version: DocumentVersion, generator_key: str) -> Chapter:
    """Create the chapter of ``generator_key`` (at the end of the version) or refresh it.

    Each generated paragraph is matched by ``generator_key`` = "<generator>:<paragraph key>": written ones are
    updated to the data's current text, new ones are appended, ones the data no longer produces are removed.
    Overrides (generated paragraphs changed by staff) are kept as they are, wherever they stand. The chapter's
    title and place are left as staff set them. Returns the chapter with ``chapter.generation`` (a
    ``GenerationResult``) for the caller to report."""
    _require_working(version)
    generator = generators.GENERATORS.get(generator_key)
    if generator is None:
        raise ValidationError({"generator_key": [_("There is no such generated chapter.")]})
    produced = generator.func(process=version.document.process)
    result = GenerationResult()

    chapter = Chapter.objects.filter(version=version, generator_key=generator.key).order_by("id").first()
    if chapter is None:
        chapter = Chapter.objects.create(
            version=version, parent=None, position=_next_position(Chapter.objects.filter(version=version,
                                                                                         parent=None)),
            title=str(generator.label), statutory_item=generator.statutory_item, generator_key=generator.key,
        )
        result.chapter_created = True

    existing = {p.generator_key: p for p in chapter.paragraphs.exclude(generator_key="")}
    wanted_keys = set()
    position = _next_position(chapter.paragraphs.all())
    for item in produced:
        key = f"{generator.key}:{item.key}"
        wanted_keys.add(key)
        _validate_paragraph(kind=item.kind, text=item.text, image=None, alt_text="", source=BlockSource.GENERATED)
        paragraph = existing.get(key)
        if paragraph is None:
            result.created.append(Paragraph.objects.create(
                chapter=chapter, position=position, kind=item.kind, text=item.text,
                source=BlockSource.GENERATED, generator_key=key,
            ))
            position += 1
        elif paragraph.source == BlockSource.OVERRIDE:
            result.overrides.append(paragraph)
        elif paragraph.text != item.text or paragraph.kind != item.kind or paragraph.source != BlockSource.GENERATED:
            paragraph.text, paragraph.kind, paragraph.source = item.text, item.kind, BlockSource.GENERATED
            paragraph.save(update_fields=["text", "kind", "source"])
            result.updated.append(paragraph)

    for key, paragraph in existing.items():
        if key in wanted_keys:
            continue
        if paragraph.source == BlockSource.OVERRIDE:
            result.overrides.append(paragraph)  # staff's text stays even when the data no longer has it
        elif key.startswith(f"{generator.key}:"):
            paragraph.delete()
            result.removed += 1

    chapter.generation = result
    return chapter
