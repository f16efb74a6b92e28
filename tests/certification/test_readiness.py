from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certification import readiness, services
from certification.models import Certification
from lms.organisation import services as organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crisis(hub):
    certification = Certification.objects.create(name="Crisis", validity_months=12)
    certification.roles.add(hub.role)
    return certification


def holding(person, certification, ends_in_days):
    today = timezone.localdate()
    certificate = services.issue_certificate(
        holder=person,
        certification=certification,
        valid_from=today - timedelta(days=30),
    )
    certificate.valid_until = today + timedelta(days=ends_in_days)
    certificate.save()
    return certificate


def test_readiness_counts_certified_lapsing_and_missing(hub, crisis):
    soon_lapsing, later, fine = (
        UserFactory(name="A"),
        UserFactory(name="B"),
        UserFactory(name="C"),
    )
    for person in (soon_lapsing, later, fine):
        organisation.join_role(user=person, unit=hub.spoke, role=hub.role)
    holding(soon_lapsing, crisis, 20)
    holding(later, crisis, 75)
    holding(fine, crisis, 200)
    revoked = holding(hub.learner, crisis, 200)
    services.revoke(certificate=revoked, by=hub.manager, reason="x")
    entries = readiness.role_readiness(
        units=[hub.spoke, hub.team], today=timezone.localdate()
    )
    by_unit = {entry.unit: entry for entry in entries}
    spoke = by_unit[hub.spoke]
    assert spoke.certified_count == 3 and not spoke.not_certified
    assert [lapse.person for lapse in spoke.lapsing_within(30)] == [soon_lapsing]
    assert [lapse.person for lapse in spoke.lapsing_within(60)] == [soon_lapsing]
    assert {lapse.person for lapse in spoke.lapsing_within(90)} == {soon_lapsing, later}
    assert by_unit[hub.team].not_certified == [hub.learner]


def test_not_certified_since_says_since_when(hub, crisis):
    certificate = holding(hub.learner, crisis, 10)
    certificate.valid_until = timezone.localdate() - timedelta(days=5)
    certificate.save()
    gaps = readiness.not_certified_since(
        user_ids=[hub.learner.pk, hub.outsider.pk], today=timezone.localdate()
    )
    assert gaps[hub.learner.pk] == [(crisis, timezone.localdate() - timedelta(days=4))]
    assert gaps[hub.outsider.pk] == [(crisis, None)]


@pytest.mark.parametrize(
    "kind, status", [("manager", 200), ("hr", 200), ("editor", 302), ("learner", 302)]
)
def test_readiness_screen_permissions(client, hub, crisis, kind, status):
    client.force_login(getattr(hub, kind))
    response = client.get(reverse("hub_readiness:index"))
    assert response.status_code in ((status,) if status == 200 else (302, 403))


def test_readiness_screen_queries_do_not_grow(client, hub, crisis):
    client.force_login(hub.hr)
    url = reverse("hub_readiness:index")
    counts = []
    for _ in range(2):
        for _person in range(10):
            person = UserFactory()
            organisation.join_role(user=person, unit=hub.spoke, role=hub.role)
            holding(person, crisis, 40)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == HTTPStatus.OK
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_team_matrix_flags_members_whose_certificate_lapsed(
    client, hub, crisis, course
):
    from lms.assignments import services as assignments

    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=5),
        reason="x",
        target="unit",
        unit=hub.spoke,
    )
    certificate = holding(hub.learner, crisis, 10)
    services.revoke(certificate=certificate, by=hub.manager, reason="x")
    client.force_login(hub.manager)
    page = client.get(
        reverse("hub_matrix:index"), {"unit": hub.spoke.pk}
    ).content.decode()
    assert "Crisis" in page and timezone.localdate().strftime("%Y") in page
    assert "niet gecertificeerd" in page.lower() or "not certified" in page.lower()
