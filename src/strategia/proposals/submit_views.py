"""Public pages for sending an idea: /<municipality>/<process>/pomysly/… (namespace proposals).

- the call's page with the form (open by the server's clock; otherwise the dates and what comes next);
- the confirmation after sending (the idea is remembered in the session, never by an id in the address);
- the tracking page ("what happened to my idea"), reached only with the idea's secret token.

Files attached to a form that fails validation are stored at once as draft attachments and carried by signed
tokens, so the resident never attaches them twice. Anti-spam never drops anything: the honeypot field or a flood
from one address stores the idea held for review.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Avg
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from strategia.core.access import public
from strategia.core.forms import add_service_errors
from strategia.core.mail import mail_send
from strategia.core.ratelimit import over_limit
from strategia.processes.selectors import process_get
from strategia.proposals.attachments import (
    MAX_ATTACHMENTS,
    attachment_draft_create,
    attachment_draft_discard,
    draft_signed_token,
    drafts_from_tokens,
)
from strategia.proposals.enums import Moderation, Status
from strategia.proposals.models import Call, Proposal
from strategia.proposals.services import call_is_open, call_window, proposal_submit
from strategia.proposals.submit_forms import ProposalSubmitForm

KEPT_FIELD = "kept_attachment"
REMOVE_FIELD = "remove_attachment"
SESSION_KEY = "proposals.submitted.%s"
# More ideas than this from one address within the window are still stored, but held for staff to review.
SUBMISSIONS_PER_WINDOW = 10
WINDOW_SECONDS = 60 * 60
# Without any pin yet, the map shows Poland; with pins of published ideas, their middle.
POLAND_CENTRE = (52.07, 19.48)


def call_for_public(request, process_slug, call_id) -> Call:
    """The call of this process in this municipality (404 for an id of another process or municipality)."""
    process = process_get(municipality=request.municipality, slug=process_slug)
    return get_object_or_404(Call.objects.select_related("activity", "process__municipality"),
                             process=process, pk=call_id)


def _urls(call: Call) -> dict:
    kwargs = {"municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
              "call_id": call.pk}
    return {"submit": reverse("proposals:submit", kwargs=kwargs),
            "submitted": reverse("proposals:submitted", kwargs=kwargs)}


def tracking_path(proposal: Proposal) -> str:
    process = proposal.call.process
    return reverse("proposals:tracking", kwargs={"municipality_slug": process.municipality.slug,
                                                 "process_slug": process.slug, "token": proposal.tracking_token})


def _map_centre(call: Call) -> tuple[float, float, int]:
    centre = call.proposals.filter(moderation=Moderation.PUBLISHED, latitude__isnull=False).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude"))
    if centre["lat"] is None:
        return (*POLAND_CENTRE, 6)
    return float(centre["lat"]), float(centre["lon"]), 12


def _initial(request) -> dict:
    user = request.user
    if user.is_authenticated:
        return {"author_name": user.display_name or user.get_full_name()}
    return {}


@public
def submit(request, process_slug, call_id):
    call = call_for_public(request, process_slug, call_id)
    is_open = call_is_open(call)
    kept = []
    if request.method == "POST":
        kept = _kept_attachments(request, call)
        form = ProposalSubmitForm(request.POST, request.FILES, call=call, kept_count=len(kept))
        valid = form.is_valid()
        if is_open:
            valid = _store_uploads(request, form, kept) and valid
        if valid:
            proposal = _submit(request, call, form, kept)
            if proposal is not None:
                request.session[SESSION_KEY % call.pk] = proposal.pk
                return redirect(_urls(call)["submitted"])
    else:
        form = ProposalSubmitForm(call=call, initial=_initial(request))
    first, last = call_window(call)
    lat, lon, zoom = _map_centre(call) if is_open else (None, None, None)
    return render(request, "proposals/submit/form.html", {
        "process": call.process, "call": call, "themes": call.themes.all(), "form": form,
        "is_open": is_open, "first_day": first, "last_day": last, "urls": _urls(call),
        "kept": [{"attachment": a, "token": draft_signed_token(a, call_id=call.pk)} for a in kept],
        "kept_field": KEPT_FIELD, "remove_field": REMOVE_FIELD, "max_attachments": MAX_ATTACHMENTS,
        "map": {"tile_url": settings.MAP_TILE_URL, "lat": lat, "lon": lon, "zoom": zoom},
    })


def _kept_attachments(request, call: Call) -> list:
    """The drafts the form carries, minus those the resident asked to remove (deleted at once)."""
    kept = drafts_from_tokens(request.POST.getlist(KEPT_FIELD), call_id=call.pk)
    removed = set(request.POST.getlist(REMOVE_FIELD))
    for attachment in kept:
        if str(attachment.pk) in removed:
            attachment_draft_discard(actor=request.user, attachment=attachment)
    return [a for a in kept if str(a.pk) not in removed]


def _store_uploads(request, form, kept: list) -> bool:
    """Store every valid new file as a draft, whatever else is wrong with the form (so it is kept)."""
    stored_all = True
    for upload, kind in form.valid_uploads:
        try:
            kept.append(attachment_draft_create(actor=request.user, upload=upload, kind=kind))
        except ValidationError as error:
            form.add_error("attachments", _("%(name)s: %(problem)s") % {"name": upload.name,
                                                                         "problem": error.messages[0]})
            stored_all = False
    if not stored_all:
        form._mark_accessibility()  # the attachments field is now in error: aria-invalid, aria-describedby
    return stored_all


def _flooding(request) -> bool:
    return over_limit(request, scope="proposals-submit", limit=SUBMISSIONS_PER_WINDOW,
                      window_seconds=WINDOW_SECONDS)


def _submit(request, call: Call, form, kept: list) -> Proposal | None:
    held = form.honeypot_filled
    held = _flooding(request) or held  # every submission counts towards the limit
    try:
        proposal = proposal_submit(actor=request.user, call=call, attachments=kept, held_for_review=held,
                                   **form.proposal_kwargs(), **form.author_kwargs())
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    address = proposal.contact_email or (request.user.email if request.user.is_authenticated else "")
    if address:
        mail_send(to=[address], template="proposals/email/received", municipality=call.process.municipality,
                  context={"proposal": proposal, "call": call})
    return proposal


@public
def submitted(request, process_slug, call_id):
    call = call_for_public(request, process_slug, call_id)
    proposal = Proposal.objects.filter(call=call, pk=request.session.get(SESSION_KEY % call.pk)).first()
    if proposal is None:
        return redirect(_urls(call)["submit"])
    address = proposal.contact_email or (request.user.email if request.user.is_authenticated else "")
    return render(request, "proposals/submit/submitted.html", {
        "process": call.process, "call": call, "proposal": proposal, "email_sent_to": address,
        "tracking_url": request.build_absolute_uri(tracking_path(proposal)), "urls": _urls(call),
    })


@public
def tracking(request, process_slug, token):
    process = process_get(municipality=request.municipality, slug=process_slug)
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__process__municipality", "call__activity", "theme", "locality",
                                        "merged_into"),
        call__process=process, tracking_token=token)
    # The first row only records the submission (shown from received_at); every later one is a public step.
    history = [change for change in proposal.status_changes.all()
               if not (change.from_status == change.to_status == Status.SUBMITTED and not change.justification)]
    return render(request, "proposals/submit/tracking.html", {
        "process": process, "call": proposal.call, "proposal": proposal, "history": history,
        "attachments": list(proposal.attachments.all()), "Moderation": Moderation,
        "public_url": _public_url(proposal),
    })


def _public_url(proposal: Proposal) -> str:
    """The idea's public page once it is public (a merged idea: the one it was merged into, if public)."""
    shown = proposal.merged_into if proposal.merged_into_id else proposal
    if shown is None or not shown.is_public:
        return ""
    try:
        return shown.get_absolute_url()
    except NoReverseMatch:  # the public pages come with the list of ideas; until then there is no link
        return ""
