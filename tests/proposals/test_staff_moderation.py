"""Moderation and routing from the back-office: publish, hide with a reason and an explanation (the author is
e-mailed), merge a duplicate (supports kept once), a status with its public justification (forwarding says where),
and batch actions from the register's checkboxes (one justification, one batch id; nothing typed is lost)."""

import pytest

from strategia.core.models import AuditEntry
from strategia.proposals.enums import Channel, HideReason, Moderation, Status
from strategia.proposals.models import StatusChange, Support
from strategia.proposals.services import proposal_merge, proposal_publish, support_add
from tests.factories import UserFactory
from tests.proposals.test_staff_views import english, idea, office, url


@pytest.fixture
def moderator(client, call):
    user = office(call)
    client.force_login(user)
    english(client)
    return user


# --- publish and hide -----------------------------------------------------------------------------------------

def test_a_moderator_publishes_an_idea_held_for_review(client, call, theme, moderator):
    proposal = idea(call)
    proposal.held_for_review = True
    proposal.save()
    response = client.post(url("publish", call, proposal_id=proposal.pk))
    proposal.refresh_from_db()
    assert response.status_code == 302
    assert proposal.moderation == Moderation.PUBLISHED and not proposal.held_for_review


def test_hiding_needs_a_reason_and_an_explanation(client, call, theme, moderator):
    proposal = idea(call)
    response = client.post(url("hide", call, proposal_id=proposal.pk), {"reason": "", "explanation": ""})
    html = response.content.decode()
    proposal.refresh_from_db()
    assert response.status_code == 200 and proposal.moderation == Moderation.PENDING
    assert 'id="id_reason_error"' in html and 'id="id_explanation_error"' in html


def test_a_hide_without_explanation_keeps_the_chosen_reason(client, call, theme, moderator):
    proposal = idea(call)
    response = client.post(url("hide", call, proposal_id=proposal.pk),
                           {"reason": HideReason.PERSONAL_DATA, "explanation": "  "})
    assert response.status_code == 200
    assert response.context["hide_form"]["reason"].value() == HideReason.PERSONAL_DATA


def test_hiding_stores_the_reason_and_e_mails_the_author(client, call, theme, moderator, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    proposal = idea(call, contact_email="autor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("hide", call, proposal_id=proposal.pk),
                               {"reason": HideReason.OFFENSIVE, "explanation": "Wulgaryzmy w opisie."})
    proposal.refresh_from_db()
    assert response.status_code == 302
    assert (proposal.moderation, proposal.hide_reason, proposal.hide_explanation) == (
        Moderation.HIDDEN, HideReason.OFFENSIVE, "Wulgaryzmy w opisie.")
    [mail] = mailoutbox
    assert mail.to == ["autor@example.org"] and "Wulgaryzmy w opisie." in mail.body
    assert AuditEntry.objects.filter(action="proposal.hide").count() == 1


# --- merge ----------------------------------------------------------------------------------------------------

def test_merge_keeps_every_support_once(client, call, theme, moderator):
    kept, duplicate = idea(call, title="Ścieżka rowerowa"), idea(call, title="Rowery nad Jeziorką")
    proposal_publish(actor=None, proposal=kept)
    proposal_publish(actor=None, proposal=duplicate)
    both, only_duplicate, only_kept = UserFactory(), UserFactory(), UserFactory()
    for user in (both, only_kept):
        support_add(actor=user, proposal=kept)
    for user in (both, only_duplicate):
        support_add(actor=user, proposal=duplicate)
    response = client.post(url("merge", call, proposal_id=duplicate.pk), {"kept": kept.pk})
    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == url("detail", call, proposal_id=kept.pk)
    assert duplicate.merged_into == kept
    assert kept.support_count == 3 == Support.objects.filter(proposal=kept).count()


def test_the_merge_page_searches_the_candidates(client, call, theme, moderator):
    duplicate = idea(call, title="Droga do szkoły")
    road = idea(call, title="Remont drogi")
    park = idea(call, title="Park przy rzece")
    response = client.get(url("merge", call, proposal_id=duplicate.pk), {"q": "drogę"})
    choices = list(response.context["form"].fields["kept"].queryset)
    assert choices == [road] and park not in choices


def test_merge_without_a_choice_shows_the_error(client, call, theme, moderator):
    duplicate = idea(call)
    response = client.post(url("merge", call, proposal_id=duplicate.pk), {"kept": ""})
    assert response.status_code == 200 and 'id="id_kept_error"' in response.content.decode()


def test_an_idea_already_merged_is_not_offered_to_keep(client, call, theme, moderator):
    kept, merged, duplicate = idea(call), idea(call), idea(call)
    proposal_merge(actor=None, duplicate=merged, kept=kept)
    response = client.post(url("merge", call, proposal_id=duplicate.pk), {"kept": merged.pk})
    duplicate.refresh_from_db()
    assert response.status_code == 200 and duplicate.merged_into is None


# --- status ---------------------------------------------------------------------------------------------------

def test_a_status_change_records_the_public_justification_and_tells_the_author(
        client, call, theme, moderator, mailoutbox, django_capture_on_commit_callbacks):
    proposal = idea(call, contact_email="autor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("status", call, proposal_id=proposal.pk), {
            "to_status": Status.UNDER_REVIEW, "justification": "Analizujemy pomysł.",
            "forward_target": "", "forwarded_to": ""})
    proposal.refresh_from_db()
    change = proposal.status_changes.last()
    assert response.status_code == 302 and proposal.status == Status.UNDER_REVIEW
    assert (change.justification, change.actor, change.batch) == ("Analizujemy pomysł.", moderator, None)
    assert [m.to for m in mailoutbox] == [["autor@example.org"]]


