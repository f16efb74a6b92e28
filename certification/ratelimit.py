"""A fixed-window limit per client address, kept in the cache (Redis at scale).

lms.support.client_address decides the address, the same one allauth's limits
count.
"""

import time

from django.core.cache import cache

from lms.support.client_address import rate_limit_address


def allow(request, *, scope: str, limit: int, window_seconds: int = 60) -> bool:
    """Count this request; False once the address used up its window's limit."""
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{rate_limit_address(request)}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 1):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 1)
        return True
