"""Back-office of the call for ideas: the process's calls (and creating one for a call-for-ideas activity), the
call's settings and themes, the register of ideas (filters, pagination, batch actions without JavaScript), an
idea's page with moderation (publish, hide with a reason, merge) and routing (status with a public justification),
batch answers, private attachments and scans, and the exports (XLSX, CSV, PDF).

Who may do what (``proposals/rules.py``): ``proposals.manage`` the call and its themes; ``proposals.moderate``
moderation, routing, authors' contacts and scans; ``proposals.view`` reading and exports without contacts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes.selectors import process_get
from strategia.proposals import exports, services
from strategia.proposals import staff_selectors as selectors
from strategia.proposals.enums import Moderation
from strategia.proposals.staff_forms import (
    CallForm,
    HideForm,
    MergeForm,
    MergeSearchForm,
    RegisterFilterForm,
    StatusForm,
    ThemeForm,
)

MANAGE = "proposals.manage"
MODERATE = "proposals.moderate"
VIEW = "proposals.view"
PAGE_SIZE = 50
IDS = "pomysly"
PUBLIC_VARIANT = "publiczny"


# --- helpers ----------------------------------------------------------------------------------------------------

def _call(request, process_slug, call_id):
    return selectors.call_for_staff(municipality=request.municipality, process_slug=process_slug, call_id=call_id)


def _url(name: str, call, **extra) -> str:
    return reverse(f"backoffice:proposals_staff:{name}", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "call_id": call.pk, **extra})


def _can(request) -> dict:
    user, municipality = request.user, request.municipality
    return {"can_manage": user.has_perm(MANAGE, municipality), "can_moderate": user.has_perm(MODERATE, municipality)}


def _intake_url(call) -> str:
    """The staff intake page (another part of the back-office); empty while it is not mounted."""
    try:
        return _url("intake", call)
    except NoReverseMatch:
        return ""


def _window(call) -> dict:
    first, last = services.call_window(call)
    return {"window_first": first, "window_last": last, "is_open": services.call_is_open(call)}


# --- the calls of a process, the call's settings and themes -------------------------------------------------------

@require_perm(VIEW)
def call_list(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    calls, without = selectors.calls_for_process(process=process)
    rows = [{"call": call, **_window(call)} for call in calls]
    return render(request, "proposals/staff/calls.html", {
        "process": process, "rows": rows, "activities_without_call": without, **_can(request)})


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def call_create(request, process_slug, activity_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    activity = selectors.call_activity_without_call(process=process, activity_id=activity_id)
    form = CallForm(request.POST or None, initial={"title": _("Ideas and expectations (wnioski)")})
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(actor=request.user, activity=activity, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The call for ideas is created with the dimensions of development as its "
                                        "themes."))
            return redirect(_url("register", call))
    return render(request, "proposals/staff/call_form.html", {
        "process": process, "activity": activity, "form": form,
        "window_first": activity.actual_start or activity.planned_start,
        "window_last": activity.actual_end or activity.planned_end})


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def call_update(request, process_slug, call_id):
    call = _call(request, process_slug, call_id)
    initial = {"title": call.title, "intro": call.intro, "after_close_text": call.after_close_text,
               "moderation_mode": call.moderation_mode}
    form = CallForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(actor=request.user, call=call, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The call's settings are saved."))
            return redirect(_url("call_update", call))
    return render(request, "proposals/staff/call_form.html", {
        "process": call.process, "call": call, "activity": call.activity, "form": form, **_window(call),
        "themes": list(call.themes.all()), "theme_form": ThemeForm()})


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def theme_create(request, process_slug, call_id):
    call = _call(request, process_slug, call_id)
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(actor=request.user, call=call, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The theme “%(name)s” is added.") % {"name": theme.name})
            return redirect(_url("call_update", call))
    return render(request, "proposals/staff/theme_form.html", {
        "process": call.process, "call": call, "form": form, "themes": list(call.themes.all())})


# --- the register -----------------------------------------------------------------------------------------------

@require_perm(VIEW)
def proposal_register(request, process_slug, call_id):
    call = _call(request, process_slug, call_id)
    form = RegisterFilterForm(request.GET or None, call=call)
    ideas = selectors.proposal_register(call=call, filters=form.filters() if form.is_bound else {})
    page = Paginator(ideas, PAGE_SIZE).get_page(request.GET.get("strona"))
    query = request.GET.copy()
    query.pop("strona", None)
    return render(request, "proposals/staff/register.html", {
        "process": call.process, "call": call, "form": form, "page": page, "query": query.urlencode(),
        "filtered": bool(query), "intake_url": _intake_url(call), **_window(call), **_can(request)})


# --- an idea ----------------------------------------------------------------------------------------------------

def _proposal_page(request, call, proposal, *, hide_form=None, status_form=None, status=200):
    can = _can(request)
    return render(request, "proposals/staff/proposal.html", {
        "process": call.process, "call": call, "proposal": proposal,
        "history": list(proposal.status_changes.all()), "merged": list(proposal.merged.all()),
        "attachments": list(proposal.attachments.all()),
        "hide_form": hide_form or HideForm(), "status_form": status_form or StatusForm(), **can,
    }, status=status)


@require_perm(VIEW)
def proposal_detail(request, process_slug, call_id, proposal_id):
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    return _proposal_page(request, call, proposal)


@require_perm(MODERATE)
@require_POST
def proposal_publish(request, process_slug, call_id, proposal_id):
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    try:
        services.proposal_publish(actor=request.user, proposal=proposal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Idea %(number)s is published.") % {"number": proposal.number})
    return redirect(_url("detail", call, proposal_id=proposal.pk))


@require_perm(MODERATE)
@require_POST
def proposal_hide(request, process_slug, call_id, proposal_id):
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_hide(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Idea %(number)s is hidden; its author is told why.")
                             % {"number": proposal.number})
            return redirect(_url("detail", call, proposal_id=proposal.pk))
    return _proposal_page(request, call, proposal, hide_form=form)


@require_perm(MODERATE)
@require_http_methods(["GET", "POST"])
def proposal_merge(request, process_slug, call_id, proposal_id):
    """Choose the idea this one duplicates (a search narrows the list) and merge into it."""
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    search = MergeSearchForm(request.GET or None)
    text = search.cleaned_data["q"] if search.is_bound and search.is_valid() else ""
    candidates = selectors.merge_candidates(proposal=proposal, text=text)
    form = MergeForm(request.POST or None, candidates=candidates if request.method == "GET"
                     else selectors.merge_candidates(proposal=proposal))
    if request.method == "POST" and form.is_valid():
        kept = form.cleaned_data["kept"]
        try:
            services.proposal_merge(actor=request.user, duplicate=proposal, kept=kept)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Idea %(number)s is merged into idea %(kept)s; its supports are kept there.")
                             % {"number": proposal.number, "kept": kept.number})
            return redirect(_url("detail", call, proposal_id=kept.pk))
    return render(request, "proposals/staff/merge.html", {
        "process": call.process, "call": call, "proposal": proposal, "search": search, "form": form,
        "searched": bool(text)})


@require_perm(MODERATE)
@require_POST
def proposal_status(request, process_slug, call_id, proposal_id):
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.proposals_route(actor=request.user, call=call, proposals=[proposal], **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The status of idea %(number)s is changed; its author is told.")
                             % {"number": proposal.number})
            return redirect(_url("detail", call, proposal_id=proposal.pk))
    return _proposal_page(request, call, proposal, status_form=form)


# --- several ideas at once --------------------------------------------------------------------------------------

def _publish_many(request, call, ideas) -> None:
    published = 0
    for proposal in ideas:
        if proposal.merged_into_id or proposal.moderation == Moderation.PUBLISHED:
            continue
        services.proposal_publish(actor=request.user, proposal=proposal)
        published += 1
    messages.success(request, ngettext("%(count)s idea is published.", "%(count)s ideas are published.", published)
                     % {"count": published})


@require_perm(MODERATE)
@require_http_methods(["GET", "POST"])
def proposals_batch_status(request, process_slug, call_id):
    """From the register's checkboxes: publish them, or give them one status with one public justification
    (``proposals_route``: one batch, each author told). The status itself is posted with the ``apply`` button."""
    call = _call(request, process_slug, call_id)
    data = request.POST if request.method == "POST" else request.GET
    ideas = selectors.proposals_by_ids(call=call, ids=data.getlist(IDS))
    if request.method == "POST" and request.POST.get("action") == "publish":
        if not ideas:
            messages.error(request, _("Choose at least one idea."))
        else:
            _publish_many(request, call, ideas)
        return redirect(_url("register", call))
    applying = bool(ideas) and request.method == "POST" and "apply" in request.POST
    form = StatusForm(request.POST if applying else None)
    if applying and form.is_valid():
        try:
            count = services.proposals_route(actor=request.user, call=call, proposals=ideas,
                                             **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, ngettext("The status of %(count)s idea is changed; its author is told.",
                                               "The status of %(count)s ideas is changed; their authors are told.",
                                               count) % {"count": count})
            return redirect(_url("register", call))
    return render(request, "proposals/staff/batch_status.html", {
        "process": call.process, "call": call, "ideas": ideas, "form": form})


# --- files ------------------------------------------------------------------------------------------------------

def _file_response(handle, *, filename: str) -> FileResponse:
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_perm(VIEW)
def attachment_download(request, process_slug, call_id, proposal_id, attachment_id):
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    attachment = selectors.attachment_for_staff(proposal=proposal, attachment_id=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return _file_response(handle, filename=attachment.original_name)


@require_perm(MODERATE)
def scan_download(request, process_slug, call_id, proposal_id):
    """The scan of a letter may carry the author's address and signature: moderators only."""
    call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_for_staff(call=call, proposal_id=proposal_id)
    if not proposal.scan:
        raise Http404
    try:
        handle = proposal.scan.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    extension = proposal.scan.name.rsplit(".", 1)[-1].lower() if "." in proposal.scan.name else "bin"
    return _file_response(handle, filename=f"pomysl-{proposal.number}-skan.{extension}")


# --- exports ----------------------------------------------------------------------------------------------------

def _export(request, process_slug, call_id, format: str) -> HttpResponse:
    """``?wariant=publiczny`` gives the public variant; otherwise the internal one, with the authors' contacts
    for moderators."""
    call = _call(request, process_slug, call_id)
    if request.GET.get("wariant") == PUBLIC_VARIANT:
        variant = exports.PUBLIC
    else:
        variant = exports.CONTACTS if request.user.has_perm(MODERATE, request.municipality) else exports.INTERNAL
    content = exports.export_content(call=call, variant=variant)
    render_file, content_type, extension = exports.FORMATS[format]
    suffix = "-publiczne" if variant == exports.PUBLIC else ""
    filename = f"pomysly-{call.pk}{suffix}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response = HttpResponse(render_file(content), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_perm(VIEW)
def export_xlsx(request, process_slug, call_id):
    return _export(request, process_slug, call_id, "xlsx")


@require_perm(VIEW)
def export_csv(request, process_slug, call_id):
    return _export(request, process_slug, call_id, "csv")


@require_perm(VIEW)
def export_pdf(request, process_slug, call_id):
    return _export(request, process_slug, call_id, "pdf")
