"""Back-office pages of the addressees of art. 6 ust. 3 u.z.p.p.r.: the list grouped by kind with each addressee's
dispatch log, adding (one or several at once), editing and deleting addressees, recording the dispatch of the
letter and its receipt, the private proof files, and the letters (DOCX, one or all)."""

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from strategia.consultation import addressee_services as services
from strategia.consultation import letters
from strategia.consultation.addressee_forms import AddresseeBulkForm, AddresseeForm, DispatchForm, ReceiptForm
from strategia.consultation.addressee_selectors import (
    addressee_get,
    addressee_overview,
    addressees_for_consultation,
    dispatch_get,
)
from strategia.consultation.models import Consultation
from strategia.consultation.selectors import consultation_get
from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes.selectors import process_get

VIEW = "consultation.view"
MANAGE = "consultation.manage"
# Proofs of sending and receipt may show the person who signed for the letter: the office only.
PROOF = "consultation.intake"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROOF_FIELDS = {"dowod-nadania": "sending_proof_file", "dowod-odbioru": "receipt_proof_file"}


def _consultation(request, process_slug, consultation_id) -> Consultation:
    process = process_get(municipality=request.municipality, slug=process_slug)
    return consultation_get(process=process, consultation_id=consultation_id)


def _list_url(consultation: Consultation) -> str:
    return reverse("backoffice:consultation_staff:addressees", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


def _data(request, *, files=False):
    """The posted data (bound form) or nothing (an empty form on GET)."""
    if files:
        return (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return request.POST if request.method == "POST" else None


def _page(request, consultation, template, **context):
    return render(request, f"consultation/staff/addressees/{template}", {
        "process": consultation.process, "consultation": consultation, **context})


def _docx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- the list -------------------------------------------------------------------------------------------------

@require_perm(VIEW)
@require_GET
def addressee_list(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    return _page(request, consultation, "list.html", overview=addressee_overview(consultation=consultation),
                 can_manage=request.user.has_perm(MANAGE, request.municipality),
                 can_see_proofs=request.user.has_perm(PROOF, request.municipality))


# --- addressees -----------------------------------------------------------------------------------------------

@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def addressee_create(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    form = AddresseeForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            addressee = services.addressee_create(actor=request.user, consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": addressee.name})
            return redirect(_list_url(consultation))
    return _page(request, consultation, "form.html", form=form, heading=_("Add an addressee"),
                 submit=_("Add the addressee"))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def addressee_bulk_create(request, process_slug, consultation_id):
    """Several addressees of one kind at once, one name per line: all are added or none."""
    consultation = _consultation(request, process_slug, consultation_id)
    existing = consultation.addressees.values_list("name", flat=True)
    form = AddresseeBulkForm(_data(request), existing_names=existing)
    if request.method == "POST" and form.is_valid():
        kind, lines = form.cleaned_data["kind"], form.cleaned_data["names"]
        try:
            with transaction.atomic():
                for number, name in lines:
                    try:
                        services.addressee_create(actor=request.user, consultation=consultation, kind=kind,
                                                  name=name)
                    except ValidationError as error:
                        raise ValidationError({"names": [_("Line %(line)s: %(error)s")
                                                         % {"line": number, "error": " ".join(error.messages)}]}
                                              ) from error
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(count)s addressee(s) added.") % {"count": len(lines)})
            return redirect(_list_url(consultation))
    return _page(request, consultation, "form.html", form=form, heading=_("Add several addressees"),
                 submit=_("Add the addressees"),
                 intro=_("Type one name per line, e.g. the neighbouring gminas. The addresses can be added later."))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def addressee_edit(request, process_slug, consultation_id, addressee_id):
    consultation = _consultation(request, process_slug, consultation_id)
    addressee = addressee_get(consultation=consultation, addressee_id=addressee_id)
    initial = {"kind": addressee.kind, "name": addressee.name, "address": addressee.address,
               "electronic_address": addressee.electronic_address}
    form = AddresseeForm(_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.addressee_update(actor=request.user, addressee=addressee, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The addressee has been saved."))
            return redirect(_list_url(consultation))
    return _page(request, consultation, "form.html", form=form, addressee=addressee,
                 heading=_("Edit the addressee"), submit=_("Save"))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def addressee_delete(request, process_slug, consultation_id, addressee_id):
    consultation = _consultation(request, process_slug, consultation_id)
    addressee = addressee_get(consultation=consultation, addressee_id=addressee_id)
    if request.method == "POST":
        name = addressee.name
        try:
            services.addressee_delete(actor=request.user, addressee=addressee)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s has been removed from the addressees.") % {"name": name})
        return redirect(_list_url(consultation))
    return _page(request, consultation, "delete.html", addressee=addressee)


# --- dispatches -----------------------------------------------------------------------------------------------

@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def dispatch_record(request, process_slug, consultation_id, addressee_id):
    consultation = _consultation(request, process_slug, consultation_id)
    addressee = addressee_get(consultation=consultation, addressee_id=addressee_id)
    form = DispatchForm(*_data(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            services.dispatch_record(actor=request.user, addressee=addressee, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The dispatch to %(name)s has been recorded.") % {"name": addressee.name})
            return redirect(_list_url(consultation))
    return _page(request, consultation, "form.html", form=form, addressee=addressee, multipart=True,
                 heading=_("Record the dispatch of the letter"), submit=_("Record the dispatch"))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def dispatch_receipt(request, process_slug, consultation_id, dispatch_id):
    consultation = _consultation(request, process_slug, consultation_id)
    dispatch = dispatch_get(consultation=consultation, dispatch_id=dispatch_id)
    initial = {"received_on": dispatch.received_on, "receipt_proof": dispatch.receipt_proof}
    form = ReceiptForm(*_data(request, files=True), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.dispatch_receipt(actor=request.user, dispatch=dispatch, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The receipt by %(name)s has been recorded.")
                             % {"name": dispatch.addressee.name})
            return redirect(_list_url(consultation))
    return _page(request, consultation, "form.html", form=form, addressee=dispatch.addressee, dispatch=dispatch,
                 multipart=True, heading=_("Record the receipt of the letter"), submit=_("Record the receipt"))


@require_perm(PROOF)
@require_GET
def dispatch_proof(request, process_slug, consultation_id, dispatch_id, proof):
    """A proof file, to the office only (``consultation/dispatch/`` is never served from /media/)."""
    consultation = _consultation(request, process_slug, consultation_id)
    if proof not in PROOF_FIELDS:
        raise Http404
    dispatch = dispatch_get(consultation=consultation, dispatch_id=dispatch_id)
    stored = getattr(dispatch, PROOF_FIELDS[proof])
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    extension = stored.name.rsplit(".", 1)[-1].lower()
    content_type = mimetypes.types_map.get(f".{extension}", "application/octet-stream")
    response = FileResponse(handle, as_attachment=True, content_type=content_type,
                            filename=f"{proof}-{dispatch.pk}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- letters --------------------------------------------------------------------------------------------------

@require_perm(VIEW)
@require_GET
def letter_docx(request, process_slug, consultation_id, addressee_id):
    consultation = _consultation(request, process_slug, consultation_id)
    addressee = addressee_get(consultation=consultation, addressee_id=addressee_id)
    common = letters.letter_common(consultation=consultation, site_url=settings.SITE_URL)
    data = letters.letter_docx(letters.letter_content(common, addressee))
    return _docx(data, f"pismo-{slugify(addressee.name)[:60] or addressee.pk}.docx")


@require_perm(VIEW)
@require_GET
def letters_bundle_docx(request, process_slug, consultation_id):
    """Every addressee's letter in one DOCX, each on its own page."""
    consultation = _consultation(request, process_slug, consultation_id)
    addressees = addressees_for_consultation(consultation=consultation)
    if not addressees:
        messages.error(request, _("Add the addressees first: there is nobody to write to yet."))
        return redirect(_list_url(consultation))
    common = letters.letter_common(consultation=consultation, site_url=settings.SITE_URL)
    data = letters.letters_docx([letters.letter_content(common, a) for a in addressees],
                                title=f"{common.subject} – pisma do adresatów")
    return _docx(data, "pisma-do-adresatow.docx")
