"""Writes of the call for ideas: the call and its themes, submitting an idea (public form or staff intake),
supports, moderation (publish, hide with a reason the author is told, merge duplicates) and the public history of
what happened to each idea (single or batch, always with a justification).

The server's clock decides whether the call is open: it opens on the first day of its harmonogram activity and
closes after the last (actual dates when recorded, else planned), judged in Warsaw.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.core.deadlines import local_date
from strategia.core.dimensions import Dimension
from strategia.core.mail import mail_send
from strategia.core.services import service
from strategia.proposals.enums import (
    FINAL_STATUSES,
    Channel,
    ForwardTarget,
    HideReason,
    Moderation,
    ModerationMode,
    Status,
)
from strategia.proposals.models import Attachment, Call, Proposal, StatusChange, Support, Theme
from strategia.proposals.search import search_text

CALL_ACTIVITY_TYPE = "call_for_proposals"


# --- the call -------------------------------------------------------------------------------------------------

def call_window(call: Call) -> tuple[dt.date, dt.date]:
    """The first and last day of the call: the activity's actual dates when recorded, else its planned ones."""
    activity = call.activity
    return (activity.actual_start or activity.planned_start, activity.actual_end or activity.planned_end)


def call_is_open(call: Call, *, today: dt.date | None = None) -> bool:
    today = today or local_date(timezone.now())
    first, last = call_window(call)
    return first <= today <= last


@service("call.create")
@transaction.atomic
def call_create(*, actor, activity, title: str = "", intro: str = "", after_close_text: str = "",
                moderation_mode: str = ModerationMode.PRE) -> Call:
    """The call of a harmonogram activity of type "call for ideas", with the dimensions of development as its
    first themes."""
    if activity.activity_type != CALL_ACTIVITY_TYPE:
        raise ValidationError({"activity": [_("Only an activity of the type “call for ideas” collects ideas.")]})
    if Call.objects.filter(activity=activity).exists():
        raise ValidationError({"activity": [_("This activity already has its call.")]})
    call = Call.objects.create(activity=activity, process=activity.stage.process,
                               title=title or _("Ideas and expectations (wnioski)"), intro=intro,
                               after_close_text=after_close_text, moderation_mode=moderation_mode)
    Theme.objects.bulk_create([Theme(call=call, name=str(label).capitalize(), dimension=value, position=index)
                               for index, (value, label) in enumerate(Dimension.choices, start=1)])
    return call


@service("call.update", target="call")
def call_update(*, actor, call: Call, title: str, intro: str = "", after_close_text: str = "",
                moderation_mode: str = ModerationMode.PRE) -> Call:
    if not (title or "").strip():
        raise ValidationError({"title": [_("Please give the call a title.")]})
    if moderation_mode not in ModerationMode.values:
        raise ValidationError({"moderation_mode": [_("Choose how ideas are moderated.")]})
    call.title, call.intro, call.after_close_text = title.strip(), intro, after_close_text
    call.moderation_mode = moderation_mode
    call.save()
    return call


