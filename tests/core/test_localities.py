"""The localities of Konstancin-Jeziorna (issue #5 point 2's list of places): loaded from a data file that names its
sources, only verified entries, under the gmina, idempotently; the file says honestly whether it is complete."""

import pytest

from strategia.core.enums import UnitKind
from strategia.core.localities import konstancin_localities, localities_data, localities_load
from strategia.core.models import TerritorialUnit
from strategia.core.territory import load_konstancin_territory

pytestmark = pytest.mark.django_db


def test_every_locality_of_the_data_file_exists_once_under_the_gmina():
    gmina = load_konstancin_territory()

    localities_load(gmina=gmina)

    for locality in konstancin_localities():
        assert TerritorialUnit.objects.filter(name=locality.name, kind=locality.kind, parent=gmina).count() == 1


def test_loading_the_localities_twice_creates_nothing_new():
    gmina = load_konstancin_territory()
    localities_load(gmina=gmina)
    count = TerritorialUnit.objects.count()

    localities_load(gmina=gmina)

    assert TerritorialUnit.objects.count() == count


def test_every_entry_is_verified_and_names_a_source_address():
    data = localities_data()

    for entry in data["units"]:
        assert entry["verified"] is True
        assert data["sources"][entry["source"]].startswith(("http://", "https://"))


def test_the_file_says_it_is_incomplete_while_fewer_solectwa_than_the_gmina_has_are_listed():
    data = localities_data()
    solectwa = [u for u in data["units"] if u["kind"] == UnitKind.SOLECTWO]

    assert len(solectwa) < data["expected"]["solectwo"] == 23
    assert data["status"] == "incomplete" and data["incomplete_reason"]


def test_the_file_lists_solectwa_and_the_towns_osiedla():
    kinds = {locality.kind for locality in konstancin_localities()}

    assert {UnitKind.SOLECTWO, UnitKind.DISTRICT} <= kinds
    assert len({locality.name for locality in konstancin_localities()}) == len(konstancin_localities())
