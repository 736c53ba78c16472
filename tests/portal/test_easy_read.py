"""The easy-to-read version (tekst łatwy do czytania, ETR) and the full page link to each other."""

import pytest
from django.urls import reverse


def _url(municipality, name):
    return reverse(name, kwargs={"municipality_slug": municipality.slug})


@pytest.mark.django_db
def test_full_page_links_to_the_easy_to_read_version(client, municipality):
    html = client.get(_url(municipality, "portal:take_part")).content.decode()

    assert f'href="{_url(municipality, "portal:take_part_easy")}"' in html


@pytest.mark.django_db
def test_easy_to_read_version_links_back_to_the_full_page(client, municipality):
    html = client.get(_url(municipality, "portal:take_part_easy")).content.decode()

    assert f'href="{_url(municipality, "portal:take_part")}"' in html


@pytest.mark.django_db
def test_easy_to_read_text_is_set_in_larger_type(client, municipality):
    html = client.get(_url(municipality, "portal:take_part_easy")).content.decode()

    assert 'class="easy-read"' in html


@pytest.mark.django_db
def test_easy_to_read_text_explains_difficult_words(client, municipality):
    html = client.get(_url(municipality, "portal:take_part_easy")).content.decode()

    glossary = html.split('class="easy-read-glossary"')[1].split("</dl>")[0]
    assert glossary.count("<dt>") >= 5


@pytest.mark.django_db
def test_easy_to_read_text_names_what_runs_now(client, municipality, process):
    from strategia.processes.enums import ActivityStatus

    activity = process.stages.get(number=1).activities.order_by("position").first()
    activity.status = ActivityStatus.IN_PROGRESS
    activity.save(update_fields=["status"])

    html = client.get(_url(municipality, "portal:take_part_easy")).content.decode()

    now = html.split('id="etr-now"')[1].split("</section>")[0]
    assert activity.get_absolute_url() in now
