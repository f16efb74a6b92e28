"""Log-in guessing, slowed per client address and account together.

After ``FREE_FAILURES`` wrong passwords for one account from one address,
each further attempt from there waits ``2 ** (failures - FREE_FAILURES)``
seconds, at most ``MAX_DELAY``; the right password after the wait clears the
count. Other addresses never wait for these failures, so a stranger who knows
someone's email cannot lock them out. The counts live in the cache (Redis in
production), shared by every process; the same rules apply whether or not the
account exists, so they reveal nothing about it.
"""

import hashlib
import math
import time

from allauth.account import app_settings as account_settings
from django.core.cache import cache

FREE_FAILURES = 3
MAX_DELAY = 15 * 60
# Failures are forgotten a day after the last one.
FORGET_AFTER = 24 * 60 * 60
# How long one attempt may hold its turn once the delay is over; a turn lost
# to a crash costs no more than this.
TURN_SECONDS = 30


def enabled() -> bool:
    """Whether log-in limits apply: allauth's ACCOUNT_RATE_LIMITS switch
    (False turns them off, as the test settings do) covers these too."""
    return bool(account_settings.RATE_LIMITS)


def delay_after(failures: int) -> int:
    """Seconds to wait after this many failures in a row."""
    if failures < FREE_FAILURES:
        return 0
    # The exponent is bounded so that a long siege stays cheap to compute.
    return min(2 ** min(failures - FREE_FAILURES, 32), MAX_DELAY)


def _key(address: str, login: str) -> str:
    # Hashed: the cache holds no email addresses, and keys stay short.
    digest = hashlib.sha256(f"{address}\n{login.strip().lower()}".encode())
    return f"login-failures:{digest.hexdigest()}"


def claim_turn(*, address: str, login: str) -> int:
    """0 if an attempt may check its password now, else the seconds to wait.

    Once the delay applies, each wait admits one attempt: concurrent ones
    would otherwise all pass the moment the wait is over.
    """
    key = _key(address, login)
    until = cache.get(f"{key}:until")
    if until is None:
        return 0
    remaining = until - time.time()
    if remaining > 0:
        return math.ceil(remaining)
    if cache.add(f"{key}:turn:{until}", 1, timeout=TURN_SECONDS):
        return 0
    return 1


def record_failure(*, address: str, login: str) -> int:
    """Count a wrong password; return the seconds the next attempt waits."""
    key = _key(address, login)
    count_key = f"{key}:count"
    # add, then incr: both atomic, so simultaneous failures are each counted.
    if cache.add(count_key, 1, timeout=FORGET_AFTER):
        failures = 1
    else:
        try:
            failures = cache.incr(count_key)
        except ValueError:  # expired between add and incr
            cache.add(count_key, 1, timeout=FORGET_AFTER)
            failures = 1
        cache.touch(count_key, FORGET_AFTER)
    delay = delay_after(failures)
    if delay:
        cache.set(f"{key}:until", time.time() + delay, timeout=FORGET_AFTER)
    return delay


def clear(*, address: str, login: str) -> None:
    """Forget the failures: the right password came from this address."""
    key = _key(address, login)
    cache.delete_many([f"{key}:count", f"{key}:until"])
