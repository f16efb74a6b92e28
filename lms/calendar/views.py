"""The calendar feed, fetched by calendar programs without a session, and the
learner's own action that makes or replaces its address."""

import hashlib
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lms.calendar import services, tokens
from lms.support import rate_windows

SECTION = "calendar"
# Per address, not per client: Google Calendar fetches everybody's
# subscriptions from a few shared machines. A calendar program fetches a
# few times a day; this only stops a leaked address from being hammered.
FETCHES_PER_MINUTE = 20


def _limit_key(feed) -> str:
    """The address's count in the cache, named by a digest of its key."""
    digest = hashlib.sha256(feed.key.encode()).hexdigest()[:32]
    return f"lms:calendar:{digest}"


@require_safe
def feed(request, token: str):
    """The feed of the address's person: the token is the only credential,
    and any token that is not a current one is a plain 404."""
    found = tokens.find_feed(token)
    if found is None:
        raise Http404
    wait = rate_windows.count(cache, _limit_key(found), limit=FETCHES_PER_MINUTE)
    if wait is not None:
        response = HttpResponse(status=429)
        response["Retry-After"] = str(max(1, math.ceil(wait)))
        return response
    services.record_fetch(found)
    response = HttpResponse(
        services.feed_ics(found), content_type="text/calendar; charset=utf-8"
    )
    # Personal: no shared cache may keep it, and no search engine list it.
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
@login_required
def address(request):
    """Make the person's calendar address, or (with ``replaces``) a new one
    that revokes the old."""
    replaces = request.POST.get("replaces", "")
    if replaces:
        services.renew(user=request.user, replaces=replaces)
        messages.success(
            request,
            _(
                "Your calendar has a new address. The old one no longer "
                "works: subscribe again with the new one."
            ),
        )
    else:
        services.feed_for(user=request.user)
        messages.success(
            request,
            _("Your calendar address is ready: add it to your calendar."),
        )
    return redirect(f"{reverse('lms:my_learning')}#{SECTION}")


def section(request) -> dict:
    """My learning's calendar section: the person's address, if they made one.
    One query; nothing is written on a GET."""
    feed = services.existing_feed(request.user)
    if feed is None:
        return {"calendar_url": "", "calendar_token": ""}
    token = tokens.token_for(feed)
    url = request.build_absolute_uri(reverse("lms:calendar_feed", args=[token]))
    return {
        "calendar_url": url,
        "calendar_token": token,
        "calendar_webcal_url": "webcal://" + url.partition("://")[2],
        "calendar_feed": feed,
    }
