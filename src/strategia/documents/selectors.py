"""Reads of documents. Fetch-and-authorise helpers never load an id the user sent without checking it belongs
to the municipality and process in the URL."""

from __future__ import annotations

from django.http import Http404

from strategia.documents import statutory_items
from strategia.documents.enums import VersionStage
from strategia.documents.models import Chapter, Document, DocumentVersion, FrozenBlock


def document_get(*, process, slug: str) -> Document:
    try:
        document = Document.objects.get(process=process, slug=slug)
    except Document.DoesNotExist:
        raise Http404 from None
    document.process = process
    return document


def documents_for_process(*, process) -> list[Document]:
    return list(Document.objects.filter(process=process).order_by("kind", "id"))


def version_get(*, document: Document, number: int, public: bool) -> DocumentVersion:
    """A version of the document; the public sees only frozen ones."""
    try:
        version = DocumentVersion.objects.get(document=document, number=number)
    except DocumentVersion.DoesNotExist:
        raise Http404 from None
    if public and not version.is_frozen:
        raise Http404
    version.document = document
    return version


def version_working(*, document: Document) -> DocumentVersion:
    version = (DocumentVersion.objects.filter(document=document, stage=VersionStage.WORKING, frozen_at=None)
               .order_by("-number").first())
    if version is None:
        raise Http404
    version.document = document
    return version


def versions_frozen(*, document: Document) -> list[DocumentVersion]:
    return list(DocumentVersion.objects.filter(document=document).exclude(frozen_at=None).order_by("number"))


def version_latest_public(*, document: Document) -> DocumentVersion | None:
    return DocumentVersion.objects.filter(document=document).exclude(frozen_at=None).order_by("-number").first()


def blocks_for_version(*, version: DocumentVersion) -> list[FrozenBlock]:
    return list(FrozenBlock.objects.filter(version=version).order_by("position"))


def chapter_get(*, version: DocumentVersion, chapter_id: int) -> Chapter:
    try:
        chapter = Chapter.objects.select_related("version").get(pk=chapter_id, version=version)
    except Chapter.DoesNotExist:
        raise Http404 from None
    return chapter


def completeness(*, version: DocumentVersion) -> list[tuple[statutory_items.StatutoryItem, bool]]:
    """Each statutory content item and whether a chapter of the version is tagged with it."""
    if version.is_frozen:
        present = set(FrozenBlock.objects.filter(version=version, is_heading=True).exclude(statutory_item="")
                      .values_list("statutory_item", flat=True))
    else:
        present = set(Chapter.objects.filter(version=version).exclude(statutory_item="")
                      .values_list("statutory_item", flat=True))
    return [(item, item.code in present) for item in statutory_items.STATUTORY_ITEMS]
