"""Public pages of the call for ideas: the process's calls, the list of published ideas (filters, search, sort,
pagination), the map (clustered markers from a JSON endpoint, the list as its alternative), an idea's page (place,
attachments, status with its public justifications, merged duplicates, comments), supports ("Popieram") and the
public summary (theme × status).

Support after logging in: the button is a POST form (with its CSRF token). When an anonymous visitor presses it,
the POST records the intent in the session (the idea, valid for ``SUPPORT_INTENT_TTL``) and sends them to the login
page with ``next`` = the idea's page (``?potwierdz=1``). Logging in keeps an anonymous session's data, so
when the logged-in user lands on that idea's page, the intent is taken out of the session and the support is added
through ``support_add``; the page says so, with the button pressed and focused. Only the session's intent, written
by that POST, adds a support: the address alone (``?potwierdz=1``, a foreign link) changes nothing and, without an
intent (expired, or another browser), only shows the focused button with a note to press it.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from strategia.core.access import public
from strategia.processes.selectors import process_get
from strategia.proposals import selectors
from strategia.proposals.enums import AttachmentKind, Status
from strategia.proposals.public_forms import ProposalFilterForm
from strategia.proposals.selectors import ProposalFilters
from strategia.proposals.services import call_is_open, call_window, support_add, support_withdraw

PAGE_SIZE = 20
COMMENTS_TEMPLATE = "comments/includes/thread.html"
DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = "© OpenStreetMap"
CONFIRM_PARAM = "potwierdz"
SUPPORT_INTENT_KEY = "proposals.support_intent"
SUPPORT_INTENT_TTL = dt.timedelta(minutes=30)  # time enough to log in (or sign up and confirm the address)


def _call(request, process_slug, call_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    return process, selectors.call_public_get(process=process, call_id=call_id)


def _kwargs(call, **extra) -> dict:
    return {"municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
            "call_id": call.pk, **extra}


def _filters(request, call) -> tuple[ProposalFilterForm, ProposalFilters, str]:
    """The filter form, what it selects, and the query string to keep across pages and views (without the page)."""
    bound = any(request.GET.get(name) for name in ("q", "theme", "status", "locality", "sort"))
    form = ProposalFilterForm(request.GET if bound else None, call=call)
    filters = form.filters() if bound else ProposalFilters()
    query = request.GET.copy()
    query.pop("strona", None)
    return form, filters, query.urlencode()


def _narrowed(filters: ProposalFilters) -> bool:
    """Whether the filters leave some ideas out (the order alone does not)."""
    return replace(filters, sort=ProposalFilters().sort) != ProposalFilters()


def _map_settings() -> dict:
    return {"tile_url": getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL),
            "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION)}


def _comments_thread(request, proposal):
    """The idea's discussion (``comments.selectors.comments_for``), or None while the comments app does not
    provide its thread template and selector."""
    try:
        select_template([COMMENTS_TEMPLATE])
        from strategia.comments.selectors import comments_for
    except (TemplateDoesNotExist, ImportError):
        return None
    return comments_for(proposal, request.user, here=proposal.get_absolute_url())


def _comments_context(request, proposal) -> dict:
    thread = _comments_thread(request, proposal)
    return {"comments_enabled": thread is not None, "thread": thread}


@public
@require_GET
def call_index(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    rows = [{"call": call, "window": call_window(call), "open": call_is_open(call)}
            for call in selectors.calls_public(process=process)]
    return render(request, "proposals/public/index.html", {"process": process, "rows": rows})


@public
@require_GET
def proposal_list(request, process_slug, call_id):
    process, call = _call(request, process_slug, call_id)
    form, filters, query = _filters(request, call)
    page = Paginator(selectors.proposals_public(call=call, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("strona"))
    for proposal in page.object_list:
        proposal.call = call  # its URL needs the process and municipality: already loaded
        proposal.public_author = selectors.public_author(proposal)
    return render(request, "proposals/public/list.html", {
        "process": process, "call": call, "form": form, "page": page, "proposals": page.object_list,
        "query": query, "filtered": _narrowed(filters), "open": call_is_open(call),
    })


@public
@require_GET
def proposal_map(request, process_slug, call_id):
    process, call = _call(request, process_slug, call_id)
    form, filters, query = _filters(request, call)
    data_url = reverse("proposals:map_data", kwargs=_kwargs(call))
    without_point = selectors.proposals_without_point(call=call, filters=filters)
    for proposal in without_point:
        proposal.call = call
        proposal.public_author = selectors.public_author(proposal)
    return render(request, "proposals/public/map.html", {
        "process": process, "call": call, "form": form, "query": query,
        "data_url": f"{data_url}?{query}" if query else data_url,
        "without_point": without_point, "filtered": _narrowed(filters), **_map_settings(),
    })


@public
@require_GET
def proposal_map_data(request, process_slug, call_id):
    """The map's markers: public ideas with a point, with the same filters as the list (JSON)."""
    _process, call = _call(request, process_slug, call_id)
    _form, filters, _query = _filters(request, call)
    statuses = dict(Status.choices)
    points = [{
        "id": row["pk"], "number": row["number"], "title": row["title"], "theme": row["theme__name"],
        "status": str(statuses.get(row["status"], row["status"])), "supports": row["support_count"],
        "lat": float(row["latitude"]), "lng": float(row["longitude"]),
        "url": reverse("proposals:detail", kwargs=_kwargs(call, proposal_id=row["pk"])),
    } for row in selectors.proposals_map_points(call=call, filters=filters)]
    return JsonResponse({"count": len(points), "points": points})


