"""Supporting an idea ("Popieram"): a POST, once per logged-in user, withdrawable; the button has aria-pressed
and the count is announced; with htmx the button swaps in place; an anonymous visitor logs in and comes back to
the idea's button (a GET never changes anything); two racing connections never count twice."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from strategia.proposals.models import Proposal, Support
from strategia.proposals.services import proposal_hide, proposal_merge, support_add
from tests.proposals.public_helpers import idea, idea_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(call, theme):
    return idea(call, theme)


@pytest.fixture
def logged_in(client, resident):
    client.cookies["django_language"] = "en"
    client.force_login(resident)
    return client


def press(client, proposal, action="add", **headers):
    return client.post(idea_url("support", proposal), {"action": action}, headers=headers)


def test_pressing_the_button_supports_the_idea(logged_in, proposal, resident):
    response = press(logged_in, proposal)
    assert response.status_code == 302
    assert response["Location"] == f"{proposal.get_absolute_url()}#popieram"
    assert Support.objects.filter(proposal=proposal, user=resident).exists()
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_pressing_again_withdraws_the_support(logged_in, proposal):
    press(logged_in, proposal)
    html = logged_in.get(proposal.get_absolute_url()).content.decode()
    assert 'name="action" value="withdraw"' in html
    press(logged_in, proposal, action="withdraw")
    assert not Support.objects.filter(proposal=proposal).exists()
    assert Proposal.objects.get(pk=proposal.pk).support_count == 0


def test_a_repeated_support_request_counts_once(logged_in, proposal):
    press(logged_in, proposal)
    press(logged_in, proposal)
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_button_says_whether_the_user_supports_it_with_aria_pressed(logged_in, proposal):
    assert 'aria-pressed="false"' in logged_in.get(proposal.get_absolute_url()).content.decode()
    press(logged_in, proposal)
    assert 'aria-pressed="true"' in logged_in.get(proposal.get_absolute_url()).content.decode()


def test_count_is_in_a_live_region(logged_in, proposal):
    press(logged_in, proposal)
    html = logged_in.get(proposal.get_absolute_url()).content.decode()
    assert 'role="status" aria-live="polite" id="support-status">1 person supports this idea' in html


def test_with_htmx_the_button_swaps_in_place_and_the_count_is_updated_out_of_band(logged_in, proposal):
    response = press(logged_in, proposal, **{"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-pressed="true"' in html
    assert "<html" not in html
    assert '<span id="support-status" hx-swap-oob="innerHTML">1 person supports this idea' in html


def test_confirming_with_htmx_removes_the_confirmation_note(logged_in, proposal):
    html = logged_in.get(proposal.get_absolute_url(), {"potwierdz": "1"}).content.decode()
    assert 'name="confirming" value="1"' in html
    response = logged_in.post(idea_url("support", proposal), {"action": "add", "confirming": "1"},
                              headers={"HX-Request": "true"})
    assert '<p id="support-confirm" hx-swap-oob="delete"></p>' in response.content.decode()


def test_anonymous_press_goes_to_login_and_back_to_the_support_address(client, proposal):
    response = press(client, proposal)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={idea_url('support', proposal)}"
    assert not Support.objects.exists()


def test_anonymous_press_with_htmx_redirects_the_whole_page_to_login(client, proposal):
    response = press(client, proposal, **{"HX-Request": "true"})
    assert response["HX-Redirect"].startswith(reverse("account_login"))


def test_after_login_the_support_address_leads_to_the_focused_button_and_changes_nothing(logged_in, proposal):
    response = logged_in.get(idea_url("support", proposal))
    assert response.status_code == 302
    assert response["Location"] == f"{proposal.get_absolute_url()}?potwierdz=1#popieram"
    assert not Support.objects.exists()
    html = logged_in.get(proposal.get_absolute_url(), {"potwierdz": "1"}).content.decode()
    assert 'id="support-confirm"' in html
    assert 'data-focus-after-swap autofocus>' in html


def test_login_form_returns_to_the_support_address(client, proposal, resident):
    response = client.post(f"{reverse('account_login')}?next={idea_url('support', proposal)}",
                           {"login": resident.email, "password": "haslo-testowe-123"})
    assert response.status_code == 302
    assert response["Location"] == idea_url("support", proposal)


def test_support_of_a_hidden_or_pending_idea_is_404(logged_in, call, theme):
    hidden = proposal_hide(actor=None, proposal=idea(call, theme), reason="other", explanation="Powód.")
    pending = idea(call, theme, publish=False)
    for proposal in (hidden, pending):
        assert press(logged_in, proposal).status_code == 404
    assert not Support.objects.exists()


def test_support_of_a_merged_idea_goes_to_the_kept_one(logged_in, call, theme, resident):
    kept = idea(call, theme)
    duplicate = proposal_merge(actor=None, duplicate=idea(call, theme), kept=kept)
    press(logged_in, duplicate)
    assert Support.objects.filter(proposal=kept, user=resident).exists()


def test_support_is_audited(logged_in, proposal):
    from strategia.core.models import AuditEntry

    press(logged_in, proposal)
    assert AuditEntry.objects.filter(action="support.add").count() == 1


def test_support_address_refuses_other_methods(logged_in, proposal):
    assert logged_in.put(idea_url("support", proposal)).status_code == 405


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks of two real connections: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_two_racing_connections_support_once(call, theme, resident):
    proposal = idea(call, theme)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def racer():
        try:
            fresh = Proposal.objects.get(pk=proposal.pk)
            barrier.wait(timeout=10)
            results.append(support_add(actor=resident, proposal=fresh))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=racer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [False, True]
    assert Support.objects.filter(proposal=proposal, user=resident).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
