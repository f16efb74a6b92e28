"""A 100,000-row CSV export streams in flat memory."""

import tracemalloc
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from lms.models import RoleMembership, TrainingAssignment
from tests.factories import make_course, text_block

pytestmark = pytest.mark.django_db

PEOPLE, COURSES = 10_000, 10

# Generous: the export holds some 10 MB of text, and its rows as model
# instances several times that; streaming keeps one chunk of 2,000 at a time.
PEAK_BYTES = 25 * 1024 * 1024


def copy_assignments(source, courses):
    """Assign each course to whoever has the source course, in SQL."""
    table = connection.ops.quote_name(TrainingAssignment._meta.db_table)
    names = ", ".join(
        connection.ops.quote_name(TrainingAssignment._meta.get_field(name).column)
        for name in ("user", "source", "due_on", "reason", "assigned_at")
    )
    course_id = connection.ops.quote_name("course_id")
    with connection.cursor() as cursor:
        for course in courses:
            cursor.execute(
                f"INSERT INTO {table} ({course_id}, {names}) "
                f"SELECT %s, {names} FROM {table} WHERE {course_id} = %s",
                [course.pk, source.pk],
            )


@pytest.fixture
def hundred_thousand_rows(hub, catalogue):
    today = timezone.localdate()
    courses = [
        make_course(catalogue, bodies=[[text_block()]], title=f"Course {n}")
        for n in range(COURSES)
    ]
    User = get_user_model()
    people = User.objects.bulk_create(
        (User(email=f"p{i}@example.org", name=f"Person {i:05}") for i in range(PEOPLE)),
        batch_size=2000,
    )
    RoleMembership.objects.bulk_create(
        (
            RoleMembership(user=p, unit=hub.team, role=hub.role, started_on=today)
            for p in people
        ),
        batch_size=2000,
    )
    TrainingAssignment.objects.bulk_create(
        (
            TrainingAssignment(
                user=person,
                course=courses[0],
                source="role",
                due_on=today + timedelta(days=i % 30 - 15),
            )
            for i, person in enumerate(people)
        ),
        batch_size=2000,
    )
    # bulk_create would spend some fifteen seconds preparing 90,000 more
    # objects; the database copies the rows in a fraction of that.
    copy_assignments(courses[0], courses[1:])
    assert TrainingAssignment.objects.count() == PEOPLE * COURSES
    return PEOPLE * COURSES


def test_a_100000_row_csv_export_keeps_memory_flat(
    client, hub, hundred_thousand_rows, settings
):
    # Inside the request, as when the inline limit is raised (by default an
    # export this large goes to the background: test_background_exports).
    settings.LMS_EXPORT_INLINE_MAX_ROWS = None
    client.force_login(hub.hr)
    tracemalloc.start()
    try:
        response = client.get(reverse("hub_reports_completion"), {"export": "csv"})
        lines = size = 0
        for chunk in response.streaming_content:
            lines += chunk.count(b"\n")
            size += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == hundred_thousand_rows + 1
    assert peak < PEAK_BYTES, (
        f"{size / 2**20:.1f} MB of CSV, peak {peak / 2**20:.1f} MB"
    )
