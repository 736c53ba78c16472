"""A small fixed-window counter on the cache, for public forms that must not be flooded.

It never refuses anything by itself: the caller decides what "over the limit" means (the consultation stores such a
submission and holds it for review, so nothing a person sent is lost). The client's address is hashed with the
secret key before it becomes a cache key, so no IP address is stored in clear.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_key(request, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"ratelimit:{scope}:{digest[:32]}"


def over_limit(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request in the current window; True once more than ``limit`` requests came from the client."""
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=window_seconds):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        count = 1
    return count > limit
