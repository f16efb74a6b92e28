"""Report pages and the dashboard cost as many queries at 1,000 people as at 10."""

import uuid
from datetime import timedelta
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certification.models import Certificate
from lms.models import Enrolment, QuizAttempt, RoleMembership, TrainingAssignment

pytestmark = pytest.mark.django_db

PAGES = [
    "hub_reports_completion",
    "hub_reports_overdue",
    "hub_reports_certificates",
    "hub_reports_expiring",
    "wagtailadmin_home",
]


def add_people(org, count):
    """People in the manager's units, each with an assignment (a third of
    them completed with a quiz score) and a certificate (some ending soon)."""
    today = org.today
    User = get_user_model()
    start = User.objects.count()
    people = User.objects.bulk_create(
        User(email=f"bulk{start + i}@example.org", name=f"Bulk {start + i}")
        for i in range(count)
    )
    units = [org.hub.spoke, org.hub.team]
    RoleMembership.objects.bulk_create(
        RoleMembership(
            user=person, unit=units[i % 2], role=org.hub.role, started_on=today
        )
        for i, person in enumerate(people)
    )
    TrainingAssignment.objects.bulk_create(
        TrainingAssignment(
            user=person,
            course=org.course_a,
            source="role",
            due_on=today + timedelta(days=i % 20 - 10),
        )
        for i, person in enumerate(people)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=person,
            course=org.course_a,
            status="completed",
            completed_at=timezone.now(),
        )
        for person in people[::3]
    )
    quiz = org.course_a.get_modules()[1]
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            enrolment=enrolment,
            module=quiz,
            block_id="quiz",
            answers={},
            score=Decimal("0.8"),
            passed=True,
            token=uuid.uuid4(),
        )
        for enrolment in enrolments
    )
    Certificate.objects.bulk_create(
        Certificate(
            holder=person,
            certification=org.webcare,
            valid_from=today - timedelta(days=300),
            valid_until=today + timedelta(days=i % 60),
        )
        for i, person in enumerate(people)
    )


def url_of(name):
    return reverse(name) + ("?days=45" if name == "hub_reports_expiring" else "")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("kind", ["hr", "manager"])
def test_queries_do_not_grow_with_the_people(
    viewer, org, kind, name, django_assert_num_queries
):
    client = viewer(kind)
    url = url_of(name)
    add_people(org, 10)
    assert client.get(url).status_code == HTTPStatus.OK  # warm caches
    with CaptureQueriesContext(connection) as at_ten:
        assert client.get(url).status_code == HTTPStatus.OK
    count = len(at_ten.captured_queries)
    assert count < 40, [query["sql"] for query in at_ten.captured_queries]

    add_people(org, 990)
    with django_assert_num_queries(count):
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    if name != "wagtailadmin_home":
        # The page holds a page of rows, the totals count them all.
        assert response.context["paginator"].count > 300
        assert len(response.context["object_list"]) == 50
