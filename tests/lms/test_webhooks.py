"""Webhooks: signing, announcing each event once, delivery with retries
against a real receiver on loopback, backoff and giving up after a day."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from lms.assignments import services as assignments
from lms.learning import services as learning
from lms.models import WebhookAttempt, WebhookDelivery, WebhookEvent
from lms.webhooks import delivery, events, services, signing
from tests.factories import make_course, text_block

pytestmark = pytest.mark.django_db


def endpoint_for(url, *names, by=None):
    return services.register_endpoint(
        name="HR dashboard", url=url, event_names=list(names), by=by
    )


def due_now(pk):
    """The delivery's next try, from the row."""
    return WebhookDelivery.objects.get(pk=pk).next_attempt_at


# Signing ---------------------------------------------------------------------


def test_a_signature_verifies_only_with_its_secret_body_and_time():
    body = b'{"id":"1"}'
    header = signing.signature_header("s3cret", body, timestamp=1_700_000_000)
    assert signing.verify_signature("s3cret", header, body, now=1_700_000_100)
    assert not signing.verify_signature("other", header, body, now=1_700_000_100)
    assert not signing.verify_signature(
        "s3cret", header, body + b" ", now=1_700_000_100
    )
    # Replayed after the tolerance: refused.
    assert not signing.verify_signature("s3cret", header, body, now=1_700_000_301)
    assert not signing.verify_signature("s3cret", "v1=abc", body)
    assert not signing.verify_signature("s3cret", "", body)


def test_the_signature_is_hmac_sha256_of_time_dot_body():
    import hashlib
    import hmac

    header = signing.signature_header("k", b"{}", timestamp=42)
    digest = hmac.new(b"k", b"42.{}", hashlib.sha256).hexdigest()
    assert header == f"t=42,v1={digest}"


def test_secrets_are_random_and_long():
    assert signing.new_secret() != signing.new_secret()
    assert len(signing.new_secret()) >= 40


# Registering -----------------------------------------------------------------


def test_the_registry_holds_lms_and_certification_events():
    names = set(events.event_types())
    assert {
        "course.completed",
        "assignment.overdue",
        "certificate.issued",
        "certificate.revoked",
        "certificate.expiring",
    } <= names
    assert "ping" not in names


@pytest.mark.parametrize("url", ["ftp://example.org/x", "javascript:alert(1)"])
def test_only_web_addresses_are_accepted(url):
    with pytest.raises(ValidationError):
        endpoint_for(url, "course.completed")


def test_plain_http_is_refused_unless_allowed(settings):
    settings.LMS_WEBHOOK_ALLOW_HTTP = False
    with pytest.raises(ValidationError) as refusal:
        endpoint_for("http://hr.example.org/hooks", "course.completed")
    assert "https://" in str(refusal.value)
    assert endpoint_for("https://hr.example.org/hooks", "course.completed").pk


def test_unknown_event_types_are_refused():
    with pytest.raises(ValidationError):
        endpoint_for("https://hr.example.org/hooks", "course.deleted")


def test_an_address_made_http_after_registering_is_not_sent_to(
    settings, closed_port_url
):
    endpoint = endpoint_for(closed_port_url, "course.completed")
    settings.LMS_WEBHOOK_ALLOW_HTTP = False
    event = services.emit("course.completed", "k", {})
    row = event.deliveries.get()
    assert delivery.deliver(row.pk) == WebhookDelivery.State.FAILED
    row.refresh_from_db()
    assert row.state == "failed" and "https://" in row.last_error
    assert endpoint.deliveries.count() == 1


# Announcing once -------------------------------------------------------------


def test_emitting_twice_with_one_key_is_one_event(closed_port_url):
    endpoint_for(closed_port_url, "course.completed")
    first = services.emit("course.completed", "key-1", {"a": 1})
    second = services.emit("course.completed", "key-1", {"a": 2})
    assert first == second
    assert WebhookEvent.objects.count() == 1
    assert WebhookDelivery.objects.count() == 1
    assert WebhookEvent.objects.get().data == {"a": 1}


def test_only_active_endpoints_of_the_type_get_a_delivery(closed_port_url):
    hears = endpoint_for(closed_port_url, "course.completed")
    endpoint_for(closed_port_url, "assignment.overdue")
    off = endpoint_for(closed_port_url, "course.completed")
    off.is_active = False
    off.save()
    event = services.emit("course.completed", "key-2", {})
    assert [d.endpoint for d in event.deliveries.all()] == [hears]


def test_an_event_nobody_hears_of_is_not_recorded():
    assert services.emit("course.completed", "key-3", {}) is None
    assert not WebhookEvent.objects.exists()


def test_deliveries_are_queued_on_commit(
    closed_port_url, django_capture_on_commit_callbacks
):
    endpoint_for(closed_port_url, "course.completed")
    with django_capture_on_commit_callbacks() as callbacks:
        services.emit("course.completed", "key-4", {})
    assert len(callbacks) == 1
    assert WebhookDelivery.objects.get().attempts == 0


