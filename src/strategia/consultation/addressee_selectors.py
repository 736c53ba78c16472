"""Reads for the addressees page and the letters: every addressee of a consultation with its dispatch log, grouped
by kind in the order of art. 6 ust. 3 u.z.p.p.r., and the counts staff need (notified, awaiting receipt)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from strategia.consultation.addressee_services import RECEIPT_EXPECTED
from strategia.consultation.enums import AddresseeKind
from strategia.consultation.models import Addressee, Consultation, Dispatch

KIND_ORDER = {kind: index for index, kind in enumerate(AddresseeKind.values)}


def dispatch_awaits_receipt(dispatch: Dispatch) -> bool:
    """e-Doręczenia, ePUAP and registered post leave a proof of receipt; until it is recorded, it is awaited."""
    return dispatch.channel in RECEIPT_EXPECTED and dispatch.received_on is None


@dataclass
class AddresseeGroup:
    kind: str
    label: str
    addressees: list[Addressee] = field(default_factory=list)


@dataclass
class AddresseeOverview:
    groups: list[AddresseeGroup]
    total: int
    notified: int
    awaiting_receipt: int
    not_sent: int


def addressees_for_consultation(*, consultation: Consultation) -> list[Addressee]:
    """Every addressee with its dispatches (in order of sending), in two queries whatever the number."""
    dispatches = Prefetch("dispatches", queryset=Dispatch.objects.order_by("sent_on", "id"))
    addressees = list(Addressee.objects.filter(consultation=consultation).prefetch_related(dispatches))
    addressees.sort(key=lambda a: (KIND_ORDER.get(a.kind, len(KIND_ORDER)), a.name.casefold(), a.pk))
    for addressee in addressees:
        addressee.consultation = consultation
        log = list(addressee.dispatches.all())
        for dispatch in log:
            dispatch.awaits_receipt = dispatch_awaits_receipt(dispatch)
        addressee.log = log
        addressee.awaits_receipt = any(d.awaits_receipt for d in log)
    return addressees


def addressee_overview(*, consultation: Consultation) -> AddresseeOverview:
    addressees = addressees_for_consultation(consultation=consultation)
    groups = [AddresseeGroup(kind=kind, label=label) for kind, label in AddresseeKind.choices]
    by_kind = {group.kind: group for group in groups}
    for addressee in addressees:
        by_kind[addressee.kind].addressees.append(addressee)
    notified = sum(1 for a in addressees if a.log)
    return AddresseeOverview(groups=groups, total=len(addressees), notified=notified,
                             awaiting_receipt=sum(1 for a in addressees if a.awaits_receipt),
                             not_sent=len(addressees) - notified)


def addressee_get(*, consultation: Consultation, addressee_id: int) -> Addressee:
    """An addressee of this consultation only: an id from another consultation is a 404."""
    addressee = get_object_or_404(Addressee, pk=addressee_id, consultation=consultation)
    addressee.consultation = consultation
    return addressee


def dispatch_get(*, consultation: Consultation, dispatch_id: int) -> Dispatch:
    """A dispatch to an addressee of this consultation only."""
    dispatch = get_object_or_404(Dispatch.objects.select_related("addressee"), pk=dispatch_id,
                                 addressee__consultation=consultation)
    dispatch.addressee.consultation = consultation
    return dispatch
