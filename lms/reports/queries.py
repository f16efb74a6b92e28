"""The rows and figures of the completion and overdue reports.

Everything is scoped to the viewer and costs a fixed number of queries,
whatever the number of rows: statuses come from SQL annotations, the people's
units and roles from one more query per page (or per export chunk).
"""

import math
from dataclasses import dataclass

from django.db.models import CharField, Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from courses.localization import localized_title
from courses.models import CoursePage
from lms import persons
from lms.models import (
    OrgUnit,
    QuizAttempt,
    Role,
    RoleMembership,
    TrainingAssignment,
)
from lms.organisation import scope

ASSIGNMENT_STATUSES = [
    ("overdue", _("Overdue")),
    ("not_started", _("Not started")),
    ("in_progress", _("In progress")),
    ("completed", _("Completed")),
    ("exempt", _("Exempt")),
]


# Scope -------------------------------------------------------------------


def people_in_scope(user):
    """The ids of the people a viewer's reports show; None for everyone.

    HR sees everyone, including people who left or were erased, so that
    totals do not change afterwards. A manager sees the people with a current
    membership in the units they manage or below them.
    """
    if scope.sees_everything(user):
        return None
    return (
        RoleMembership.objects.current()
        .filter(unit__in=OrgUnit.objects.managed_by(user))
        .values("user_id")
    )


def restrict_to_scope(queryset, user, person_field: str):
    """The rows of a queryset about people the viewer may see."""
    people = people_in_scope(user)
    if people is None:
        return queryset
    return queryset.filter(**{f"{person_field}__in": people})


def roles_in_scope(user):
    """Every role for HR; for a manager, the roles held in their units."""
    if scope.sees_everything(user):
        return Role.objects.all()
    held = RoleMembership.objects.current().filter(unit__in=scope.visible_units(user))
    return Role.objects.filter(pk__in=held.values("role_id"))


def members(*, user, unit=None, role=None):
    """Ids of people with a current membership matching a unit (or below it)
    and a role, both within the viewer's units."""
    memberships = RoleMembership.objects.current()
    if not scope.sees_everything(user):
        memberships = memberships.filter(unit__in=scope.visible_units(user))
    if unit is not None:
        memberships = memberships.filter(unit__path__startswith=unit.path)
    if role is not None:
        memberships = memberships.filter(role=role)
    return memberships.values("user_id")


def members_of_unit(*, user, unit_id: int):
    """Ids of the people in a unit (or below it), if the viewer may see the
    unit; none otherwise."""
    unit = scope.visible_units(user).filter(pk=unit_id).first()
    if unit is None:
        return RoleMembership.objects.none().values("user_id")
    return members(user=user, unit=unit)


def person_columns(person_field: str) -> dict:
    """Annotations naming a row's person as lms.persons shows them (the
    name, else the email address), and the email."""
    people = persons.adapter()
    email = F(f"{person_field}__{people.email_field}")
    return {
        "person_name": Coalesce(
            NullIf(people.name_expression(f"{person_field}__"), Value("")),
            email,
            output_field=CharField(),
        ),
        "person_email": email,
    }


@dataclass(frozen=True)
class Memberships:
    """A person's current units and roles (those the viewer may see)."""

    units: list[str]
    roles: list[str]


NO_MEMBERSHIPS = Memberships(units=[], roles=[])


def attach_memberships(rows, *, units, person_field: str):
    """Set ``memberships`` on each row: its person's current units and roles
    among ``units`` (None: all), in one query for all the rows."""
    person_ids = {getattr(row, f"{person_field}_id") for row in rows}
    memberships = RoleMembership.objects.current().filter(user_id__in=person_ids)
    if units is not None:
        memberships = memberships.filter(unit__in=units)
    found = {}
    for person_id, unit, role in memberships.order_by(
        "unit__path", "role__name", "pk"
    ).values_list("user_id", "unit__name", "role__name"):
        units_, roles = found.setdefault(person_id, ({}, set()))
        units_[unit] = None
        if role:
            roles.add(role)
    by_person = {
        person_id: Memberships(units=list(units_), roles=sorted(roles))
        for person_id, (units_, roles) in found.items()
    }
    for row in rows:
        row.memberships = by_person.get(
            getattr(row, f"{person_field}_id"), NO_MEMBERSHIPS
        )
    return rows


