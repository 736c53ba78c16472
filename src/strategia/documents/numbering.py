"""Display numbers of a working version, in reading order: chapters 1, 1.1, 1.1.1; paragraphs numbered within
their chapter (3.2.1 is the first paragraph of chapter 3.2). When a chapter has both its own paragraphs and
sub-chapters, its own paragraphs are numbered with a 0 (3.0.1, 3.0.2) so they never collide with sub-chapter
3.1. Two queries whatever the length."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from strategia.documents.models import Chapter, DocumentVersion, Paragraph


@dataclass
class OutlineEntry:
    is_heading: bool
    obj: Chapter | Paragraph
    number: str
    level: int
    chapter_uid: uuid.UUID


def numbered_outline(*, version: DocumentVersion) -> list[OutlineEntry]:
    chapters = list(Chapter.objects.filter(version=version).order_by("position", "id"))
    paragraphs = list(Paragraph.objects.filter(chapter__version=version).order_by("position", "id"))
    children: dict[int | None, list[Chapter]] = defaultdict(list)
    for chapter in chapters:
        children[chapter.parent_id].append(chapter)
    own: dict[int, list[Paragraph]] = defaultdict(list)
    for paragraph in paragraphs:
        own[paragraph.chapter_id].append(paragraph)
    outline: list[OutlineEntry] = []

    def walk(parent_id: int | None, prefix: str, level: int) -> None:
        for index, chapter in enumerate(children[parent_id], start=1):
            number = f"{prefix}{index}"
            outline.append(OutlineEntry(True, chapter, number, level, chapter.uid))
            has_subchapters = bool(children[chapter.pk])
            for p_index, paragraph in enumerate(own[chapter.pk], start=1):
                p_number = f"{number}.0.{p_index}" if has_subchapters else f"{number}.{p_index}"
                outline.append(OutlineEntry(False, paragraph, p_number, 0, chapter.uid))
            walk(chapter.pk, f"{number}.", level + 1)

    walk(None, "", 1)
    return outline
