"""The team progress matrix: people of a unit × their courses, in a fixed
number of queries whatever the number of people."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count

from courses.models import CoursePage
from lms.models import OrgUnit, RoleMembership, TrainingAssignment
from lms.progress import localized_pages


@dataclass
class MatrixRow:
    person: object
    roles: list[str] = field(default_factory=list)
    by_course: dict[int, TrainingAssignment] = field(default_factory=dict)
    cells: list[TrainingAssignment | None] = field(default_factory=list)


@dataclass
class MatrixColumn:
    course_id: int
    course: CoursePage | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts.get("completed", 0) + self.counts.get("exempt", 0)

    @property
    def overdue(self) -> int:
        return self.counts.get("overdue", 0)


@dataclass
class Matrix:
    rows: list[MatrixRow]
    columns: list[MatrixColumn]
    page: object


def team_matrix(
    *, unit: OrgUnit, today: date, role=None, page_number=1, per_page=100
) -> Matrix:
    """A page of people of a unit (and below) with their courses; column totals
    count the whole unit."""
    memberships = RoleMembership.objects.current().filter(
        unit__in=OrgUnit.objects.filter(pk=unit.pk).with_subtrees(),
        user__is_active=True,
    )
    if role is not None:
        memberships = memberships.filter(role=role)
    people = (
        get_user_model()
        .objects.filter(pk__in=memberships.values("user_id"))
        .order_by("name", "email")
    )
    page = Paginator(people, per_page).get_page(page_number)
    rows = {person.pk: MatrixRow(person=person) for person in page.object_list}
    for user_id, role_name in (
        memberships.filter(user_id__in=rows, role__isnull=False)
        .order_by("role__name")
        .values_list("user_id", "role__name")
        .distinct()
    ):
        rows[user_id].roles.append(role_name)

    assignments = TrainingAssignment.objects.current().with_status(today)
    for assignment in assignments.filter(user_id__in=rows):
        rows[assignment.user_id].by_course[assignment.course_id] = assignment

    totals = (
        assignments.filter(user_id__in=people.values("pk"))
        .order_by()
        .values("course_id", "status")
        .annotate(n=Count("pk"))
    )
    columns: dict[int, MatrixColumn] = {}
    for total in totals:
        column = columns.setdefault(
            total["course_id"], MatrixColumn(total["course_id"])
        )
        column.counts[total["status"]] = total["n"]
    courses = CoursePage.objects.filter(pk__in=columns)
    titles = localized_pages(CoursePage, list(courses))
    for course in courses:
        columns[course.pk].course = titles[course.pk]
    ordered = sorted(columns.values(), key=lambda column: column.course.title)
    for row in rows.values():
        row.cells = [row.by_course.get(column.course_id) for column in ordered]
    return Matrix(rows=list(rows.values()), columns=ordered, page=page)
