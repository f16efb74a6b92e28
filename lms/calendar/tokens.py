"""The token in a calendar address: ``<feed id>-<signature>``.

The signature is an HMAC (SHA-256, keyed with SECRET_KEY) over the feed's
random key, rather than the key itself in the address: the keys in the
database (a backup, a copy for testing) open no feed on their own, and a
new key (CalendarFeed.key, lms.calendar.services.renew) makes every address
signed over the old one fail. SECRET_KEY_FALLBACKS are tried as well, so
that rotating the secret key does not cut off subscribed calendars before
the old key is dropped. The id only says which signature to check; the
comparison takes constant time.
"""

import base64
import secrets

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from lms.models import CalendarFeed

KEY_SALT = "lms.calendar.tokens"


def new_key() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def _signature(key: str, secret: str) -> str:
    digest = salted_hmac(KEY_SALT, key, secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def token_for(feed: CalendarFeed) -> str:
    """The token of the feed's current address."""
    return f"{feed.pk}-{_signature(feed.key, settings.SECRET_KEY)}"


def matches(feed: CalendarFeed, token: str) -> bool:
    """Whether the token is the feed's current one (signed with the secret
    key or one of its fallbacks)."""
    signature = token.partition("-")[2] if isinstance(token, str) else ""
    if not signature or token.partition("-")[0] != str(feed.pk):
        return False
    secrets_ = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        constant_time_compare(_signature(feed.key, secret), signature)
        for secret in secrets_
    )


def find_feed(token: str) -> CalendarFeed | None:
    """The feed (with its person) whose current address has this token, if
    the person may still sign in; None for anything else, alike."""
    pk = token.partition("-")[0] if isinstance(token, str) else ""
    if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(pk=int(pk)).first()
    if feed is None or not feed.user.is_active or not matches(feed, token):
        return None
    return feed
