"""Scheduled publication: an item is public only from its publication time – in the list, on its page, in the
feed and on the home page."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from strategia.news.enums import NewsState
from strategia.news.selectors import news_latest

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


def list_url(municipality, page=None):
    url = reverse("news:list", kwargs={"municipality_slug": municipality.slug})
    return f"{url}?strona={page}" if page else url


def test_published_item_is_listed(client, municipality, make_item):
    make_item(title="Ruszyły prace nad strategią", published=-HOUR)
    response = client.get(list_url(municipality))
    assert response.status_code == 200
    assert "Ruszyły prace nad strategią" in response.text


def test_draft_is_not_listed(client, municipality, make_item):
    make_item(title="Szkic komunikatu", published=None)
    assert "Szkic komunikatu" not in client.get(list_url(municipality)).text


def test_scheduled_item_is_not_listed_before_its_time(client, municipality, make_item):
    make_item(title="Zaproszenie na dyskusję", published=2 * HOUR)
    assert "Zaproszenie na dyskusję" not in client.get(list_url(municipality)).text


def test_scheduled_item_is_listed_once_its_time_has_come(client, municipality, make_item):
    make_item(title="Zaproszenie na dyskusję", published=2 * HOUR)
    with time_machine.travel(timezone.now() + 3 * HOUR, tick=False):
        assert "Zaproszenie na dyskusję" in client.get(list_url(municipality)).text


def test_scheduled_item_page_is_not_found_before_its_time(client, make_item):
    item = make_item(published=2 * HOUR)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_scheduled_item_page_is_shown_once_its_time_has_come(client, make_item):
    item = make_item(published=2 * HOUR)
    with time_machine.travel(timezone.now() + 3 * HOUR, tick=False):
        assert client.get(item.get_absolute_url()).status_code == 200


def test_draft_page_is_not_found(client, make_item):
    item = make_item(published=None)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_item_of_another_municipality_is_not_found_at_this_municipality(client, municipality, make_item):
    from tests.factories import MunicipalityFactory

    other = MunicipalityFactory()
    item = make_item(municipality=other)
    url = reverse("news:detail", kwargs={"municipality_slug": municipality.slug, "slug": item.slug})
    assert client.get(url).status_code == 404


def test_home_page_selector_leaves_out_drafts_and_scheduled_items(municipality, make_item):
    published = make_item(published=-HOUR)
    make_item(published=HOUR)
    make_item(published=None)
    assert news_latest(municipality=municipality, limit=3) == [published]


def test_home_page_does_not_show_a_scheduled_item(client, municipality, make_item):
    make_item(title="Jeszcze nie teraz", published=HOUR)
    response = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}))
    assert "Jeszcze nie teraz" not in response.text


def test_state_is_draft_scheduled_or_published_from_the_publication_time(make_item):
    assert make_item(published=None).state == NewsState.DRAFT
    assert make_item(published=HOUR).state == NewsState.SCHEDULED
    assert make_item(published=-HOUR).state == NewsState.PUBLISHED


def test_body_is_escaped_and_split_into_paragraphs(client, make_item):
    item = make_item(body="Pierwszy <script>alert(1)</script> akapit.\n\nDrugi akapit & reszta.")
    html = client.get(item.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in html
    assert "<p>Pierwszy &lt;script&gt;alert(1)&lt;/script&gt; akapit.</p>" in html
    assert "<p>Drugi akapit &amp; reszta.</p>" in html


def test_sample_item_carries_a_visible_sample_data_label(client, municipality, make_item):
    item = make_item(is_sample=True)
    assert 'class="badge badge-sample"' in client.get(item.get_absolute_url()).text
    assert 'class="badge badge-sample"' in client.get(list_url(municipality)).text


def test_real_item_has_no_sample_data_label(client, make_item):
    item = make_item(is_sample=False)
    assert "badge-sample" not in client.get(item.get_absolute_url()).text


def test_item_page_links_to_its_activity_of_the_schedule(client, process, make_item):
    activity = process.stages.get(number=2).activities.get(activity_type="consultation")
    item = make_item(activity=activity)
    html = client.get(item.get_absolute_url()).text
    assert activity.get_absolute_url() in html
    assert process.get_absolute_url() in html


def test_list_shows_ten_items_a_page_newest_first(client, municipality, make_item):
    for n in range(12):
        make_item(title=f"Wiadomość nr {n:02d}", published=-(n + 1) * HOUR)
    first, second = client.get(list_url(municipality)), client.get(list_url(municipality, page=2))
    assert [f"Wiadomość nr {n:02d}" in first.text for n in range(12)] == [True] * 10 + [False] * 2
    assert "Wiadomość nr 10" in second.text and "Wiadomość nr 11" in second.text
    assert first.text.index("Wiadomość nr 00") < first.text.index("Wiadomość nr 09")


@pytest.mark.parametrize("count", [1, 15])
def test_list_query_count_does_not_grow_with_the_number_of_items(client, municipality, make_item, count,
                                                                 django_assert_num_queries):
    for _ in range(count):
        make_item(published=-HOUR)
    # municipality, current process (menu), count, page of items
    with django_assert_num_queries(4):
        assert client.get(list_url(municipality)).status_code == 200
