"""API tokens: made once, kept as a SHA-256 digest, found by their prefix.

A token reads ``hub_<prefix>_<secret>``: the prefix (public, unique) finds
the row, the digest of the whole token proves it. The secret carries 256
random bits, so a plain digest is enough; a slow hash would only slow every
request.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lms.app_settings import app_settings as lms_settings
from lms.models import ApiToken

SCHEME = "hub"
# Touching last_used_at on every request would turn every read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    prefix = secrets.token_hex(6)
    return prefix, f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"


def make_token(
    *,
    name: str,
    user,
    access: str,
    expires_at: datetime | None = None,
    rate_per_minute: int | None = None,
    by=None,
) -> tuple[ApiToken, str]:
    """A new token acting as ``user``, and its text, which is never shown again."""
    now = timezone.now()
    if expires_at is None:
        expires_at = now + timedelta(days=lms_settings.API_TOKEN_DEFAULT_DAYS)
    if expires_at <= now:
        raise ValidationError(
            {"expires_at": _("The expiry date must lie in the future.")}
        )
    if expires_at > now + timedelta(days=lms_settings.API_TOKEN_MAX_DAYS):
        raise ValidationError(
            {
                "expires_at": _("A token can be valid for at most %(days)s days.")
                % {"days": lms_settings.API_TOKEN_MAX_DAYS}
            }
        )
    if not user.is_active:
        raise ValidationError({"user": _("This person's account is not active.")})
    prefix, raw = _new_token()
    token = ApiToken.objects.create(
        name=name.strip(),
        user=user,
        created_by=by,
        access=access,
        prefix=prefix,
        digest=_digest(raw),
        rate_per_minute=rate_per_minute or lms_settings.API_RATE_PER_MINUTE,
        created_at=now,
        expires_at=expires_at,
    )
    log(
        instance=token,
        action="lms.api_token_create",
        user=by,
        data={"access": access, "expires_on": expires_at.date().isoformat()},
    )
    return token, raw


def find_token(raw: str) -> ApiToken | None:
    """The usable token with this text, or None (unknown, revoked, expired,
    or its owner's account closed)."""
    scheme, _sep, rest = raw.partition("_")
    prefix, _sep, secret = rest.partition("_")
    if scheme != SCHEME or not prefix or not secret or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.usable().select_related("user").filter(prefix=prefix).first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(raw)):
        return None
    if not token.user.is_active:
        return None
    return token


def mark_used(token: ApiToken, now=None) -> None:
    """Keep when the token was last used, to the minute."""
    now = now or timezone.now()
    if token.last_used_at and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


def revoke_token(token: ApiToken, *, by=None) -> bool:
    """Stop a token working; False if it was revoked already."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    if revoked:
        token.refresh_from_db()
        log(instance=token, action="lms.api_token_revoke", user=by)
    return bool(revoked)


def may_make_for(maker, owner) -> bool:
    """Who a person may make a token for: themselves, or anyone if they are
    an administrator. A token never gives its maker powers they lack."""
    return maker.is_superuser or maker.pk == owner.pk


def may_manage_tokens(user) -> bool:
    return user.is_active and user.has_perm("lms.manage_api_tokens")
