"""Reads of the public pages of the call for ideas: the process's calls, the list and the map of published ideas
(filters, Polish-aware search, sort), one idea's page (its history, attachments, merged duplicates), the user's
support and the public summary (counts by theme × status).

The public sees an idea only when it is published and not merged (``Proposal.is_public``); everything is scoped to
the call, which is scoped to the process of the municipality in the URL, so an id from elsewhere is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Lower, Replace
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from strategia.core.models import TerritorialUnit
from strategia.proposals.enums import Moderation, Status
from strategia.proposals.models import Attachment, Call, Proposal, StatusChange, Support
from strategia.proposals.search import matching

SORT_NEWEST = "najnowsze"
SORT_SUPPORTED = "najczesciej-popierane"
SORT_ALPHABETICAL = "alfabetycznie"

# Polish letters folded for the alphabetical order, so that "Źródło" sorts among the z's on both databases
# (SQLite's lower() only knows ASCII, and the collation of PostgreSQL depends on how the cluster was created).
_FOLD_PAIRS = [(a, b) for a, b in zip("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ", strict=True)]


def _folded_title():
    expression = F("title")
    for letter, plain in _FOLD_PAIRS:
        expression = Replace(expression, Value(letter), Value(plain))
    return Lower(expression)


# --- the call ------------------------------------------------------------------------------------------------

def calls_public(*, process) -> list[Call]:
    """The process's calls with the number of public ideas of each, in one query."""
    return list(
        Call.objects.filter(process=process).select_related("activity")
        .annotate(public_count=Count("proposals", filter=Q(proposals__moderation=Moderation.PUBLISHED,
                                                            proposals__merged_into__isnull=True)))
        .order_by("activity__position", "pk"))


def call_public_get(*, process, call_id: int) -> Call:
    """A call of ``process`` (404 for a call of another process or municipality)."""
    return get_object_or_404(Call.objects.select_related("activity", "process", "process__municipality"),
                             pk=call_id, process=process)


def localities_of(*, municipality) -> QuerySet:
    """The localities and sołectwa an idea can be placed in (the filter's choices)."""
    return TerritorialUnit.objects.filter(parent_id=municipality.unit_id).order_by("name")


# --- the list and the map --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProposalFilters:
    """What the visitor chose in the filters (all optional)."""

    query: str = ""
    theme_id: int | None = None
    status: str = ""
    locality_id: int | None = None
    sort: str = SORT_NEWEST


def _public(call: Call) -> QuerySet:
    return Proposal.objects.filter(call=call, moderation=Moderation.PUBLISHED, merged_into__isnull=True)


def _filtered(call: Call, filters: ProposalFilters) -> QuerySet:
    proposals = _public(call)
    if filters.theme_id:
        proposals = proposals.filter(theme_id=filters.theme_id)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.locality_id:
        proposals = proposals.filter(locality_id=filters.locality_id)
    if filters.query.strip():
        proposals = matching(proposals, filters.query)
    return proposals


def proposals_public(*, call: Call, filters: ProposalFilters = ProposalFilters()) -> QuerySet:
    """The published, not merged ideas of the call that match ``filters``, sorted; one query per page (theme and
    locality joined)."""
    proposals = _filtered(call, filters).select_related("theme", "locality")
    if filters.sort == SORT_SUPPORTED:
        return proposals.order_by("-support_count", "-number")
    if filters.sort == SORT_ALPHABETICAL:
        return proposals.annotate(sort_title=_folded_title()).order_by("sort_title", "number")
    return proposals.order_by("-number")


def proposals_map_points(*, call: Call, filters: ProposalFilters = ProposalFilters()) -> list[dict]:
    """What the map needs of each public idea with a point, in one query."""
    rows = (_filtered(call, filters).filter(latitude__isnull=False, longitude__isnull=False)
            .order_by("-number")
            .values("pk", "number", "title", "status", "support_count", "latitude", "longitude", "theme__name"))
    return list(rows)


def proposals_without_point(*, call: Call, filters: ProposalFilters = ProposalFilters()) -> list[Proposal]:
    """The public ideas matching ``filters`` that have no point on the map (listed next to it), in one query."""
    return list(_filtered(call, filters).filter(Q(latitude__isnull=True) | Q(longitude__isnull=True))
                .select_related("theme", "locality").order_by("-number"))


