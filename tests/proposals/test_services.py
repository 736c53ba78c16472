"""The call for ideas' services read like its rules: the call follows its harmonogram activity (server clock), ideas
are numbered, moderated by the call's mode, supported once per user, merged without double counting, and every
status change carries a public justification the author is told."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.processes.models import Activity
from strategia.proposals.enums import Moderation, ModerationMode, Status
from strategia.proposals.models import Proposal, StatusChange, Support
from strategia.proposals.services import (
    call_create,
    call_is_open,
    call_update,
    proposal_hide,
    proposal_merge,
    proposal_publish,
    proposal_register,
    proposal_submit,
    proposals_route,
    support_add,
    support_withdraw,
    theme_create,
)
from tests.factories import MunicipalityFactory, UserFactory
from tests.proposals.conftest import AFTER, CALL_END, CALL_START, DURING, WARSAW

pytestmark = pytest.mark.django_db


def _submit(call, theme, *, now=DURING, **kwargs):
    return proposal_submit(actor=None, call=call, title=kwargs.pop("title", "Ścieżka rowerowa"),
                           description=kwargs.pop("description", "Wzdłuż Jeziorki."), theme=theme, now=now,
                           **kwargs)


def _published(call, theme, **kwargs):
    return proposal_publish(actor=None, proposal=_submit(call, theme, **kwargs))


# --- the call ---------------------------------------------------------------------------------------------------

def test_a_call_belongs_to_an_activity_of_the_call_for_ideas_type(process):
    other = Activity.objects.filter(stage__process=process).exclude(activity_type="call_for_proposals").first()
    with pytest.raises(ValidationError):
        call_create(actor=None, activity=other)


def test_a_new_call_has_the_dimensions_of_development_as_themes(call):
    assert [t.dimension for t in call.themes.order_by("position")] == ["social", "economic", "spatial",
                                                                       "environmental"]


def test_the_coordinator_adds_a_theme_once(call):
    theme_create(actor=None, call=call, name="Cel 1. Wspólnota mieszkańców")
    with pytest.raises(ValidationError):
        theme_create(actor=None, call=call, name="CEL 1. WSPÓLNOTA MIESZKAŃCÓW")


@pytest.mark.parametrize(("day", "is_open"), [
    (CALL_START - dt.timedelta(days=1), False), (CALL_START, True), (CALL_END, True),
    (CALL_END + dt.timedelta(days=1), False),
])
def test_the_call_is_open_from_the_first_to_the_last_day_of_its_activity(call, day, is_open):
    assert call_is_open(call, today=day) is is_open


def test_an_idea_sent_at_235959_on_the_last_day_is_accepted(call, theme):
    last_second = dt.datetime(2026, 3, 31, 23, 59, 59, tzinfo=WARSAW)
    assert _submit(call, theme, now=last_second).pk


def test_an_idea_sent_at_midnight_after_the_last_day_is_refused_with_the_dates(call, theme):
    with pytest.raises(ValidationError, match="01.02.2026"):
        _submit(call, theme, now=AFTER)


def test_with_no_actual_dates_the_planned_dates_decide(call, theme):
    Activity.objects.filter(pk=call.activity_id).update(actual_start=None, actual_end=None)
    call.activity.refresh_from_db()
    assert call_is_open(call, today=call.activity.planned_start)
    assert not call_is_open(call, today=call.activity.planned_end + dt.timedelta(days=1))


# --- submitting ---------------------------------------------------------------------------------------------------

def test_ideas_are_numbered_consecutively_within_the_call(call, theme):
    assert [_submit(call, theme).number for _ in range(3)] == [1, 2, 3]


def test_with_pre_moderation_an_idea_waits_for_staff(call, theme):
    assert _submit(call, theme).moderation == Moderation.PENDING


def test_with_post_moderation_an_idea_is_public_at_once_unless_held_for_review(call, theme):
    call_update(actor=None, call=call, title=call.title, moderation_mode=ModerationMode.POST)
    assert _submit(call, theme).moderation == Moderation.PUBLISHED
    held = _submit(call, theme, held_for_review=True)
    assert held.moderation == Moderation.PENDING and held.held_for_review


def test_the_locality_must_be_one_of_the_municipality(call, theme):
    elsewhere = TerritorialUnit.objects.create(name="Obce", kind=UnitKind.SOLECTWO,
                                               parent=MunicipalityFactory().unit)
    with pytest.raises(ValidationError) as error:
        _submit(call, theme, locality=elsewhere)
    assert "locality" in error.value.message_dict


def test_a_pin_needs_both_coordinates(call, theme):
    with pytest.raises(ValidationError):
        _submit(call, theme, latitude=52.08)


def test_the_search_text_is_stored_normalised(call, theme):
    proposal = _submit(call, theme, title="Źródło przy drodze", description="Remont drogi")
    assert " zrodl" in proposal.search_text and " drog" in proposal.search_text


def test_staff_register_an_idea_received_on_paper_even_after_the_call(call, theme):
    with time_machine.travel(AFTER + dt.timedelta(days=3), tick=False):
        proposal = proposal_register(actor=None, call=call, channel="post", received_at=DURING,
                                     title="Boisko", description="Przy szkole w Słomczynie.", theme=theme)
    assert proposal.channel == "post" and proposal.received_at == DURING


def test_a_date_of_receipt_in_the_future_is_refused(call, theme):
    with time_machine.travel(DURING, tick=False), pytest.raises(ValidationError):
        proposal_register(actor=None, call=call, channel="post", received_at=DURING + dt.timedelta(days=1),
                          title="Boisko", description="Przy szkole.", theme=theme)


# --- supports -------------------------------------------------------------------------------------------------------

def test_a_user_supports_an_idea_once(call, theme):
    proposal, user = _published(call, theme), UserFactory()
    assert support_add(actor=user, proposal=proposal) is True
    assert support_add(actor=user, proposal=proposal) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 1 and Support.objects.count() == 1


def test_a_support_can_be_withdrawn(call, theme):
    proposal, user = _published(call, theme), UserFactory()
    support_add(actor=user, proposal=proposal)
    assert support_withdraw(actor=user, proposal=proposal) is True
    assert support_withdraw(actor=user, proposal=proposal) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_an_unpublished_idea_cannot_be_supported(call, theme):
    with pytest.raises(ValidationError):
        support_add(actor=UserFactory(), proposal=_submit(call, theme))


# --- moderation -----------------------------------------------------------------------------------------------------

def test_hiding_needs_a_reason_from_the_list_and_an_explanation(call, theme):
    with pytest.raises(ValidationError) as error:
        proposal_hide(actor=None, proposal=_submit(call, theme), reason="", explanation=" ")
    assert set(error.value.message_dict) == {"reason", "explanation"}


def test_the_author_is_told_why_the_idea_was_hidden(call, theme, mailoutbox, django_capture_on_commit_callbacks):
    proposal = _submit(call, theme, contact_email="ala@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        proposal_hide(actor=None, proposal=proposal, reason="advertising", explanation="To reklama sklepu.")
    [email] = mailoutbox
    assert email.to == ["ala@example.org"] and "To reklama sklepu." in email.body
    assert proposal.tracking_token in email.body


def test_merging_moves_supports_without_counting_anyone_twice(call, theme):
    kept, duplicate = _published(call, theme), _published(call, theme, title="Ścieżka nad Jeziorką")
    both, only_duplicate = UserFactory(), UserFactory()
    for user in (both, only_duplicate):
        support_add(actor=user, proposal=duplicate)
    support_add(actor=both, proposal=kept)
    proposal_merge(actor=None, duplicate=duplicate, kept=kept)
    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert kept.support_count == 2 and Support.objects.filter(proposal=kept).count() == 2
    assert duplicate.merged_into == kept and not duplicate.is_public


def test_ideas_merged_earlier_follow_the_duplicate_to_the_kept_idea(call, theme):
    first, second, third = (_published(call, theme, title=t) for t in ("A", "B", "C"))
    proposal_merge(actor=None, duplicate=first, kept=second)
    proposal_merge(actor=None, duplicate=second, kept=third)
    assert Proposal.objects.get(pk=first.pk).merged_into_id == third.pk


def test_an_idea_cannot_be_merged_into_itself(call, theme):
    proposal = _published(call, theme)
    with pytest.raises(ValidationError):
        proposal_merge(actor=None, duplicate=proposal, kept=proposal)


# --- what happened to the idea ----------------------------------------------------------------------------------------

def test_every_status_change_needs_a_public_justification(call, theme):
    with pytest.raises(ValidationError) as error:
        proposals_route(actor=None, call=call, proposals=[_published(call, theme)], to_status=Status.INCLUDED,
                        justification="")
    assert "justification" in error.value.message_dict


def test_forwarding_names_where_the_idea_goes(call, theme):
    proposal = _published(call, theme)
    with pytest.raises(ValidationError):
        proposals_route(actor=None, call=call, proposals=[proposal], to_status=Status.FORWARDED,
                        justification="Do wydziału dróg.", forward_target="department")
    proposals_route(actor=None, call=call, proposals=[proposal], to_status=Status.FORWARDED,
                    justification="Do wydziału dróg.", forward_target="department",
                    forwarded_to="Wydział Dróg i Transportu")
    change = StatusChange.objects.filter(proposal=proposal).latest("id")
    assert change.forwarded_to == "Wydział Dróg i Transportu" and change.from_status == Status.SUBMITTED


def test_a_batch_answer_gives_every_idea_the_same_justification_and_batch(call, theme, mailoutbox,
                                                                          django_capture_on_commit_callbacks):
    ideas = [_published(call, theme, contact_email=f"a{n}@example.org") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        count = proposals_route(actor=None, call=call, proposals=ideas, to_status=Status.INCLUDED,
                                justification="Ujęte w celu 2.")
    changes = StatusChange.objects.filter(to_status=Status.INCLUDED)
    assert count == 3 and changes.count() == 3 and len({c.batch for c in changes}) == 1
    assert all(Proposal.objects.get(pk=p.pk).status == Status.INCLUDED for p in ideas)
    assert len(mailoutbox) == 3 and "Ujęte w celu 2." in mailoutbox[0].body


def test_merged_ideas_are_not_routed_on_their_own(call, theme):
    kept, duplicate = _published(call, theme), _published(call, theme, title="Duplikat")
    proposal_merge(actor=None, duplicate=duplicate, kept=kept)
    assert proposals_route(actor=None, call=call, proposals=[kept, duplicate], to_status=Status.UNDER_REVIEW,
                           justification="Analizujemy.") == 1
