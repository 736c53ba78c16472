"""Arrangement for the public pages' tests: ideas made through the services (keyed in by staff, then published),
and the addresses of the public pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from strategia.proposals.enums import Channel
from strategia.proposals.services import proposal_publish, proposal_register, proposals_route


def idea(call, theme, *, title="Remont drogi w Słomczynie", description="Proszę wyremontować drogę gminną.",
         publish=True, locality=None, address="", point=None, author_name="", consent=False, status=None,
         justification="Uzasadnienie publiczne.", **extra):
    """One idea of ``call``, published unless ``publish=False``; ``point`` is (latitude, longitude)."""
    latitude, longitude = (Decimal(str(point[0])), Decimal(str(point[1]))) if point else (None, None)
    proposal = proposal_register(actor=None, call=call, channel=Channel.POST,
                                 received_at=timezone.now() - dt.timedelta(days=1), title=title,
                                 description=description, theme=theme, locality=locality, address=address,
                                 latitude=latitude, longitude=longitude, author_name=author_name,
                                 consent_publish_name=consent, **extra)
    if publish:
        proposal = proposal_publish(actor=None, proposal=proposal)
    if status:
        proposals_route(actor=None, call=call, proposals=[proposal], to_status=status,
                        justification=justification, forward_target=extra.get("forward_target", "department"),
                        forwarded_to="Wydział Inwestycji")
        proposal.refresh_from_db()
    return proposal


def kwargs_of(call, **extra) -> dict:
    return {"municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
            "call_id": call.pk, **extra}


def url(name, call, **extra) -> str:
    return reverse(f"proposals:{name}", kwargs=kwargs_of(call, **extra))


def idea_url(name, proposal, **extra) -> str:
    return url(name, proposal.call, proposal_id=proposal.pk, **extra)
