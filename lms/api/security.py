"""Who calls: the bearer token, what it may do, and how often.

A request is authenticated by its token and then acts as the token's owner:
``request.user`` is the owner, so every scope rule of the screens
(lms.organisation.scope) applies unchanged. Writes need a read-write token
and run in one transaction, inside a Wagtail log context that ties every
audit entry of the request to an ``lms.api_write`` entry naming the token.
"""

import functools
import math
import threading

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle
from wagtail.log_actions import LogContext, log

from lms.api import tokens
from lms.support import rate_windows

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class TokenAuth(HttpBearer):
    """``Authorization: Bearer hub_…``; an unknown, revoked or expired token
    gets 401 without saying which."""

    def authenticate(self, request, token):
        api_token = tokens.find_token(token)
        if api_token is None:
            return None
        tokens.mark_used(api_token)
        request.user = api_token.user
        request.api_token = api_token
        return api_token


class TokenThrottle(BaseThrottle):
    """Each token's own requests per minute; over it, 429 with Retry-After."""

    def __init__(self):
        # One throttle serves every request of an operation: ninja asks for
        # wait() after allow_request(), so the answer is kept per thread.
        self._last = threading.local()

    def allow_request(self, request) -> bool:
        token = getattr(request, "api_token", None)
        self._last.wait = None
        if token is None:
            return True
        self._last.wait = rate_windows.count(
            cache, f"lms.api:{token.prefix}", limit=token.rate_per_minute
        )
        return self._last.wait is None

    def wait(self):
        wait = getattr(self._last, "wait", None)
        return math.ceil(wait) if wait is not None else None


def writes(view):
    """A write operation: refused to read-only tokens, done all at once, and
    recorded in the audit trail with the token's name. A dry run (the view
    sets ``request.api_dry_run``) is not recorded."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.api_token
        if not token.writes:
            raise HttpError(403, _("This token may only read."))
        with transaction.atomic(), LogContext(user=token.user):
            response = view(request, *args, **kwargs)
            if getattr(request, "api_dry_run", False):
                return response  # checked and counted, nothing written
            log(
                instance=token,
                action="lms.api_write",
                user=token.user,
                data={
                    "token": token.name,
                    "request": f"{request.method} {request.path}",
                },
            )
        return response

    return wrapper


def require(request, *permissions: str) -> None:
    """Refuse with 403 unless the token's owner holds one of the permissions."""
    if not any(request.user.has_perm(permission) for permission in permissions):
        raise HttpError(403, _("The token's owner may not do this."))
