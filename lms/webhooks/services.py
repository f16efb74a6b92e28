"""Announcing events to the registered endpoints, and registering them."""

import uuid
from datetime import UTC
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lms import app_settings
from lms.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from lms.webhooks import events, signing


def check_url(url: str) -> None:
    """Refuse an address webhooks may not be sent to: anything but https://,
    and http:// unless LMS_WEBHOOK_ALLOW_HTTP allows it (development)."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "https" or (scheme == "http" and app_settings.WEBHOOK_ALLOW_HTTP):
        return
    if scheme == "http":
        raise ValidationError(
            {"url": _("Use an https:// address: deliveries carry personal data.")},
            code="insecure",
        )
    raise ValidationError({"url": _("Use an https:// address.")}, code="scheme")


def _check_events(names) -> list[str]:
    known = events.event_types()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValidationError(
            {"events": _("Unknown event types: %(names)s.") % {"names": unknown}}
        )
    # Kept in the registry's order, once each.
    return [name for name in known if name in names]


def _log_data(endpoint: WebhookEndpoint) -> dict:
    return {"url": endpoint.url, "events": endpoint.events}


@transaction.atomic
def register_endpoint(*, name: str, url: str, event_names, by) -> WebhookEndpoint:
    """Register an endpoint for some event types, with a new secret."""
    check_url(url)
    endpoint = WebhookEndpoint(
        name=name,
        url=url,
        events=_check_events(event_names),
        secret=signing.new_secret(),
        created_by=by,
    )
    endpoint.full_clean()
    endpoint.save()
    log(endpoint, "lms.webhook_register", user=by, data=_log_data(endpoint))
    return endpoint


@transaction.atomic
def change_endpoint(
    *, endpoint: WebhookEndpoint, name: str, url: str, event_names, is_active, by
) -> WebhookEndpoint:
    """Change an endpoint's name, address, events or whether it is active.

    Deliveries already waiting keep going to the endpoint's address as it
    is when they are tried; switching it off gives them up.
    """
    check_url(url)
    endpoint.name = name
    endpoint.url = url
    endpoint.events = _check_events(event_names)
    endpoint.is_active = is_active
    endpoint.full_clean()
    endpoint.save()
    log(endpoint, "lms.webhook_change", user=by, data=_log_data(endpoint))
    return endpoint


@transaction.atomic
def new_secret(*, endpoint: WebhookEndpoint, by) -> WebhookEndpoint:
    """Give an endpoint a new signing secret; the old one stops working."""
    endpoint.secret = signing.new_secret()
    endpoint.save(update_fields=["secret"])
    log(endpoint, "lms.webhook_secret", user=by)
    return endpoint


@transaction.atomic
def delete_endpoint(*, endpoint: WebhookEndpoint, by) -> None:
    """Remove an endpoint with its delivery log; the events stay."""
    log(endpoint, "lms.webhook_delete", user=by, data=_log_data(endpoint))
    endpoint.delete()


@transaction.atomic
def emit(type: str, key: str, data: dict, *, endpoints=None) -> WebhookEvent | None:
    """Announce an event to every active endpoint that hears of its type.

    The event is recorded once per key: emitting it again (a retried action,
    a second daily run) creates nothing and queues nothing. An event no
    endpoint hears of is not recorded. ``endpoints`` limits the announcement
    to those (the test event). The deliveries are queued when the caller's
    transaction commits, so an event is never queued before the change it
    announces is committed, and never lost with it: the sweep
    (deliver_webhooks) finds what was not queued.
    """
    from lms.webhooks.tasks import enqueue_delivery

    if endpoints is None:
        endpoints = WebhookEndpoint.objects.filter(is_active=True).only("events")
        # Filtered here: SQLite cannot look inside a JSON list.
        endpoints = [endpoint for endpoint in endpoints if type in endpoint.events]
    if not endpoints:
        return None
    event, created = WebhookEvent.objects.get_or_create(
        key=key, defaults={"type": type, "data": data}
    )
    if not created:
        return event
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            endpoint=endpoint, event=event, next_attempt_at=event.occurred_at
        )
        for endpoint in endpoints
    )
    for delivery in deliveries:
        enqueue_delivery(delivery.pk)
    return event


def send_test_event(*, endpoint: WebhookEndpoint, by) -> WebhookEvent:
    """Send one endpoint a ping, to check that its receiver answers."""
    if not endpoint.is_active:
        raise ValidationError(_("The endpoint is switched off."))
    return emit(
        events.PING.name,
        f"ping:{uuid.uuid4()}",
        {"endpoint": {"id": endpoint.pk, "name": endpoint.name}},
        endpoints=[endpoint],
    )


def person(user) -> dict:
    """How an event names a person: their id and email address."""
    return {"id": user.pk, "email": getattr(user, user.get_email_field_name(), "")}


def at(moment) -> str:
    """A moment as an event's data gives it: ISO 8601, in UTC."""
    return timezone.localtime(moment, UTC).isoformat()
