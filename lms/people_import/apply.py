"""Writing a checked plan: units, people, memberships, managers, employee
numbers and the audit log entry."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from lms import persons
from lms.invitations import services as invitations
from lms.models import OrgUnit
from lms.organisation import services as organisation
from lms.people_import.check import (
    _check_rows,
    _Directory,
    _folded,
    _load_directory,
    _plan_changes,
)
from lms.people_import.rows import (
    UNIT_SEPARATOR,
    Changes,
    ImportPlan,
    ImportRejected,
    ImportResult,
    RowError,
)
from lms.support import locks


def apply_import(plan: ImportPlan, by=None, *, invite: bool = False) -> ImportResult:
    """Write a checked plan in one transaction, checking it again first; with
    invite, send an invitation to everyone in the file who has never signed
    in and holds no invitation that still works.

    Raises ImportRejected (and writes nothing) if the file has errors, or
    has come to have them since it was checked.
    """
    if not plan.is_valid:
        raise ImportRejected(plan.errors)
    with transaction.atomic():
        # One import at a time: the second checks again once the first is in,
        # so the same file sent twice at once changes things once.
        locks.hold_until_commit("lms.import_people")
        directory = _load_directory(plan.rows, plan.for_user)
        errors = _check_rows(plan.rows, directory, create_units=plan.create_units)
        if errors:
            raise ImportRejected(errors)
        changes = _plan_changes(plan.rows, directory)
        try:
            _apply_changes(plan.rows, changes, directory, by)
        except ValidationError as error:
            # The organisation changed under the file (another screen placed
            # someone meanwhile): nothing is written, and the file is checked
            # again when sent again.
            raise ImportRejected(
                [RowError(1, message) for message in error.messages]
            ) from error
        invited = []
        if invite:
            people = {row.email.lower(): directory.user(row.email) for row in plan.rows}
            invited = invitations.invite_new_people(people.values(), by=by)
        if plan.rows:
            root = directory.unit(plan.rows[0].unit[:1])
            log(
                instance=root,
                action="lms.import_people",
                user=by,
                data={
                    **changes.counts(),
                    "rows": len(plan.rows),
                    **({"invitations_sent": len(invited)} if invite else {}),
                },
            )
    return ImportResult(rows=plan.rows, changes=changes, invited=len(invited))


def _store_employee_numbers(rows, directory: _Directory) -> None:
    """Keep each row's employee number, where the site keeps them (lms.persons)."""
    people = persons.adapter()
    for row in rows:
        user = directory.user(row.email)
        number = row.employee_number
        if number and people.employee_number(user) != number:
            if not people.set_employee_number(user, number):
                return


def _apply_changes(rows, changes: Changes, directory: _Directory, by) -> None:
    people = persons.adapter()
    # New units are listed parents first.
    for label in changes.new_units:
        names = tuple(label.split(UNIT_SEPARATOR))
        parent = directory.unit(names[:-1]) if len(names) > 1 else None
        if parent is not None:
            # Adding a unit may move its sorted siblings, so the parent is
            # read afresh rather than trusted from memory.
            parent = OrgUnit.objects.get(pk=parent.pk)
        directory.units[_folded(names)] = [
            organisation.create_unit(name=names[-1], parent=parent, by=by)
        ]

    for person in changes.new_people:
        # No password: new people choose one through their invitation, or a
        # password reset.
        user = people.create_person(person.email, person.name)
        directory.users[person.email.lower()] = [user]
    for rename in changes.renamed:
        people.rename(directory.user(rename.email), rename.new_name)
    _store_employee_numbers(rows, directory)

    by_line = {row.line: row for row in rows}
    for item in changes.new_memberships:
        row = by_line[item.line]
        organisation.join_role(
            user=directory.user(row.email),
            unit=directory.unit(row.unit),
            role=directory.role(item.role) if item.role else None,
            by=by,
        )

    managers_by_unit = defaultdict(list)
    for item in changes.new_managers:
        row = by_line[item.line]
        managers_by_unit[row.unit].append(directory.user(row.manager_email))
    for names, managers in managers_by_unit.items():
        directory.unit(names).managers.add(*managers)
