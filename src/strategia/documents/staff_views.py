"""Back-office editor of documents: the process's documents, a document's working version (outline, completeness
checklist, figures without a text alternative, freezing, frozen versions) and editing chapters and paragraphs
with a Markdown preview. Every write goes through a service of documents/services.py or generate_services.py."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.documents import generators, selectors, services
from strategia.documents.enums import BlockKind
from strategia.documents.forms import ChapterForm, DocumentCreateForm, FreezeForm, ParagraphForm
from strategia.documents.generate_services import chapter_generate
from strategia.documents.markdown import render as render_markdown
from strategia.documents.models import MAX_CHAPTER_LEVEL, Chapter, Paragraph
from strategia.documents.numbering import OutlineEntry, numbered_outline
from strategia.processes.selectors import process_get

VIEW = "documents.view_working"
EDIT = "documents.edit_document"
FREEZE = "documents.freeze_version"
EXPORTS_TEMPLATE = "documents/export/includes/version_exports.html"
DIRECTIONS = {"up": -1, "down": 1}


# --- loading what the URL names, within this municipality ---------------------------------------------------

def _process(request, process_slug):
    return process_get(municipality=request.municipality, slug=process_slug)


def _document(request, process_slug, document_slug):
    return selectors.document_get(process=_process(request, process_slug), slug=document_slug)


def _paragraph_get(*, version, paragraph_id: int) -> Paragraph:
    try:
        return Paragraph.objects.select_related("chapter__version").get(pk=paragraph_id, chapter__version=version)
    except Paragraph.DoesNotExist:
        raise Http404 from None


def _detail_url(document, *, anchor: str = "") -> str:
    process = document.process
    url = reverse("backoffice:documents_staff:document_detail", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "document_slug": document.slug,
    })
    return f"{url}#{anchor}" if anchor else url


def _optional_url(build) -> str:
    """A link to a page another part of the editor provides; empty while that page does not exist."""
    try:
        return build()
    except NoReverseMatch:
        return ""


# --- the outline as the editor shows it ---------------------------------------------------------------------

@dataclass
class EditorRow:
    entry: OutlineEntry
    first: bool
    last: bool
    html: str = ""

    @property
    def obj(self):
        return self.entry.obj

    @property
    def heading_tag(self) -> str:
        return f"h{self.entry.level + 2}"  # the outline sits under an <h2>: levels 1–3 → h3–h5

    @property
    def can_have_subchapters(self) -> bool:
        return self.entry.level < MAX_CHAPTER_LEVEL


def _editor_rows(outline: list[OutlineEntry]) -> list[EditorRow]:
    """Rows of the outline, each knowing whether it is the first or last among its siblings (for the move
    buttons) and, for paragraphs, their rendered text. No queries: all from the outline."""
    groups: dict[tuple, list[int]] = {}
    for index, entry in enumerate(outline):
        key = ("c", entry.obj.parent_id) if entry.is_heading else ("p", entry.obj.chapter_id)
        groups.setdefault(key, []).append(index)
    first = {members[0] for members in groups.values()}
    last = {members[-1] for members in groups.values()}
    rows = []
    for index, entry in enumerate(outline):
        html = "" if entry.is_heading else render_markdown(entry.obj.text)
        rows.append(EditorRow(entry, index in first, index in last, html))
    return rows


def _parent_choices(outline: list[OutlineEntry]) -> list[tuple[int, str]]:
    return [(e.obj.pk, f"{e.number} {e.obj.title}") for e in outline
            if e.is_heading and e.level < MAX_CHAPTER_LEVEL]


def _exports_template_available() -> bool:
    try:
        get_template(EXPORTS_TEMPLATE)
        from strategia.documents.export_services import exports_for_version  # noqa: F401
    except (TemplateDoesNotExist, ImportError):
        return False
    return True


def _frozen_rows(document, *, with_exports: bool) -> list[dict]:
    rows = []
    for version in selectors.versions_frozen(document=document):
        version.document = document
        exports = None
        if with_exports:
            from strategia.documents.export_services import exports_for_version

            exports = exports_for_version(version=version)
        rows.append({"version": version, "public_url": _optional_url(version.get_absolute_url),
                     "exports": exports})
    return rows


def _detail_context(request, document, *, freeze_form=None) -> dict:
    municipality = request.municipality
    version = selectors.version_working(document=document)
    outline = numbered_outline(version=version)
    rows = _editor_rows(outline)
    exports_available = _exports_template_available()
    process = document.process
    return {
        "process": process, "document": document, "version": version, "rows": rows,
        "checklist": selectors.completeness(version=version),
        "missing_alt": [row for row in rows if not row.entry.is_heading and row.obj.needs_alt_text],
        "frozen": _frozen_rows(document, with_exports=exports_available),
        "exports_template_available": exports_available,
        "can_edit": request.user.has_perm(EDIT, municipality),
        "can_freeze": request.user.has_perm(FREEZE, municipality),
        "freeze_form": freeze_form or FreezeForm(),
        "generators": list(generators.GENERATORS.values()),
        "generated_keys": {row.obj.generator_key for row in rows if row.entry.is_heading and row.obj.generator_key},
        "import_url": _optional_url(lambda: reverse("backoffice:documents_staff:import_upload", kwargs={
            "municipality_slug": municipality.slug, "process_slug": process.slug, "document_slug": document.slug,
        })),
    }


# --- documents of a process ---------------------------------------------------------------------------------

@require_perm(VIEW)
def document_list(request, process_slug):
    process = _process(request, process_slug)
    documents = selectors.documents_for_process(process=process)
    prefetch_related_objects(documents, "versions")
    return render(request, "documents/staff/document_list.html", {
        "process": process, "documents": documents, "can_edit": request.user.has_perm(EDIT, request.municipality),
    })


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def document_create(request, process_slug):
    process = _process(request, process_slug)
    form = DocumentCreateForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_create(actor=request.user, process=process, title=data["title"],
                                                slug=data["slug"], kind=data["kind"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            document.process = process
            messages.success(request, _("The document “%(title)s” has been created with an empty working "
                                        "version.") % {"title": document.title})
            return redirect(_detail_url(document))
    return render(request, "documents/staff/document_create.html", {"process": process, "form": form})


@require_perm(VIEW)
def document_detail(request, process_slug, document_slug):
    document = _document(request, process_slug, document_slug)
    return render(request, "documents/staff/document_detail.html", _detail_context(request, document))


@require_perm(FREEZE)
@require_POST
def version_freeze(request, process_slug, document_slug):
    document = _document(request, process_slug, document_slug)
    form = FreezeForm(request.POST)
    if form.is_valid():
        try:
            version = services.version_freeze(actor=request.user, version=selectors.version_working(
                document=document), stage=form.cleaned_data["stage"], label=form.cleaned_data["label"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Version %(number)s has been frozen as “%(stage)s”. Editing goes on in a "
                                        "new working version.")
                             % {"number": version.number, "stage": version.get_stage_display()})
            return redirect(_detail_url(document, anchor="frozen-versions"))
    return render(request, "documents/staff/document_detail.html",
                  _detail_context(request, document, freeze_form=form))


# --- chapters -----------------------------------------------------------------------------------------------

@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def chapter_create(request, process_slug, document_slug):
    document = _document(request, process_slug, document_slug)
    version = selectors.version_working(document=document)
    choices = _parent_choices(numbered_outline(version=version))
    initial = {}
    if request.GET.get("parent", "").isdigit() and int(request.GET["parent"]) in {pk for pk, _label in choices}:
        initial["parent"] = int(request.GET["parent"])
    form = ChapterForm(request.POST or None, initial=initial, parent_choices=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parent = selectors.chapter_get(version=version, chapter_id=data["parent"]) if data["parent"] else None
        try:
            chapter = services.chapter_create(actor=request.user, version=version, title=data["title"],
                                              parent=parent, statutory_item=data["statutory_item"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The chapter “%(title)s” has been added.") % {"title": chapter.title})
            return redirect(_detail_url(document, anchor=f"chapter-{chapter.pk}"))
    return render(request, "documents/staff/chapter_form.html", {
        "process": document.process, "document": document, "form": form, "chapter": None,
    })


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def chapter_edit(request, process_slug, document_slug, chapter_id):
    document = _document(request, process_slug, document_slug)
    version = selectors.version_working(document=document)
    chapter = selectors.chapter_get(version=version, chapter_id=chapter_id)
    form = ChapterForm(request.POST or None, with_parent=False,
                       initial={"title": chapter.title, "statutory_item": chapter.statutory_item})
    if request.method == "POST" and form.is_valid():
        try:
            chapter = services.chapter_update(actor=request.user, chapter=chapter, title=form.cleaned_data["title"],
                                              statutory_item=form.cleaned_data["statutory_item"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The chapter “%(title)s” has been saved.") % {"title": chapter.title})
            return redirect(_detail_url(document, anchor=f"chapter-{chapter.pk}"))
    return render(request, "documents/staff/chapter_form.html", {
        "process": document.process, "document": document, "form": form, "chapter": chapter,
    })


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def chapter_delete(request, process_slug, document_slug, chapter_id):
    document = _document(request, process_slug, document_slug)
    chapter = selectors.chapter_get(version=selectors.version_working(document=document), chapter_id=chapter_id)
    if request.method == "POST":
        try:
            services.chapter_delete(actor=request.user, chapter=chapter)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The chapter “%(title)s” has been deleted.") % {"title": chapter.title})
        return redirect(_detail_url(document, anchor="outline"))
    subtree = _subtree_ids(chapter)
    return render(request, "documents/staff/chapter_delete.html", {
        "process": document.process, "document": document, "chapter": chapter,
        "paragraph_count": Paragraph.objects.filter(chapter__in=subtree).count(),
        "subchapter_count": len(subtree) - 1,
    })


def _subtree_ids(chapter: Chapter) -> list[int]:
    """The chapter and all its sub-chapters (three levels at most: two queries at most)."""
    ids, frontier = [chapter.pk], [chapter.pk]
    while frontier:
        frontier = list(Chapter.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


@require_perm(EDIT)
@require_POST
def chapter_move(request, process_slug, document_slug, chapter_id):
    document = _document(request, process_slug, document_slug)
    chapter = selectors.chapter_get(version=selectors.version_working(document=document), chapter_id=chapter_id)
    direction = DIRECTIONS.get(request.POST.get("direction", ""))
    if direction is None:
        return HttpResponseBadRequest(_("Choose up or down."))
    services.chapter_move(actor=request.user, chapter=chapter, direction=direction)
    messages.success(request, (_("“%(title)s” has been moved up.") if direction < 0
                               else _("“%(title)s” has been moved down.")) % {"title": chapter.title})
    return redirect(_detail_url(document, anchor=f"chapter-{chapter.pk}"))


# --- paragraphs ---------------------------------------------------------------------------------------------

def _paragraph_page(request, *, document, chapter, form, paragraph=None, preview_html=None):
    # Live preview with htmx: the text is posted (with the form's other fields, CSRF token included) half a
    # second after typing stops; the answer replaces the content of the aria-live preview region.
    form.fields["text"].widget.attrs.update({
        "hx-post": reverse("backoffice:documents_staff:preview", kwargs={
            "municipality_slug": request.municipality.slug, "process_slug": document.process.slug,
            "document_slug": document.slug,
        }),
        "hx-trigger": "keyup changed delay:500ms", "hx-target": "#preview-region", "hx-swap": "innerHTML",
        "aria-controls": "preview-region",
    })
    return render(request, "documents/staff/paragraph_form.html", {
        "process": document.process, "document": document, "chapter": chapter, "paragraph": paragraph,
        "form": form, "preview_html": preview_html,
    })


def _wants_preview(request) -> bool:
    """The "Preview" button (without JavaScript): show the rendered text, save nothing, keep what was typed."""
    return request.method == "POST" and "preview" in request.POST


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def paragraph_create(request, process_slug, document_slug, chapter_id):
    document = _document(request, process_slug, document_slug)
    chapter = selectors.chapter_get(version=selectors.version_working(document=document), chapter_id=chapter_id)
    if _wants_preview(request):
        form = ParagraphForm(initial=request.POST.dict())
        return _paragraph_page(request, document=document, chapter=chapter, form=form,
                               preview_html=render_markdown(request.POST.get("text", "")))
    form = ParagraphForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paragraph = services.paragraph_create(actor=request.user, chapter=chapter, kind=data["kind"],
                                                  text=data["text"], image=data["image"],
                                                  alt_text=data["alt_text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The paragraph has been added to “%(title)s”.") % {"title": chapter.title})
            return redirect(_detail_url(document, anchor=f"paragraph-{paragraph.pk}"))
    return _paragraph_page(request, document=document, chapter=chapter, form=form)


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def paragraph_edit(request, process_slug, document_slug, paragraph_id):
    document = _document(request, process_slug, document_slug)
    paragraph = _paragraph_get(version=selectors.version_working(document=document), paragraph_id=paragraph_id)
    chapter = paragraph.chapter
    if _wants_preview(request):
        form = _edit_form(paragraph, initial=request.POST.dict())
        return _paragraph_page(request, document=document, chapter=chapter, form=form, paragraph=paragraph,
                               preview_html=render_markdown(request.POST.get("text", "")))
    if request.method == "POST":
        form = _edit_form(paragraph, data=request.POST, files=request.FILES)
    else:
        form = _edit_form(paragraph, initial={"text": paragraph.text, "alt_text": paragraph.alt_text})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paragraph = services.paragraph_update(actor=request.user, paragraph=paragraph, text=data["text"],
                                                  alt_text=data.get("alt_text", ""), image=data.get("image") or None)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The paragraph has been saved."))
            return redirect(_detail_url(document, anchor=f"paragraph-{paragraph.pk}"))
    return _paragraph_page(request, document=document, chapter=chapter, form=form, paragraph=paragraph)


def _edit_form(paragraph: Paragraph, **kwargs) -> ParagraphForm:
    form = ParagraphForm(with_kind=False, **kwargs)
    if paragraph.kind != BlockKind.FIGURE:
        del form.fields["image"]
        del form.fields["alt_text"]
    return form


@require_perm(EDIT)
@require_http_methods(["GET", "POST"])
def paragraph_delete(request, process_slug, document_slug, paragraph_id):
    document = _document(request, process_slug, document_slug)
    paragraph = _paragraph_get(version=selectors.version_working(document=document), paragraph_id=paragraph_id)
    if request.method == "POST":
        chapter_id = paragraph.chapter_id
        try:
            services.paragraph_delete(actor=request.user, paragraph=paragraph)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The paragraph has been deleted."))
        return redirect(_detail_url(document, anchor=f"chapter-{chapter_id}"))
    return render(request, "documents/staff/paragraph_delete.html", {
        "process": document.process, "document": document, "paragraph": paragraph,
        "html": render_markdown(paragraph.text),
    })


@require_perm(EDIT)
@require_POST
def paragraph_move(request, process_slug, document_slug, paragraph_id):
    document = _document(request, process_slug, document_slug)
    paragraph = _paragraph_get(version=selectors.version_working(document=document), paragraph_id=paragraph_id)
    direction = DIRECTIONS.get(request.POST.get("direction", ""))
    if direction is None:
        return HttpResponseBadRequest(_("Choose up or down."))
    services.paragraph_move(actor=request.user, paragraph=paragraph, direction=direction)
    messages.success(request, _("The paragraph has been moved up.") if direction < 0
                     else _("The paragraph has been moved down."))
    return redirect(_detail_url(document, anchor=f"paragraph-{paragraph.pk}"))


@require_perm(EDIT)
@require_POST
def preview(request, process_slug, document_slug):
    """The live preview: with htmx the partial for the preview region, otherwise a page of its own."""
    document = _document(request, process_slug, document_slug)
    html = render_markdown(request.POST.get("text", ""))
    if request.htmx:
        return render(request, "documents/staff/paragraph_form.html#preview", {"preview_html": html})
    return render(request, "documents/staff/preview.html", {
        "process": document.process, "document": document, "preview_html": html,
    })


# --- generated chapters -------------------------------------------------------------------------------------

@require_perm(EDIT)
@require_POST
def chapter_generate_view(request, process_slug, document_slug):
    document = _document(request, process_slug, document_slug)
    version = selectors.version_working(document=document)
    try:
        chapter = chapter_generate(actor=request.user, version=version,
                                   generator_key=request.POST.get("generator_key", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_detail_url(document, anchor="generated"))
    result = chapter.generation
    messages.success(request, _("The chapter “%(title)s” has been generated from data: %(created)s new, "
                                "%(updated)s updated, %(removed)s removed paragraphs.")
                     % {"title": chapter.title, "created": len(result.created), "updated": len(result.updated),
                        "removed": result.removed})
    if result.overrides:
        messages.warning(request, _("Paragraphs changed by staff were kept as they are: %(list)s")
                         % {"list": "; ".join(f"“{(p.text or p.alt_text)[:60]}”" for p in result.overrides)})
    return redirect(_detail_url(document, anchor=f"chapter-{chapter.pk}"))
