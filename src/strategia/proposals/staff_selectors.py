"""Back-office reads of the call for ideas: a process's calls (and the call-for-ideas activities still without
one), one call or idea scoped to the municipality and process (an id from elsewhere is a 404), the register of
ideas with its filters, ideas chosen in the register, the candidates to merge a duplicate into, an attachment.

Query counts do not grow with the number of ideas: the register is one count and one page query, an idea's page a
fixed handful."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.processes.selectors import process_get
from strategia.proposals.enums import Moderation
from strategia.proposals.models import Attachment, Call, Proposal, StatusChange
from strategia.proposals.search import matching
from strategia.proposals.services import CALL_ACTIVITY_TYPE

# Values of the register's "moderation" filter beyond the Moderation choices.
HELD = "held"
MERGED = "merged"


def calls_for_process(*, process) -> tuple[list[Call], list[Activity]]:
    """The process's calls with their numbers of ideas (one query), and the call-for-ideas activities that have no
    call yet (one query)."""
    calls = list(Call.objects.filter(process=process).select_related("activity", "activity__stage").annotate(
        proposal_count=Count("proposals", filter=Q(proposals__merged_into__isnull=True)),
        pending_count=Count("proposals", filter=Q(proposals__moderation=Moderation.PENDING,
                                                  proposals__merged_into__isnull=True)),
    ).order_by("activity__stage__number", "activity__position"))
    without = list(Activity.objects.filter(stage__process=process, activity_type=CALL_ACTIVITY_TYPE,
                                           call__isnull=True).select_related("stage")
                   .order_by("stage__number", "position"))
    for call in calls:
        call.process = process
    return calls, without


def call_activity_without_call(*, process, activity_id: int) -> Activity:
    """An activity of this process of the type "call for ideas"; 404 for any other (a call exists or not is for the
    service to say)."""
    activity = get_object_or_404(Activity.objects.select_related("stage"), pk=activity_id, stage__process=process,
                                 activity_type=CALL_ACTIVITY_TYPE)
    activity.stage.process = process
    return activity


def call_for_staff(*, municipality, process_slug: str, call_id: int) -> Call:
    """A call of this municipality's process; an id from another process or municipality is a 404."""
    process = process_get(municipality=municipality, slug=process_slug)
    call = get_object_or_404(Call.objects.select_related("activity", "activity__stage"), pk=call_id,
                             process=process)
    call.process = process
    return call


def localities(*, municipality) -> QuerySet[TerritorialUnit]:
    """The municipality's localities and sołectwa (the place of an idea)."""
    return TerritorialUnit.objects.filter(parent=municipality.unit_id).order_by("name")


def proposal_register(*, call: Call, filters: dict | None = None) -> QuerySet[Proposal]:
    """Every idea of the call, merged and hidden ones included: awaiting moderation first, then the newest.
    ``filters``: moderation (a Moderation value, ``held`` or ``merged``), status, theme (id), locality (id),
    channel, text (Polish-aware, ``search.matching``)."""
    filters = filters or {}
    ideas = (Proposal.objects.filter(call=call)
             .select_related("theme", "locality", "merged_into")
             .annotate(pending_first=Case(When(moderation=Moderation.PENDING, merged_into__isnull=True, then=Value(0)),
                                          default=Value(1), output_field=IntegerField()))
             .order_by("pending_first", "-number"))
    moderation = filters.get("moderation")
    if moderation == HELD:
        ideas = ideas.filter(held_for_review=True)
    elif moderation == MERGED:
        ideas = ideas.filter(merged_into__isnull=False)
    elif moderation:
        ideas = ideas.filter(moderation=moderation, merged_into__isnull=True)
    for key, lookup in (("status", "status"), ("theme", "theme_id"), ("locality", "locality_id"),
                        ("channel", "channel")):
        if filters.get(key):
            ideas = ideas.filter(**{lookup: filters[key]})
    if (filters.get("text") or "").strip():
        ideas = matching(ideas, filters["text"])
    return ideas


def proposal_for_staff(*, call: Call, proposal_id: int) -> Proposal:
    """An idea of this call with everything its page shows: attachments, the history (with who changed it), the
    ideas merged into it."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("theme", "locality", "merged_into", "author").prefetch_related(
            "attachments",
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("actor").order_by("created_at",
                                                                                                       "id")),
            Prefetch("merged", queryset=Proposal.objects.only("id", "number", "title", "merged_into_id")),
        ),
        pk=proposal_id, call=call)
    proposal.call = call
    return proposal


def proposals_by_ids(*, call: Call, ids) -> list[Proposal]:
    """The ideas of this call among ``ids`` (strings from a form); anything else is ignored."""
    clean = [int(value) for value in ids if str(value).isdigit()]
    return list(Proposal.objects.filter(call=call, pk__in=clean).select_related("theme").order_by("number"))


def merge_candidates(*, proposal: Proposal, text: str = "") -> QuerySet[Proposal]:
    """Ideas of the same call an idea can be merged into: not itself, not already merged; a search narrows
    them."""
    candidates = (Proposal.objects.filter(call_id=proposal.call_id, merged_into__isnull=True)
                  .exclude(pk=proposal.pk).select_related("theme").order_by("-number"))
    if (text or "").strip():
        candidates = matching(candidates, text)
    return candidates


def attachment_for_staff(*, proposal: Proposal, attachment_id: int) -> Attachment:
    return get_object_or_404(Attachment, pk=attachment_id, proposal=proposal)
