"""Back-office: set up a process from a template, edit its harmonogram, record the council's resolutions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes import selectors, services
from strategia.processes.blueprints import BLUEPRINTS
from strategia.processes.enums import ScheduleChangeStatus
from strategia.processes.forms import (
    ActivityForm,
    PlannedDatesForm,
    ProcessCreateForm,
    ProcessSettingsForm,
    ResolutionForm,
)
from strategia.processes.models import ScheduleChange

MANAGE = "processes.manage_process"
VIEW = "processes.view_process_internal"


def _detail_url(request, process):
    return reverse("backoffice:processes_staff:detail",
                   kwargs={"municipality_slug": request.municipality.slug, "process_slug": process.slug})


@require_perm(MANAGE)
def process_create(request):
    form = ProcessCreateForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        process = services.process_create_from_blueprint(
            actor=request.user, municipality=request.municipality, title=data["title"], slug=data["slug"],
            start_year=data["start_year"], start_quarter=data["start_quarter"], horizon_year=data["horizon_year"],
            blueprint=BLUEPRINTS[data["blueprint"]],
        )
        messages.success(request, _("The process has been created from the template."))
        return redirect(_detail_url(request, process))
    return render(request, "processes/staff/process_create.html", {"form": form})


@require_perm(VIEW)
def process_detail(request, process_slug):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    stages = selectors.schedule_for_process(process=process)
    changes = selectors.schedule_changes_for_process(process=process)
    return render(request, "processes/staff/process_detail.html", {
        "process": process, "stages": stages, "resolutions": list(process.resolutions.all()),
        "changes": changes, "can_manage": request.user.has_perm(MANAGE, request.municipality),
    })


@require_perm(MANAGE)
def process_settings(request, process_slug):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    form = ProcessSettingsForm(request.POST or None, instance=process)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        # The form validated a copy; the service applies the values to a fresh object for a true "before".
        fresh = selectors.process_get(municipality=request.municipality, slug=process_slug)
        services.process_update(actor=request.user, process=fresh, **fields)
        messages.success(request, _("The settings have been saved."))
        return redirect(_detail_url(request, fresh))
    return render(request, "processes/staff/process_settings.html", {"process": process, "form": form})


@require_perm(MANAGE)
def activity_edit(request, process_slug, activity_id):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    activity = selectors.activity_get(process=process, activity_id=activity_id)
    form = ActivityForm(request.POST or None, initial=ActivityForm.initial_for(activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(actor=request.user, activity=selectors.activity_get(
                process=process, activity_id=activity_id), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The activity has been saved."))
            return redirect(_detail_url(request, process))
    return render(request, "processes/staff/activity_edit.html", {
        "process": process, "activity": activity, "form": form,
    })


@require_perm(MANAGE)
def activity_plan(request, process_slug, activity_id):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    activity = selectors.activity_get(process=process, activity_id=activity_id)
    initial = {"planned_precision": activity.planned_precision, "planned_start": activity.planned_start,
               "planned_end": activity.planned_end}
    form = PlannedDatesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.activity_change_planned_dates(
                actor=request.user, activity=activity, start=data["planned_start"], end=data["planned_end"],
                precision=data["planned_precision"], reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if isinstance(result, ScheduleChange):
                messages.warning(request, _("The council has fixed the schedule, so the change was saved as a "
                                            "draft schedule change. It takes effect when the amending resolution "
                                            "is recorded."))
            else:
                messages.success(request, _("The planned dates have been changed."))
            return redirect(_detail_url(request, process))
    return render(request, "processes/staff/activity_plan.html", {
        "process": process, "activity": activity, "form": form, "fixed": process.schedule_is_fixed,
    })


@require_perm(MANAGE)
def resolution_create(request, process_slug):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    pending = ScheduleChange.objects.filter(activity__stage__process=process,
                                            status=ScheduleChangeStatus.PENDING).select_related("activity__stage")
    form = ResolutionForm(request.POST or None, request.FILES or None, pending_changes=pending)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.resolution_record(
                actor=request.user, process=process, kind=data["kind"], number=data["number"],
                adopted_on=data["adopted_on"], title=data["title"], file=data["file"],
                adopt_changes=list(data["adopt_changes"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The resolution has been recorded."))
            return redirect(_detail_url(request, process))
    return render(request, "processes/staff/resolution_form.html", {"process": process, "form": form})


@require_perm(MANAGE)
@require_POST
def schedule_change_withdraw(request, process_slug, change_id):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    change = get_object_or_404(ScheduleChange, pk=change_id, activity__stage__process=process)
    try:
        services.schedule_change_withdraw(actor=request.user, change=change)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The draft change has been withdrawn."))
    return redirect(_detail_url(request, process))


@require_perm(VIEW)
def resolution_docx_download(request, process_slug):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    from strategia.processes.resolution_docx import resolution_docx

    content = resolution_docx(process=process)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="uchwala-tryb-harmonogram-{process.slug}.docx"'
    return response
