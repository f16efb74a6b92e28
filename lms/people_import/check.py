"""Checking rows against the directory, and planning what they change.

Units are created only when asked for (create_units): otherwise a unit that
does not exist is an error. Either way, a new unit whose path is one edit
away from an existing one (Hub/Webcaer beside Hub/Webcare) is pointed out.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from lms import persons
from lms.models import OrgUnit, Role, RoleMembership
from lms.organisation import scope
from lms.people_import.parse import _decode, _email_problem, _read_rows
from lms.people_import.rows import (
    UNIT_SEPARATOR,
    Changes,
    ImportPlan,
    ImportRow,
    NewManager,
    NewMembership,
    NewPerson,
    NumberChange,
    Rename,
    RowError,
)

# What the database holds


def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.casefold() for name in names)


def one_edit_apart(first: str, second: str) -> bool:
    """Whether two different texts differ by one letter added, removed or
    changed, or by two neighbouring letters swapped."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    first, second = first[start:], second[start:]
    return (
        first[1:] == second[1:]  # changed
        or first[1:] == second  # removed
        or first == second[1:]  # added
        or (first[:2] == second[1::-1] and first[2:] == second[2:])  # swapped
    )


@dataclass
class _Directory:
    """The people, units, roles, memberships and managers an import touches."""

    users: dict[str, list]
    units: dict[tuple[str, ...], list[OrgUnit]]
    unit_names: dict[tuple[str, ...], tuple[str, ...]]  # as spelled in the tree
    roles_exact: dict[str, Role]
    roles_folded: dict[str, list[Role]]
    memberships: set[tuple[int, int, int | None]]
    members: set[tuple[int, int]]
    managers: set[tuple[int, int]]
    managed_paths: list[str] | None  # None: no limit
    visible_people: set[int] | None  # None: no limit
    importer_id: int | None = None

    def user(self, email: str):
        found = self.users.get(email.lower(), [])
        return found[0] if len(found) == 1 else None

    def units_called(self, names: tuple[str, ...]) -> list[OrgUnit]:
        """The units at a path; names compare without case, as unit names
        are unique below one parent without case."""
        return self.units.get(_folded(names), [])

    def unit(self, names: tuple[str, ...]) -> OrgUnit | None:
        found = self.units_called(names)
        return found[0] if len(found) == 1 else None

    def look_alike(self, names: tuple[str, ...]) -> str | None:
        """The path of an existing unit one edit away from a path that is not
        one, compared without case; None if there is none. Only units the
        importer manages are named: the others' names are not theirs to see."""
        wanted = UNIT_SEPARATOR.join(_folded(names))
        for folded, spelled in self.unit_names.items():
            if (
                len(folded) == len(names)
                and one_edit_apart(wanted, UNIT_SEPARATOR.join(folded))
                and any(self.may_manage(unit) for unit in self.units[folded])
            ):
                return UNIT_SEPARATOR.join(spelled)
        return None

    def role(self, name: str) -> Role | None:
        if name in self.roles_exact:
            return self.roles_exact[name]
        found = self.roles_folded.get(name.casefold(), [])
        return found[0] if len(found) == 1 else None

    def may_see(self, found: list) -> bool:
        """Whether the importer may see the people with one email address."""
        if self.visible_people is None:
            return True
        return bool(found) and all(
            user.pk in self.visible_people or user.pk == self.importer_id
            for user in found
        )

    def may_manage(self, unit: OrgUnit) -> bool:
        if self.managed_paths is None:
            return True
        return any(unit.path.startswith(path) for path in self.managed_paths)


