"""A fixed-window limit per client address, kept in the cache (Redis at scale).

lms.support.client_address decides the address, the same one allauth's limits
count.
"""

from django.core.cache import cache

from lms.support import rate_windows
from lms.support.client_address import rate_limit_address


def allow(request, *, scope: str, limit: int, window_seconds: int = 60) -> bool:
    """Count this request; False once the address used up its window's limit."""
    key = f"ratelimit:{scope}:{rate_limit_address(request)}"
    return (
        rate_windows.count(cache, key, limit=limit, window_seconds=window_seconds)
        is None
    )
