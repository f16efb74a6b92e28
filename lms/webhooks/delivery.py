"""Trying a delivery: a signed POST, its attempt logged, and the next try
scheduled with backoff until a day after the event.

Two workers never try one delivery at once: a try starts by claiming the
delivery with a conditional update (still pending, its time come) that moves
next_attempt_at past the try's longest duration, and records its answer
only if the attempts are still those it claimed; whoever updates no row leaves it. No transaction is held open
while the receiver answers. A worker that dies mid-try leaves the row
pending with that next_attempt_at, and the sweep tries it again then; one
that dies after the receiver accepted and before the answer is recorded
sends it again, with the same event id, on which receivers de-duplicate.
"""

import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lms import app_settings
from lms.models import WebhookAttempt, WebhookDelivery
from lms.webhooks import signing
from lms.webhooks.services import at, check_url

logger = logging.getLogger(__name__)

# How long after its event a delivery is tried; then it is given up.
RETRY_FOR = timedelta(hours=24)
USER_AGENT = "HubAcademy-Webhooks/1"
ERROR_LENGTH = 500


@dataclass(frozen=True)
class Answer:
    """What one try got: the HTTP status, or an error and no status."""

    status: int | None
    error: str
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def body_of(delivery: WebhookDelivery) -> bytes:
    """The JSON body of a delivery: the event's envelope."""
    event = delivery.event
    envelope = {
        "id": str(event.event_id),
        "type": event.type,
        "occurred_at": at(event.occurred_at),
        "data": event.data,
    }
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True).encode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect is the receiver's answer, not a place to send data to.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(url: str, body: bytes, headers: dict) -> Answer:
    """POST body to url; never raises for what the receiver does."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    started = time.monotonic()
    status, error = None, ""
    try:
        with _opener.open(request, timeout=app_settings.WEBHOOK_TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as answer:
        status = answer.code
        error = str(answer.reason or "")
        answer.close()
    except (urllib.error.URLError, OSError, ValueError) as failure:
        error = (
            str(getattr(failure, "reason", None) or failure) or type(failure).__name__
        )
    duration = int((time.monotonic() - started) * 1000)
    return Answer(status, error[:ERROR_LENGTH], duration)


def next_try(delivery: WebhookDelivery, attempts: int, now: datetime):
    """When to try again after attempts failed tries; None: give up."""
    deadline = delivery.event.occurred_at + RETRY_FOR
    if now >= deadline:
        return None
    delays = app_settings.WEBHOOK_RETRY_DELAYS
    delay = delays[min(attempts, len(delays)) - 1]
    return min(now + timedelta(seconds=delay), deadline)


def _lease() -> timedelta:
    # Longer than any try can take, so that a claim is never taken over
    # while its try is still running.
    return timedelta(seconds=app_settings.WEBHOOK_TIMEOUT * 2 + 30)


def claim(delivery_id: int, now: datetime) -> WebhookDelivery | None:
    """Take a delivery whose time has come, for one try; None if it is
    delivered, given up, not due, or being tried by another worker.

    One conditional update: of two workers, the second finds the row no
    longer due (PostgreSQL re-reads a row that another transaction changed
    before it updates it; SQLite writes one at a time).
    """
    taken = WebhookDelivery.objects.filter(
        pk=delivery_id,
        state=WebhookDelivery.State.PENDING,
        next_attempt_at__lte=now,
    ).update(next_attempt_at=now + _lease(), last_attempt_at=now)
    if not taken:
        return None
    return WebhookDelivery.objects.select_related("endpoint", "event").get(
        pk=delivery_id
    )


def _record(delivery: WebhookDelivery, answer: Answer, started: datetime):
    """Log the try and move the delivery on; returns when to try next."""
    attempts = delivery.attempts + 1
    now = timezone.now()
    changes = {
        "attempts": attempts,
        "last_attempt_at": started,
        "last_status": answer.status,
        "last_error": answer.error,
    }
    retry_at = None
    if answer.delivered:
        changes.update(
            state=WebhookDelivery.State.DELIVERED,
            delivered_at=now,
            next_attempt_at=None,
        )
    else:
        retry_at = next_try(delivery, attempts, now)
        if retry_at is None:
            changes.update(state=WebhookDelivery.State.FAILED, next_attempt_at=None)
        else:
            changes["next_attempt_at"] = retry_at
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            attempted_at=started,
            status=answer.status,
            error=answer.error,
            duration_ms=answer.duration_ms,
        )
        # Only the claim's own row: attempts unchanged since it was taken.
        WebhookDelivery.objects.filter(
            pk=delivery.pk,
            state=WebhookDelivery.State.PENDING,
            attempts=delivery.attempts,
        ).update(**changes)
    return retry_at


def _give_up(delivery: WebhookDelivery, error: str, started: datetime) -> None:
    error = error[:ERROR_LENGTH]
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery, attempted_at=started, error=error
        )
        WebhookDelivery.objects.filter(
            pk=delivery.pk,
            state=WebhookDelivery.State.PENDING,
            attempts=delivery.attempts,
        ).update(
            state=WebhookDelivery.State.FAILED,
            attempts=delivery.attempts + 1,
            last_attempt_at=started,
            last_status=None,
            last_error=error,
            next_attempt_at=None,
        )


def deliver(delivery_id: int) -> str:
    """Try a delivery if its time has come; returns its state afterwards
    ("skipped" when another worker has it or it is not due)."""
    from lms.webhooks.tasks import enqueue_delivery

    started = timezone.now()
    delivery = claim(delivery_id, started)
    if delivery is None:
        return "skipped"
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _give_up(delivery, "The endpoint is switched off.", started)
        return WebhookDelivery.State.FAILED
    try:
        check_url(endpoint.url)
    except ValidationError as refusal:
        _give_up(delivery, " ".join(refusal.messages), started)
        return WebhookDelivery.State.FAILED
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.EVENT_ID_HEADER: str(delivery.event.event_id),
        signing.EVENT_TYPE_HEADER: delivery.event.type,
        signing.SIGNATURE_HEADER: signing.signature_header(endpoint.secret, body),
    }
    answer = post(endpoint.url, body, headers)
    retry_at = _record(delivery, answer, started)
    if answer.delivered:
        return WebhookDelivery.State.DELIVERED
    if retry_at is None:
        logger.warning("Webhook delivery %s given up: %s", delivery.pk, answer)
        return WebhookDelivery.State.FAILED
    enqueue_delivery(delivery.pk, run_after=retry_at)
    return WebhookDelivery.State.PENDING


def due_deliveries(now: datetime | None = None):
    """Ids of the pending deliveries whose time has come, earliest first."""
    now = now or timezone.now()
    return (
        WebhookDelivery.objects.filter(
            state=WebhookDelivery.State.PENDING, next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )


def deliver_due(now: datetime | None = None) -> dict:
    """The sweep: try every delivery whose time has come; count the results."""
    counts = {"delivered": 0, "pending": 0, "failed": 0, "skipped": 0}
    for delivery_id in list(due_deliveries(now)):
        counts[str(deliver(delivery_id))] += 1
    return counts
