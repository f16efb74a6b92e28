"""Workers racing for one webhook delivery, on PostgreSQL where rows are
really locked: the receiver hears of it once."""

import pytest

from lms.models import WebhookAttempt, WebhookDelivery
from lms.webhooks import delivery, services
from tests.concurrency import THREADS, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("postgres_only"),
]


def test_workers_trying_one_delivery_at_once_send_it_once(start_receiver):
    endpoint = services.register_endpoint(
        name="HR", url="http://127.0.0.1:1/", event_names=["course.completed"], by=None
    )
    receiver = start_receiver(endpoint.secret, fail=0)
    endpoint.url = receiver.url
    endpoint.save()
    # Queued, not tried: the on-commit try is what the workers race for.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("lms.webhooks.tasks.enqueue_delivery", lambda *a, **k: None)
        event = services.emit("course.completed", "race", {})
    row = event.deliveries.get()

    results = run_together(lambda _i: delivery.deliver(row.pk))

    assert sorted(map(str, results)) == ["delivered"] + ["skipped"] * (THREADS - 1)
    assert len(receiver.received()) == 1
    assert WebhookAttempt.objects.filter(delivery=row).count() == 1
    assert WebhookDelivery.objects.get(pk=row.pk).attempts == 1


def test_sweeps_on_several_machines_send_each_delivery_once(start_receiver):
    endpoint = services.register_endpoint(
        name="HR", url="http://127.0.0.1:1/", event_names=["course.completed"], by=None
    )
    receiver = start_receiver(endpoint.secret, fail=0)
    endpoint.url = receiver.url
    endpoint.save()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("lms.webhooks.tasks.enqueue_delivery", lambda *a, **k: None)
        for number in range(5):
            services.emit("course.completed", f"sweep-{number}", {})

    results = run_together(lambda _i: delivery.deliver_due(), count=3)

    assert sum(result["delivered"] for result in results) == 5
    assert len(receiver.received()) == 5
    assert set(WebhookDelivery.objects.values_list("state", flat=True)) == {"delivered"}
