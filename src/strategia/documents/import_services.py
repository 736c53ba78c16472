"""Word import as audited services: upload → preview → apply (a new working version) or discard.

Applying never touches existing versions: it creates a new working version and fills it through the editing
services. Paragraphs keep the uid of the matching paragraph of the previous version (the latest one with
content), so remarks and the redline follow them: an exact match of the normalised text first, then a close
match (difflib ratio ≥ 0.8) within the chapter of the same title; chapters keep their uid by title.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from strategia.core.services import service
from strategia.documents.docx_import import (
    DocxImportError,
    ParsedDocument,
    ParsedParagraph,
    load_figure_images,
    parse_docx,
)
from strategia.documents.enums import BlockKind, BlockSource, ImportStatus
from strategia.documents.models import (
    Chapter,
    Document,
    DocumentVersion,
    DocxImport,
    FrozenBlock,
    Paragraph,
)
from strategia.documents.services import chapter_create, paragraph_create, version_create_working

logger = logging.getLogger(__name__)

SIMILARITY_THRESHOLD = 0.8


@service("docx_import.preview")
def docx_import_preview(*, actor, document: Document, upload) -> DocxImport:
    """Read an uploaded DOCX and keep it, parsed, for the preview. Side effects: the file is stored under
    media/documents/imports/. A file that is not a DOCX is refused with the message on the ``file`` field."""
    try:
        parsed = parse_docx(upload)
    except DocxImportError as error:
        raise ValidationError({"file": error.messages}) from None
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read()
    original_name = PurePath(getattr(upload, "name", "") or "dokument.docx").name[:300]
    payload = parsed.to_json()
    return DocxImport.objects.create(
        document=document,
        file=ContentFile(data, name=f"{uuid.uuid4().hex}.docx"),
        original_name=original_name,
        status=ImportStatus.PREVIEW,
        parsed={"title": payload["title"], "chapters": payload["chapters"]},
        report={"items": payload["report"], "counts": parsed.counts()},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def _require_preview(docx_import: DocxImport) -> None:
    if docx_import.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This import has already been applied or discarded."))


@service("docx_import.apply")
@transaction.atomic
def docx_import_apply(*, actor, docx_import: DocxImport) -> DocumentVersion:
    """Turn a previewed import into a new working version (number N+1) and return it.
    Side effects: the import is marked applied; figures' pictures are stored under media/documents/figures/.
    Earlier versions, the previous working version included, stay as they were."""
    docx_import = DocxImport.objects.select_for_update().select_related("document").get(pk=docx_import.pk)
    _require_preview(docx_import)
    document = docx_import.document
    parsed = ParsedDocument.from_json({**docx_import.parsed, "report": []})
    if not parsed.chapters:
        raise ValidationError(_("The Word file has no text to import."))
    previous = _previous_content(document=document)
    images = load_figure_images(docx_import.file, parsed)

    label = _("Imported from Word: %(name)s") % {"name": docx_import.original_name}
    version = version_create_working(actor=actor, document=document, label=label[:200])
    chapters: list[Chapter] = []
    paragraphs: list[tuple[int, ParsedParagraph, Paragraph]] = []
    parents: list[Chapter] = []  # the open chapter of each level
    for chapter_index, parsed_chapter in enumerate(parsed.chapters):
        level = min(parsed_chapter.level, len(parents) + 1)
        parents = parents[: level - 1]
        chapter = chapter_create(actor=actor, version=version, title=parsed_chapter.title,
                                 parent=parents[-1] if parents else None)
        parents.append(chapter)
        chapters.append(chapter)
        for position, block in enumerate(parsed_chapter.paragraphs, start=1):
            image = None
            if block.kind == BlockKind.FIGURE:
                data = images.get(block.image_part)
                if data is None:
                    logger.warning("DOCX import %s: picture %s missing", docx_import.pk, block.image_part)
                    continue
                image = ContentFile(data, name=block.image_name)
            paragraph = paragraph_create(actor=actor, chapter=chapter, kind=block.kind, text=block.text,
                                         image=image, alt_text=block.alt_text, source=BlockSource.IMPORTED,
                                         position=position)
            paragraphs.append((chapter_index, block, paragraph))

    _keep_lineage(previous=previous, parsed=parsed, chapters=chapters, paragraphs=paragraphs)

    docx_import.status = ImportStatus.APPLIED
    docx_import.result_version = version
    docx_import.save(update_fields=["status", "result_version"])
    return version


@service("docx_import.discard", target="docx_import")
@transaction.atomic
def docx_import_discard(*, actor, docx_import: DocxImport) -> DocxImport:
    """Drop a preview. Side effects: its stored file is deleted once the transaction commits; the parsed content
    is cleared, the report kept."""
    docx_import = DocxImport.objects.select_for_update().get(pk=docx_import.pk)
    _require_preview(docx_import)
    name = docx_import.file.name
    docx_import.status = ImportStatus.DISCARDED
    docx_import.parsed = {}
    docx_import.save(update_fields=["status", "parsed"])
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
    return docx_import


# --- uid lineage ----------------------------------------------------------------------------------------------

@dataclass
class Previous:
    """The content of the previous version, as what lineage needs: chapters (uid, normalised title) and
    paragraphs (uid, normalised title of their chapter, kind, matching key)."""

    chapters: list[tuple[uuid.UUID, str]]
    paragraphs: list[tuple[uuid.UUID, str, str, str]]


def normalise_title(title: str) -> str:
    """Chapter titles compared without case, spacing or a typed number ("2.1. Cele" ~ "Cele")."""
    title = " ".join(title.split()).casefold()
    title = re.sub(r"^(rozdział\s+)?(\d+(\.\d+)*\.?|[ivxlc]+\.)\s+", "", title)
    return title.strip(" .:")


def normalise_text(text: str) -> str:
    """Paragraph text compared without Markdown emphasis, escapes, case or spacing."""
    text = re.sub(r"(?<!\\)[*`]+", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split()).casefold()


def _figure_key(*, sha256: str = "", alt_text: str = "") -> str:
    if sha256:
        return f"image:{sha256}"
    return f"alt:{normalise_text(alt_text)}" if alt_text.strip() else ""


def _paragraph_key(kind: str, text: str, *, sha256: str = "", alt_text: str = "") -> str:
    if kind == BlockKind.FIGURE:
        return _figure_key(sha256=sha256, alt_text=alt_text)
    return normalise_text(text)


def _stored_sha256(name: str) -> str:
    if not name:
        return ""
    try:
        with default_storage.open(name, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return ""


def _previous_content(*, document: Document) -> Previous:
    """The latest version of the document with content (frozen or working): lineage comes from it."""
    for version in document.versions.order_by("-number"):
        if version.is_frozen:
            blocks = list(FrozenBlock.objects.filter(version=version).order_by("position"))
            if not blocks:
                continue
            titles = {b.uid: normalise_title(b.text) for b in blocks if b.is_heading}
            return Previous(
                chapters=[(b.uid, titles[b.uid]) for b in blocks if b.is_heading],
                paragraphs=[(b.uid, titles.get(b.chapter_uid, ""), b.kind,
                             _paragraph_key(b.kind, b.text, sha256=_stored_sha256(b.image), alt_text=b.alt_text))
                            for b in blocks if not b.is_heading],
            )
        chapters = list(Chapter.objects.filter(version=version).order_by("parent_id", "position", "id"))
        if not chapters:
            continue
        titles = {c.pk: normalise_title(c.title) for c in chapters}
        paragraphs = Paragraph.objects.filter(chapter__version=version).order_by("chapter_id", "position", "id")
        return Previous(
            chapters=[(c.uid, titles[c.pk]) for c in chapters],
            paragraphs=[(p.uid, titles[p.chapter_id], p.kind,
                         _paragraph_key(p.kind, p.text, sha256=_stored_sha256(p.image.name if p.image else ""),
                                        alt_text=p.alt_text))
                        for p in paragraphs],
        )
    return Previous(chapters=[], paragraphs=[])


def match_chapters(previous: Previous, titles: list[str]) -> dict[int, uuid.UUID]:
    """New chapter index → the uid of the previous chapter with the same normalised title (each used once)."""
    free: dict[str, list[uuid.UUID]] = defaultdict(list)
    for uid, title in previous.chapters:
        free[title].append(uid)
    result = {}
    for index, title in enumerate(titles):
        key = normalise_title(title)
        if free.get(key):
            result[index] = free[key].pop(0)
    return result


def match_paragraphs(previous: Previous, new: list[tuple[str, str, str]]) -> dict[int, uuid.UUID]:
    """New paragraphs (normalised chapter title, kind, key) → uids of the previous version's paragraphs.

    Exact key first (in the same chapter, then anywhere: a moved paragraph keeps its uid), then the closest
    paragraph of the same kind with a ratio of at least 0.8 within the chapter of the same title."""
    used: set[uuid.UUID] = set()
    result: dict[int, uuid.UUID] = {}
    by_key: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for uid, chapter_title, _kind, key in previous.paragraphs:
        if key:
            by_key[key].append((uid, chapter_title))
    for same_chapter in (True, False):
        for index, (chapter_title, _kind, key) in enumerate(new):
            if index in result or not key:
                continue
            for uid, old_title in by_key.get(key, []):
                if uid not in used and (not same_chapter or old_title == chapter_title):
                    result[index] = uid
                    used.add(uid)
                    break
    candidates: dict[tuple[str, str], list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for uid, chapter_title, kind, key in previous.paragraphs:
        if key and kind != BlockKind.FIGURE:
            candidates[(chapter_title, kind)].append((uid, key))
    for index, (chapter_title, kind, key) in enumerate(new):
        if index in result or not key or kind == BlockKind.FIGURE:
            continue
        best, best_ratio = None, SIMILARITY_THRESHOLD
        for uid, old_key in candidates.get((chapter_title, kind), []):
            if uid in used:
                continue
            matcher = difflib.SequenceMatcher(None, key, old_key, autojunk=False)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio and (best is None or ratio > best_ratio):
                best, best_ratio = uid, ratio
        if best is not None:
            result[index] = best
            used.add(best)
    return result


def _keep_lineage(*, previous: Previous, parsed: ParsedDocument, chapters: list[Chapter],
                  paragraphs: list[tuple[int, ParsedParagraph, Paragraph]]) -> None:
    """Give the new rows the uids of the previous version's matching chapters and paragraphs.

    ``chapter_create``/``paragraph_create`` always draw a fresh uid (nothing else may choose one), so the
    import sets it afterwards with a queryset update, inside the same transaction as the creation."""
    chapter_uids = match_chapters(previous, [c.title for c in parsed.chapters])
    titles = [normalise_title(c.title) for c in parsed.chapters]
    new = [(titles[chapter_index], block.kind,
            _paragraph_key(block.kind, block.text, sha256=block.image_sha256, alt_text=block.alt_text))
           for chapter_index, block, _paragraph in paragraphs]
    paragraph_uids = match_paragraphs(previous, new)
    changed_chapters = []
    for index, chapter in enumerate(chapters):
        if index in chapter_uids:
            chapter.uid = chapter_uids[index]
            changed_chapters.append(chapter)
    changed_paragraphs = []
    for index, (_chapter_index, _block, paragraph) in enumerate(paragraphs):
        if index in paragraph_uids:
            paragraph.uid = paragraph_uids[index]
            changed_paragraphs.append(paragraph)
    Chapter.objects.bulk_update(changed_chapters, ["uid"])
    Paragraph.objects.bulk_update(changed_paragraphs, ["uid"])

