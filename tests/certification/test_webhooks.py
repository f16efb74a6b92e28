"""certification's webhook events: issued, revoked, expiring; each once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certification import renewal, services
from certification.models import Certification
from lms.models import WebhookEvent
from lms.webhooks import events
from lms.webhooks import services as webhooks
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def listening(closed_port_url):
    return webhooks.register_endpoint(
        name="HR",
        url=closed_port_url,
        event_names=[
            "certificate.issued",
            "certificate.revoked",
            "certificate.expiring",
        ],
        by=None,
    )


@pytest.fixture
def certification(catalogue):
    certification = Certification.objects.create(name="Crisis lead", validity_months=12)
    certification.courses.add(make_course(catalogue, bodies=[[text_block()]]))
    return certification


def test_certification_registers_its_event_types():
    labels = {name: str(event.label) for name, event in events.event_types().items()}
    assert labels["certificate.issued"] == "Certificate issued"
    assert labels["certificate.revoked"] == "Certificate revoked"
    assert labels["certificate.expiring"] == "Certificate expiring"


def test_issuing_announces_the_certificate_once(listening, certification):
    holder = UserFactory()
    today = timezone.localdate()
    certificate = services.issue_certificate(
        holder=holder, certification=certification, valid_from=today
    )
    # Issued again for the same period (a concurrent completion): no event.
    services.issue_certificate(
        holder=holder, certification=certification, valid_from=today
    )
    event = WebhookEvent.objects.get()
    assert event.type == "certificate.issued"
    assert event.data["person"] == {"id": holder.pk, "email": holder.email}
    assert event.data["certificate"]["code"] == certificate.code
    assert event.data["certificate"]["valid_until"] == (
        certificate.valid_until.isoformat()
    )
    assert event.data["certificate"]["verify_url"].endswith(
        f"/verify/{certificate.code}/"
    )
    assert event.data["certification"] == {
        "id": certification.pk,
        "name": "Crisis lead",
    }
    assert event.data["renews"] is None
    assert event.deliveries.get().endpoint == listening


def test_revoking_announces_each_revocation(listening, certification, hub):
    certificate = services.issue_certificate(
        holder=hub.learner,
        certification=certification,
        valid_from=timezone.localdate(),
    )
    services.revoke(certificate=certificate, by=hub.manager, reason="Fraud")
    services.reinstate(certificate=certificate, by=hub.manager)
    services.revoke(certificate=certificate, by=hub.manager, reason="Again")
    revoked = WebhookEvent.objects.filter(type="certificate.revoked").order_by("pk")
    assert [event.data["reason"] for event in revoked] == ["Fraud", "Again"]
    assert revoked[0].data["certificate"]["id"] == certificate.pk


def test_entering_the_renewal_window_announces_expiring_once(listening, certification):
    today = timezone.localdate()
    certificate = services.issue_certificate(
        holder=UserFactory(),
        certification=certification,
        valid_from=today - timedelta(days=340),
    )
    assert renewal.start_due_renewals(today) == 1
    assert renewal.start_due_renewals(today) == 0
    event = WebhookEvent.objects.get(type="certificate.expiring")
    assert event.data["certificate"]["code"] == certificate.code
