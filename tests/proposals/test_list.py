"""The public list of ideas: only published, not merged ideas; filters, sort, pagination, the author shown only
with consent; scoped to the process of the municipality; a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.proposals.enums import Status
from strategia.proposals.public_views import PAGE_SIZE
from strategia.proposals.services import proposal_hide, proposal_merge
from tests.factories import MunicipalityFactory
from tests.proposals.public_helpers import idea, url

pytestmark = pytest.mark.django_db


def listed_ids(response) -> list[int]:
    return [p.pk for p in response.context["proposals"]]


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_list_shows_published_ideas(client, call, theme):
    published = idea(call, theme)
    response = client.get(url("list", call))
    assert response.status_code == 200
    assert listed_ids(response) == [published.pk]
    assert published.title in response.content.decode()


def test_list_leaves_out_pending_hidden_and_merged_ideas(client, call, theme):
    pending = idea(call, theme, publish=False)
    hidden = proposal_hide(actor=None, proposal=idea(call, theme, title="Ukryty"), reason="advertising",
                           explanation="Reklama.")
    kept = idea(call, theme, title="Zachowany")
    duplicate = proposal_merge(actor=None, duplicate=idea(call, theme, title="Duplikat"), kept=kept)
    ids = listed_ids(client.get(url("list", call)))
    assert ids == [kept.pk]
    assert pending.pk not in ids and hidden.pk not in ids and duplicate.pk not in ids


def test_list_filters_by_theme(client, call, theme):
    other_theme = call.themes.exclude(pk=theme.pk).first()
    wanted = idea(call, theme)
    idea(call, other_theme)
    assert listed_ids(client.get(url("list", call), {"theme": theme.pk})) == [wanted.pk]


def test_list_filters_by_status(client, call, theme):
    idea(call, theme)
    reviewed = idea(call, theme, status=Status.UNDER_REVIEW)
    assert listed_ids(client.get(url("list", call), {"status": Status.UNDER_REVIEW})) == [reviewed.pk]


def test_list_filters_by_locality(client, call, theme, locality):
    there = idea(call, theme, locality=locality)
    idea(call, theme)
    assert listed_ids(client.get(url("list", call), {"locality": locality.pk})) == [there.pk]


def test_a_filter_value_that_is_not_a_choice_is_ignored(client, call, theme):
    shown = idea(call, theme)
    response = client.get(url("list", call), {"theme": "999999", "status": "nonsense"})
    assert response.status_code == 200
    assert listed_ids(response) == [shown.pk]


def test_list_sorts_newest_first_by_default(client, call, theme):
    first, second = idea(call, theme, title="A"), idea(call, theme, title="B")
    assert listed_ids(client.get(url("list", call))) == [second.pk, first.pk]


def test_list_sorts_by_support(client, call, theme, resident):
    from strategia.proposals.services import support_add

    little, much = idea(call, theme, title="Mało"), idea(call, theme, title="Dużo")
    support_add(actor=resident, proposal=little)
    support_add(actor=resident, proposal=much)
    from tests.factories import UserFactory

    support_add(actor=UserFactory(), proposal=much)
    ids = listed_ids(client.get(url("list", call), {"sort": "najczesciej-popierane"}))
    assert ids == [much.pk, little.pk]


def test_list_sorts_alphabetically_with_polish_letters_among_their_base_letters(client, call, theme):
    zrodlo = idea(call, theme, title="Źródło w parku")
    boisko = idea(call, theme, title="boisko")
    zielen = idea(call, theme, title="Zieleń")
    ids = listed_ids(client.get(url("list", call), {"sort": "alfabetycznie"}))
    assert ids == [boisko.pk, zielen.pk, zrodlo.pk]


def test_list_is_paginated_with_the_strona_parameter_keeping_the_filters(english, call, theme):
    for i in range(PAGE_SIZE + 1):
        idea(call, theme, title=f"Pomysł {i}")
    first = english.get(url("list", call), {"theme": theme.pk})
    second = english.get(url("list", call), {"theme": theme.pk, "strona": 2})
    assert len(first.context["proposals"]) == PAGE_SIZE
    assert len(second.context["proposals"]) == 1
    assert f"?theme={theme.pk}&amp;strona=2" in first.content.decode()


def test_card_shows_number_theme_place_status_and_supports(english, call, theme, locality):
    proposal = idea(call, theme, locality=locality, address="ul. Leśna 5", status=Status.UNDER_REVIEW)
    html = english.get(url("list", call)).content.decode()
    assert f"No. {proposal.number}" in html
    assert theme.name in html
    assert "Słomczyn, ul. Leśna 5" in html
    assert "under review" in html
    assert "data-support-count>0<" in html


def test_card_shows_the_authors_name_only_with_consent(english, call, theme):
    idea(call, theme, author_name="Anna Nowak", consent=True)
    idea(call, theme, author_name="Jan Kowalski", consent=False)
    html = english.get(url("list", call)).content.decode()
    assert "Anna Nowak" in html
    assert "Jan Kowalski" not in html
    assert "private person" in html


def test_list_links_to_the_map_and_the_summary(client, call, theme):
    html = client.get(url("list", call)).content.decode()
    assert url("map", call) in html
    assert url("summary", call) in html


def test_list_of_a_call_of_another_municipality_is_404(client, call):
    other = MunicipalityFactory()
    response = client.get(url("list", call).replace(f"/{call.process.municipality.slug}/", f"/{other.slug}/"))
    assert response.status_code == 404


def test_list_of_an_unknown_call_is_404(client, call):
    response = client.get(url("list", call).replace(f"/{call.pk}/", f"/{call.pk + 100}/"))
    assert response.status_code == 404


def test_index_lists_the_processes_calls(client, call, theme):
    idea(call, theme)
    from django.urls import reverse

    response = client.get(reverse("proposals:index", kwargs={"municipality_slug": call.process.municipality.slug,
                                                             "process_slug": call.process.slug}))
    assert response.status_code == 200
    assert url("list", call) in response.content.decode()


def _count(client, address, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_reads_one_idea_and_many_in_the_same_number_of_queries(client, call, theme, locality):
    idea(call, theme, locality=locality)
    one = _count(client, url("list", call))
    for i in range(12):
        idea(call, call.themes.all()[i % 4], locality=locality if i % 2 else None, title=f"Pomysł {i}")
    TerritorialUnit.objects.create(name="Obory", kind=UnitKind.SOLECTWO, parent=call.process.municipality.unit)
    assert _count(client, url("list", call)) == one


def test_filtered_list_reads_a_fixed_number_of_queries(client, call, theme):
    idea(call, theme)
    params = {"q": "drogi", "theme": theme.pk, "sort": "alfabetycznie"}
    one = _count(client, url("list", call), params)
    for i in range(12):
        idea(call, theme, title=f"Droga {i}")
    assert _count(client, url("list", call), params) == one


def test_list_offers_the_form_while_the_call_is_open(client, call, time_machine):
    from tests.proposals.conftest import DURING

    time_machine.move_to(DURING)
    assert url("submit", call) in client.get(url("list", call)).content.decode()


def test_list_says_what_comes_next_once_the_call_is_closed(client, call, time_machine):
    from tests.proposals.conftest import AFTER

    time_machine.move_to(AFTER)
    html = client.get(url("list", call)).content.decode()
    assert url("submit", call) not in html
    assert "Odpowiedzi pojawią się do końca czerwca." in html
