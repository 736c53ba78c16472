import datetime as dt

import pytest

from strategia.accounts.enums import MunicipalityRole, ProcessRole
from strategia.processes.services import process_create_from_blueprint
from tests.factories import (
    MunicipalityFactory,
    UserFactory,
    user_with_municipality_role,
    user_with_process_role,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters (and anything else cached) never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language (Polish), whatever a request of an earlier test activated in
    this thread: a test that reads English text asks for it (the ``django_language`` cookie or
    ``translation.override("en")``), so no test passes or fails by the order the suite runs in."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def municipality(db):
    return MunicipalityFactory()


@pytest.fixture
def process(municipality):
    today = dt.date.today()
    return process_create_from_blueprint(
        actor=None, municipality=municipality, title="Strategia rozwoju gminy Testowo do 2035 roku",
        slug="strategia-2035", start_year=today.year, start_quarter=1, horizon_year=2035,
    )


@pytest.fixture
def coordinator(municipality):
    return user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR)


@pytest.fixture
def resident(db):
    return UserFactory()


ROLE_NAMES = ["anonymous", "resident", *MunicipalityRole.values, *ProcessRole.values, "other_municipality_staff"]


@pytest.fixture
def user_for_role(municipality, process):
    """Returns a function giving a user (or None for anonymous) holding ``role`` in ``municipality``."""
    from tests.factories import MunicipalityFactory as MF

    def make(role: str):
        if role == "anonymous":
            return None
        if role == "resident":
            return UserFactory()
        if role in MunicipalityRole.values:
            return user_with_municipality_role(municipality, role)
        if role in ProcessRole.values:
            return user_with_process_role(process, role)
        if role == "other_municipality_staff":
            return user_with_municipality_role(MF(), MunicipalityRole.ADMINISTRATOR)
        raise ValueError(role)

    return make