def public_author(proposal: Proposal) -> str:
    """The author as the public sees them (``legal_pl.md`` §5.5, as in ``consultation/privacy.py``): the name
    only with the consent to publish it, otherwise the neutral "private person"."""
    if proposal.consent_publish_name and proposal.author_name.strip():
        return proposal.author_name.strip()
    return _("private person")


# --- one idea --------------------------------------------------------------------------------------------------

def proposal_public_get(*, call: Call, proposal_id: int) -> Proposal:
    """A public idea of ``call``. A merged one whose kept idea is public is returned as it is (the view redirects
    to ``merged_into``); everything else that is not public — pending, hidden, held — is a 404."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("theme", "locality", "merged_into", "call__process__municipality"),
        pk=proposal_id, call=call)
    if proposal.merged_into_id is not None:
        if proposal.merged_into.is_public:
            return proposal
        raise Http404
    if not proposal.is_public:
        raise Http404
    return proposal


def proposal_history(*, proposal: Proposal) -> list[StatusChange]:
    """Every step of what happened to the idea, oldest first, each with its public justification."""
    return list(StatusChange.objects.filter(proposal=proposal).order_by("created_at", "id"))


def proposal_attachments(*, proposal: Proposal) -> list[Attachment]:
    return list(Attachment.objects.filter(proposal=proposal).order_by("id"))


def proposal_merged_ones(*, proposal: Proposal) -> list[Proposal]:
    """The duplicates merged into this idea (number and title only: their own pages lead here)."""
    return list(Proposal.objects.filter(merged_into=proposal).only("pk", "number", "title").order_by("number"))


def attachment_public_get(*, call: Call, proposal_id: int, attachment_id: int) -> Attachment:
    """An attachment of a public idea of ``call``; 404 for anything else (a draft, a hidden idea's file)."""
    attachment = get_object_or_404(Attachment.objects.select_related("proposal"), pk=attachment_id,
                                   proposal_id=proposal_id, proposal__call=call)
    if not attachment.proposal.is_public:
        raise Http404
    return attachment


def user_supports(*, proposal: Proposal, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Support.objects.filter(proposal=proposal, user=user).exists()


def support_count(*, proposal: Proposal) -> int:
    return Proposal.objects.filter(pk=proposal.pk).values_list("support_count", flat=True).get()


# --- the public summary ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryRow:
    theme: str
    counts: list[int]  # one per status, in Status order
    total: int


@dataclass(frozen=True)
class Summary:
    statuses: list[tuple[str, str]]  # (value, label)
    rows: list[SummaryRow]
    status_totals: list[int]
    public_total: int
    received_total: int
    merged_total: int
    pending_total: int
    hidden_total: int


def proposals_summary(*, call: Call) -> Summary:
    """Public ideas counted by theme × status, with the totals of the call (received, merged, awaiting moderation,
    hidden), in three queries whatever the number of ideas."""
    statuses = list(Status.choices)
    cells: dict[tuple[int, str], int] = {}
    for row in _public(call).values("theme_id", "status").annotate(n=Count("id")).order_by():
        cells[(row["theme_id"], row["status"])] = row["n"]
    rows = []
    for theme in call.themes.order_by("position", "id"):
        counts = [cells.get((theme.pk, value), 0) for value, _label in statuses]
        rows.append(SummaryRow(theme=theme.name, counts=counts, total=sum(counts)))
    status_totals = [sum(row.counts[i] for row in rows) for i in range(len(statuses))]
    totals = Proposal.objects.filter(call=call).aggregate(
        received=Count("id"),
        merged=Count("id", filter=Q(merged_into__isnull=False)),
        pending=Count("id", filter=Q(moderation=Moderation.PENDING, merged_into__isnull=True)),
        hidden=Count("id", filter=Q(moderation=Moderation.HIDDEN, merged_into__isnull=True)),
    )
    return Summary(statuses=statuses, rows=rows, status_totals=status_totals, public_total=sum(status_totals),
                   received_total=totals["received"], merged_total=totals["merged"],
                   pending_total=totals["pending"], hidden_total=totals["hidden"])
