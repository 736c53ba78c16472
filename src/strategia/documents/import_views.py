"""Back-office: import a Word draft into a new working version (upload → preview → apply or discard)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.documents import import_services
from strategia.documents.docx_import import ParsedDocument
from strategia.documents.enums import ImportStatus
from strategia.documents.forms_import import DocxUploadForm
from strategia.documents.models import Document, DocxImport
from strategia.documents.selectors import document_get
from strategia.processes.selectors import process_get

EDIT = "documents.edit_document"


def _document(request, process_slug: str, document_slug: str) -> Document:
    process = process_get(municipality=request.municipality, slug=process_slug)
    return document_get(process=process, slug=document_slug)


def _import_get(document: Document, import_id: int) -> DocxImport:
    """An import of this document only: an id from another document or municipality is a 404."""
    try:
        docx_import = DocxImport.objects.select_related("result_version", "created_by").get(
            pk=import_id, document=document)
    except DocxImport.DoesNotExist:
        raise Http404 from None
    docx_import.document = document
    return docx_import


def _url(name: str, document: Document, **kwargs) -> str:
    return reverse(f"backoffice:documents_staff:{name}", kwargs={
        "municipality_slug": document.process.municipality.slug, "process_slug": document.process.slug,
        "document_slug": document.slug, **kwargs,
    })


@require_perm(EDIT)
def import_upload(request, process_slug, document_slug):
    document = _document(request, process_slug, document_slug)
    # Bound on every POST, even one without a file, so a missing file gets its message.
    form = DocxUploadForm(request.POST, request.FILES) if request.method == "POST" else DocxUploadForm()
    if request.method == "POST" and form.is_valid():
        try:
            docx_import = import_services.docx_import_preview(actor=request.user, document=document,
                                                              upload=form.cleaned_data["file"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(_url("import_preview", document, import_id=docx_import.pk))
    waiting = list(DocxImport.objects.filter(document=document, status=ImportStatus.PREVIEW)
                   .order_by("-created_at", "-id")[:10])
    return render(request, "documents/import/upload.html", {
        "process": document.process, "document": document, "form": form, "waiting": waiting,
    })


def _outline(parsed: ParsedDocument) -> list[dict]:
    """Chapters with their display numbers (1, 1.1, 1.1.1) and what each holds."""
    rows, counters = [], [0, 0, 0]
    for chapter in parsed.chapters:
        level = max(1, min(chapter.level, 3))
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        kinds = [p.kind for p in chapter.paragraphs]
        rows.append({
            "number": ".".join(str(n) for n in counters[:level]), "title": chapter.title, "level": level,
            "is_intro": chapter.is_intro, "text": kinds.count("text"), "list": kinds.count("list"),
            "table": kinds.count("table"), "figure": kinds.count("figure"),
        })
    return rows


@require_perm(EDIT)
def import_preview(request, process_slug, document_slug, import_id):
    document = _document(request, process_slug, document_slug)
    docx_import = _import_get(document, import_id)
    parsed = ParsedDocument.from_json({**(docx_import.parsed or {}), "report": docx_import.report.get("items", [])})
    next_number = (document.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return render(request, "documents/import/preview.html", {
        "process": document.process, "document": document, "docx_import": docx_import, "parsed": parsed,
        "outline": _outline(parsed), "counts": parsed.counts(), "missing_alt": parsed.figures_missing_alt(),
        "report": parsed.report, "next_number": next_number,
        "is_preview": docx_import.status == ImportStatus.PREVIEW,
    })


@require_perm(EDIT)
@require_POST
def import_apply(request, process_slug, document_slug, import_id):
    document = _document(request, process_slug, document_slug)
    docx_import = _import_get(document, import_id)
    try:
        version = import_services.docx_import_apply(actor=request.user, docx_import=docx_import)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The Word file has been imported as working version %(number)s. Earlier "
                                    "versions are unchanged.") % {"number": version.number})
    return redirect(_url("import_preview", document, import_id=docx_import.pk))


@require_perm(EDIT)
@require_POST
def import_discard(request, process_slug, document_slug, import_id):
    document = _document(request, process_slug, document_slug)
    docx_import = _import_get(document, import_id)
    try:
        import_services.docx_import_discard(actor=request.user, docx_import=docx_import)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_url("import_preview", document, import_id=docx_import.pk))
    messages.success(request, _("The import has been discarded."))
    return redirect(_url("import_upload", document))
