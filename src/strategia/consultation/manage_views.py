"""Back-office pages that manage a consultation: create it for a process, change its settings until it is
announced, announce it (publish on the portal, recording the time), extend its last day, add and edit its meetings
(attendance and minutes once held), and download the announcement and the paper remark form.

Writes go through the services in services.py (one audit entry each); their refusals, which cite the article,
are shown next to the field they concern."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strategia.consultation import manage_selectors as selectors
from strategia.consultation import services
from strategia.consultation.manage_files import (
    ANNOUNCEMENT_FORMATS,
    PAPER_FORM_FORMATS,
    announcement_response,
    paper_form_response,
)
from strategia.consultation.manage_forms import ConsultationSettingsForm, ExtendForm, MeetingSettingsForm
from strategia.core.access import require_perm
from strategia.core.deadlines import deadline, today_local
from strategia.core.forms import add_service_errors
from strategia.core.statutory import Rule, period
from strategia.processes.selectors import process_get

MANAGE = "consultation.manage"
VIEW = "consultation.view"
TEMPLATES = "consultation/staff/manage/"


def _consultation(request, process_slug, consultation_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    return selectors.consultation_for_staff(process=process, consultation_id=consultation_id)


def _url(name: str, consultation, **extra) -> str:
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def _context(consultation, **extra) -> dict:
    return {"process": consultation.process, "consultation": consultation, **extra}


# --- settings -------------------------------------------------------------------------------------------------

@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def consultation_create(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    if request.method == "POST":
        form = ConsultationSettingsForm(request.POST, request.FILES, process=process)
        if form.is_valid():
            try:
                consultation = services.consultation_create(actor=request.user, process=process,
                                                            **form.service_kwargs())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The consultation has been created. Announce it when the announcement "
                                            "is ready to be published."))
                return redirect(_url("settings", consultation))
    else:
        today = today_local()
        form = ConsultationSettingsForm(process=process, initial={
            "planned_announcement_on": today,
            "ends_on": today + dt.timedelta(days=period(Rule.CONSULTATION_MIN_DAYS, on=today).days)})
    return render(request, TEMPLATES + "settings.html", {"process": process, "consultation": None, "form": form})


def _settings_initial(consultation) -> dict:
    return {name: getattr(consultation, name) for name in ConsultationSettingsForm.SERVICE_FIELDS}


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def consultation_settings(request, process_slug, consultation_id):
    """The settings until the announcement; after it, the page says why they are fixed and links to extension."""
    consultation = _consultation(request, process_slug, consultation_id)
    form = None
    if consultation.announced_at is None:
        if request.method == "POST":
            form = ConsultationSettingsForm(request.POST, request.FILES, process=consultation.process,
                                            consultation=consultation)
            if form.is_valid():
                try:
                    services.consultation_update(
                        actor=request.user, consultation=consultation, **form.service_kwargs(),
                        remove_forecast_file=form.cleaned_data.get("remove_forecast_file", False))
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The settings have been saved."))
                    return redirect(_url("settings", consultation))
        else:
            form = ConsultationSettingsForm(process=consultation.process, consultation=consultation,
                                            initial=_settings_initial(consultation))
    elif request.method == "POST":
        messages.error(request, _("The consultation has been announced: its settings can no longer be changed."))
        return redirect(_url("settings", consultation))
    return render(request, TEMPLATES + "settings.html", _context(consultation, form=form))


# --- announcement ---------------------------------------------------------------------------------------------

def _period_if_announced_now(consultation) -> dict:
    """The period announcing *now* would give: from the day after today to the last day, and whether the law
    allows it (the same check the service makes when the button is pressed)."""
    today = today_local()
    days = (consultation.ends_on - today).days
    clock = deadline(event_day=today, days=max(days, 0),
                     shift_to_working_day=consultation.process.shift_to_working_day)
    refusal = None
    try:
        services.validate_period(event_day=today, ends_on=consultation.ends_on,
                                 with_forecast=consultation.has_forecast)
    except ValidationError as error:
        refusal = " ".join(error.messages)
    return {"announce_day": today, "first_day": today + dt.timedelta(days=1), "last_day": clock.last_day,
            "days": days, "shifted": clock.was_shifted, "refusal": refusal}


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def consultation_announce(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    error = None
    if request.method == "POST" and consultation.announced_at is None:
        try:
            consultation = services.consultation_announce(actor=request.user, consultation=consultation)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("The consultation has been announced on the portal."))
            return redirect(_url("announce", consultation))
    context = _context(consultation, error=error, announcement_formats=ANNOUNCEMENT_FORMATS,
                       paper_form_formats=PAPER_FORM_FORMATS)
    if consultation.announced_at is None:
        context["preview"] = _period_if_announced_now(consultation)
    else:
        context["period"] = services.comment_period(consultation)
        context["public_url"] = reverse("consultation:detail", kwargs={
            "municipality_slug": consultation.process.municipality.slug,
            "process_slug": consultation.process.slug, "consultation_id": consultation.pk})
    return render(request, TEMPLATES + "announce.html", context)


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def consultation_extend(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    if request.method == "POST":
        form = ExtendForm(request.POST)
        if form.is_valid():
            try:
                services.consultation_extend(actor=request.user, consultation=consultation,
                                             ends_on=form.cleaned_data["ends_on"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The last day for remarks has been moved."))
                return redirect(_url("extend", consultation))
    else:
        form = ExtendForm(initial={"ends_on": consultation.ends_on + dt.timedelta(days=7)})
    return render(request, TEMPLATES + "extend.html",
                  _context(consultation, form=form, period=services.comment_period(consultation)))


# --- meetings -------------------------------------------------------------------------------------------------

@require_perm(VIEW)
def meeting_list(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    return render(request, TEMPLATES + "meetings.html", _context(
        consultation, meetings=selectors.meetings_of(consultation=consultation),
        can_manage=request.user.has_perm(MANAGE, request.municipality)))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_create(request, process_slug, consultation_id):
    consultation = _consultation(request, process_slug, consultation_id)
    if request.method == "POST":
        form = MeetingSettingsForm(request.POST)
        if form.is_valid():
            try:
                services.meeting_create(actor=request.user, consultation=consultation, **form.service_kwargs())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The meeting has been added."))
                return redirect(_url("meetings", consultation))
    else:
        form = MeetingSettingsForm()
    return render(request, TEMPLATES + "meeting_form.html", _context(consultation, form=form, meeting=None))


@require_perm(MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_edit(request, process_slug, consultation_id, meeting_id):
    consultation = _consultation(request, process_slug, consultation_id)
    meeting = selectors.meeting_for_staff(consultation=consultation, meeting_id=meeting_id)
    with_outcome = meeting.starts_at <= timezone.now()
    if request.method == "POST":
        form = MeetingSettingsForm(request.POST, request.FILES, with_outcome=with_outcome)
        if form.is_valid():
            try:
                services.meeting_update(actor=request.user, meeting=meeting, **form.service_kwargs())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The meeting has been saved."))
                return redirect(_url("meetings", consultation))
    else:
        form = MeetingSettingsForm(with_outcome=with_outcome, initial={
            "kind": meeting.kind, "starts_at": timezone.localtime(meeting.starts_at),
            "ends_at": timezone.localtime(meeting.ends_at) if meeting.ends_at else None, "place": meeting.place,
            "form": meeting.form, "accessibility": meeting.accessibility, "attendance": meeting.attendance})
    return render(request, TEMPLATES + "meeting_form.html",
                  _context(consultation, form=form, meeting=meeting, with_outcome=with_outcome))


# --- downloads ------------------------------------------------------------------------------------------------

@require_perm(VIEW)
def announcement_download(request, process_slug, consultation_id, format):
    consultation = _consultation(request, process_slug, consultation_id)
    return announcement_response(consultation=consultation, format=format)


@require_perm(VIEW)
def paper_form_download(request, process_slug, consultation_id, format):
    consultation = _consultation(request, process_slug, consultation_id)
    return paper_form_response(consultation=consultation, format=format)
