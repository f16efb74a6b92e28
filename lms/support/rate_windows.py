"""Fixed-window request counts in the cache (Redis at scale), for rate limits.

cache.add and cache.incr are atomic in Redis and in the local-memory cache,
so concurrent requests never share one count.
"""

import time


def count(cache, key: str, *, limit: int, window_seconds: int = 60) -> float | None:
    """Count one request under ``key``; None while within ``limit``, else the
    seconds until the window ends (for Retry-After)."""
    now = time.time()
    window = int(now // window_seconds)
    window_key = f"{key}:{window}"
    if cache.add(window_key, 1, timeout=window_seconds + 1):
        used = 1
    else:
        try:
            used = cache.incr(window_key)
        except ValueError:  # expired between add and incr
            cache.add(window_key, 1, timeout=window_seconds + 1)
            used = 1
    if used <= limit:
        return None
    return (window + 1) * window_seconds - now
