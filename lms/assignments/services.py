"""Assigning training: previews, bulk assignment, exemptions, extensions.

An assignment is one current record per person and course. Whoever asks for
it (a role membership, a manager's batch) is recorded as a demand; the
assignment is withdrawn only when no demand remains and the work is not done.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.models import CoursePage
from lms import persons, signals
from lms.models import (
    AssignmentBatch,
    AssignmentDemand,
    DueDateExtension,
    Enrolment,
    Exemption,
    OrgUnit,
    RoleMembership,
    TrainingAssignment,
)
from lms.notifications import services as notifications
from lms.organisation import scope
from lms.support import bulk_sql, dates


@dataclass(frozen=True)
class AssignmentPreview:
    """What saving an assignment would do, counted before it is saved."""

    people: int
    completed: int
    assigned: int

    @property
    def new(self) -> int:
        return self.people - self.assigned


def target_people(
    *, target, person=None, role=None, unit=None, include_subunits=True, within=None
):
    """The people a batch reaches: a person, or a role's or a unit's members.

    within, a queryset of units, limits memberships to those units: a role
    assigned "everywhere" by a manager reaches its holders in their units.
    """
    people = get_user_model().objects.filter(is_active=True)
    if target == AssignmentBatch.Target.PERSON:
        return people.filter(pk=person.pk)
    memberships = RoleMembership.objects.current()
    if within is not None:
        memberships = memberships.filter(unit__in=within)
    if unit is not None:
        units = OrgUnit.objects.filter(pk=unit.pk)
        if include_subunits:
            units = units.with_subtrees()
        memberships = memberships.filter(unit__in=units)
    if target == AssignmentBatch.Target.ROLE:
        memberships = memberships.filter(role=role)
    return people.filter(pk__in=memberships.values("user_id"))


def _scoped_people(by, **target):
    """The people of a batch that the person assigning is responsible for."""
    if by.is_superuser:
        return target_people(**target)
    if not by.has_perm("lms.add_trainingassignment"):
        raise PermissionDenied
    people = target_people(**target, within=scope.visible_units(by))
    return people.filter(pk__in=scope.visible_people(by).values("pk"))


def preview_assignment(*, by, course: CoursePage, **target) -> AssignmentPreview:
    """How many people a batch reaches, how many completed or have it already."""
    course = course.get_canonical()
    people = _scoped_people(by, **target)
    return AssignmentPreview(
        people=people.count(),
        completed=Enrolment.objects.completed()
        .filter(course=course, user_id__in=people)
        .count(),
        assigned=TrainingAssignment.objects.current()
        .filter(course=course, user_id__in=people)
        .count(),
    )


def affected_people(*, by, course: CoursePage, **target):
    """The people a batch would reach, by name, within the assigner's scope.

    Each is annotated with has_completed (the course) and has_assignment (a
    current one, whose due date stays), as preview_assignment counts them.
    """
    course = course.get_canonical()
    return (
        _scoped_people(by, **target)
        .annotate(
            has_completed=Exists(
                Enrolment.objects.completed().filter(
                    course=course, user_id=OuterRef("pk")
                )
            ),
            has_assignment=Exists(
                TrainingAssignment.objects.current().filter(
                    course=course, user_id=OuterRef("pk")
                )
            ),
        )
        .order_by(*persons.adapter().order_by(), "pk")
    )


def ensure_assignments(
    *,
    user_ids: Iterable[int],
    course: CoursePage,
    due_on: date,
    source: str,
    reason: str = "",
    reason_object=None,
    assigned_by=None,
    batch: AssignmentBatch | None = None,
    memberships: dict[int, RoleMembership] | None = None,
) -> list[TrainingAssignment]:
    """Assign a course to many people at once, in a fixed number of queries.

    People who have the course assigned keep their assignment (and due date);
    the new demand is added to it. Everyone is enrolled. Returns the
    assignments this call created. reason_object is what asks for the course
    (a role, a certification), which reason_text puts in words in the
    reader's language; reason is a person's own words.
    """
    return _ensure_assignments(
        user_ids=user_ids,
        course=course.get_canonical(),
        due_on=due_on,
        source=source,
        reason=reason,
        reason_object=reason_object,
        assigned_by=assigned_by,
        batch=batch,
        memberships=memberships,
    )


def _ensure_assignments(
    *,
    user_ids: Iterable[int],
    course: CoursePage,
    due_on: date,
    source: str,
    reason: str,
    assigned_by,
    batch: AssignmentBatch | None,
    memberships: dict[int, RoleMembership] | None,
    reason_object=None,
) -> list[TrainingAssignment]:
    """ensure_assignments for a course known to be canonical.

    Each table gets one INSERT ... SELECT over the people, whatever their
    number: no row is built in Python, and the people are one parameter.
    """
    user_ids = sorted(set(user_ids))
    if not user_ids:
        return []
    now = timezone.now()
    values = {
        "course_id": course.pk,
        "source": source,
        "due_on": due_on,
        "reason": reason,
        "reason_type_id": (
            ContentType.objects.get_for_model(reason_object).pk
            if reason_object is not None
            else None
        ),
        "reason_id": reason_object.pk if reason_object is not None else None,
        "assigned_by_id": assigned_by.pk if assigned_by else None,
        "assigned_at": now,
    }
    # A current assignment of the course (a concurrent one too) is skipped by
    # the database; those it inserts come back.
    people = bulk_sql.id_rows(user_ids)
    created_rows = bulk_sql.insert_select(
        TrainingAssignment,
        columns=["user_id"],
        select=people.sql,
        params=people.params,
        values=values,
        returning=["id", "user_id"],
    )
    if batch or memberships:
        _add_demands(course, user_ids, batch=batch, memberships=memberships, now=now)
    bulk_sql.insert_select(
        Enrolment,
        columns=["user_id"],
        select=people.sql,
        params=people.params,
        values={"course_id": course.pk, "enrolled_at": now},
    )
    created = []
    for pk, user_id in created_rows:
        assignment = TrainingAssignment(pk=pk, user_id=user_id, **values)
        assignment.course = course
        if reason_object is not None:
            assignment.reason_object = reason_object
        assignment._state.adding = False
        assignment._state.db = connection.alias
        created.append(assignment)
    if created:
        ids = [assignment.pk for assignment in created]
        # The announcements commit with the assignments, so none is lost.
        notifications.record_assigned(ids)
        transaction.on_commit(
            lambda: signals.training_assigned.send(
                sender=TrainingAssignment, assignment_ids=ids
            )
        )
    return created


def _add_demands(course, user_ids, *, batch, memberships, now) -> None:
    """The batch's or the memberships' demand on each person's current
    assignment of the course (new or not), once."""
    current = _table(TrainingAssignment)
    if memberships:
        rows = bulk_sql.id_rows(
            [(user_id, memberships[user_id].pk) for user_id in user_ids],
            names=("user_id", "membership_id"),
        )
        select = (
            f"SELECT a.id, people.membership_id FROM {current} a"
            f" JOIN ({rows.sql}) people ON people.user_id = a.user_id"
        )
        columns = ["assignment_id", "membership_id"]
    else:
        rows = bulk_sql.id_rows(user_ids, names=("user_id",))
        select = (
            f"SELECT a.id FROM {current} a"
            f" JOIN ({rows.sql}) people ON people.user_id = a.user_id"
        )
        columns = ["assignment_id"]
    bulk_sql.insert_select(
        AssignmentDemand,
        columns=columns,
        select=select + " WHERE a.course_id = %s"
        " AND a.withdrawn_at IS NULL AND a.fulfilled_at IS NULL",
        params=[*rows.params, course.pk],
        values={"batch_id": batch.pk if batch else None, "created_at": now},
    )


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@transaction.atomic
def assign_course(
    *,
    by,
    course: CoursePage,
    due_on: date,
    reason: str,
    target: str,
    person=None,
    role=None,
    unit=None,
    include_subunits: bool = True,
    token: uuid.UUID | None = None,
) -> AssignmentBatch:
    """A manager assigns a course to a person, a role or a unit, with a due date.

    With a token (the form's), a second call for the same token (a double
    click, a form sent again) returns the first batch and changes nothing.
    """
    if token is not None:
        earlier = AssignmentBatch.objects.filter(token=token, assigned_by=by).first()
        if earlier is not None:
            return earlier
    course = course.get_canonical()
    dates.check_due_date(due_on, field="due_on")
    if unit is not None and not scope.visible_units(by).filter(pk=unit.pk).exists():
        raise PermissionDenied
    batch = AssignmentBatch(
        course=course,
        due_on=due_on,
        reason=reason,
        assigned_by=by,
        target=target,
        person=person,
        role=role,
        unit=unit,
        include_subunits=include_subunits,
        token=token,
    )
    # The related objects are loaded instances, and the target constraint is
    # checked below: validating them through the database costs a query each.
    batch.full_clean(
        exclude=["course", "assigned_by", "person", "role", "unit"],
        validate_unique=False,
        validate_constraints=False,
    )
    if not {"person": person, "role": role, "unit": unit}.get(target):
        raise ValidationError({target: _("Choose who to assign the course to.")})
    people = _scoped_people(
        by,
        target=target,
        person=person,
        role=role,
        unit=unit,
        include_subunits=include_subunits,
    )
    user_ids = list(people.values_list("pk", flat=True))
    if target == AssignmentBatch.Target.PERSON and not user_ids:
        raise PermissionDenied
    batch.people_count = len(user_ids)
    if not _save_batch(batch):
        # The same form, sent at the same moment, was saved first.
        earlier = AssignmentBatch.objects.filter(token=token, assigned_by=by).first()
        if earlier is None:
            raise IntegrityError("This form's token belongs to another batch.")
        return earlier
    _ensure_assignments(
        user_ids=user_ids,
        course=course,
        due_on=due_on,
        source=TrainingAssignment.Source.MANAGER,
        reason=reason,
        assigned_by=by,
        batch=batch,
        memberships=None,
    )
    log(
        batch,
        "lms.assign",
        user=by,
        data={
            "course": course.title,
            "target": batch.target_label,
            "people": len(user_ids),
        },
    )
    return batch


def _save_batch(batch: AssignmentBatch) -> bool:
    """Insert the batch; False if a batch with its token is there already.

    One statement (ON CONFLICT DO NOTHING), not a savepoint around an INSERT
    that may fail: the second of two forms sent at once waits for the first
    to commit, then inserts nothing.
    """
    if batch.token is None:
        batch.save()
        return True
    batch.created_at = timezone.now()
    values = {
        field.attname: getattr(batch, field.attname)
        for field in AssignmentBatch._meta.concrete_fields
        if not field.primary_key
    }
    inserted = bulk_sql.insert_select(AssignmentBatch, values=values, returning=["id"])
    if not inserted:
        return False
    batch.pk = inserted[0][0]
    batch._state.adding = False
    batch._state.db = connection.alias
    return True


def withdraw_orphans(assignment_ids: Iterable[int], today: date | None = None) -> int:
    """Withdraw those of the assignments that no one asks for and are not done.

    A renewal stays: the certificate asks for it, not a role or a manager.
    """
    today = today or timezone.localdate()
    orphans = (
        TrainingAssignment.objects.current()
        .filter(pk__in=list(assignment_ids))
        .exclude(source=TrainingAssignment.Source.RENEWAL)
        .exclude(demands__ended_at__isnull=True)
        .with_status(today)
        .exclude(status="completed")
        .values("pk")
    )
    return TrainingAssignment.objects.filter(pk__in=orphans).update(
        withdrawn_at=timezone.now()
    )


@transaction.atomic
def withdraw(*, assignment: TrainingAssignment, by) -> TrainingAssignment:
    """A manager takes back what managers assigned: the batches' demands end,
    and the assignment goes unless a role (or a renewal) still asks for it."""
    _check_manages(by, assignment)
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.withdrawn_at is not None or assignment.fulfilled_at is not None:
        raise ValidationError(_("This assignment is no longer open."))
    demands = assignment.demands.filter(batch__isnull=False, ended_at__isnull=True)
    if not demands.exists():
        raise ValidationError(
            _(
                "No manager assigned this course: it is required for a role or "
                "a renewal, and ends with them."
            )
        )
    demands.update(ended_at=timezone.now())
    withdraw_orphans([assignment.pk])
    assignment.refresh_from_db()
    log(
        assignment,
        "lms.withdraw",
        user=by,
        data={
            "person": persons.display_name(assignment.user),
            "course": assignment.course.title,
        },
    )
    return assignment


def _check_manages(by, assignment):
    if not scope.manages(by, assignment.user) or not by.has_perm(
        "lms.change_trainingassignment"
    ):
        raise PermissionDenied


@transaction.atomic
def exempt(*, assignment: TrainingAssignment, reason: str, by) -> Exemption:
    """Record that a person need not take an assigned course (prior learning)."""
    _check_manages(by, assignment)
    # Locked, so that a second exemption sent at once waits and finds this one.
    assignment = TrainingAssignment.objects.select_for_update().get(pk=assignment.pk)
    if Exemption.objects.filter(assignment=assignment).exists():
        raise ValidationError(_("This assignment is already exempted."))
    exemption = Exemption(assignment=assignment, reason=reason, approved_by=by)
    exemption.full_clean()
    exemption.save()
    log(assignment, "lms.exempt", user=by, data={"reason": reason})
    return exemption


@transaction.atomic
def extend_due_date(
    *, assignment: TrainingAssignment, due_on: date, reason: str, by
) -> DueDateExtension:
    """Grant a later due date; the original and earlier extensions stay recorded."""
    _check_manages(by, assignment)
    dates.check_due_date(due_on, field="due_on")
    # Locked, so that the same extension sent twice at once is granted once:
    # the second finds the due date already moved.
    list(
        TrainingAssignment.objects.select_for_update()
        .filter(pk=assignment.pk)
        .values_list("pk", flat=True)
    )
    current = (
        TrainingAssignment.objects.with_status(timezone.localdate())
        .values_list("effective_due", flat=True)
        .get(pk=assignment.pk)
    )
    if due_on <= current:
        raise ValidationError(
            {
                "due_on": _("Choose a date after the current due date, %(date)s.")
                % {"date": current}
            }
        )
    extension = DueDateExtension(
        assignment=assignment, due_on=due_on, reason=reason, granted_by=by
    )
    extension.full_clean()
    extension.save()
    log(
        assignment,
        "lms.extend",
        user=by,
        data={"due_on": str(due_on), "reason": reason},
    )
    return extension
