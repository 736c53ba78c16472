"""The demo's call for ideas (issue #5 point 10): built through the services, labelled as sample data, fitted to the
shifted schedule, idempotent. After the call (the default, 2.3) every idea is in, moderated and routed: every theme
× status, three merged, two hidden, supports, answers (some in batches). While the call runs (1.1.2) the ideas sent
so far are there, the newest still waiting, no final answers yet, and comments exist. The audit log shows that each
idea, moderation step, support and answer of the demo went through its service."""

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from strategia.accounts.demo import users_load
from strategia.comments.models import Comment
from strategia.core.deadlines import local_date
from strategia.core.dimensions import Dimension
from strategia.core.localities import konstancin_localities, localities_load
from strategia.core.models import AuditEntry
from strategia.processes.demo import municipality_load, process_load
from strategia.proposals import demo_content as content
from strategia.proposals.demo import proposals_load
from strategia.proposals.enums import FINAL_STATUSES, Channel, Moderation, Status
from strategia.proposals.models import Call, Proposal, StatusChange, Support
from strategia.proposals.services import call_window

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
AFTER = dt.datetime(2026, 8, 19, 10, 0, tzinfo=WARSAW)  # the default anchor (2.3): the call was in Q1 2026
DURING = dt.datetime(2026, 2, 20, 15, 0, tzinfo=WARSAW)  # anchor 1.1.2: the call runs, opened 14 days ago
NORTH, SOUTH, WEST, EAST = 52.12, 52.05, 21.05, 21.20


def load(moment: dt.datetime, at: str = "2.3") -> Call:
    """What load_demo does for the call (the rest of the demo is tested with its own apps)."""
    with time_machine.travel(moment, tick=False):
        today = local_date(moment)
        municipality = municipality_load()
        localities_load(gmina=municipality.unit)
        process = process_load(municipality=municipality, today=today, anchor=at)
        users_load(municipality=municipality, process=process)
        return proposals_load(process=process, today=today)


def public(call: Call):
    return Proposal.objects.filter(call=call, moderation=Moderation.PUBLISHED, merged_into__isnull=True)


def audited(action: str, model=Proposal):
    """The audit entries a service wrote for ``action`` on objects of ``model``."""
    return AuditEntry.objects.filter(action=action, content_type=ContentType.objects.get_for_model(model))


# --- after the call (the default) ---------------------------------------------------------------------------------

def test_after_the_call_at_least_forty_ideas_are_in():
    call = load(AFTER)

    assert call.proposals.count() == len(content.IDEAS) >= 40


def test_after_the_call_every_theme_has_an_idea_in_every_status():
    call = load(AFTER)

    pairs = set(public(call).values_list("theme__dimension", "status"))

    assert pairs == {(theme, status) for theme in Dimension.values for status in Status.values}


def test_three_ideas_are_merged_into_the_ones_they_duplicate_and_the_supports_follow():
    call = load(AFTER)

    merged = call.proposals.filter(merged_into__isnull=False).select_related("merged_into")

    assert merged.count() == 3
    assert all(m.merged_into.is_public and m.support_count == 0 for m in merged)
    assert not Support.objects.filter(proposal__in=merged).exists()


def test_two_ideas_are_hidden_with_a_reason_and_an_explanation():
    call = load(AFTER)

    hidden = call.proposals.filter(moderation=Moderation.HIDDEN)

    assert hidden.count() == 2
    assert all(h.hide_reason and h.hide_explanation for h in hidden)


def test_ideas_are_supported_by_demo_and_sample_users_and_the_counts_match():
    call = load(AFTER)

    supports = Support.objects.filter(proposal__call=call)

    assert supports.count() >= 30
    assert supports.filter(user__email="mieszkaniec@demo.strategia.example").exists()
    assert supports.filter(user__display_name__contains="Przykładow").exists()
    for proposal in public(call):
        assert proposal.support_count == proposal.supports.count()


