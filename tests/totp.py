"""Authenticator-app codes as a phone computes them (RFC 6238, RFC 4226),
written out here so that tests do not check allauth with its own code."""

import base64
import hashlib
import hmac
import struct
import time

PERIOD = 30


def totp(secret: str, *, periods_ahead: int = 0, at: float | None = None) -> str:
    """The six-digit code of a base32 secret now (or at a time), or of a
    period after that."""
    counter = int(time.time() if at is None else at) // PERIOD + periods_ahead
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**6:06d}"