# Delivery against the loopback receiver --------------------------------------


def completed_course(hub, catalogue):
    course = make_course(catalogue, bodies=[[text_block()], [text_block()]])
    learning.enrol(user=hub.learner, course=course)
    for module in course.get_modules():
        learning.complete_module(user=hub.learner, module=module)
    return course


def test_one_event_is_delivered_once_after_two_retries(
    hub, catalogue, settings, start_receiver, django_capture_on_commit_callbacks
):
    # Short delays: the receiver checks the signature's time against its own
    # clock, which time-machine does not move.
    settings.LMS_WEBHOOK_RETRY_DELAYS = [60, 120]
    endpoint = endpoint_for("http://127.0.0.1:1/", "course.completed", by=hub.hr)
    receiver = start_receiver(endpoint.secret, fail=2)
    endpoint.url = receiver.url
    endpoint.save()

    with time_machine.travel(timezone.now(), tick=False) as clock:
        start = timezone.now()
        # The completion's commit tries the delivery at once: a 500.
        with django_capture_on_commit_callbacks(execute=True):
            course = completed_course(hub, catalogue)
        row = WebhookDelivery.objects.get()
        assert (row.state, row.attempts, row.last_status) == ("pending", 1, 500)
        assert row.next_attempt_at == start + timedelta(seconds=60)

        # Not yet due: the sweep leaves it.
        assert delivery.deliver_due()["pending"] == 0
        clock.shift(timedelta(seconds=60))
        assert delivery.deliver_due() == {
            "delivered": 0,
            "pending": 1,
            "failed": 0,
            "skipped": 0,
        }
        assert due_now(row.pk) == start + timedelta(seconds=180)
        clock.shift(timedelta(seconds=120))
        call_command("deliver_webhooks", stdout=open("/dev/null", "w"))

    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_status) == ("delivered", 3, 200)
    assert row.delivered_at is not None and row.next_attempt_at is None
    statuses = list(
        WebhookAttempt.objects.filter(delivery=row)
        .order_by("attempted_at")
        .values_list("status", flat=True)
    )
    assert statuses == [500, 500, 200]

    got = receiver.received()
    event = WebhookEvent.objects.get()
    assert [r["event_id"] for r in got] == [str(event.event_id)] * 3
    assert [r["status"] for r in got] == [500, 500, 200]
    assert all(r["signature_ok"] for r in got)
    assert sum(r["accepted"] for r in got) == 1
    body = got[-1]["body"]
    assert got[-1]["event_type"] == "course.completed"
    assert got[-1]["content_type"] == "application/json"
    assert body["type"] == "course.completed" and body["id"] == str(event.event_id)
    assert body["data"]["person"] == {"id": hub.learner.pk, "email": hub.learner.email}
    assert body["data"]["course"] == {"id": course.pk, "title": course.title}

    # Delivered: nothing more is sent.
    assert delivery.deliver(row.pk) == "skipped"
    assert len(receiver.received()) == 3


def test_a_bad_signature_is_refused_by_the_receiver(
    start_receiver, django_capture_on_commit_callbacks
):
    receiver = start_receiver("the receiver's secret", fail=0)
    endpoint_for(receiver.url, "course.completed")  # another secret
    with django_capture_on_commit_callbacks(execute=True):
        services.emit("course.completed", "key-5", {})
    row = WebhookDelivery.objects.get()
    assert (row.state, row.last_status) == ("pending", 401)
    [got] = receiver.received()
    assert not got["signature_ok"] and not got["accepted"]


