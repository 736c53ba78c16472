"""Back-office of the consultation: the list of a process's consultations, the register of submissions, intake of
a submission received outside the platform (letter, e-mail, e-Doręczenia, ePUAP, oral statement at a meeting),
and the import of the collective remark spreadsheet (upload → preview with row errors → confirm)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategia.consultation import import_services
from strategia.consultation.manage_files import ANNOUNCEMENT_FORMATS, PAPER_FORM_FORMATS
from strategia.consultation.models import Consultation, Submission
from strategia.consultation.privacy import staff_submitter
from strategia.consultation.selectors import consultation_get, consultations_for_staff, submission_register
from strategia.consultation.services import comment_period, report_deadline, submission_create
from strategia.consultation.staff_forms import RemarkFormSet, RemarkSpreadsheetForm, SubmissionIntakeForm
from strategia.consultation.xlsx_import import parse_remark_sheet, template_workbook
from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes.selectors import process_get

VIEW = "consultation.view"
INTAKE = "consultation.intake"
IDENTITY = "consultation.identity"
IMPORT_SALT = "consultation.remark-import"
IMPORT_MAX_AGE = 60 * 60
IMPORT_DIR = "consultation/imports/"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- helpers ----------------------------------------------------------------------------------------------------

def _consultation(request, process_slug, consultation_id) -> Consultation:
    process = process_get(municipality=request.municipality, slug=process_slug)
    return consultation_get(process=process, consultation_id=consultation_id)


def _url(name: str, consultation: Consultation) -> str:
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk})


def _clock(consultation: Consultation) -> dict:
    return {"period": comment_period(consultation), "report_due": report_deadline(consultation)}


# --- pages ------------------------------------------------------------------------------------------------------

@require_perm(VIEW)
def consultation_list(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultations = consultations_for_staff(process=process)
    rows = [{"consultation": c, **_clock(c)} for c in consultations]
    return render(request, "consultation/staff/list.html", {"process": process, "rows": rows})


@require_perm(VIEW)
def consultation_detail(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    submissions = submission_register(consultation=consultation)
    sees_identity = request.user.has_perm(IDENTITY, request.municipality)
    for submission in submissions:
        submission.submitter_label = staff_submitter(submission, sees_identity=sees_identity)
    return render(request, "consultation/staff/detail.html", {
        "process": consultation.process, "consultation": consultation, **_clock(consultation),
        "submissions": submissions,
        "announcement_formats": ANNOUNCEMENT_FORMATS, "paper_form_formats": PAPER_FORM_FORMATS,
        "can_intake": request.user.has_perm(INTAKE, request.municipality),
    })


def _rebind_with_one_more_remark(consultation, data, files, actor):
    """"Add another remark" without JavaScript: everything typed is shown again, with one empty remark more,
    and no error messages yet (nothing was submitted). An attached scan is held and carried by its token."""
    initial = {k: data.get(k) for k in SubmissionIntakeForm.base_fields if k != "scan" and data.get(k) is not None}
    initial.update(SubmissionIntakeForm.carry_over(data, files, actor=actor))
    form = SubmissionIntakeForm(initial=initial, consultation=consultation, actor=actor)
    prefix = "remarks"
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 1)), 199)
    except ValueError:
        total = 1
    fields = RemarkFormSet.form.base_fields
    initial = [{name: data.get(f"{prefix}-{i}-{name}", "") for name in fields} for i in range(max(total, 1))]
    formset = RemarkFormSet(initial=[*initial, {}], prefix=prefix,
                            form_kwargs={"has_forecast": consultation.has_forecast})
    return form, formset


def _create(actor, consultation, form, formset) -> Submission:
    """One call of ``submission_create`` (the meeting of an oral statement included)."""
    return submission_create(actor=actor, consultation=consultation, remarks=formset.remarks(),
                             meeting=form.cleaned_data.get("meeting"), **form.service_fields())


@require_perm(INTAKE)
@require_http_methods(["GET", "POST"])
def submission_intake(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    if request.method == "POST" and "add_remark" in request.POST:
        form, formset = _rebind_with_one_more_remark(consultation, request.POST, request.FILES, request.user)
    elif request.method == "POST":
        form = SubmissionIntakeForm(request.POST, request.FILES, consultation=consultation, actor=request.user)
        formset = RemarkFormSet(request.POST, prefix="remarks", form_kwargs={"has_forecast": consultation.has_forecast})
        if form.is_valid() and formset.is_valid():
            try:
                submission = _create(request.user, consultation, form, formset)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                form.release_kept()
                messages.success(request, _("The submission has been registered with %(count)s remark(s)%(late)s.")
                                 % {"count": len(formset.remarks()),
                                    "late": _(", marked as late") if submission.is_late else ""})
                return redirect(_url("detail", consultation))
    else:
        form = SubmissionIntakeForm(consultation=consultation, actor=request.user)
        formset = RemarkFormSet(prefix="remarks", form_kwargs={"has_forecast": consultation.has_forecast})
    return render(request, "consultation/staff/intake.html", {
        "process": consultation.process, "consultation": consultation, "form": form, "formset": formset})


@require_perm(INTAKE)
def import_template(request, process_slug, consultation_id):
    _consultation(request, process_slug, consultation_id)
    response = HttpResponse(template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="uwagi-zbiorcze-wzor.xlsx"'
    return response


@require_perm(INTAKE)
@require_http_methods(["GET", "POST"])
def import_upload(request, process_slug, consultation_id):
    """Upload and preview. Nothing is imported here; a valid file is kept (private storage) for confirmation."""
    consultation = _consultation(request, process_slug, consultation_id)
    form = RemarkSpreadsheetForm(request.POST, request.FILES) if request.method == "POST" else RemarkSpreadsheetForm()
    parsed = token = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        parsed = parse_remark_sheet(upload, has_forecast=consultation.has_forecast)
        if parsed.is_valid:
            upload.seek(0)
            name = default_storage.save(f"{IMPORT_DIR}{uuid.uuid4().hex}.xlsx", ContentFile(upload.read()))
            token = signing.dumps({"consultation": consultation.pk, "name": name}, salt=IMPORT_SALT)
    return render(request, "consultation/staff/import.html", {
        "process": consultation.process, "consultation": consultation, "form": form, "parsed": parsed,
        "token": token})


@require_perm(INTAKE)
@require_POST
def import_confirm(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    try:
        payload = signing.loads(request.POST.get("token", ""), salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        messages.error(request, _("The preview has expired. Please upload the spreadsheet again."))
        return redirect(_url("import", consultation))
    name = payload.get("name", "")
    if payload.get("consultation") != consultation.pk or not name.startswith(IMPORT_DIR) \
            or not default_storage.exists(name):
        raise Http404
    try:
        with default_storage.open(name, "rb") as upload:
            result = import_services.remarks_import_xlsx(actor=request.user, consultation=consultation,
                                                         upload=upload)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_url("import", consultation))
    default_storage.delete(name)
    messages.success(request, _("%(count)s submission(s) imported, %(late)s of them late.")
                     % {"count": result.count, "late": result.late_count})
    return redirect(_url("detail", consultation))
