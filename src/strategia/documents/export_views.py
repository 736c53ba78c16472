"""Exports of frozen versions: the staff's "prepare" button, the public status page (polled by htmx while the file
is being prepared) and the public download of the stored file. Only frozen versions are ever public."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from strategia.core.access import public, require_perm
from strategia.documents.enums import ExportFormat, ExportStatus
from strategia.documents.export_services import (
    CONTENT_TYPES,
    IN_PROGRESS,
    export_filename,
    export_latest,
    export_ready,
    export_request,
)
from strategia.documents.selectors import document_get, version_get
from strategia.processes.selectors import process_get

# htmx stops polling when the response has this status (and still swaps the content in).
HTMX_STOP_POLLING = 286


def _version(request, *, process_slug, document_slug, version_number, format, public_only):
    if format not in ExportFormat.values:
        raise Http404
    process = process_get(municipality=request.municipality, slug=process_slug)
    document = document_get(process=process, slug=document_slug)
    return version_get(document=document, number=version_number, public=public_only)


def _url(name, version, format):
    document = version.document
    return reverse(name, kwargs={
        "municipality_slug": document.process.municipality.slug, "process_slug": document.process.slug,
        "document_slug": document.slug, "version_number": version.number, "format": format,
    })


@require_perm("documents.edit_document")
@require_POST
def export_request_view(request, process_slug, document_slug, version_number, format):
    version = _version(request, process_slug=process_slug, document_slug=document_slug,
                       version_number=version_number, format=format, public_only=False)
    try:
        export = export_request(actor=request.user, version=version, format=format,
                                force=request.POST.get("force") == "1")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        export.refresh_from_db()  # the immediate task backend (dev, tests) has already rendered it
        if export.status == ExportStatus.DONE:
            messages.success(request, _("The %(format)s file is ready.") % {"format": format.upper()})
        elif export.status == ExportStatus.FAILED:
            messages.error(request, _("Preparing the %(format)s file failed.") % {"format": format.upper()})
        else:
            messages.success(request, _("The %(format)s file is being prepared.") % {"format": format.upper()})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = _url("documents:export_status", version, format) if version.is_frozen else reverse(
            "backoffice:dashboard", kwargs={"municipality_slug": request.municipality.slug})
    return redirect(next_url)


@public
@require_GET
def export_status(request, process_slug, document_slug, version_number, format):
    version = _version(request, process_slug=process_slug, document_slug=document_slug,
                       version_number=version_number, format=format, public_only=True)
    export = export_latest(version=version, format=format)
    refresh_url = request.path
    if request.htmx and url_has_allowed_host_and_scheme(request.htmx.current_url, allowed_hosts={request.get_host()}):
        refresh_url = request.htmx.current_url  # the page that embeds the status (e.g. the back-office version)
    context = {
        "version": version, "document": version.document, "process": version.document.process,
        "format": format, "export": export, "ready": export_ready(version=version, format=format),
        "status_url": request.path, "refresh_url": refresh_url,
        "download_url": _url("documents:export_download", version, format),
    }
    if request.htmx:
        response = render(request, "documents/export/includes/status_body.html", context)
        if export is None or export.status not in IN_PROGRESS:
            response.status_code = HTMX_STOP_POLLING
        return response
    return render(request, "documents/export/status.html", context)


@public
@require_GET
def export_download(request, process_slug, document_slug, version_number, format):
    version = _version(request, process_slug=process_slug, document_slug=document_slug,
                       version_number=version_number, format=format, public_only=True)
    export = export_ready(version=version, format=format)
    if export is None:
        raise Http404
    try:
        handle = export.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=export_filename(version=version, format=format),
                        content_type=CONTENT_TYPES[format])
