"""Supporting an idea ("Popieram"): a POST, once per logged-in user, withdrawable; the button has aria-pressed
and the count is announced; with htmx the button swaps in place; an anonymous visitor who presses it logs in and
comes back to the idea with the support completed — only the intent their POST left in the session completes it,
never an address alone (a GET from a foreign link changes nothing); two racing connections never count twice."""

import datetime as dt
import threading
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from strategia.core.models import AuditEntry
from strategia.proposals import public_views
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


def back_after_login(proposal) -> str:
    return f"{proposal.get_absolute_url()}?potwierdz=1"


def log_in(client, user, *, next_url):
    """The login form, as the visitor fills it in (the session of the anonymous visit goes on)."""
    return client.post(f"{reverse('account_login')}?{urlencode({'next': next_url})}",
                       {"login": user.email, "password": "haslo-testowe-123"})


def press_then_log_in(client, proposal, user):
    """Anonymous press of "Popieram", then the login it leads to; returns where the login sends the user."""
    client.cookies["django_language"] = "en"
    press(client, proposal)
    return log_in(client, user, next_url=back_after_login(proposal))["Location"]


def login_next(location: str) -> str | None:
    """The page the login form will lead to, when ``location`` is the login form."""
    address = urlsplit(location)
    return parse_qs(address.query)["next"][0] if address.path == reverse("account_login") else None


def test_anonymous_press_remembers_the_support_and_goes_to_login_then_to_the_idea(client, proposal):
    response = press(client, proposal)
    assert response.status_code == 302
    assert login_next(response["Location"]) == back_after_login(proposal)
    assert client.session[public_views.SUPPORT_INTENT_KEY]["proposal"] == proposal.pk
    assert not Support.objects.exists()


def test_anonymous_press_with_htmx_redirects_the_whole_page_to_login(client, proposal):
    response = press(client, proposal, **{"HX-Request": "true"})
    assert login_next(response["HX-Redirect"]) == back_after_login(proposal)
    assert client.session[public_views.SUPPORT_INTENT_KEY]["proposal"] == proposal.pk


def test_the_login_form_the_press_leads_to_returns_to_the_idea(client, proposal, resident):
    login_url = press(client, proposal)["Location"]

    response = client.post(login_url, {"login": resident.email, "password": "haslo-testowe-123"})

    assert response.status_code == 302
    assert response["Location"] == back_after_login(proposal)


def test_logging_in_after_the_press_completes_the_support_once(client, proposal, resident):
    back = press_then_log_in(client, proposal, resident)

    client.get(back)
    client.get(back)

    assert Support.objects.filter(proposal=proposal, user=resident).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1
    assert AuditEntry.objects.filter(action="support.add").count() == 1
    assert public_views.SUPPORT_INTENT_KEY not in client.session


def test_the_idea_after_login_says_the_support_is_recorded_with_the_button_pressed_and_focused(
        client, proposal, resident):
    html = client.get(press_then_log_in(client, proposal, resident)).content.decode()

    assert ('id="support-confirm" role="status">Your support has been recorded. To withdraw it, press '
            '“I support this idea” again.</p>') in html
    assert 'aria-pressed="true" aria-describedby="support-confirm" data-focus-after-swap autofocus>' in html
    assert 'id="support-status">1 person supports this idea (you among them)' in html


def test_the_recorded_note_is_shown_once(client, proposal, resident):
    back = press_then_log_in(client, proposal, resident)
    client.get(back)

    html = client.get(back).content.decode()

    assert 'id="support-confirm"' not in html
    assert 'aria-pressed="true"' in html


def test_an_idea_already_supported_is_not_counted_twice_after_login(client, proposal, resident):
    support_add(actor=resident, proposal=proposal)

    html = client.get(press_then_log_in(client, proposal, resident)).content.decode()

    assert 'id="support-confirm" role="status">Your support has been recorded.' in html
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_the_address_alone_adds_no_support(logged_in, proposal):
    """A foreign link to the page the login leads to, opened by someone logged in without having pressed."""
    html = logged_in.get(proposal.get_absolute_url(), {"potwierdz": "1"}).content.decode()

    assert not Support.objects.exists()
    assert "To finish, press “I support this idea” below." in html
    assert 'aria-pressed="false" aria-describedby="support-hint" data-focus-after-swap autofocus>' in html


def test_a_press_in_another_browser_adds_nothing_for_a_user_logged_in_here(logged_in, proposal):
    press(Client(), proposal)  # an anonymous visitor elsewhere: their session holds the intent, not this one

    logged_in.get(back_after_login(proposal))

    assert not Support.objects.exists()


def test_an_intent_for_another_idea_is_ignored(client, call, theme, resident):
    pressed, other = idea(call, theme), idea(call, theme, title="Inny pomysł")
    press_then_log_in(client, pressed, resident)

    html = client.get(other.get_absolute_url(), {"potwierdz": "1"}).content.decode()

    assert not Support.objects.exists()
    assert 'id="support-confirm" role="status"' not in html
    assert client.session[public_views.SUPPORT_INTENT_KEY]["proposal"] == pressed.pk


def test_an_expired_intent_adds_nothing(client, proposal, resident):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        back = press_then_log_in(client, proposal, resident)
        clock.shift(public_views.SUPPORT_INTENT_TTL + dt.timedelta(seconds=1))

        client.get(back)

    assert not Support.objects.exists()
    assert public_views.SUPPORT_INTENT_KEY not in client.session


def test_a_support_the_service_refuses_after_login_is_explained_and_not_retried(client, proposal, resident,
                                                                              monkeypatch):
    def refuse(**_kwargs):
        raise ValidationError("Only published ideas can be supported.")

    back = press_then_log_in(client, proposal, resident)
    monkeypatch.setattr(public_views, "support_add", refuse)

    html = client.get(back).content.decode()

    assert "Only published ideas can be supported." in html
    assert 'id="support-confirm" role="status"' not in html
    assert public_views.SUPPORT_INTENT_KEY not in client.session
    assert not Support.objects.exists()


def test_after_login_the_old_support_address_leads_to_the_focused_button_and_changes_nothing(logged_in, proposal):
    """The support action's GET (the login's ``next`` in earlier versions) never changes anything."""
    response = logged_in.get(idea_url("support", proposal))
    assert response.status_code == 302
    assert response["Location"] == back_after_login(proposal)
    assert not Support.objects.exists()


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
