"""Certificate expiries in the learner's calendar feed (issue 14, item 4):
certification adds them through lms's register_lms_calendar_events hook."""

from datetime import date, timedelta
from http import HTTPStatus

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certification import services
from certification.calendar import certificate_events
from certification.models import Certification
from lms.calendar import services as calendar
from lms.calendar import tokens

pytestmark = pytest.mark.django_db


def feed_events(person) -> dict[str, icalendar.Event]:
    url = reverse(
        "lms:calendar_feed", args=[tokens.token_for(calendar.feed_for(user=person))]
    )
    response = Client().get(url)
    assert response.status_code == HTTPStatus.OK
    parsed = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in parsed.walk("VEVENT")}


def certification(name="Webcare", months=24, **fields):
    return Certification.objects.create(name=name, validity_months=months, **fields)


@pytest.fixture
def learner(hub):
    hub.learner.language = "en"
    hub.learner.save()
    return hub.learner


def test_a_certificate_in_force_shows_its_expiry(learner):
    today = timezone.localdate()
    certificate = services.issue_certificate(
        holder=learner, certification=certification(), valid_from=today
    )
    events = feed_events(learner)
    uid = f"certification-certificate-{certificate.pk}-expiry@testserver"
    assert list(events) == [uid]
    event = events[uid]
    assert type(event.decoded("DTSTART")) is date
    assert event.decoded("DTSTART") == certificate.valid_until
    assert "DTSTAMP" in event
    assert str(event["SUMMARY"]) == "Certificate expires: Webcare"
    assert str(event["URL"]) == "http://testserver/learn/"
    # The same UID on the next fetch: the calendar keeps one event.
    assert list(feed_events(learner)) == [uid]


def test_only_certificates_that_will_expire_and_still_count(hub, learner):
    today = timezone.localdate()
    lasting = services.issue_certificate(
        holder=learner, certification=certification("Forever", None), valid_from=today
    )
    lapsed = services.issue_certificate(
        holder=learner,
        certification=certification("Lapsed", 1),
        valid_from=today - timedelta(days=90),
    )
    revoked = services.issue_certificate(
        holder=learner, certification=certification("Revoked"), valid_from=today
    )
    services.revoke(certificate=revoked, by=hub.manager, reason="Issued by mistake")
    theirs = services.issue_certificate(
        holder=hub.outsider, certification=certification("Theirs"), valid_from=today
    )
    assert lasting.valid_until is None and lapsed.valid_until < today
    assert feed_events(learner) == {}
    assert list(feed_events(hub.outsider)) == [
        f"certification-certificate-{theirs.pk}-expiry@testserver"
    ]


def test_a_renewed_certificate_gives_way_to_its_renewal(learner):
    today = timezone.localdate()
    webcare = certification()
    current = services.issue_certificate(
        holder=learner, certification=webcare, valid_from=today - timedelta(days=700)
    )
    renewal = services.issue_certificate(
        holder=learner,
        certification=webcare,
        valid_from=current.valid_until + timedelta(days=1),
        previous=current,
    )
    events = feed_events(learner)
    assert list(events) == [f"certification-certificate-{renewal.pk}-expiry@testserver"]
    assert (
        events[f"certification-certificate-{renewal.pk}-expiry@testserver"].decoded(
            "DTSTART"
        )
        == renewal.valid_until
    )


def test_a_dutch_learner_reads_the_dutch_name(hub):
    hub.learner.language = "nl"
    hub.learner.save()
    services.issue_certificate(
        holder=hub.learner,
        certification=certification(
            "Crisiscommunicatie",
            translations={"en": {"name": "Crisis communication"}},
        ),
        valid_from=timezone.localdate(),
    )
    (event,) = feed_events(hub.learner).values()
    assert str(event["SUMMARY"]) == "Certificaat verloopt: Crisiscommunicatie"
    assert "geldig tot" in str(event["DESCRIPTION"])
    hub.learner.language = "en"
    hub.learner.save()
    (event,) = feed_events(hub.learner).values()
    assert str(event["SUMMARY"]) == "Certificate expires: Crisis communication"


def test_one_query_however_many_certificates(learner):
    today = timezone.localdate()
    for number in range(12):
        services.issue_certificate(
            holder=learner,
            certification=certification(f"Certification {number}"),
            valid_from=today,
        )
    with CaptureQueriesContext(connection) as queries:
        events = certificate_events(learner, today)
    assert len(events) == 12
    assert len(queries) == 1
