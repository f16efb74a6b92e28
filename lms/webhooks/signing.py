"""How deliveries are signed, the way Stripe and GitHub sign theirs.

``Hub-Signature: t=<unix seconds>,v1=<hex>``: the hex is the HMAC-SHA256,
keyed with the endpoint's secret, of the timestamp, a dot and the raw body.
Signing the timestamp lets a receiver refuse an old delivery replayed.
"""

import hashlib
import hmac
import secrets
import time

SIGNATURE_HEADER = "Hub-Signature"
EVENT_ID_HEADER = "Hub-Event-Id"
EVENT_TYPE_HEADER = "Hub-Event-Type"


def new_secret() -> str:
    """A random signing secret for a new endpoint."""
    return secrets.token_urlsafe(32)


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The Hub-Signature header's value for a body sent at timestamp."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify_signature(
    secret: str,
    header: str,
    body: bytes,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """Whether a Hub-Signature header signs body with secret, at a time no
    more than tolerance seconds from now.

    Any v1 value may match (a header may carry several while a secret is
    being changed); the comparison takes the same time whatever matches.
    """
    timestamp, candidates = None, []
    for part in (header or "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = _digest(secret, timestamp, body)
    return any(hmac.compare_digest(expected, value) for value in candidates)