def _load_directory(rows: list[ImportRow], for_user=None) -> _Directory:
    User = get_user_model()
    emails = {row.email.lower() for row in rows} | {
        row.manager_email.lower() for row in rows if row.manager_email
    }
    users = defaultdict(list)
    for user in User.objects.annotate(email_folded=Lower("email")).filter(
        email_folded__in=emails
    ):
        users[user.email_folded].append(user)

    units = defaultdict(list)
    unit_names = {}
    names_by_path = {}
    for unit in OrgUnit.objects.only(
        "pk", "path", "depth", "numchild", "name"
    ).order_by("path"):
        parent_names = names_by_path.get(unit.path[: -OrgUnit.steplen], ())
        names = (*parent_names, unit.name)
        names_by_path[unit.path] = names
        units[_folded(names)].append(unit)
        unit_names.setdefault(_folded(names), names)

    roles_exact, roles_folded = {}, defaultdict(list)
    for role in Role.objects.all():
        roles_exact[role.name] = role
        roles_folded[role.name.casefold()].append(role)

    user_ids = [user.pk for found in users.values() for user in found]
    memberships = set(
        RoleMembership.objects.current()
        .filter(user_id__in=user_ids)
        .values_list("user_id", "unit_id", "role_id")
    )
    Managers = OrgUnit.managers.through
    managers = set(
        Managers.objects.filter(user_id__in=user_ids).values_list(
            "orgunit_id", "user_id"
        )
    )

    managed_paths = visible_people = None
    if for_user is not None and not scope.sees_everything(for_user):
        managed_paths = list(
            OrgUnit.objects.filter(managers=for_user).values_list("path", flat=True)
        )
        # The people of the managed units, as in scope.visible_people, found
        # from the paths already at hand.
        in_managed_units = Q(pk__in=[])
        for managed_path in managed_paths:
            in_managed_units |= Q(unit__path__startswith=managed_path)
        visible_people = set(
            RoleMembership.objects.current()
            .filter(in_managed_units, user_id__in=user_ids)
            .values_list("user_id", flat=True)
        )
    return _Directory(
        users=users,
        units=units,
        unit_names=unit_names,
        roles_exact=roles_exact,
        roles_folded=roles_folded,
        memberships=memberships,
        members={(user_id, unit_id) for user_id, unit_id, _role in memberships},
        managers=managers,
        managed_paths=managed_paths,
        visible_people=visible_people,
        importer_id=getattr(for_user, "pk", None),
    )


def _check_rows(
    rows: list[ImportRow], directory: _Directory, *, create_units: bool = False
) -> list[RowError]:
    """The checks that need the database."""
    errors = []
    in_file = {row.email.lower() for row in rows}
    for row in rows:

        def error(message, field, row=row):
            errors.append(RowError(row.line, message, field))

        if row.email and not _email_problem(row.email):
            found = directory.users.get(row.email.lower(), [])
            if found and not directory.may_see(found):
                # One message whatever the reason (another unit's person, an
                # unplaced one, a shared address), and never their name.
                error(
                    _(
                        "%(email)s cannot be imported into your units; ask an "
                        "administrator to place this person"
                    )
                    % {"email": row.email},
                    "email",
                )
            elif len(found) > 1:
                error(
                    _("more than one person has the email address %(email)s")
                    % {"email": row.email},
                    "email",
                )
            elif not found and not row.name:
                error(
                    _("the name is missing, and %(email)s is a new person")
                    % {"email": row.email},
                    "name",
                )
        if row.unit:
            _check_unit(
                row,
                directory,
                functools.partial(error, field="unit"),
                create_units=create_units,
            )
        for name in row.roles:
            if directory.role(name) is None:
                error(_("unknown role '%(role)s'") % {"role": name}, "roles")
        if row.manager_email and not _email_problem(row.manager_email):
            found = directory.users.get(row.manager_email.lower(), [])
            in_this_file = row.manager_email.lower() in in_file
            if directory.visible_people is not None:
                # A manager names only people they may see, themselves, or
                # people of this file (whose own rows are checked likewise).
                if not in_this_file and not directory.may_see(found):
                    error(
                        _(
                            "the manager %(email)s is neither one of the people "
                            "in your units nor in this file"
                        )
                        % {"email": row.manager_email},
                        "manager_email",
                    )
            elif len(found) > 1:
                error(
                    _("more than one person has the email address %(email)s")
                    % {"email": row.manager_email},
                    "manager_email",
                )
            elif not found and not in_this_file:
                error(
                    _(
                        "the manager %(email)s is neither a known person nor in this file"
                    )
                    % {"email": row.manager_email},
                    "manager_email",
                )
    return errors


def _check_unit(
    row: ImportRow, directory: _Directory, error, *, create_units: bool
) -> None:
    deepest = None
    for depth in range(1, len(row.unit) + 1):
        names = row.unit[:depth]
        found = directory.units_called(names)
        if len(found) > 1:
            error(
                _("more than one unit is called '%(unit)s'")
                % {"unit": UNIT_SEPARATOR.join(names)}
            )
            return
        if not found:
            if not create_units:
                _missing_unit(names, directory, error)
            break
        deepest = found[0]
    if directory.managed_paths is not None and (
        deepest is None or not directory.may_manage(deepest)
    ):
        error(_("you do not manage the unit '%(unit)s'") % {"unit": row.unit_label})


