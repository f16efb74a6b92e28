"""The team progress matrix: people of a unit × their courses, in a fixed
number of queries whatever the number of people."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    StringAgg,
    Subquery,
    Value,
    Window,
)

from courses.localization import localized_pages
from courses.models import CoursePage
from lms import persons
from lms.models import OrgUnit, Role, RoleMembership, TrainingAssignment

# Joins a person's role names in one column; no role name holds it.
ROLE_SEPARATOR = "\x1f"


@dataclass
class MatrixCell:
    """One person's assignment of one course, with its status on the day."""

    pk: int
    status: str
    effective_due: date


@dataclass
class MatrixRow:
    person: object
    roles: list[str] = field(default_factory=list)
    by_course: dict[int, MatrixCell] = field(default_factory=dict)
    cells: list[MatrixCell | None] = field(default_factory=list)


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
        # The unit is loaded: its subtree is a condition on its path.
        unit__in=OrgUnit.objects.filter(path__startswith=unit.path),
        user__is_active=True,
    )
    if role is not None:
        memberships = memberships.filter(role=role)
    people = (
        get_user_model()
        .objects.filter(pk__in=memberships.values("user_id"))
        .order_by(*persons.adapter().order_by())
    )
    # Each person's roles (in these units) come with the person, in one column.
    roles = (
        Role.objects.filter(
            Exists(
                memberships.filter(user=OuterRef(OuterRef("pk")), role=OuterRef("pk"))
            )
        )
        .order_by()
        .annotate(everyone=Value(1))
        .values("everyone")
        .annotate(names=StringAgg("name", Value(ROLE_SEPARATOR)))
        .values("names")
    )
    page = _page(
        people.annotate(role_names=Subquery(roles)), page_number, per_page=per_page
    )
    rows = {}
    for person in page.object_list:
        names = person.role_names.split(ROLE_SEPARATOR) if person.role_names else []
        rows[person.pk] = MatrixRow(person=person, roles=sorted(names))

    assignments = TrainingAssignment.objects.current().with_status(today)
    for pk, user_id, course_id, status, effective_due in assignments.filter(
        user_id__in=rows
    ).values_list("pk", "user_id", "course_id", "status", "effective_due"):
        rows[user_id].by_course[course_id] = MatrixCell(pk, status, effective_due)

    # Over the memberships, not the people: joined to every user, the
    # planner's estimate grows with the organisation and sets off JIT
    # compilation, which costs more than the query at 100,000 people.
    totals = (
        assignments.filter(user_id__in=memberships.values("user_id"))
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
    for course_id, course in localized_pages(CoursePage, columns).items():
        columns[course_id].course = course
    ordered = sorted(columns.values(), key=lambda column: column.course.title)
    for row in rows.values():
        row.cells = [row.by_course.get(column.course_id) for column in ordered]
    return Matrix(rows=list(rows.values()), columns=ordered, page=page)


def _page(people, page_number, *, per_page: int) -> Page:
    """Paginator.get_page's page, with the count taken by the query of the rows
    (a window over all of them) instead of a query of its own."""
    paginator = Paginator(people, per_page)
    try:
        number = int(page_number or 1)
    except (TypeError, ValueError):
        number = 1
    if number >= 1:
        bottom = (number - 1) * per_page
        object_list = list(
            people.annotate(matrix_count=Window(Count("pk")))[
                bottom : bottom + per_page
            ]
        )
        if object_list or number == 1:
            paginator.count = object_list[0].matrix_count if object_list else 0
            return Page(object_list, number, paginator)
    # Past the last page (or before the first): get_page's own answer.
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    return page