def _support_intent_record(request, proposal) -> None:
    """Remember, in the (anonymous) session, that this visitor pressed "Popieram" on ``proposal``."""
    until = timezone.now() + SUPPORT_INTENT_TTL
    request.session[SUPPORT_INTENT_KEY] = {"proposal": proposal.pk, "until": until.timestamp()}


def _support_intent_complete(request, proposal) -> bool:
    """Complete the support the visitor asked for before logging in, when the session holds a live intent for this
    idea; True when the support is recorded (also when the user had already supported it). The intent is used
    once; when the service refuses, the page says why."""
    if not request.user.is_authenticated:
        return False
    intent = request.session.get(SUPPORT_INTENT_KEY)
    if not isinstance(intent, dict):
        return False
    if intent.get("until", 0) < timezone.now().timestamp():
        del request.session[SUPPORT_INTENT_KEY]
        return False
    if intent.get("proposal") != proposal.pk:
        return False  # pressed on another idea: completed when the user lands there (or left to expire)
    del request.session[SUPPORT_INTENT_KEY]
    try:
        support_add(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    proposal.refresh_from_db(fields=["support_count"])
    return True


@public
@require_GET
def proposal_detail(request, process_slug, call_id, proposal_id):
    process, call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_public_get(call=call, proposal_id=proposal_id)
    if proposal.merged_into_id is not None:
        return redirect(proposal.merged_into.get_absolute_url(), permanent=False)
    support_recorded = _support_intent_complete(request, proposal)
    supported = selectors.user_supports(proposal=proposal, user=request.user)
    attachments = selectors.proposal_attachments(proposal=proposal)
    return render(request, "proposals/public/detail.html", {
        "process": process, "call": call, "proposal": proposal, "public_author": selectors.public_author(proposal),
        "history": selectors.proposal_history(proposal=proposal),
        "images": [a for a in attachments if a.kind == AttachmentKind.IMAGE],
        "documents": [a for a in attachments if a.kind != AttachmentKind.IMAGE],
        "merged": selectors.proposal_merged_ones(proposal=proposal),
        "supported": supported, "support_count": proposal.support_count,
        "support_recorded": support_recorded,
        "confirm_support": (request.GET.get(CONFIRM_PARAM) == "1" and request.user.is_authenticated
                            and not supported),
        "has_point": proposal.latitude is not None and proposal.longitude is not None,
        **_comments_context(request, proposal), **_map_settings(),
    })


def _support_box(request, call, proposal, *, supported: bool) -> HttpResponse:
    """The button swapped in place (htmx), the count updated in its live region, and the "confirm your support"
    note removed once the user has pressed the button it pointed to."""
    return render(request, "proposals/public/_support_swap.html", {
        "call": call, "proposal": proposal, "supported": supported,
        "support_count": selectors.support_count(proposal=proposal),
        "confirmed": request.POST.get("confirming") == "1",
    })


@public
@require_http_methods(["GET", "POST"])
def support(request, process_slug, call_id, proposal_id):
    """POST: support (``action=add``) or withdraw (``action=withdraw``) — the button says which, so a repeated
    submission does not flip it back. Anonymous: the support is remembered in the session and completed on the
    idea's page after logging in. GET (the login's ``next`` before that) changes nothing: it leads to the button."""
    _process, call = _call(request, process_slug, call_id)
    proposal = selectors.proposal_public_get(call=call, proposal_id=proposal_id)
    if proposal.merged_into_id is not None:
        proposal = proposal.merged_into
    detail_url = proposal.get_absolute_url()
    # No #popieram here: Chromium clears the focus when it scrolls to a fragment that is not focusable, which
    # would undo the autofocus on the button (focusing the button scrolls it into view anyway).
    back = f"{detail_url}?{CONFIRM_PARAM}=1"
    if not request.user.is_authenticated:
        if request.method == "POST" and request.POST.get("action") != "withdraw":
            _support_intent_record(request, proposal)
        if request.htmx:
            login_url = f"{reverse('account_login')}?{urlencode({'next': back})}"
            return HttpResponse(status=204, headers={"HX-Redirect": login_url})
        return redirect_to_login(back)
    if request.method == "GET":
        return redirect(back)
    try:
        if request.POST.get("action") == "withdraw":
            support_withdraw(actor=request.user, proposal=proposal)
            supported, message = False, _("Your support has been withdrawn.")
        else:
            support_add(actor=request.user, proposal=proposal)
            supported, message = True, _("Thank you: your support has been recorded.")
    except ValidationError as error:
        raise Http404 from error
    if request.htmx:
        return _support_box(request, call, proposal, supported=supported)
    messages.success(request, message)
    return redirect(f"{detail_url}#popieram")


@public
@require_GET
def attachment(request, process_slug, call_id, proposal_id, attachment_id):
    """An attachment of a public idea (the files are private media: never served from /media/)."""
    _process, call = _call(request, process_slug, call_id)
    item = selectors.attachment_public_get(call=call, proposal_id=proposal_id, attachment_id=attachment_id)
    if item.kind == AttachmentKind.PDF:
        content_type, inline = "application/pdf", False
    else:
        content_type = mimetypes.guess_type(item.file.name)[0] or "application/octet-stream"
        inline = content_type in ("image/jpeg", "image/png")
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type, as_attachment=not inline,
                            filename=item.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public
@require_GET
def summary(request, process_slug, call_id):
    process, call = _call(request, process_slug, call_id)
    return render(request, "proposals/public/summary.html", {
        "process": process, "call": call, "summary": selectors.proposals_summary(call=call)})