def _missing_unit(names: tuple[str, ...], directory: _Directory, error) -> None:
    unit = UNIT_SEPARATOR.join(names)
    look_alike = directory.look_alike(names)
    if look_alike:
        error(
            _(
                "there is no unit '%(unit)s': did you mean '%(existing)s'? To "
                "create it, choose to create units that do not exist"
            )
            % {"unit": unit, "existing": look_alike}
        )
    else:
        error(
            _(
                "there is no unit '%(unit)s'; to create it, choose to create "
                "units that do not exist"
            )
            % {"unit": unit}
        )


def _plan_changes(rows: list[ImportRow], directory: _Directory) -> Changes:
    people = persons.adapter()
    changes = Changes()
    new_units: dict[tuple[str, ...], tuple[str, ...]] = {}
    managers_seen = set()
    for row in rows:
        user = directory.user(row.email)
        if user is None:
            changes.new_people.append(
                NewPerson(row.line, row.email, row.name, row.employee_number)
            )
        elif row.name and row.name != people.stored_name(user):
            changes.renamed.append(
                Rename(row.line, user.email, people.stored_name(user), row.name)
            )
        if (
            user is not None
            and row.employee_number
            and people.keeps_employee_number
            and people.employee_number(user) != row.employee_number
        ):
            changes.new_numbers.append(
                NumberChange(row.line, user.email, row.employee_number)
            )
        if row.employee_number and not people.keeps_employee_number:
            changes.numbers_not_kept.append(row.line)
        for depth in range(1, len(row.unit) + 1):
            names = row.unit[:depth]
            if directory.unit(names) is None:
                new_units.setdefault(_folded(names), names)
        unit = directory.unit(row.unit)
        email = user.email if user else row.email
        for name in row.roles:
            role = directory.role(name)
            if user and unit and (user.pk, unit.pk, role.pk) in directory.memberships:
                continue
            changes.new_memberships.append(
                NewMembership(row.line, email, row.unit_label, role.name)
            )
        if not row.roles and not (
            user and unit and (user.pk, unit.pk) in directory.members
        ):
            changes.new_memberships.append(
                NewMembership(row.line, email, row.unit_label, "")
            )
        if row.manager_email:
            manager = directory.user(row.manager_email)
            key = (row.manager_email.lower(), row.unit)
            already = manager and unit and (unit.pk, manager.pk) in directory.managers
            if not already and key not in managers_seen:
                managers_seen.add(key)
                changes.new_managers.append(
                    NewManager(
                        row.line,
                        manager.email if manager else row.manager_email,
                        row.unit_label,
                    )
                )
    changes.new_units = [UNIT_SEPARATOR.join(names) for names in new_units.values()]
    for names in new_units.values():
        # Only the first new level of a path: below it, every unit is new.
        if len(names) == 1 or directory.unit(names[:-1]) is not None:
            look_alike = directory.look_alike(names)
            if look_alike:
                changes.look_alike_units[UNIT_SEPARATOR.join(names)] = look_alike
    return changes


def complete_plan(plan: ImportPlan) -> ImportPlan:
    """Check a plan's rows against the directory, add what is wrong to its
    errors and, if nothing is, what applying it would change."""
    if not plan.rows:
        return plan
    directory = _load_directory(plan.rows, plan.for_user)
    plan.errors = sorted(
        [
            *plan.errors,
            *_check_rows(plan.rows, directory, create_units=plan.create_units),
        ],
        key=lambda error: error.line,
    )
    if plan.is_valid:
        plan.changes = _plan_changes(plan.rows, directory)
    return plan


# The public interface


def parse_people_csv(
    source, *, for_user=None, create_units: bool = False
) -> ImportPlan:
    """Check a people file (text, bytes or a file) and plan the import; no writes.

    With for_user, the file may only touch the units that person manages
    (HR and administrators may touch every unit). Units that do not exist
    are errors, unless create_units asks for them to be created.
    """
    text, error = _decode(source)
    if error:
        return ImportPlan(errors=[error], for_user=for_user)
    rows, errors = _read_rows(text)
    plan = ImportPlan(
        rows=rows,
        errors=errors,
        for_user=for_user,
        text=text,
        create_units=create_units,
    )
    return complete_plan(plan)