@service("theme.create")
def theme_create(*, actor, call: Call, name: str) -> Theme:
    """Add a theme (e.g. a preliminary development goal once it exists)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Please give the theme's name.")]})
    if name.casefold() in {theme.name.casefold() for theme in call.themes.all()}:  # SQLite folds ASCII only
        raise ValidationError({"name": [_("The call already has this theme.")]})
    position = (call.themes.aggregate(m=Max("position"))["m"] or 0) + 1
    return Theme.objects.create(call=call, name=name, position=position)


# --- submitting -------------------------------------------------------------------------------------------------

def _validate_place(*, call: Call, theme: Theme, locality, latitude, longitude) -> None:
    errors = {}
    if theme.call_id != call.pk:
        errors["theme"] = [_("Choose one of the call's themes.")]
    if locality is not None and locality.parent_id != call.process.municipality.unit_id:
        errors["locality"] = [_("Choose a locality of the municipality.")]
    if (latitude is None) != (longitude is None):
        errors["latitude"] = [_("A point on the map needs both coordinates.")]
    if errors:
        raise ValidationError(errors)


def _create(*, call: Call, moderation: str, attachments: list[Attachment], **fields) -> Proposal:
    Call.objects.select_for_update().filter(pk=call.pk).first()  # consecutive numbers, never shared
    number = (Proposal.objects.filter(call=call).aggregate(m=Max("number"))["m"] or 0) + 1
    proposal = Proposal.objects.create(call=call, number=number, moderation=moderation,
                                       search_text=search_text(fields["title"], fields["description"]), **fields)
    StatusChange.objects.create(proposal=proposal, from_status=Status.SUBMITTED, to_status=Status.SUBMITTED,
                                justification="")
    ids = [a.pk for a in attachments]
    Attachment.objects.filter(pk__in=ids, proposal__isnull=True).update(proposal=proposal, draft_token="")
    return proposal


@service("proposal.submit")
@transaction.atomic
def proposal_submit(*, actor, call: Call, title: str, description: str, theme: Theme, locality=None,
                    address: str = "", latitude=None, longitude=None, author_name: str = "",
                    contact_email: str = "", contact_phone: str = "", consent_publish_name: bool = False,
                    attachments: list[Attachment] = (), held_for_review: bool = False,
                    now: dt.datetime | None = None) -> Proposal:
    """An idea sent through the platform while the call is open (server clock). Side effects: with
    post-moderation it is public at once (unless held for review by the anti-spam checks); a confirmation with the
    tracking link is e-mailed when an address is given (by the view, which knows the site's address)."""
    now = now or timezone.now()
    if not call_is_open(call, today=local_date(now)):
        first, last = call_window(call)
        raise ValidationError(_("The call for ideas is open from %(first)s to %(last)s.")
                              % {"first": first.strftime("%d.%m.%Y"), "last": last.strftime("%d.%m.%Y")})
    if not (title or "").strip() or not (description or "").strip():
        raise ValidationError({"title": [_("Please give the idea a title and describe it.")]})
    _validate_place(call=call, theme=theme, locality=locality, latitude=latitude, longitude=longitude)
    user = actor if getattr(actor, "is_authenticated", False) else None
    public_at_once = call.moderation_mode == ModerationMode.POST and not held_for_review
    return _create(call=call, moderation=Moderation.PUBLISHED if public_at_once else Moderation.PENDING,
                   attachments=list(attachments), title=title.strip(), description=description.strip(),
                   theme=theme, locality=locality, address=address.strip(), latitude=latitude,
                   longitude=longitude, author=user, author_name=author_name.strip(), contact_email=contact_email,
                   contact_phone=contact_phone, consent_publish_name=consent_publish_name,
                   channel=Channel.PLATFORM, received_at=now, held_for_review=held_for_review, created_by=user)


@service("proposal.register")
@transaction.atomic
def proposal_register(*, actor, call: Call, channel: str, received_at: dt.datetime, title: str,
                      description: str, theme: Theme, locality=None, address: str = "", latitude=None,
                      longitude=None, author_name: str = "", contact_email: str = "", contact_phone: str = "",
                      consent_publish_name: bool = False, scan=None, attachments: list[Attachment] = ()) -> Proposal:
    """An idea that came on paper, by e-mail, e-Doręczenia or at a meeting, keyed in by staff; then the same flow
    (moderation by the call's mode)."""
    if channel not in Channel.values or channel == Channel.PLATFORM:
        raise ValidationError({"channel": [_("Choose how the idea came to the office.")]})
    if received_at > timezone.now():
        raise ValidationError({"received_at": [_("The date of receipt cannot be in the future.")]})
    if not (title or "").strip() or not (description or "").strip():
        raise ValidationError({"title": [_("Please give the idea a title and describe it.")]})
    _validate_place(call=call, theme=theme, locality=locality, latitude=latitude, longitude=longitude)
    moderation = Moderation.PUBLISHED if call.moderation_mode == ModerationMode.POST else Moderation.PENDING
    return _create(call=call, moderation=moderation, attachments=list(attachments), title=title.strip(),
                   description=description.strip(), theme=theme, locality=locality, address=address.strip(),
                   latitude=latitude, longitude=longitude, author_name=author_name.strip(),
                   contact_email=contact_email, contact_phone=contact_phone,
                   consent_publish_name=consent_publish_name, channel=channel, received_at=received_at,
                   scan=scan or "", created_by=actor if getattr(actor, "is_authenticated", False) else None)


# --- supports -----------------------------------------------------------------------------------------------------

@service("support.add", target="proposal")
def support_add(*, actor, proposal: Proposal) -> bool:
    """Support an idea (once per user). Returns False when the user already supported it: the count never grows
    twice, even when two requests race (the unique constraint decides, the counter moves only after an insert)."""
    if not getattr(actor, "is_authenticated", False):
        raise ValidationError(_("Please log in to support an idea."))
    if not proposal.is_public:
        raise ValidationError(_("Only published ideas can be supported."))
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=actor)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@service("support.withdraw", target="proposal")
@transaction.atomic
def support_withdraw(*, actor, proposal: Proposal) -> bool:
    deleted, _rows = Support.objects.filter(proposal=proposal, user=actor).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk, support_count__gt=0).update(support_count=F("support_count") - 1)
    return bool(deleted)


# --- moderation ---------------------------------------------------------------------------------------------------

@service("proposal.publish", target="proposal")
def proposal_publish(*, actor, proposal: Proposal) -> Proposal:
    if proposal.merged_into_id:
        raise ValidationError(_("A merged idea is shown through the one it was merged into."))
    proposal.moderation = Moderation.PUBLISHED
    proposal.hide_reason = ""
    proposal.hide_explanation = ""
    proposal.held_for_review = False
    proposal.save(update_fields=["moderation", "hide_reason", "hide_explanation", "held_for_review"])
    return proposal