def test_a_status_without_justification_is_refused_and_keeps_the_choice(client, call, theme, moderator):
    proposal = idea(call)
    response = client.post(url("status", call, proposal_id=proposal.pk), {
        "to_status": Status.NOT_INCLUDED, "justification": "", "forward_target": "", "forwarded_to": ""})
    proposal.refresh_from_db()
    assert response.status_code == 200 and proposal.status == Status.SUBMITTED
    assert 'id="id_justification_error"' in response.content.decode()
    assert response.context["status_form"]["to_status"].value() == Status.NOT_INCLUDED


def test_forwarding_needs_a_target(client, call, theme, moderator):
    proposal = idea(call)
    response = client.post(url("status", call, proposal_id=proposal.pk), {
        "to_status": Status.FORWARDED, "justification": "Przekazujemy.", "forward_target": "",
        "forwarded_to": ""})
    proposal.refresh_from_db()
    assert response.status_code == 200 and proposal.status == Status.SUBMITTED
    assert 'id="id_forward_target_error"' in response.content.decode()


def test_forwarding_to_a_department_needs_its_name(client, call, theme, moderator):
    proposal = idea(call)
    response = client.post(url("status", call, proposal_id=proposal.pk), {
        "to_status": Status.FORWARDED, "justification": "Przekazujemy.", "forward_target": "department",
        "forwarded_to": ""})
    assert response.status_code == 200 and 'id="id_forwarded_to_error"' in response.content.decode()


def test_forwarding_records_the_target_and_the_department(client, call, theme, moderator):
    proposal = idea(call)
    client.post(url("status", call, proposal_id=proposal.pk), {
        "to_status": Status.FORWARDED, "justification": "To sprawa bieżąca.", "forward_target": "department",
        "forwarded_to": "Wydział Dróg"})
    change = proposal.status_changes.last()
    assert (change.to_status, change.forward_target, change.forwarded_to) == (
        Status.FORWARDED, "department", "Wydział Dróg")


# --- batch ----------------------------------------------------------------------------------------------------

def test_the_register_selection_opens_the_batch_form_with_the_chosen_ideas(client, call, theme, moderator):
    first, second, third = idea(call), idea(call), idea(call)
    response = client.post(url("batch_status", call), {"pomysly": [first.pk, third.pk], "action": "status"})
    assert response.status_code == 200
    assert response.context["ideas"] == [first, third] and not response.context["form"].errors
    assert second not in response.context["ideas"]


def test_a_batch_answer_with_one_justification_records_one_batch_id(client, call, theme, moderator, mailoutbox,
                                                                     django_capture_on_commit_callbacks):
    first = idea(call, contact_email="a@example.org")
    second = idea(call, contact_email="b@example.org")
    untouched = idea(call)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("batch_status", call), {
            "pomysly": [first.pk, second.pk], "apply": "1", "to_status": Status.INCLUDED,
            "justification": "Pomysły wpisano do celu 2.", "forward_target": "", "forwarded_to": ""})
    changes = StatusChange.objects.filter(to_status=Status.INCLUDED)
    assert response.status_code == 302 and response["Location"] == url("register", call)
    assert {c.proposal_id for c in changes} == {first.pk, second.pk}
    assert len({c.batch for c in changes}) == 1 and changes[0].batch is not None
    assert {c.justification for c in changes} == {"Pomysły wpisano do celu 2."}
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.org", "b@example.org"]
    untouched.refresh_from_db()
    assert untouched.status == Status.SUBMITTED
    assert AuditEntry.objects.filter(action="proposals.route").count() == 1


def test_a_batch_without_justification_keeps_the_selection_and_the_choice(client, call, theme, moderator):
    first, second = idea(call), idea(call)
    response = client.post(url("batch_status", call), {
        "pomysly": [first.pk, second.pk], "apply": "1", "to_status": Status.FORWARDED, "justification": "",
        "forward_target": "thematic_team", "forwarded_to": "Zespół ds. gospodarki"})
    html = response.content.decode()
    assert response.status_code == 200 and not StatusChange.objects.filter(to_status=Status.FORWARDED).exists()
    assert 'id="id_justification_error"' in html
    assert 'value="Zespół ds. gospodarki"' in html
    assert response.context["ideas"] == [first, second]


def test_a_batch_forward_without_a_target_is_refused(client, call, theme, moderator):
    first, second = idea(call), idea(call)
    response = client.post(url("batch_status", call), {
        "pomysly": [first.pk, second.pk], "apply": "1", "to_status": Status.FORWARDED,
        "justification": "Do zespołu.", "forward_target": "", "forwarded_to": ""})
    assert response.status_code == 200 and 'id="id_forward_target_error"' in response.content.decode()


def test_batch_publish_publishes_the_selected_ideas(client, call, theme, moderator):
    first, second, third = idea(call), idea(call), idea(call, channel=Channel.POST)
    response = client.post(url("batch_status", call), {"pomysly": [first.pk, third.pk], "action": "publish"})
    assert response.status_code == 302
    states = {p.pk: p.moderation for p in (first, second, third) if not p.refresh_from_db()}
    assert states == {first.pk: Moderation.PUBLISHED, second.pk: Moderation.PENDING,
                      third.pk: Moderation.PUBLISHED}


def test_ideas_of_another_call_are_ignored_in_a_batch(client, call, theme, moderator):
    mine = idea(call)
    response = client.post(url("batch_status", call), {"pomysly": [mine.pk, mine.pk + 999, "x"],
                                                        "action": "status"})
    assert response.context["ideas"] == [mine]


def test_a_batch_with_nothing_selected_says_so(client, call, theme, moderator):
    response = client.post(url("batch_status", call), {"action": "status"})
    assert response.status_code == 200 and "No idea is selected." in response.content.decode()
