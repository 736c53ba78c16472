"""Reads for working on the register of remarks: the consultation and a remark fetched within the municipality and
the process, the filtered register (a fixed number of queries whatever its size), the remark page's neighbours
(the submission's other remarks, the remarks sharing its answer, identical remarks to answer together), the
paragraph of a later version that the answer points to (uid lineage), and the progress figures."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.models import User
from strategia.consultation.enums import Screening, Stance
from strategia.consultation.models import Consultation, Remark
from strategia.consultation.privacy import staff_submitter
from strategia.documents.enums import FROZEN_STAGES
from strategia.documents.models import DocumentVersion, FrozenBlock
from strategia.processes.selectors import process_get

OFFICE_ROLES = (MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF)
AWAITING = "none"
ASSIGNED_TO_ME = "me"
UNASSIGNED = "none"
ASSIGNED_TO_ANYONE = "any"


# --- fetch and authorise ----------------------------------------------------------------------------------------

def consultation_for_review(*, municipality, process_slug: str, consultation_id: int) -> Consultation:
    """A consultation of this municipality's process only: anything else is a 404."""
    process = process_get(municipality=municipality, slug=process_slug)
    consultation = get_object_or_404(Consultation.objects.select_related("document_version__document"),
                                     pk=consultation_id, process=process)
    consultation.process = process
    return consultation


def remark_for_review(*, consultation: Consultation, remark_id: int) -> Remark:
    """A remark of this consultation only (an id from another consultation is a 404), with what its page shows."""
    remark = get_object_or_404(
        Remark.objects.select_related("submission", "submission__meeting", "response",
                                      "response__change_version", "assigned_to", "screened_by"),
        pk=remark_id, consultation=consultation)
    remark.consultation = consultation
    remark.submission.consultation = consultation
    return remark


def remarks_by_ids(*, consultation: Consultation, ids) -> list[Remark]:
    """The remarks of this consultation among ``ids`` (others are ignored), in their order, in one query."""
    clean = []
    for value in ids:
        try:
            clean.append(int(value))
        except (TypeError, ValueError):
            continue
    remarks = list(Remark.objects.select_related("submission", "response").filter(consultation=consultation,
                                                                                   pk__in=clean).order_by("number"))
    for remark in remarks:
        remark.consultation = consultation
        remark.submission.consultation = consultation
    return remarks


def office_staff(*, municipality) -> QuerySet[User]:
    """The office's staff who can be given remarks (administrators, coordinators, staff members)."""
    return (User.objects.filter(municipality_memberships__municipality=municipality,
                                municipality_memberships__role__in=OFFICE_ROLES)
            .distinct().order_by("display_name", "email"))


# --- the register -----------------------------------------------------------------------------------------------

def remark_register(*, consultation: Consultation, user, filters: dict | None = None) -> QuerySet[Remark]:
    """Every remark of the consultation (hidden ones included), filtered. The submission, the answer and the
    assignee come in the same query, so a page of the register costs the same whatever its length."""
    filters = filters or {}
    remarks = (Remark.objects.filter(consultation=consultation)
               .select_related("submission", "response", "assigned_to").order_by("number", "id"))
    stance = filters.get("stance")
    if stance == AWAITING:
        remarks = remarks.filter(response__isnull=True)
    elif stance in Stance.values:
        remarks = remarks.filter(response__stance=stance)
    if filters.get("screening") in Screening.values:
        remarks = remarks.filter(screening=filters["screening"])
    assigned = filters.get("assigned")
    if assigned == ASSIGNED_TO_ME:
        remarks = remarks.filter(assigned_to=user)
    elif assigned == UNASSIGNED:
        remarks = remarks.filter(assigned_to__isnull=True)
    elif assigned == ASSIGNED_TO_ANYONE:
        remarks = remarks.filter(assigned_to__isnull=False)
    elif assigned:
        remarks = remarks.filter(assigned_to_id=assigned)
    if filters.get("late") is True:
        remarks = remarks.filter(submission__is_late=True)
    elif filters.get("late") is False:
        remarks = remarks.filter(submission__is_late=False)
    point = (filters.get("point") or "").strip()
    if point:
        remarks = remarks.filter(Q(display_number=point) | Q(display_number__startswith=f"{point}.")
                                 | Q(fragment__icontains=point))
    if filters.get("document"):
        remarks = remarks.filter(document=filters["document"])
    text = (filters.get("text") or "").strip()
    if text:
        remarks = remarks.filter(Q(content__icontains=text) | Q(proposed_wording__icontains=text)
                                 | Q(justification__icontains=text) | Q(current_wording__icontains=text))
    return remarks


def label_submitters(remarks, *, sees_identity: bool) -> list[Remark]:
    """Attach the submitter's label as staff may see it (name for coordinators, a pseudonym for the others)."""
    remarks = list(remarks)
    for remark in remarks:
        remark.submitter_label = staff_submitter(remark.submission, sees_identity=sees_identity)
    return remarks


