import datetime as dt
import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone

from strategia.news.services import news_create

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The subscription rate limit lives in the cache, which outlives a single test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_item(municipality):
    """Create a news item through the service. ``published`` is a timedelta from now (negative = past),
    None for a draft."""

    def make(*, published: dt.timedelta | None = dt.timedelta(hours=-1), **fields):
        n = next(_numbers)
        fields.setdefault("municipality", municipality)
        fields.setdefault("title", f"Aktualność {n}")
        fields.setdefault("body", f"Treść aktualności {n}.")
        published_at = None if published is None else timezone.now() + published
        return news_create(actor=None, published_at=published_at, **fields)

    return make


@pytest.fixture
def https_site(settings):
    settings.SITE_URL = "https://strategia.example"
    return settings.SITE_URL