def test_the_test_event_reaches_the_receiver(
    hub, start_receiver, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for("http://127.0.0.1:1/", "course.completed")
    receiver = start_receiver(endpoint.secret, fail=0)
    endpoint.url = receiver.url
    endpoint.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_test_event(endpoint=endpoint, by=hub.hr)
    [got] = receiver.received()
    assert got["event_type"] == "ping" and got["accepted"]
    assert got["body"]["data"]["endpoint"]["id"] == endpoint.pk
    assert endpoint.deliveries.get().state == "delivered"


def test_a_redirect_is_an_answer_not_followed(
    closed_port_url, django_capture_on_commit_callbacks
):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    hits = []

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            hits.append(self.path)
            self.send_response(307)
            self.send_header("Location", closed_port_url)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = HTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        endpoint_for(f"http://127.0.0.1:{server.server_port}/", "course.completed")
        with django_capture_on_commit_callbacks(execute=True):
            services.emit("course.completed", "key-6", {})
    finally:
        thread.join(5)
        server.server_close()
    row = WebhookDelivery.objects.get()
    assert (row.state, row.last_status) == ("pending", 307)
    assert hits == ["/"]


# Backoff and giving up -------------------------------------------------------


def test_retries_back_off_and_give_up_a_day_after_the_event(closed_port_url):
    endpoint_for(closed_port_url, "course.completed")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        start = timezone.now()
        event = services.emit("course.completed", "key-7", {})
        row = event.deliveries.get()
        tries = []
        while row.state == "pending":
            clock.move_to(row.next_attempt_at)
            tries.append(row.next_attempt_at - start)
            delivery.deliver(row.pk)
            row.refresh_from_db()
    minutes = [int(offset.total_seconds() // 60) for offset in tries]
    assert minutes == [0, 1, 6, 21, 81, 261, 621, 981, 1341, 1440]
    assert row.state == "failed" and row.attempts == 10
    assert row.next_attempt_at is None
    assert row.last_status is None and row.last_error
    assert WebhookAttempt.objects.filter(delivery=row).count() == 10


def test_a_delivery_claimed_by_a_worker_is_not_tried_by_another(closed_port_url):
    endpoint_for(closed_port_url, "course.completed")
    row = services.emit("course.completed", "key-8", {}).deliveries.get()
    now = timezone.now()
    assert delivery.claim(row.pk, now) is not None
    assert delivery.claim(row.pk, now) is None
    assert delivery.deliver(row.pk) == "skipped"
    # A worker that died mid-try: the row is pending, tried after the lease.
    row.refresh_from_db()
    assert row.state == "pending" and row.next_attempt_at > now
    with time_machine.travel(row.next_attempt_at, tick=False):
        assert delivery.deliver(row.pk) == "pending"
    assert WebhookAttempt.objects.filter(delivery=row).count() == 1


def test_a_switched_off_endpoint_is_sent_nothing(closed_port_url):
    endpoint = endpoint_for(closed_port_url, "course.completed")
    row = services.emit("course.completed", "key-9", {}).deliveries.get()
    endpoint.is_active = False
    endpoint.save()
    assert delivery.deliver(row.pk) == "failed"


# lms's events ----------------------------------------------------------------


def test_completing_a_course_announces_it_once(hub, catalogue, closed_port_url):
    endpoint_for(closed_port_url, "course.completed")
    course = completed_course(hub, catalogue)
    event = WebhookEvent.objects.get()
    assert event.type == "course.completed"
    assert event.data["course"]["id"] == course.pk
    assert event.data["person"]["email"] == hub.learner.email
    # Completing again (a module posted twice) announces nothing more.
    learning.complete_module(user=hub.learner, module=course.get_modules().last())
    assert WebhookEvent.objects.count() == 1


def test_an_overdue_assignment_is_announced_once_by_the_daily_runs(
    hub, course, closed_port_url
):
    endpoint_for(closed_port_url, "assignment.overdue")
    today = timezone.localdate()
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=today + timedelta(days=2),
        reason="x",
        target="person",
        person=hub.learner,
    )
    later = (today + timedelta(days=4)).isoformat()
    for _run in range(2):
        call_command("lms_daily", "--date", later, stdout=open("/dev/null", "w"))
    event = WebhookEvent.objects.get()
    assert event.type == "assignment.overdue"
    assert event.data["due_on"] == (today + timedelta(days=2)).isoformat()
    assert event.data["person"]["id"] == hub.learner.pk
    assert event.data["course"]["id"] == course.pk
    assert WebhookDelivery.objects.count() == 1


def test_the_body_is_the_signed_json_envelope(closed_port_url):
    endpoint_for(closed_port_url, "course.completed")
    row = services.emit("course.completed", "key-10", {"x": 1}).deliveries.get()
    envelope = json.loads(delivery.body_of(row))
    assert envelope == {
        "id": str(row.event.event_id),
        "type": "course.completed",
        "occurred_at": services.at(row.event.occurred_at),
        "data": {"x": 1},
    }


def test_erasing_a_person_removes_the_events_that_name_them(
    hub, catalogue, closed_port_url
):
    from certification import data_requests
    from certification import services as certification_services
    from certification.models import Certification

    endpoint_for(
        closed_port_url,
        "course.completed",
        "certificate.issued",
        "certificate.revoked",
    )
    course = completed_course(hub, catalogue)
    certification = Certification.objects.create(name="Webcare", validity_months=12)
    certification.courses.add(course)
    certification_services.issue_certificate(
        holder=hub.learner,
        certification=certification,
        valid_from=timezone.localdate(),
    )
    email = hub.learner.email
    services.emit("course.completed", "someone-else", {"person": {"id": 0}})
    assert WebhookEvent.objects.count() == 3

    data_requests.erase_person(person=hub.learner, by=hub.hr)

    assert list(WebhookEvent.objects.values_list("key", flat=True)) == ["someone-else"]
    assert email not in json.dumps(list(WebhookEvent.objects.values("data")))


def test_the_receiver_takes_a_secret_that_begins_with_a_dash(start_receiver):
    # token_urlsafe may begin a secret with "-" (a run once failed on one).
    receiver = start_receiver("-starts-with-a-dash", fail=0)
    assert receiver.received() == []
