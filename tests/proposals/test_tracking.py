"""The tracking page ("what happened to my idea", issue #5 points 2 and 8): reached only with the idea's token; it
shows the idea, its moderation state (pending, published with a link, hidden with the reason and explanation),
and the history of status changes with their public justifications."""

import pytest
from django.urls import reverse

from strategia.proposals.enums import ForwardTarget, Status
from strategia.proposals.services import proposal_hide, proposal_publish, proposal_submit, proposals_route
from tests.factories import MunicipalityFactory
from tests.proposals.conftest import DURING


@pytest.fixture
def proposal(call, theme, locality):
    return proposal_submit(actor=None, call=call, title="Chodnik do szkoły", description="Dzieci chodzą jezdnią.",
                           theme=theme, locality=locality, address="ul. Szkolna", now=DURING)


def tracking_url(proposal, municipality_slug=None):
    process = proposal.call.process
    return reverse("proposals:tracking", kwargs={"municipality_slug": municipality_slug or process.municipality.slug,
                                                 "process_slug": process.slug, "token": proposal.tracking_token})


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_a_new_idea_is_shown_awaiting_moderation(english, proposal):
    content = english.get(tracking_url(proposal)).content.decode()
    assert 'data-moderation="pending"' in content and "awaiting moderation" in content
    assert "Chodnik do szkoły" in content and "Dzieci chodzą jezdnią." in content
    assert "Słomczyn" in content and "ul. Szkolna" in content


def test_a_published_idea_says_so(english, proposal):
    proposal_publish(actor=None, proposal=proposal)
    content = english.get(tracking_url(proposal)).content.decode()
    assert 'data-moderation="published"' in content


def test_a_published_idea_links_to_its_public_page_once_that_page_exists(english, proposal):
    from django.urls import NoReverseMatch

    proposal_publish(actor=None, proposal=proposal)
    try:
        public_url = proposal.get_absolute_url()
    except NoReverseMatch:
        pytest.skip("the public idea page (proposals:detail) is not there yet")
    assert f'href="{public_url}"' in english.get(tracking_url(proposal)).content.decode()


def test_a_hidden_idea_shows_the_reason_and_the_explanation(english, proposal):
    proposal_hide(actor=None, proposal=proposal, reason="not_an_idea", explanation="To zgłoszenie awarii lampy.")
    content = english.get(tracking_url(proposal)).content.decode()
    assert 'data-moderation="hidden"' in content
    assert "not an idea for the strategy" in content and "To zgłoszenie awarii lampy." in content


def test_the_status_history_shows_each_change_with_its_justification_and_where_it_was_forwarded(english, proposal):
    proposals_route(actor=None, call=proposal.call, proposals=[proposal], to_status=Status.UNDER_REVIEW,
                    justification="Zespół analizuje zgłoszenia.")
    proposals_route(actor=None, call=proposal.call, proposals=[proposal], to_status=Status.FORWARDED,
                    justification="Sprawa bieżąca drogownictwa.", forward_target=ForwardTarget.DEPARTMENT,
                    forwarded_to="Referat Dróg")
    content = english.get(tracking_url(proposal)).content.decode()
    assert content.count("data-status-change") == 2
    assert "Zespół analizuje zgłoszenia." in content and "Sprawa bieżąca drogownictwa." in content
    assert "the office department responsible" in content and "Referat Dróg" in content
    assert 'data-status="forwarded"' in content


def test_a_merged_idea_points_to_the_one_it_was_merged_into(english, proposal, call, theme):
    from strategia.proposals.services import proposal_merge

    kept = proposal_submit(actor=None, call=call, title="Bezpieczna droga do szkoły", description="Chodnik.",
                           theme=theme, now=DURING)
    proposal_merge(actor=None, duplicate=proposal, kept=kept)
    content = english.get(tracking_url(proposal)).content.decode()
    assert 'data-moderation="merged"' in content and "Bezpieczna droga do szkoły" in content


def test_an_unknown_token_is_not_found(client, proposal):
    proposal.tracking_token = "nie-ma-takiego"
    assert client.get(tracking_url(proposal)).status_code == 404


def test_the_token_does_not_work_under_another_municipality(client, proposal):
    other = MunicipalityFactory()
    assert client.get(tracking_url(proposal, municipality_slug=other.slug)).status_code == 404


def test_the_tracking_page_is_not_indexed(client, proposal):
    assert '<meta name="robots" content="noindex">' in client.get(tracking_url(proposal)).content.decode()


def test_the_tracking_page_reads_in_a_fixed_number_of_queries(client, proposal, django_assert_max_num_queries):
    for step in range(5):
        proposals_route(actor=None, call=proposal.call, proposals=[proposal], to_status=Status.UNDER_REVIEW,
                        justification=f"Krok {step}.")
    with django_assert_max_num_queries(12):
        content = client.get(tracking_url(proposal)).content.decode()
    assert content.count("data-status-change") == 5