# --- the remark page --------------------------------------------------------------------------------------------

def submission_other_remarks(*, remark: Remark) -> list[Remark]:
    return list(Remark.objects.filter(submission_id=remark.submission_id).exclude(pk=remark.pk)
                .select_related("response").order_by("position", "number"))


def remarks_sharing_answer(*, remark: Remark) -> list[Remark]:
    if remark.response_id is None:
        return []
    return list(Remark.objects.filter(response_id=remark.response_id).exclude(pk=remark.pk).order_by("number"))


def normalised(text: str) -> str:
    """Content compared for identity: case, accents' composition, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def identical_remarks(*, remark: Remark) -> list[Remark]:
    """Other remarks of the consultation on the same paragraph (same uid) or with the same content once
    normalised: candidates to be answered together. One query."""
    key = normalised(remark.content)
    candidates = (Remark.objects.filter(consultation_id=remark.consultation_id).exclude(pk=remark.pk)
                  .select_related("submission", "response").order_by("number"))
    if remark.block_uid is None and not key:
        return []
    found = []
    for other in candidates:
        same_paragraph = remark.block_uid is not None and other.block_uid == remark.block_uid
        if same_paragraph or (key and normalised(other.content) == key):
            other.same_paragraph = same_paragraph
            other.same_content = bool(key) and normalised(other.content) == key
            found.append(other)
    return found


def later_versions(*, consultation: Consultation) -> QuerySet[DocumentVersion]:
    """Frozen versions of the consulted document later than the consulted one: where a change can be pointed to."""
    consulted = consultation.document_version
    return (DocumentVersion.objects.filter(document_id=consulted.document_id, number__gt=consulted.number,
                                           frozen_at__isnull=False, stage__in=FROZEN_STAGES)
            .order_by("number"))


@dataclass(frozen=True)
class Lineage:
    """Where the answer's change is: the later version, its paragraph with the remark's uid (None when the
    paragraph was removed or the remark was not on a paragraph) and the link."""

    version: DocumentVersion
    block: FrozenBlock | None
    url: str
    removed: bool


def answer_lineage(*, remark: Remark) -> Lineage | None:
    response = remark.response
    if response is None or response.change_version_id is None:
        return None
    version = (DocumentVersion.objects.select_related("document__process__municipality")
               .get(pk=response.change_version_id))
    url = version.get_absolute_url()
    if remark.block_uid is None:
        return Lineage(version=version, block=None, url=url, removed=False)
    block = FrozenBlock.objects.filter(version=version, uid=remark.block_uid).first()
    if block is None:
        return Lineage(version=version, block=None, url=url, removed=True)
    return Lineage(version=version, block=block, url=f"{url}#{block.anchor}", removed=False)


# --- progress ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Progress:
    total: int
    awaiting: int
    without_justification: int
    late: int
    hidden: int
    by_stance: list[tuple[str, int]]
    by_screening: list[tuple[str, int]]
    by_assignee: list[tuple[str, int]]
    unassigned: int


def review_progress(*, consultation: Consultation) -> Progress:
    """The figures of the progress view, in three queries whatever the number of remarks."""
    remarks = Remark.objects.filter(consultation=consultation)
    totals = remarks.aggregate(
        total=Count("id"),
        awaiting=Count("id", filter=Q(response__isnull=True)),
        without_justification=Count("id", filter=Q(response__isnull=False,  # blank counts as none, as for the report
                                                    response__justification__regex=r"^\s*$")),
        late=Count("id", filter=Q(submission__is_late=True)),
        unassigned=Count("id", filter=Q(assigned_to__isnull=True)),
        **{f"stance_{value}": Count("id", filter=Q(response__stance=value)) for value in Stance.values},
        **{f"screening_{value}": Count("id", filter=Q(screening=value)) for value in Screening.values},
    )
    assignees = (remarks.filter(assigned_to__isnull=False)
                 .values("assigned_to", "assigned_to__display_name", "assigned_to__email")
                 .annotate(count=Count("id")).order_by("assigned_to__display_name", "assigned_to__email"))
    by_assignee = [(a["assigned_to__display_name"] or a["assigned_to__email"], a["count"]) for a in assignees]
    return Progress(
        total=totals["total"], awaiting=totals["awaiting"], without_justification=totals["without_justification"],
        late=totals["late"], hidden=totals[f"screening_{Screening.HIDDEN}"],
        by_stance=[(label, totals[f"stance_{value}"]) for value, label in Stance.choices],
        by_screening=[(label, totals[f"screening_{value}"]) for value, label in Screening.choices],
        by_assignee=by_assignee, unassigned=totals["unassigned"],
    )
