"""People, units, roles and memberships: read, and the HR sync's upsert.

Everything is read through lms.organisation.scope, as the screens read it:
HR sees the whole organisation, a manager the units they manage.
"""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from lms import persons
from lms.api.errors import COMMON, WITH_NOT_FOUND, FieldError, RequestRefused
from lms.api.fields import Id
from lms.api.pagination import KeysetPagination
from lms.api.security import require, writes
from lms.app_settings import app_settings
from lms.models import OrgUnit, Role, RoleMembership
from lms.organisation import scope
from lms.people_import import ImportRejected, apply_import, plan_people_records
from lms.reports import queries

router = Router(tags=["organisation"])

SYNC_PERMISSIONS = ("lms.sync_people", "lms.add_rolemembership")


class MembershipOut(Schema):
    id: int
    person_id: int
    unit_id: int
    role_id: int | None
    started_on: date
    ended_on: date | None
    created_at: datetime

    @staticmethod
    def resolve_person_id(membership) -> int:
        return membership.user_id


class PersonOut(Schema):
    id: int
    email: str
    name: str
    employee_number: str
    language: str
    is_active: bool
    memberships: list[MembershipOut] = Field(
        description="Current memberships in units the token may see."
    )

    @staticmethod
    def resolve_email(user) -> str:
        return getattr(user, persons.adapter().email_field, "") or ""

    @staticmethod
    def resolve_name(user) -> str:
        return persons.adapter().stored_name(user)

    @staticmethod
    def resolve_employee_number(user) -> str:
        return persons.adapter().employee_number(user)

    @staticmethod
    def resolve_language(user) -> str:
        return persons.adapter().language(user)

    @staticmethod
    def resolve_memberships(user) -> list:
        return user.api_memberships


class UnitOut(Schema):
    id: int
    name: str
    path: str = Field(description="The names from the top down, as 'Hub/Webcare'.")
    parent_id: int | None
    manager_ids: list[int]

    @staticmethod
    def resolve_path(unit, context) -> str:
        return unit.path_label(_units_by_path(context["request"]))

    @staticmethod
    def resolve_parent_id(unit, context) -> int | None:
        parent = _units_by_path(context["request"]).get(unit.path[: -OrgUnit.steplen])
        return parent.pk if parent else None

    @staticmethod
    def resolve_manager_ids(unit) -> list[int]:
        return [manager.pk for manager in unit.managers.all()]


def _units_by_path(request) -> dict:
    """Every unit by path, read once per request: a unit's path label needs
    its ancestors' names."""
    if not hasattr(request, "api_units_by_path"):
        request.api_units_by_path = {
            unit.path: unit for unit in OrgUnit.objects.only("pk", "path", "name")
        }
    return request.api_units_by_path


class RequiredCourseOut(Schema):
    course_id: int
    due_within_days: int


class RoleOut(Schema):
    id: int
    name: str
    purpose: str
    required_courses: list[RequiredCourseOut]

    @staticmethod
    def resolve_required_courses(role) -> list:
        return list(role.requirements.all())


def _people(request):
    current = RoleMembership.objects.current().filter(
        unit__in=scope.visible_units(request.user)
    )
    return scope.visible_people(request.user).prefetch_related(
        Prefetch(
            "memberships", queryset=current.order_by("pk"), to_attr="api_memberships"
        )
    )


class PeopleFilter(FilterSchema):
    email: str | None = Field(None, description="The person with this address.")
    unit: Id | None = Field(None, description="Members of this unit or below it.")
    role: Id | None = Field(None, description="Current holders of this role.")


def _filter_people(request, queryset, filters: PeopleFilter):
    people = persons.adapter()
    if filters.email:
        queryset = queryset.filter(**{f"{people.email_field}__iexact": filters.email})
    if filters.unit is not None or filters.role is not None:
        # Unit and role of one and the same membership, as the reports filter.
        unit = None
        if filters.unit is not None:
            unit = scope.visible_units(request.user).filter(pk=filters.unit).first()
            if unit is None:
                return queryset.none()
        members = queries.members(user=request.user, unit=unit, role=filters.role)
        queryset = queryset.filter(pk__in=members)
    return queryset


@router.get("/people", response={200: list[PersonOut], **COMMON})
@paginate(KeysetPagination)
def list_people(request, filters: Query[PeopleFilter]):
    """The people the token may see, with their current memberships."""
    return _filter_people(request, _people(request), filters)


@router.get("/people/{lms_id:person_id}", response={200: PersonOut, **WITH_NOT_FOUND})
def get_person(request, person_id: int):
    return get_object_or_404(_people(request), pk=person_id)