def test_every_idea_was_sent_or_keyed_in_through_its_service_once():
    call = load(AFTER)

    sent = Counter(audited("proposal.submit").values_list("object_id", flat=True))
    keyed_in = Counter(audited("proposal.register").values_list("object_id", flat=True))

    for proposal in call.proposals.all():
        by_platform = proposal.channel == Channel.PLATFORM
        assert (sent[str(proposal.pk)], keyed_in[str(proposal.pk)]) == ((1, 0) if by_platform else (0, 1)), proposal


def test_the_merges_and_the_hidings_went_through_the_moderation_services():
    call = load(AFTER)

    merges = {entry.object_id: entry.after["merged_into_id"] for entry in audited("proposal.merge")}
    hidings = {entry.object_id: entry.after["moderation"] for entry in audited("proposal.hide")}
    published = set(audited("proposal.publish").values_list("object_id", flat=True))

    assert merges == {str(p.pk): p.merged_into_id for p in call.proposals.filter(merged_into__isnull=False)}
    assert hidings == {str(p.pk): Moderation.HIDDEN for p in call.proposals.filter(moderation=Moderation.HIDDEN)}
    assert {str(p.pk) for p in call.proposals.filter(moderation=Moderation.PUBLISHED)} <= published


def test_every_support_was_added_through_the_service_by_its_supporter():
    call = load(AFTER)
    kept_of = {p.pk: p.merged_into_id or p.pk for p in call.proposals.all()}

    added = {(entry.actor_id, kept_of[int(entry.object_id)]) for entry in audited("support.add")}

    supports = set(Support.objects.filter(proposal__call=call).values_list("user_id", "proposal_id"))
    assert supports and supports <= added  # a duplicate's supporters moved to the kept idea with the merge


def test_every_answer_went_through_the_routing_service_one_entry_per_batch():
    call = load(AFTER)
    changes = StatusChange.objects.filter(proposal__call=call).exclude(to_status=Status.SUBMITTED)

    decisions = len(set(changes.exclude(batch=None).values_list("batch", flat=True))) + changes.filter(
        batch=None).count()

    assert audited("proposals.route", model=Call).filter(object_id=str(call.pk)).count() == decisions


def test_every_status_change_has_a_public_justification_and_some_answers_are_batches():
    call = load(AFTER)

    changes = StatusChange.objects.filter(proposal__call=call).exclude(to_status=Status.SUBMITTED)

    assert all(change.justification.strip() for change in changes)
    batches = Counter(changes.exclude(batch=None).values_list("batch", flat=True))
    assert len(batches) >= 3 and max(batches.values()) >= 10


def test_forwarded_ideas_go_to_a_team_to_the_diagnosis_and_to_a_department():
    call = load(AFTER)

    targets = set(StatusChange.objects.filter(proposal__call=call, to_status=Status.FORWARDED)
                  .values_list("forward_target", flat=True))

    assert targets == {"thematic_team", "diagnosis", "department"}


def test_the_pothole_is_forwarded_to_the_roads_department():
    call = load(AFTER)

    change = StatusChange.objects.get(proposal__title="Dziura w jezdni na ulicy Bielawskiej",
                                      proposal__call=call, to_status=Status.FORWARDED)

    assert change.forward_target == "department" and "Dróg" in change.forwarded_to


def test_ideas_are_received_inside_the_call_window_some_on_paper_or_by_e_mail():
    call = load(AFTER)
    first, last = call_window(call)

    days = [local_date(p.received_at) for p in call.proposals.all()]

    assert all(first <= day <= last for day in days)
    assert call.proposals.exclude(channel=Channel.PLATFORM).count() >= 5


def test_places_spread_over_the_localities_and_pins_fall_inside_the_gmina():
    call = load(AFTER)

    localities = set(call.proposals.exclude(locality=None).values_list("locality__name", flat=True))
    pins = call.proposals.exclude(latitude=None)

    assert len(localities) >= 15
    assert pins.count() >= 8
    assert all(SOUTH <= p.latitude <= NORTH and WEST <= p.longitude <= EAST for p in pins)


def test_every_locality_the_ideas_name_is_in_the_data_file():
    names = {locality.name for locality in konstancin_localities()}

    assert {idea.locality for idea in content.IDEAS if idea.locality} <= names


