from django.core.cache import cache
from django.test import RequestFactory

from strategia.core.ratelimit import client_key, over_limit


def _request(address="203.0.113.7"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_requests_within_the_limit_pass_and_the_next_one_is_over():
    cache.clear()
    results = [over_limit(_request(), scope="t", limit=3, window_seconds=60) for _ in range(4)]
    assert results == [False, False, False, True]


def test_each_client_and_scope_is_counted_separately():
    cache.clear()
    for _ in range(3):
        over_limit(_request(), scope="t", limit=3, window_seconds=60)
    assert over_limit(_request("198.51.100.1"), scope="t", limit=3, window_seconds=60) is False
    assert over_limit(_request(), scope="other", limit=3, window_seconds=60) is False


def test_the_cache_key_does_not_contain_the_address():
    assert "203.0.113.7" not in client_key(_request(), "t")
