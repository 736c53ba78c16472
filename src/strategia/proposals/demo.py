"""The demo's call for ideas (``demo_content``) on the process's "zebranie wniosków" activity, built through the same
services as production: the call (pre-moderation), ideas sent on the platform (``proposal_submit`` with the moment
they were sent) and keyed in by staff (``proposal_register``), moderation (publish, hide with a reason, merge
duplicates), supports, comments and the public route of each idea (single and batch answers).

Where the demo's "today" falls decides what exists:
- before the call (its activity has not started): the call alone, no ideas;
- while the call runs (``--at 1.1.2``): the ideas sent from its first day until now, spread over those days; the
  ones older than two days are moderated, older than four days under review, older than a week forwarded where
  their route says so; no final answers yet (they come when the goals exist); the newest are still waiting;
- after the call (the default, 2.3): every idea is in, moderated and routed to where ``demo_content`` says.

Comments are written a day after their idea was sent (``comment_create(now=…)``), within the call's window.

Idempotent: each step does only what is missing, so loading again the same day changes nothing. When the moments
no longer fit (another day or ``--at``), the demo's ideas are discarded and sent again, as the consultation's demo
does: the demo moves in time with the schedule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from strategia.accounts.models import User
from strategia.comments.models import Comment
from strategia.comments.services import comment_create
from strategia.core.deadlines import WARSAW
from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.proposals import demo_content as content
from strategia.proposals.enums import FINAL_STATUSES, Channel, Moderation, ModerationMode, Status
from strategia.proposals.models import Call, Proposal, StatusChange, Support
from strategia.proposals.services import (
    CALL_ACTIVITY_TYPE,
    call_create,
    call_is_open,
    call_window,
    proposal_hide,
    proposal_merge,
    proposal_publish,
    proposal_register,
    proposal_submit,
    proposals_route,
    support_add,
)

MODERATED_AFTER_DAYS = 2  # while the call runs: ideas older than this are moderated…
REVIEWED_AFTER_DAYS = 4  # …older than this are under review…
FORWARDED_AFTER_DAYS = 7  # …and older than this forwarded (when their route goes through a team or department)


def _call_activity(process) -> Activity | None:
    return (Activity.objects.filter(stage__process=process, activity_type=CALL_ACTIVITY_TYPE)
            .select_related("stage__process__municipality").order_by("stage__number", "position").first())


@transaction.atomic
def proposals_load(*, process, today: dt.date, now: dt.datetime | None = None) -> Call | None:
    """The demo's call for ``today`` (None when the process has no call-for-ideas activity)."""
    now = now or timezone.now()
    activity = _call_activity(process)
    if activity is None:
        return None
    call = Call.objects.filter(activity=activity).first() or call_create(
        actor=None, activity=activity, title=content.TITLE, intro=content.INTRO,
        after_close_text=content.AFTER_CLOSE, moderation_mode=ModerationMode.PRE)
    first, last = call_window(call)
    is_open = call_is_open(call, today=today)
    plan = _plan(first=first, last=last, today=today, is_open=is_open) if first <= today else {}
    stored = {p.title: p.received_at for p in call.proposals.all()}
    if any(plan.get(title) != received for title, received in stored.items()):
        _discard(call)
    users = _users()
    staff = User.objects.filter(email=content.STAFF_EMAIL).first()
    _send(call, plan, users, staff, now)
    ideas = _ideas(call)
    due = _Due(today=today, is_open=is_open)
    _moderate(ideas, due)
    _support(ideas, users)
    _merge(ideas, due)
    _route(call, ideas, due, staff)
    _comment(ideas, users, now)
    return call


# --- when each idea came ------------------------------------------------------------------------------------

def _plan(*, first: dt.date, last: dt.date, today: dt.date, is_open: bool) -> dict[str, dt.datetime]:
    """The moment each idea was received (by title): spread over the whole call when it is over, over its days so
    far while it runs (the newest today; those later than now are sent by a later load)."""
    count = len(content.IDEAS)
    span = ((today - first).days + 1) if is_open else max((last - first).days, 1)
    plan = {}
    for index, idea in enumerate(content.IDEAS):
        day = first + dt.timedelta(days=index * span // count)
        hours, minutes = 7 + (index * 5) % 13, (index * 17) % 60
        plan[idea.title] = dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=WARSAW)
    return plan


