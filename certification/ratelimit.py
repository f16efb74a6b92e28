"""A fixed-window limit per client address, kept in the cache (Redis at scale)."""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The client's address. Behind a proxy, set the header it writes; of a
    list such as X-Forwarded-For the right-most entry counts, the one the
    trusted proxy added, as clients can write anything to the left of it."""
    header = getattr(settings, "CERTIFICATION_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
    return request.META.get(header, "").split(",")[-1].strip() or "unknown"


def allow(request, *, scope: str, limit: int, window_seconds: int = 60) -> bool:
    """Count this request; False once the address used up its window's limit."""
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 1):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 1)
        return True
