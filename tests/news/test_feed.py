"""The Atom feed lists published items only, with their text safely escaped."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOUR = dt.timedelta(hours=1)


def feed(client, municipality):
    response = client.get(reverse("news:feed", kwargs={"municipality_slug": municipality.slug}))
    assert response.status_code == 200
    return response, ET.fromstring(response.content)


def test_feed_is_atom(client, municipality, make_item):
    make_item()
    response, root = feed(client, municipality)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.tag == f"{ATOM}feed"


def test_feed_lists_published_items_newest_first(client, municipality, make_item):
    make_item(title="Starsza", published=-2 * HOUR)
    make_item(title="Nowsza", published=-HOUR)
    _, root = feed(client, municipality)
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == ["Nowsza", "Starsza"]


def test_feed_leaves_out_scheduled_items_and_drafts(client, municipality, make_item):
    make_item(title="Opublikowana")
    make_item(title="Zaplanowana", published=HOUR)
    make_item(title="Szkic", published=None)
    _, root = feed(client, municipality)
    assert [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")] == ["Opublikowana"]


def test_feed_entry_links_to_the_item_page(client, municipality, make_item):
    item = make_item()
    _, root = feed(client, municipality)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{item.get_absolute_url()}"


def test_feed_title_keeps_special_characters_as_plain_text(client, municipality, make_item):
    make_item(title='Drogi & chodniki <b>"2030"</b>')
    _, root = feed(client, municipality)
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}title") == 'Drogi & chodniki <b>"2030"</b>'


def test_feed_summary_is_escaped_html_in_paragraphs(client, municipality, make_item):
    make_item(lead="Wstęp", body="Akapit <script>alert(1)</script>\n\nDrugi & ostatni")
    _, root = feed(client, municipality)
    summary = root.find(f"{ATOM}entry").find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == ("<p>Wstęp</p>\n\n<p>Akapit &lt;script&gt;alert(1)&lt;/script&gt;</p>\n\n"
                            "<p>Drugi &amp; ostatni</p>")