class _Due:
    """Which steps an idea received on a given day has reached by today."""

    def __init__(self, *, today: dt.date, is_open: bool):
        self.today, self.is_open = today, is_open

    def _older_than(self, proposal: Proposal, days: int) -> bool:
        return not self.is_open or timezone.localtime(proposal.received_at, WARSAW).date() <= (
            self.today - dt.timedelta(days=days))

    def moderated(self, proposal: Proposal) -> bool:
        return self._older_than(proposal, MODERATED_AFTER_DAYS)

    def route(self, proposal: Proposal, idea: content.DemoIdea) -> list[str]:
        """The statuses the idea goes through by today (after the initial "submitted")."""
        if idea.status == Status.SUBMITTED or idea.hide or idea.merge_into:
            return []
        steps = [Status.UNDER_REVIEW]
        if idea.forward is not None:
            steps.append(Status.FORWARDED)
        if idea.status in FINAL_STATUSES:
            steps.append(idea.status)
        if not self.is_open:
            return steps
        if not self._older_than(proposal, REVIEWED_AFTER_DAYS):
            return []
        if not self._older_than(proposal, FORWARDED_AFTER_DAYS):
            return steps[:1]
        return [s for s in steps if s not in FINAL_STATUSES]  # final answers come when the goals exist


def _discard(call: Call) -> None:
    """Remove the demo's ideas whose moments no longer fit the demo's today (demo time travel, like the schedule's
    in ``processes/demo.py``: there is no service deleting ideas, on purpose)."""
    ids = list(call.proposals.values_list("pk", flat=True))
    Comment.objects.filter(target_type=ContentType.objects.get_for_model(Proposal), target_id__in=ids).delete()
    Proposal.objects.filter(pk__in=ids).update(merged_into=None)
    Proposal.objects.filter(pk__in=ids).delete()


# --- the people -----------------------------------------------------------------------------------------------

def _users() -> dict[str, User]:
    """The demo's accounts and the sample residents (created without a usable password: they never log in)."""
    users = {}
    for sample in content.USERS:
        user = User.objects.filter(email=sample.email).first()
        if user is None:
            user = User.objects.create_user(email=sample.email, password=None, display_name=sample.name)
        users[sample.key] = user
    return users


# --- the ideas ------------------------------------------------------------------------------------------------

def _send(call: Call, plan: dict, users: dict, staff: User | None, now: dt.datetime) -> None:
    themes = {theme.dimension: theme for theme in call.themes.all()}
    localities = {unit.name: unit for unit in
                  TerritorialUnit.objects.filter(parent=call.process.municipality.unit)}
    stored = set(call.proposals.values_list("title", flat=True))
    for idea in content.IDEAS:
        received = plan.get(idea.title)
        if idea.title in stored or received is None or received > now:
            continue
        latitude, longitude = (Decimal(idea.point[0]), Decimal(idea.point[1])) if idea.point else (None, None)
        fields = {"call": call, "title": idea.title, "description": f"{content.SAMPLE_MARK} {idea.description}",
                  "theme": themes[idea.theme], "locality": localities.get(idea.locality), "address": idea.address,
                  "latitude": latitude, "longitude": longitude, "contact_email": idea.email,
                  "consent_publish_name": idea.consent}
        if idea.channel == Channel.PLATFORM:
            user = users.get(idea.user)
            proposal_submit(actor=user, author_name=user.display_name if user else idea.author_name,
                            now=received, **fields)
        else:
            proposal_register(actor=staff, channel=idea.channel, received_at=received,
                              author_name=idea.author_name, **fields)


def _ideas(call: Call) -> list[tuple[Proposal, content.DemoIdea]]:
    specs = {idea.title: idea for idea in content.IDEAS}
    return [(proposal, specs[proposal.title]) for proposal in call.proposals.order_by("number")
            if proposal.title in specs]


