"""Back-office work on the register of remarks: the register (filters, pagination, joint actions without
JavaScript), the remark page (screening, answer, detach from a joint answer, assignment, identical remarks, the
lineage link), the joint answer, and the progress view with the report deadline.

Who sees whom (``privacy.py``): only holders of ``consultation.identity`` see submitters' names and contacts;
everyone else sees the pseudonym "Zgłaszający nr N" (organisations by name)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from strategia.consultation import review_selectors as selectors
from strategia.consultation import review_services
from strategia.consultation.privacy import staff_submitter
from strategia.consultation.review_forms import AnswerForm, AssignForm, HideForm, RegisterFilterForm
from strategia.consultation.services import report_deadline
from strategia.core.access import require_perm
from strategia.core.deadlines import today_local
from strategia.core.forms import add_service_errors

VIEW = "consultation.view"
SCREEN = "consultation.screen"
RESPOND = "consultation.respond"
IDENTITY = "consultation.identity"
PAGE_SIZE = 50
IDS = "uwagi"


# --- helpers ----------------------------------------------------------------------------------------------------

def _consultation(request, process_slug, consultation_id):
    return selectors.consultation_for_review(municipality=request.municipality, process_slug=process_slug,
                                             consultation_id=consultation_id)


def _url(name: str, consultation, **extra) -> str:
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def _can(request) -> dict:
    user, municipality = request.user, request.municipality
    return {"can_screen": user.has_perm(SCREEN, municipality), "can_respond": user.has_perm(RESPOND, municipality),
            "sees_identity": user.has_perm(IDENTITY, municipality)}


def _back(request, default: str) -> str:
    """Where to return after an action: a page of this site named in ``next``, or ``default``."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


# --- the register -----------------------------------------------------------------------------------------------

