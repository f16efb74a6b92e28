"""The hub's organisation: units, role memberships and what roles require."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lms import persons
from lms.assignments.services import ensure_assignments, withdraw_orphans
from lms.models import (
    AssignmentDemand,
    OrgUnit,
    Role,
    RoleMembership,
    TrainingAssignment,
)
from lms.support import dates, locks

# Deep enough for any organisation; treebeard's paths (4 characters a level
# in 255) would overflow past 63 levels.
MAX_UNIT_DEPTH = 10


def check_room_below(parent: OrgUnit | None, unit: OrgUnit | None = None) -> None:
    """Refuse a parent below which the unit (with its own units) would sink
    deeper than MAX_UNIT_DEPTH."""
    if parent is None:
        return
    levels = 1
    if unit is not None and unit.pk:
        deepest = OrgUnit.objects.filter(path__startswith=unit.path).aggregate(
            deepest=Max("depth")
        )["deepest"]
        levels = deepest - unit.depth + 1
    if parent.depth + levels > MAX_UNIT_DEPTH:
        raise ValidationError(
            {
                "parent": _(
                    "Units can be at most %(max)s levels deep: choose a unit "
                    "higher up than %(unit)s."
                )
                % {"max": MAX_UNIT_DEPTH, "unit": parent}
            }
        )


def check_unique_name(
    name: str, parent: OrgUnit | None, unit: OrgUnit | None = None
) -> None:
    """Refuse a name that another unit of the same parent has (in any case):
    a path such as 'Hub/PR' must name one unit, for imports and reports."""
    siblings = parent.get_children() if parent else OrgUnit.get_root_nodes()
    if unit is not None and unit.pk:
        siblings = siblings.exclude(pk=unit.pk)
    if siblings.filter(name__iexact=name.strip()).exists():
        raise ValidationError(
            {
                "name": _("%(parent)s already has a unit called %(name)s.")
                % {"parent": parent or _("The organisation"), "name": name}
            }
        )


@transaction.atomic
def create_unit(
    *, name: str, parent: OrgUnit | None = None, by=None, **fields
) -> OrgUnit:
    """Add a unit at the top of the tree or below a parent."""
    # One change to the tree at a time: two units of one name could otherwise
    # both pass the check.
    locks.hold_until_commit("lms.units")
    check_room_below(parent)
    check_unique_name(name, parent)
    unit = OrgUnit(name=name, **fields)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    unit = (
        parent.add_child(instance=unit) if parent else OrgUnit.add_root(instance=unit)
    )
    log(unit, "wagtail.create", user=by)
    return unit


@transaction.atomic
def edit_unit(*, unit: OrgUnit, parent: OrgUnit | None, by=None) -> OrgUnit:
    """Save a unit's name and description, and move it below a new parent."""
    locks.hold_until_commit("lms.units")
    current = unit.get_parent()
    moving = parent is not None and (current is None or current.pk != parent.pk)
    check_unique_name(unit.name, parent if moving else current, unit)
    if moving:
        check_room_below(parent, unit)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    unit.save()
    if moving:
        unit.move(parent, pos="sorted-child")
        unit.refresh_from_db()
    log(unit, "wagtail.edit", user=by)
    return unit


@transaction.atomic
def join_role(
    *,
    user,
    unit: OrgUnit,
    role: Role | None = None,
    started_on: date | None = None,
    by=None,
) -> RoleMembership:
    """Place a person in a unit (and a role); the role's courses are assigned."""
    started_on = started_on or timezone.localdate()
    dates.check_membership_start(started_on, field="started_on")
    membership = RoleMembership(user=user, unit=unit, role=role, started_on=started_on)
    membership.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ValidationError(
            _("%(person)s already has this role in %(unit)s.")
            % {"person": persons.display_name(user), "unit": unit}
        ) from None
    if role is not None:
        for requirement in role.requirements.select_related("course"):
            ensure_assignments(
                user_ids=[user.pk],
                course=requirement.course,
                due_on=started_on + timedelta(days=requirement.due_within_days),
                source=TrainingAssignment.Source.ROLE,
                reason_object=role,
                assigned_by=by,
                memberships={user.pk: membership},
            )
    log(
        membership,
        "lms.join_role",
        user=by,
        data={
            "person": persons.display_name(user),
            "role": str(role),
            "unit": str(unit),
        },
    )
    return membership


@transaction.atomic
def leave_role(
    *, membership: RoleMembership, ended_on: date | None = None, by=None
) -> RoleMembership:
    """End a membership (it stays as history) and withdraw what only it asked for."""
    # Locked and read afresh: the same ending sent twice at once ends it once.
    membership = RoleMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_on is not None:
        raise ValidationError(_("This membership has already ended."))
    ended_on = ended_on or dates.latest_membership_end(membership.started_on)
    dates.check_membership_end(
        ended_on, started_on=membership.started_on, field="ended_on"
    )
    membership.ended_on = ended_on
    membership.full_clean(validate_constraints=False)
    membership.save(update_fields=["ended_on"])
    demands = AssignmentDemand.objects.filter(
        membership=membership, ended_at__isnull=True
    )
    assignments = list(
        TrainingAssignment.objects.filter(pk__in=demands.values("assignment_id"))
    )
    demands.update(ended_at=timezone.now())
    _hand_over_to_other_roles(membership, assignments)
    withdraw_orphans([assignment.pk for assignment in assignments])
    log(
        membership,
        "lms.leave_role",
        user=by,
        data={"person": str(membership.user), "ended_on": str(membership.ended_on)},
    )
    return membership


def _hand_over_to_other_roles(ended: RoleMembership, assignments) -> None:
    """Let another current role of the person that requires a course keep it."""
    by_course = {assignment.course_id: assignment for assignment in assignments}
    others = (
        RoleMembership.objects.current()
        .filter(user_id=ended.user_id, role__requirements__course_id__in=by_course)
        .exclude(pk=ended.pk)
        .values_list("pk", "role__requirements__course_id")
    )
    AssignmentDemand.objects.bulk_create(
        [
            AssignmentDemand(
                assignment=by_course[course_id], membership_id=membership_id
            )
            for membership_id, course_id in others
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def sync_role_requirements(*, role: Role, by=None) -> None:
    """After a role's requirements change, bring its current members in line.

    A newly required course is assigned to every current member (due the
    requirement's number of days from today); a course no longer required
    loses the role's demand and is withdrawn where nothing else asks for it.
    """
    today = timezone.localdate()
    members = {m.user_id: m for m in RoleMembership.objects.current().filter(role=role)}
    required = {}
    for requirement in role.requirements.select_related("course"):
        required[requirement.course_id] = requirement
        ensure_assignments(
            user_ids=members.keys(),
            course=requirement.course,
            due_on=today + timedelta(days=requirement.due_within_days),
            source=TrainingAssignment.Source.ROLE,
            reason_object=role,
            assigned_by=by,
            memberships=members,
        )
    stale = AssignmentDemand.objects.filter(
        membership__role=role, ended_at__isnull=True
    ).exclude(assignment__course_id__in=required)
    assignment_ids = list(stale.values_list("assignment_id", flat=True))
    stale.update(ended_at=timezone.now())
    withdraw_orphans(assignment_ids, today)
    log(
        role,
        "lms.sync_role",
        user=by,
        data={"members": len(members), "courses": len(required)},
    )