def _moderate(ideas, due: _Due) -> None:
    for proposal, idea in ideas:
        if proposal.moderation != Moderation.PENDING or not due.moderated(proposal):
            continue
        if idea.hide:
            proposal_hide(actor=None, proposal=proposal, reason=idea.hide[0], explanation=idea.hide[1])
        else:
            proposal_publish(actor=None, proposal=proposal)


def _support(ideas, users: dict) -> None:
    supported = set(Support.objects.filter(proposal__in=[p for p, _ in ideas])
                    .values_list("proposal_id", "user_id"))
    for proposal, idea in ideas:
        if not proposal.is_public:
            continue
        for key in idea.supporters:
            user = users[key]
            if (proposal.pk, user.pk) not in supported and user.pk != proposal.author_id:
                support_add(actor=user, proposal=proposal)


def _merge(ideas, due: _Due) -> None:
    by_key = {idea.key: proposal for proposal, idea in ideas}
    for proposal, idea in ideas:
        kept = by_key.get(idea.merge_into)
        if kept is None or proposal.merged_into_id or not (due.moderated(proposal) and kept.is_public):
            continue
        proposal_merge(actor=None, duplicate=proposal, kept=kept)


def _route(call: Call, ideas, due: _Due, staff: User | None) -> None:
    """Each idea's remaining steps, in rounds (all first steps, then all second steps…); in each round the ideas
    going to the same status with the same justification are answered together, in one batch."""
    done = {}
    for change in StatusChange.objects.filter(proposal__call=call).exclude(to_status=Status.SUBMITTED):
        done.setdefault(change.proposal_id, []).append(change.to_status)
    for round_ in range(3):
        groups: dict[tuple, list[Proposal]] = {}
        for proposal, idea in ideas:
            steps = due.route(proposal, idea)
            if len(done.get(proposal.pk, [])) != round_ or round_ >= len(steps):
                continue
            groups.setdefault(_step(idea, steps[round_]), []).append(proposal)
            done.setdefault(proposal.pk, []).append(steps[round_])
        for (to_status, justification, target, to), proposals in groups.items():
            proposals_route(actor=staff, call=call, proposals=proposals, to_status=to_status,
                            justification=justification, forward_target=target, forwarded_to=to)


def _step(idea: content.DemoIdea, to_status: str) -> tuple[str, str, str, str]:
    if to_status == Status.UNDER_REVIEW:
        return (to_status, content.UNDER_REVIEW, "", "")
    if to_status == Status.FORWARDED:
        return (to_status, idea.forward.justification, idea.forward.target, idea.forward.to)
    return (to_status, content.JOINT_ANSWERS.get(idea.answer, idea.answer), "", "")


# --- comments -------------------------------------------------------------------------------------------------

def _comment(ideas, users: dict, now: dt.datetime) -> None:
    """The sample comments and the one reply, written a day after the idea was sent (within the call's window)."""
    for proposal, idea in ideas:
        if not idea.comments or not proposal.is_public:
            continue
        _first, last = call_window(proposal.call)
        moment = min(proposal.received_at + dt.timedelta(days=1), now,
                     dt.datetime.combine(last, dt.time(20, 0), tzinfo=WARSAW))
        existing = {(c.author_id, c.body): c for c in Comment.objects.filter(
            target_type=ContentType.objects.get_for_model(Proposal), target_id=proposal.pk)}
        for sample in idea.comments:
            parent = _comment_once(existing, proposal, users[sample.user], sample.body, None, {"now": moment})
            for key, body in sample.replies:
                _comment_once(existing, proposal, users[key], body, parent,
                              {"now": min(moment + dt.timedelta(hours=2), now)})


def _comment_once(existing: dict, proposal: Proposal, user: User, body: str, parent, extra: dict) -> Comment:
    body = f"{content.SAMPLE_MARK} {body}"
    comment = existing.get((user.pk, body))
    if comment is None:
        comment = comment_create(actor=user, target=proposal, body=body, parent=parent, **extra)
        existing[(user.pk, body)] = comment
    return comment
