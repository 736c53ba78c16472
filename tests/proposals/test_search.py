"""Polish-aware full-text search of the public list (the same on PostgreSQL and SQLite): endings and Polish
letters do not matter; every word must match."""

import pytest

from tests.proposals.public_helpers import idea, url

pytestmark = pytest.mark.django_db


def found(client, call, query) -> list[int]:
    response = client.get(url("list", call), {"q": query})
    assert response.status_code == 200
    return [p.pk for p in response.context["proposals"]]


def test_an_inflected_word_finds_another_form_drogę_finds_drogi(client, call, theme):
    roads = idea(call, theme, title="Naprawa drogi do szkoły", description="Dziury na całej długości.")
    idea(call, theme, title="Nowy plac zabaw", description="Dla dzieci z osiedla.")
    assert found(client, call, "drogę") == [roads.pk]


def test_a_word_without_polish_letters_finds_it_with_them_zrodlo_finds_źródło(client, call, theme):
    spring = idea(call, theme, title="Ochrona źródło w lesie", description="Oczyszczenie i ogrodzenie.")
    idea(call, theme, title="Ścieżka rowerowa", description="Wzdłuż rzeki.")
    assert found(client, call, "zrodlo") == [spring.pk]


def test_search_reads_the_description_too(client, call, theme):
    lamps = idea(call, theme, title="Bezpieczniej wieczorem", description="Potrzebne latarnie przy przejściu.")
    assert found(client, call, "latarni") == [lamps.pk]


def test_every_word_of_the_query_must_match(client, call, theme):
    both = idea(call, theme, title="Chodnik i oświetlenie", description="Przy drogach powiatowych.")
    idea(call, theme, title="Chodnik przy szkole", description="Bez oświetlenia? Nie, bez ławek.")
    idea(call, theme, title="Nowe ławki", description="W parku.")
    assert found(client, call, "chodniki drogą") == [both.pk]


def test_search_keeps_only_public_ideas(client, call, theme):
    idea(call, theme, title="Droga do lasu", publish=False)
    assert found(client, call, "droga") == []


def test_search_query_is_kept_in_the_form(client, call, theme):
    response = client.get(url("list", call), {"q": "drogę"})
    assert 'value="drogę"' in response.content.decode()
