"""The map of ideas: a page mounting the map from data- attributes (no inline script), markers from a JSON
endpoint with only public ideas that have a point (same filters as the list, a fixed number of queries), and the
list as its alternative (ideas without a point are listed on the map page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategia.proposals.enums import Status
from tests.factories import MunicipalityFactory
from tests.proposals.public_helpers import idea, url

pytestmark = pytest.mark.django_db

POINT = (52.085, 21.112)


def point_ids(client, call, params=None) -> list[int]:
    response = client.get(url("map_data", call), params or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [p["id"] for p in response.json()["points"]]


def test_map_data_gives_public_ideas_with_a_point(client, call, theme):
    proposal = idea(call, theme, title="Ławka nad rzeką", point=POINT)
    point = client.get(url("map_data", call)).json()["points"][0]
    assert point["id"] == proposal.pk
    assert point["title"] == "Ławka nad rzeką"
    assert (point["lat"], point["lng"]) == POINT
    assert point["url"] == proposal.get_absolute_url()


def test_map_data_leaves_out_ideas_without_a_point(client, call, theme):
    idea(call, theme)
    assert point_ids(client, call) == []


def test_map_data_leaves_out_pending_and_hidden_ideas(client, call, theme):
    from strategia.proposals.services import proposal_hide

    idea(call, theme, point=POINT, publish=False)
    proposal_hide(actor=None, proposal=idea(call, theme, point=POINT), reason="other", explanation="Powód.")
    assert point_ids(client, call) == []


def test_map_data_respects_the_filters_of_the_list(client, call, theme):
    wanted = idea(call, theme, title="Droga przez las", point=POINT, status=Status.UNDER_REVIEW)
    idea(call, theme, title="Droga przez pole", point=POINT)
    idea(call, theme, title="Plac zabaw", description="Dla dzieci.", point=POINT, status=Status.UNDER_REVIEW)
    assert point_ids(client, call, {"q": "drogi", "status": Status.UNDER_REVIEW}) == [wanted.pk]


def _count(client, address):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_map_data_reads_one_idea_and_many_in_the_same_number_of_queries(client, call, theme):
    idea(call, theme, point=POINT)
    one = _count(client, url("map_data", call))
    for i in range(15):
        idea(call, theme, title=f"Pomysł {i}", point=(52 + i / 100, 21 + i / 100))
    assert _count(client, url("map_data", call)) == one


def test_map_page_reads_a_fixed_number_of_queries(client, call, theme):
    idea(call, theme)
    one = _count(client, url("map", call))
    for i in range(15):
        idea(call, theme, title=f"Pomysł {i}", point=POINT if i % 2 else None)
    assert _count(client, url("map", call)) == one


def test_map_page_mounts_the_map_from_data_attributes_without_inline_scripts(client, call, settings):
    settings.MAP_TILE_URL = "https://kafelki.example.org/{z}/{x}/{y}.png"
    html = client.get(url("map", call), {"theme": "1"}).content.decode()
    assert "data-proposals-map" in html
    assert f'data-points-url="{url("map_data", call)}?theme=1"' in html
    assert 'data-tile-url="https://kafelki.example.org/{z}/{x}/{y}.png"' in html
    assert "<script>" not in html and " style=" not in html and " onclick=" not in html
    assert "js/proposals-map.js" in html and "vendor/leaflet/leaflet.markercluster.js" in html


def test_map_has_a_text_alternative_and_links_to_the_list(client, call):
    html = client.get(url("map", call)).content.decode()
    assert 'role="region" aria-label=' in html
    assert 'aria-describedby="map-help"' in html
    assert 'id="map-help"' in html
    assert url("list", call) in html


def test_map_page_lists_the_ideas_without_a_point(client, call, theme):
    without = idea(call, theme, title="Więcej zajęć w bibliotece")
    with_point = idea(call, theme, title="Ławka nad rzeką", point=POINT)
    response = client.get(url("map", call))
    assert [p.pk for p in response.context["without_point"]] == [without.pk]
    assert without.get_absolute_url() in response.content.decode()
    assert with_point.pk not in [p.pk for p in response.context["without_point"]]


def test_map_of_another_municipality_is_404(client, call):
    other = MunicipalityFactory()
    for name in ("map", "map_data"):
        address = url(name, call).replace(f"/{call.process.municipality.slug}/", f"/{other.slug}/")
        assert client.get(address).status_code == 404
