"""The consultation report's pages.

Back-office (``backoffice:consultation_staff``): the report page (the six files — public and internal, DOCX, PDF,
XLSX — with their status and freshness, the 30-day deadline, what blocks publication; polled by htmx while files are
prepared), "generate all", downloads of the stored files (the internal ones for coordinators only) and publication
on the portal.

Public (``consultation``): after publication, the public report's files, and the answers per paragraph (before
publication that page says when the report is due). Files are always served from storage, never rendered on request.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from strategia.consultation import report_selectors
from strategia.consultation.enums import ReportFormat, ReportVariant
from strategia.consultation.report_services import (
    CONTENT_TYPES,
    report_filename,
    report_publish,
    report_ready,
    report_request,
)
from strategia.consultation.selectors import consultation_get
from strategia.consultation.services import report_deadline
from strategia.core.access import public, require_perm
from strategia.processes.selectors import process_get

VIEW = "consultation.view"
MANAGE = "consultation.manage"
IDENTITY = "consultation.identity"
# htmx stops polling when the response has this status (and still swaps the content in).
HTMX_STOP_POLLING = 286
PAGE_TEMPLATE = "consultation/report/staff.html"


def _consultation(request, process_slug, consultation_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    return consultation_get(process=process, consultation_id=consultation_id)


def _page_url(consultation) -> str:
    return reverse("backoffice:consultation_staff:report", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


def _variants(request) -> list[str]:
    """The internal report carries personal data: only people who see submitters' identities get it."""
    if request.user.has_perm(IDENTITY, request.municipality):
        return [ReportVariant.PUBLIC, ReportVariant.INTERNAL]
    return [ReportVariant.PUBLIC]


def _is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False)) or request.headers.get("HX-Request") == "true"


@require_perm(VIEW)
@require_GET
def report(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    page = report_selectors.report_page(consultation=consultation, variants=_variants(request))
    context = {"process": consultation.process, "consultation": consultation, "page": page,
               "can_manage": request.user.has_perm(MANAGE, request.municipality)}
    if _is_htmx(request):
        response = render(request, PAGE_TEMPLATE + "#files", context)
        if not page.in_progress:
            response.status_code = HTMX_STOP_POLLING
        return response
    return render(request, PAGE_TEMPLATE, context)


@require_perm(MANAGE)
@require_POST
def report_generate(request, process_slug, consultation_id):
    """Ask for every file this person may have (the internal ones only with access to identities)."""
    consultation = _consultation(request, process_slug, consultation_id)
    try:
        for variant in _variants(request):
            for format in ReportFormat.values:
                report_request(actor=request.user, consultation=consultation, variant=variant, format=format)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The report files are being prepared."))
    return redirect(_page_url(consultation))


@require_perm(VIEW)
@require_GET
def report_download(request, process_slug, consultation_id, variant, format):
    if variant not in ReportVariant.values or format not in ReportFormat.values:
        raise Http404
    if variant == ReportVariant.INTERNAL and not request.user.has_perm(IDENTITY, request.municipality):
        raise PermissionDenied
    consultation = _consultation(request, process_slug, consultation_id)
    return _file_response(report_ready(consultation=consultation, variant=variant, format=format), consultation,
                          variant, format)


def _file_response(item, consultation, variant, format):
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, content_type=CONTENT_TYPES[format],
                        filename=report_filename(consultation=consultation, variant=variant, format=format))


@require_perm(MANAGE)
@require_POST
def report_publish_view(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    try:
        report_publish(actor=request.user, consultation=consultation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The report has been published on the portal."))
    return redirect(_page_url(consultation))


# --- public -----------------------------------------------------------------------------------------------------

@public
@require_GET
def public_report_download(request, process_slug, consultation_id, format):
    """The public (anonymised) report's file, once the report is published; 404 before."""
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = report_selectors.consultation_for_public_report(process=process, consultation_id=consultation_id)
    item = report_selectors.public_report_ready(consultation=consultation, format=format)
    return _file_response(item, consultation, ReportVariant.PUBLIC, format)


@public
@require_GET
def public_answers(request, process_slug, consultation_id):
    """The remarks per paragraph of the consulted version: while the consultation runs, those published after
    screening (their answers come with the report); once the report is published, every remark with its answer."""
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = report_selectors.consultation_for_public_report(process=process, consultation_id=consultation_id)
    published = consultation.report_published_at is not None
    return render(request, "consultation/report/answers.html", {
        "process": process, "consultation": consultation, "version": consultation.document_version,
        "published": published,
        "answers": report_selectors.public_answers(consultation=consultation, published_only=not published),
        "report_due": report_deadline(consultation),
        "formats": ReportFormat.values if published else [],
    })
