"""The addressees of art. 6 ust. 3 u.z.p.p.r. (neighbouring gminas and their unions, the RZGW Wody Polskie
director, local social and economic partners, residents) and the dispatch log: how and when each was notified,
with the proof of sending and, later, of receipt."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.consultation.enums import AddresseeKind, DispatchChannel
from strategia.consultation.models import Addressee, Consultation, Dispatch
from strategia.core.deadlines import local_date
from strategia.core.services import service

# Channels after which a proof of receipt is expected (an e-Doręczenia receipt, a return card).
RECEIPT_EXPECTED = (DispatchChannel.EDORECZENIA, DispatchChannel.EPUAP, DispatchChannel.POST)


@service("addressee.create")
def addressee_create(*, actor, consultation: Consultation, kind: str, name: str, address: str = "",
                     electronic_address: str = "") -> Addressee:
    if kind not in AddresseeKind.values:
        raise ValidationError({"kind": [_("Choose who the addressee is.")]})
    if not (name or "").strip():
        raise ValidationError({"name": [_("Please give the addressee's name.")]})
    return Addressee.objects.create(consultation=consultation, kind=kind, name=name.strip(),
                                    address=(address or "").strip(),
                                    electronic_address=(electronic_address or "").strip())


@service("addressee.update", target="addressee")
def addressee_update(*, actor, addressee: Addressee, kind: str, name: str, address: str = "",
                     electronic_address: str = "") -> Addressee:
    if kind not in AddresseeKind.values:
        raise ValidationError({"kind": [_("Choose who the addressee is.")]})
    if not (name or "").strip():
        raise ValidationError({"name": [_("Please give the addressee's name.")]})
    addressee.kind, addressee.name = kind, name.strip()
    addressee.address, addressee.electronic_address = (address or "").strip(), (electronic_address or "").strip()
    addressee.save()
    return addressee


@service("addressee.delete", target="addressee")
def addressee_delete(*, actor, addressee: Addressee) -> None:
    if addressee.dispatches.exists():
        raise ValidationError(_("The letter has already been sent to this addressee: the record stays."))
    addressee.delete()


@service("dispatch.record")
def dispatch_record(*, actor, addressee: Addressee, channel: str, sent_on: dt.date, sending_proof: str = "",
                    sending_proof_file=None) -> Dispatch:
    """Record the sending of the letter (or, for residents, the public announcement)."""
    if channel not in DispatchChannel.values:
        raise ValidationError({"channel": [_("Choose how the letter was sent.")]})
    if sent_on > local_date(timezone.now()):
        raise ValidationError({"sent_on": [_("The date of sending cannot be in the future.")]})
    return Dispatch.objects.create(addressee=addressee, channel=channel, sent_on=sent_on,
                                   sending_proof=(sending_proof or "").strip(),
                                   sending_proof_file=sending_proof_file or "",
                                   created_by=actor if getattr(actor, "is_authenticated", False) else None)


@service("dispatch.receipt", target="dispatch")
def dispatch_receipt(*, actor, dispatch: Dispatch, received_on: dt.date, receipt_proof: str = "",
                     receipt_proof_file=None) -> Dispatch:
    """Record the proof of receipt (the e-Doręczenia receipt, the return card of registered post)."""
    if received_on < dispatch.sent_on:
        raise ValidationError({"received_on": [_("The letter cannot be received before it was sent (%(day)s).")
                                               % {"day": dispatch.sent_on.strftime("%d.%m.%Y")}]})
    if received_on > local_date(timezone.now()):
        raise ValidationError({"received_on": [_("The date of receipt cannot be in the future.")]})
    dispatch.received_on = received_on
    dispatch.receipt_proof = (receipt_proof or "").strip()
    if receipt_proof_file:
        dispatch.receipt_proof_file = receipt_proof_file
    dispatch.save()
    return dispatch