def membership_units(user):
    """The units whose memberships a viewer's reports show; None for all."""
    return None if scope.sees_everything(user) else scope.visible_units(user)


# Rows --------------------------------------------------------------------


def completion_rows(*, user, today):
    """One row per person and required or assigned course: the current
    assignments, with their status on a day and the best quiz score."""
    best_score = (
        QuizAttempt.objects.filter(
            enrolment=OuterRef("status_enrolment"),
            cycle=OuterRef("status_enrolment__cycle"),
        )
        .order_by("-score")
        .values("score")[:1]
    )
    rows = (
        TrainingAssignment.objects.current()
        .with_status(today)
        .annotate(
            **person_columns("user"),
            # In the reader's language: the page's and its exports' alike.
            course_title=localized_title("course"),
            best_score=Subquery(best_score),
        )
    )
    return restrict_to_scope(rows, user, "user")


def overdue_rows(*, user, today):
    """The completion rows whose due date has passed unfinished."""
    return completion_rows(user=user, today=today).filter(status="overdue")


def due_between(rows, first, last):
    """Completion rows still open whose due date falls between two days."""
    return rows.filter(
        effective_due__range=(first, last),
        status__in=["not_started", "in_progress"],
    )


def courses_with_assignments():
    """The courses anyone is (or was) assigned, for the course filter, with
    their course_title in the active language."""
    return (
        CoursePage.objects.filter(pk__in=TrainingAssignment.objects.values("course_id"))
        .annotate(course_title=localized_title())
        .order_by("course_title", "pk")
    )


# Figures -----------------------------------------------------------------


@dataclass(frozen=True)
class CompletionFigures:
    rows: int = 0
    completed: int = 0
    exempt: int = 0
    overdue: int = 0

    @property
    def rate(self) -> float | None:
        """Completed share of the rows that must be done: exempt ones need not."""
        required = self.rows - self.exempt
        return self.completed / required if required else None

    @property
    def percent(self) -> int | None:
        """The rate in whole percent, halves rounded up."""
        return None if self.rate is None else math.floor(self.rate * 100 + 0.5)


def _tally(counts) -> CompletionFigures:
    """Figures from (status, number of rows) pairs."""
    by_status = dict.fromkeys(("completed", "exempt", "overdue"), 0)
    rows = 0
    for status, count in counts:
        rows += count
        if status in by_status:
            by_status[status] += count
    return CompletionFigures(rows=rows, **by_status)


def completion_figures(rows) -> CompletionFigures:
    """Totals of completion rows, in one query.

    Rows are counted per status, so that the database computes each row's
    status once (a count filtered by status would compute it once per count).
    """
    counts = rows.order_by().values_list("status").annotate(n=Count("pk"))
    return _tally(counts)


@dataclass(frozen=True)
class UnitFigures:
    unit: OrgUnit
    label: str
    figures: CompletionFigures


def completion_by_unit(rows, units, role=None) -> list[UnitFigures]:
    """Completion per unit: each row counts for every unit (among ``units``)
    its person is a current member of (in the role, if given: the same
    membership must match both). Two queries, units in tree order."""
    membership = {
        "user__memberships__ended_on__isnull": True,
        "user__memberships__unit__in": units,
    }
    if role is not None:
        membership["user__memberships__role"] = role
    by_unit = {}
    for unit_id, status, count in (
        rows.filter(**membership)
        .order_by()
        .values_list(F("user__memberships__unit"), "status")
        # Distinct: a person may hold two roles in one unit.
        .annotate(n=Count("pk", distinct=True))
    ):
        by_unit.setdefault(unit_id, []).append((status, count))
    counts = {unit_id: _tally(entries) for unit_id, entries in by_unit.items()}
    if not counts:
        return []
    everything = {unit.path: unit for unit in OrgUnit.objects.order_by("path")}
    return [
        UnitFigures(
            unit=unit,
            label=unit.path_label(everything),
            figures=counts[unit.pk],
        )
        for unit in everything.values()
        if unit.pk in counts
    ]
