"""Public pages of documents: the list of a process's documents, the reading view of a frozen version, the
redline between two frozen versions and the list of changes. Working versions are never public (404)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render

from strategia.core.access import public
from strategia.documents import reading
from strategia.documents.redline import redline_compare
from strategia.documents.selectors import document_get
from strategia.processes.selectors import process_get


def _document(request, process_slug: str, document_slug: str):
    process = process_get(municipality=request.municipality, slug=process_slug)
    return process, document_get(process=process, slug=document_slug)


@public
def index(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    documents = reading.documents_public(process=process)
    return render(request, "documents/read/index.html", {"process": process, "documents": documents})


@public
def latest(request, process_slug, document_slug):
    _process, document = _document(request, process_slug, document_slug)
    versions = reading.versions_public(document=document)
    if not versions:
        raise Http404
    return redirect(versions[0].get_absolute_url())


@public
def read(request, process_slug, document_slug, version_number):
    process, document = _document(request, process_slug, document_slug)
    versions = reading.versions_public(document=document)
    version = reading.version_pick(versions=versions, number=version_number)
    view = reading.reading_for_version(version=version, query=request.GET.get("q", ""))
    from strategia.consultation.selectors import consultation_for_reading

    consultation = consultation_for_reading(version=version)
    for item in view.items:
        item.remark_count = consultation.remark_counts.get(item.block.uid, 0)
    return render(request, "documents/read/document.html", {
        "process": process, "document": document, "version": version, "versions": versions,
        "latest": versions[0], "previous": _previous(versions, version), "reading": view,
        "open_consultation": consultation.open, "reported_consultation": consultation.reported,
        "shown_consultation": consultation.shown,
    })


def _previous(versions, version):
    """The newest public version older than ``version`` (versions are newest first), or None."""
    return next((v for v in versions if v.number < version.number), None)


def _compared(request, process_slug, document_slug):
    """The two versions named by ?od=&do= (default: the one before the latest → the latest). Either may be any
    frozen version; a working or unknown version is 404."""
    process, document = _document(request, process_slug, document_slug)
    versions = reading.versions_public(document=document)
    if not versions:
        raise Http404
    new = reading.version_pick(versions=versions, number=request.GET["do"]) if "do" in request.GET else versions[0]
    if "od" in request.GET:
        old = reading.version_pick(versions=versions, number=request.GET["od"])
    else:
        old = _previous(versions, new) or new
    return {"process": process, "document": document, "versions": versions,
            "redline": redline_compare(old=old, new=new)}


@public
def redline(request, process_slug, document_slug):
    context = _compared(request, process_slug, document_slug)
    return render(request, "documents/redline/redline.html", context)


@public
def changes(request, process_slug, document_slug):
    context = _compared(request, process_slug, document_slug)
    return render(request, "documents/redline/changes.html", context)