def test_the_demo_is_labelled_as_sample_data():
    call = load(AFTER)

    assert content.SAMPLE_MARK in call.intro and content.SAMPLE_MARK in call.after_close_text
    assert all(p.description.startswith(content.SAMPLE_MARK) for p in call.proposals.all())
    assert all(not p.contact_email or p.contact_email.endswith(("example.org", ".example"))
               for p in call.proposals.all())


def test_after_the_call_the_comments_are_there_dated_within_the_call():
    call = load(AFTER)
    comments = Comment.objects.filter(target_type=ContentType.objects.get_for_model(Proposal),
                                      target_id__in=call.proposals.values("pk"))
    first, last = call_window(call)
    assert comments.count() >= 3 and comments.filter(parent__isnull=False).count() == 1
    assert all(first <= c.created_at.astimezone(WARSAW).date() <= last for c in comments)


def test_loading_twice_the_same_day_changes_nothing():
    call = load(AFTER)
    before = (call.proposals.count(), Support.objects.count(), StatusChange.objects.count())

    load(AFTER + dt.timedelta(hours=2))

    assert (call.proposals.count(), Support.objects.count(), StatusChange.objects.count()) == before


def test_load_demo_command_twice_gives_no_duplicates():
    with time_machine.travel(AFTER, tick=False):
        call_command("load_demo")
        count = Proposal.objects.count()
        call_command("load_demo")

    assert Proposal.objects.count() == count == len(content.IDEAS)
    assert Call.objects.count() == 1


# --- while the call runs (--at 1.1.2) -------------------------------------------------------------------------

def test_while_the_call_runs_the_ideas_sent_so_far_are_in_and_the_newest_wait():
    call = load(DURING, at="1.1.2")

    proposals = call.proposals.all()

    assert 20 <= proposals.count() <= len(content.IDEAS)
    assert all(p.received_at <= DURING for p in proposals)
    assert proposals.filter(moderation=Moderation.PENDING).exists()
    assert proposals.filter(status=Status.SUBMITTED, moderation=Moderation.PUBLISHED).exists()


def test_while_the_call_runs_ideas_are_reviewed_and_forwarded_but_not_yet_answered():
    call = load(DURING, at="1.1.2")

    statuses = set(call.proposals.values_list("status", flat=True))

    assert {Status.UNDER_REVIEW, Status.FORWARDED} <= statuses
    assert not statuses & FINAL_STATUSES


def test_while_the_call_runs_ideas_are_commented_with_one_reply():
    call = load(DURING, at="1.1.2")

    comments = Comment.objects.filter(target_type=ContentType.objects.get_for_model(Proposal),
                                      target_id__in=call.proposals.values("pk"))

    assert comments.count() >= 3
    assert comments.filter(parent__isnull=False).count() == 1
    assert all(c.body.startswith(content.SAMPLE_MARK) for c in comments)


def test_while_the_call_runs_loading_again_the_same_day_adds_no_duplicates():
    call = load(DURING, at="1.1.2")
    before = (set(call.proposals.values_list("title", flat=True)), Comment.objects.count(), Support.objects.count())

    load(DURING + dt.timedelta(minutes=30), at="1.1.2")

    assert (set(call.proposals.values_list("title", flat=True)), Comment.objects.count(),
            Support.objects.count()) == before


def test_moving_the_demo_to_another_anchor_rebuilds_the_ideas_without_duplicates():
    load(DURING, at="1.1.2")

    call = load(AFTER)

    assert call.proposals.count() == len(content.IDEAS)
    assert len(set(call.proposals.values_list("title", flat=True))) == len(content.IDEAS)
    assert Comment.objects.count() == Comment.objects.values("author", "body").distinct().count()


def test_on_the_calls_first_morning_only_the_ideas_sent_before_now_are_in():
    moment = dt.datetime(2026, 1, 1, 8, 0, tzinfo=WARSAW)

    call = load(moment, at="1.1.2")

    assert 1 <= call.proposals.count() < len(content.IDEAS)
    assert all(p.received_at <= moment for p in call.proposals.all())