class PersonIn(Schema):
    email: str = Field(max_length=254)
    name: str = Field("", max_length=150, description="Needed for a new person.")
    employee_number: str = Field("", max_length=50)
    unit: str = Field(max_length=1000, description="The unit's path, as 'Hub/Webcare'.")
    roles: list[str] = Field(
        [], max_length=50, description="Role names; none: a plain member of the unit."
    )
    manager_email: str = Field(
        "", max_length=254, description="Someone who manages the unit from now on."
    )


class SyncIn(Schema):
    people: list[PersonIn] = Field(min_length=1)
    create_units: bool = Field(
        False, description="Create units that do not exist (else each is an error)."
    )
    dry_run: bool = Field(False, description="Check and count, change nothing.")


class SyncOut(Schema):
    dry_run: bool
    people_created: int
    names_updated: int
    employee_numbers_updated: int
    units_created: int
    memberships_created: int
    managers_added: int
    people: list[int] = Field(description="The ids of the people of the request.")


def _refused(errors) -> RequestRefused:
    return RequestRefused(
        _("Nothing was changed: the records below are not valid."),
        [
            FieldError(record=error.line, field=error.field, message=error.message)
            for error in errors
        ],
    )


def _sync(request, records: list[dict], *, create_units: bool, dry_run: bool):
    require(request, *SYNC_PERMISSIONS)
    if len(records) > app_settings.API_MAX_BATCH:
        raise RequestRefused(
            _("A request may hold at most %(count)s people.")
            % {"count": app_settings.API_MAX_BATCH}
        )
    plan = plan_people_records(
        records, for_user=request.user, create_units=create_units
    )
    if not plan.is_valid:
        raise _refused(plan.errors)
    changes = plan.changes
    if not dry_run:
        try:
            changes = apply_import(plan, by=request.user).changes
        except ImportRejected as rejected:
            raise _refused(rejected.errors) from None
    else:
        request.api_dry_run = True
    User = get_user_model()
    email_field = persons.adapter().email_field
    emails = [record["email"] for record in records]
    ids = dict(
        User.objects.filter(**{f"{email_field}__in": emails}).values_list(
            email_field, "pk"
        )
    )
    return {
        "dry_run": dry_run,
        **changes.counts(),
        "people": [ids[email] for email in emails if email in ids],
    }


@router.post("/people/sync", response={200: SyncOut, **COMMON})
@writes
def sync_people(request, payload: SyncIn):
    """Create or update people, their units, roles and managers, as the
    people import does: all records or none. Memberships the request does
    not mention are left as they are."""
    return _sync(
        request,
        [person.model_dump() for person in payload.people],
        create_units=payload.create_units,
        dry_run=payload.dry_run,
    )


@router.get("/units", response={200: list[UnitOut], **COMMON})
@paginate(KeysetPagination)
def list_units(request):
    """The units the token may see: every unit for HR, a manager's own and
    those below them."""
    return scope.visible_units(request.user).prefetch_related("managers")


@router.get("/units/{lms_id:unit_id}", response={200: UnitOut, **WITH_NOT_FOUND})
def get_unit(request, unit_id: int):
    return get_object_or_404(scope.visible_units(request.user), pk=unit_id)


@router.get("/roles", response={200: list[RoleOut], **COMMON})
@paginate(KeysetPagination)
def list_roles(request):
    """The organisation's roles and the courses each requires."""
    return Role.objects.prefetch_related("requirements")


class MembershipFilter(FilterSchema):
    person: Id | None = Field(None, description="One person's memberships.")
    unit: Id | None = Field(None, description="Memberships in this unit only.")
    role: Id | None = None
    current: bool | None = Field(None, description="Only current (or only ended) ones.")
    changed_since: datetime | None = Field(
        None, description="Made or ended since then, for incremental sync."
    )


@router.get("/memberships", response={200: list[MembershipOut], **COMMON})
@paginate(KeysetPagination)
def list_memberships(request, filters: Query[MembershipFilter]):
    """Who is in which unit and role, now and before, in the units the token
    may see."""
    queryset = RoleMembership.objects.filter(unit__in=scope.visible_units(request.user))
    if filters.person is not None:
        queryset = queryset.filter(user_id=filters.person)
    if filters.unit is not None:
        queryset = queryset.filter(unit_id=filters.unit)
    if filters.role is not None:
        queryset = queryset.filter(role_id=filters.role)
    if filters.current is not None:
        queryset = queryset.filter(ended_on__isnull=filters.current)
    if filters.changed_since is not None:
        queryset = queryset.filter(
            Q(created_at__gte=filters.changed_since)
            | Q(ended_on__gte=filters.changed_since.date())
        )
    return queryset