@require_perm(VIEW)
def remark_register(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    can = _can(request)
    form = RegisterFilterForm(request.GET or None, municipality=request.municipality)
    remarks = selectors.remark_register(consultation=consultation, user=request.user,
                                        filters=form.filters() if form.is_bound else {})
    page = Paginator(remarks, PAGE_SIZE).get_page(request.GET.get("strona"))
    page.object_list = selectors.label_submitters(page.object_list, sees_identity=can["sees_identity"])
    query = request.GET.copy()
    query.pop("strona", None)
    return render(request, "consultation/staff/review/register.html", {
        "process": consultation.process, "consultation": consultation, "form": form, "page": page,
        "query": query.urlencode(), "filtered": bool(query),
        "assign_form": AssignForm(municipality=request.municipality, auto_id="id_bulk_%s") if can["can_screen"]
        else None,
        **can,
    })


# --- the remark page --------------------------------------------------------------------------------------------

def _remark_page(request, consultation, remark, *, hide_form=None, answer_form=None, status=200):
    can = _can(request)
    allowed = review_services.allowed_stances(remark)
    response = remark.response
    if answer_form is None and can["can_respond"]:
        initial = {}
        if response is not None:
            initial = {"stance": response.stance, "justification": response.justification,
                       "resulting_change": response.resulting_change, "change_version": response.change_version_id}
        answer_form = AnswerForm(initial=initial, consultation=consultation, allowed=allowed)
    identical = selectors.identical_remarks(remark=remark)
    for other in identical:
        other.submitter_label = staff_submitter(other.submission, sees_identity=can["sees_identity"])
    return render(request, "consultation/staff/review/remark.html", {
        "process": consultation.process, "consultation": consultation, "remark": remark,
        "submission": remark.submission,
        "submitter_label": staff_submitter(remark.submission, sees_identity=can["sees_identity"]),
        "other_remarks": selectors.submission_other_remarks(remark=remark),
        "sharing": selectors.remarks_sharing_answer(remark=remark),
        "identical": identical,
        "lineage": selectors.answer_lineage(remark=remark),
        "allowed": allowed,
        "limit_reason": review_services.stance_limit_reason(remark) if len(allowed) == 1 else "",
        "register_open": consultation.report_published_at is None,
        "hide_form": hide_form or (HideForm() if can["can_screen"] else None),
        "answer_form": answer_form,
        "assign_form": AssignForm(initial={"assignee": remark.assigned_to_id}, municipality=request.municipality)
        if can["can_screen"] else None,
        **can,
    }, status=status)


@require_perm(VIEW)
def remark_detail(request, process_slug, consultation_id, remark_id):
    consultation = _consultation(request, process_slug, consultation_id)
    remark = selectors.remark_for_review(consultation=consultation, remark_id=remark_id)
    return _remark_page(request, consultation, remark)


@require_perm(SCREEN)
@require_POST
def remark_publish(request, process_slug, consultation_id, remark_id):
    consultation = _consultation(request, process_slug, consultation_id)
    remark = selectors.remark_for_review(consultation=consultation, remark_id=remark_id)
    review_services.remark_publish(actor=request.user, remark=remark)
    messages.success(request, _("Remark %(number)s is published.") % {"number": remark.number})
    return redirect(_url("remark_detail", consultation, remark_id=remark.pk))


@require_perm(SCREEN)
@require_POST
def remark_hide(request, process_slug, consultation_id, remark_id):
    consultation = _consultation(request, process_slug, consultation_id)
    remark = selectors.remark_for_review(consultation=consultation, remark_id=remark_id)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            review_services.remark_hide(actor=request.user, remark=remark, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Remark %(number)s is hidden. It stays in the register and gets a stance.")
                             % {"number": remark.number})
            return redirect(_url("remark_detail", consultation, remark_id=remark.pk))
    return _remark_page(request, consultation, remark, hide_form=form)


@require_perm(RESPOND)
@require_POST
def remark_answer(request, process_slug, consultation_id, remark_id):
    """Answer the remark, or change its answer (shared by every remark answered together with it)."""
    consultation = _consultation(request, process_slug, consultation_id)
    remark = selectors.remark_for_review(consultation=consultation, remark_id=remark_id)
    form = AnswerForm(request.POST, consultation=consultation, allowed=review_services.allowed_stances(remark))
    if form.is_valid():
        try:
            if remark.response is None:
                review_services.response_create(actor=request.user, consultation=consultation, remarks=[remark],
                                                **form.service_fields())
            else:
                review_services.response_update(actor=request.user, response=remark.response,
                                                **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The answer to remark %(number)s is saved.") % {"number": remark.number})
            return redirect(_url("remark_detail", consultation, remark_id=remark.pk))
    return _remark_page(request, consultation, remark, answer_form=form)


@require_perm(RESPOND)
@require_POST
def remark_detach(request, process_slug, consultation_id, remark_id):
    consultation = _consultation(request, process_slug, consultation_id)
    remark = selectors.remark_for_review(consultation=consultation, remark_id=remark_id)
    try:
        review_services.response_detach(actor=request.user, remark=remark)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Remark %(number)s is taken out of the joint answer: it awaits its own stance.")
                         % {"number": remark.number})
    return redirect(_url("remark_detail", consultation, remark_id=remark.pk))


# --- several remarks at once ------------------------------------------------------------------------------------

@require_perm(RESPOND)
@require_http_methods(["GET", "POST"])
def joint_answer(request, process_slug, consultation_id):
    """One answer for several identical remarks. Reached from the register or the remark page with the chosen
    remarks (``uwagi``); the answer itself is posted with the ``answer`` button."""
    consultation = _consultation(request, process_slug, consultation_id)
    data = request.POST if request.method == "POST" else request.GET
    remarks = selectors.remarks_by_ids(consultation=consultation, ids=data.getlist(IDS))
    answering = bool(remarks) and request.method == "POST" and "answer" in request.POST
    form = AnswerForm(request.POST if answering else None, consultation=consultation)
    if answering and form.is_valid():
        try:
            review_services.response_create(actor=request.user, consultation=consultation, remarks=remarks,
                                            **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, ngettext("The answer to %(count)s remark is saved.",
                                               "The joint answer to %(count)s remarks is saved.", len(remarks))
                             % {"count": len(remarks)})
            return redirect(_url("remark_register", consultation))
    can = _can(request)
    for remark in remarks:
        remark.submitter_label = staff_submitter(remark.submission, sees_identity=can["sees_identity"])
        allowed = review_services.allowed_stances(remark)
        remark.limit_reason = review_services.stance_limit_reason(remark) if len(allowed) == 1 else ""
    return render(request, "consultation/staff/review/joint_answer.html", {
        "process": consultation.process, "consultation": consultation, "remarks": remarks, "form": form,
        "register_open": consultation.report_published_at is None, **can,
    })


@require_perm(SCREEN)
@require_POST
def remarks_assign(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    back = _back(request, _url("remark_register", consultation))
    remarks = selectors.remarks_by_ids(consultation=consultation, ids=request.POST.getlist(IDS))
    form = AssignForm(request.POST, municipality=request.municipality)
    if not remarks:
        messages.error(request, _("Choose at least one remark to assign."))
    elif not form.is_valid():
        messages.error(request, _("Remarks can only be assigned to the office's staff."))
    else:
        assignee = form.cleaned_data["assignee"]
        try:
            count = review_services.remarks_assign(actor=request.user, consultation=consultation, remarks=remarks,
                                                   assignee=assignee)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if assignee is None:
                messages.success(request, ngettext("%(count)s remark is no longer assigned.",
                                                   "%(count)s remarks are no longer assigned.", count)
                                 % {"count": count})
            else:
                messages.success(request, ngettext("%(count)s remark assigned to %(name)s.",
                                                   "%(count)s remarks assigned to %(name)s.", count)
                                 % {"count": count, "name": assignee})
    return redirect(back)


# --- progress ---------------------------------------------------------------------------------------------------

@require_perm(VIEW)
def review_progress(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    due = report_deadline(consultation)
    days_left = due.days_left(today=today_local())
    return render(request, "consultation/staff/review/progress.html", {
        "process": consultation.process, "consultation": consultation,
        "progress": selectors.review_progress(consultation=consultation),
        "due": due, "days_left": days_left, "days_overdue": -days_left if days_left < 0 else 0,
    })