@service("proposal.hide", target="proposal")
def proposal_hide(*, actor, proposal: Proposal, reason: str, explanation: str) -> Proposal:
    """Hide an idea with a reason from the list and an explanation; the author is told why (by e-mail when an
    address is known, and on the tracking page)."""
    if proposal.merged_into_id:
        raise ValidationError(_("A merged idea is shown through the one it was merged into."))
    errors = {}
    if reason not in HideReason.values:
        errors["reason"] = [_("Choose the reason for hiding.")]
    if not (explanation or "").strip():
        errors["explanation"] = [_("Please explain to the author why the idea is hidden.")]
    if errors:
        raise ValidationError(errors)
    proposal.moderation = Moderation.HIDDEN
    proposal.hide_reason = reason
    proposal.hide_explanation = explanation.strip()
    proposal.save(update_fields=["moderation", "hide_reason", "hide_explanation"])
    _tell_author(proposal, template="proposals/email/hidden")
    return proposal


@service("proposal.merge", target="duplicate")
@transaction.atomic
def proposal_merge(*, actor, duplicate: Proposal, kept: Proposal) -> Proposal:
    """Merge a duplicate into the idea that is kept: the duplicate points to it and stops being listed; its
    supporters now support the kept idea (a user who supported both counts once)."""
    if duplicate.pk == kept.pk or duplicate.call_id != kept.call_id:
        raise ValidationError({"kept": [_("Choose another idea of the same call.")]})
    if kept.merged_into_id:
        raise ValidationError({"kept": [_("That idea has itself been merged: choose the one it was merged into.")]})
    supporters = list(Support.objects.filter(proposal=duplicate).values_list("user_id", flat=True))
    already = set(Support.objects.filter(proposal=kept, user_id__in=supporters).values_list("user_id", flat=True))
    Support.objects.bulk_create([Support(proposal=kept, user_id=user_id) for user_id in supporters
                                 if user_id not in already])
    Support.objects.filter(proposal=duplicate).delete()
    Proposal.objects.filter(pk=kept.pk).update(support_count=Support.objects.filter(proposal=kept).count())
    Proposal.objects.filter(merged_into=duplicate).update(merged_into=kept)
    duplicate.merged_into = kept
    duplicate.support_count = 0
    duplicate.save(update_fields=["merged_into", "support_count"])
    return duplicate


# --- what happened to the idea ------------------------------------------------------------------------------------

def _validate_change(*, to_status: str, justification: str, forward_target: str, forwarded_to: str) -> None:
    errors = {}
    if to_status not in Status.values or to_status == Status.SUBMITTED:
        errors["to_status"] = [_("Choose the new status.")]
    if not (justification or "").strip():
        errors["justification"] = [_("Every change is explained to the author and the public: please write the "
                                     "justification.")]
    if to_status == Status.FORWARDED and forward_target not in ForwardTarget.values:
        errors["forward_target"] = [_("Say where the idea is forwarded.")]
    if to_status == Status.FORWARDED and forward_target != ForwardTarget.DIAGNOSIS and not forwarded_to.strip():
        errors["forwarded_to"] = [_("Name the team or the department.")]
    if errors:
        raise ValidationError(errors)


@service("proposals.route", target="call")
@transaction.atomic
def proposals_route(*, actor, call: Call, proposals: list[Proposal], to_status: str, justification: str,
                    forward_target: str = "", forwarded_to: str = "") -> int:
    """Move one idea or a batch to a new status with one public justification; each author is told. Merged
    ideas follow the one they were merged into and are skipped. Returns the number of ideas changed."""
    _validate_change(to_status=to_status, justification=justification, forward_target=forward_target,
                     forwarded_to=forwarded_to)
    selected = list(Proposal.objects.select_for_update().filter(
        call=call, pk__in=[p.pk for p in proposals], merged_into__isnull=True))
    if not selected:
        raise ValidationError({"proposals": [_("Choose at least one idea.")]})
    batch = uuid.uuid4() if len(selected) > 1 else None
    user = actor if getattr(actor, "is_authenticated", False) else None
    changes = []
    for proposal in selected:
        changes.append(StatusChange(proposal=proposal, from_status=proposal.status, to_status=to_status,
                                    justification=justification.strip(), batch=batch, actor=user,
                                    forward_target=forward_target if to_status == Status.FORWARDED else "",
                                    forwarded_to=forwarded_to.strip() if to_status == Status.FORWARDED else ""))
        proposal.status = to_status
    StatusChange.objects.bulk_create(changes)
    Proposal.objects.filter(pk__in=[p.pk for p in selected]).update(status=to_status)
    for proposal in selected:
        _tell_author(proposal, template="proposals/email/status_changed",
                     extra={"justification": justification.strip(), "final": to_status in FINAL_STATUSES})
    return len(selected)


def _tell_author(proposal: Proposal, *, template: str, extra: dict | None = None) -> None:
    address = proposal.contact_email or (proposal.author.email if proposal.author_id else "")
    if not address:
        return
    mail_send(to=[address], template=template, municipality=proposal.call.process.municipality,
              context={"proposal": proposal, **(extra or {})})
