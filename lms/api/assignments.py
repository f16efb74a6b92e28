"""Training assignments: list, assign (with the screen's preview as a dry
run) and withdraw.

Assigning goes through the screen's form (lms.assignments.forms), so the
API accepts the courses, people, roles and units the screen offers its user,
and the service (lms.assignments.services) that the screen calls.
"""

import uuid
from datetime import date, datetime
from typing import Literal

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from lms.api.errors import COMMON, WITH_NOT_FOUND
from lms.api.fields import Id
from lms.api.forms import check
from lms.api.pagination import KeysetPagination
from lms.api.security import require, writes
from lms.assignments import services as assignments
from lms.assignments.forms import AssignmentForm
from lms.models import AssignmentBatch, TrainingAssignment
from lms.reports import queries

router = Router(tags=["assignments"])

Status = Literal["overdue", "not_started", "in_progress", "completed", "exempt"]


class AssignmentOut(Schema):
    id: int
    person_id: int
    course_id: int
    source: str = Field(description="role, manager or renewal: what asks for it.")
    due_on: date = Field(description="The due date, extensions included.")
    status: Status
    assigned_at: datetime
    completed_at: datetime | None
    withdrawn_at: datetime | None

    @staticmethod
    def resolve_person_id(assignment) -> int:
        return assignment.user_id

    @staticmethod
    def resolve_due_on(assignment) -> date:
        return assignment.effective_due


class AssignmentFilter(FilterSchema):
    person: Id | None = None
    unit: Id | None = Field(None, description="People in this unit or below it.")
    course: Id | None = None
    status: Status | None = None
    withdrawn: bool = Field(False, description="Withdrawn assignments instead.")
    changed_since: datetime | None = Field(
        None, description="Assigned, completed or withdrawn since then."
    )


def _assignments(request):
    require(request, "lms.view_trainingassignment")
    rows = TrainingAssignment.objects.with_status(timezone.localdate())
    return queries.restrict_to_scope(rows, request.user, "user")


@router.get("/assignments", response={200: list[AssignmentOut], **COMMON})
@paginate(KeysetPagination)
def list_assignments(request, filters: Query[AssignmentFilter]):
    """Assignments of the people the token may see; open ones unless asked."""
    rows = _assignments(request)
    rows = (
        rows.filter(withdrawn_at__isnull=False)
        if filters.withdrawn
        else rows.filter(withdrawn_at__isnull=True, fulfilled_at__isnull=True)
    )
    if filters.person is not None:
        rows = rows.filter(user_id=filters.person)
    if filters.unit is not None:
        rows = rows.filter(
            user_id__in=queries.members_of_unit(user=request.user, unit_id=filters.unit)
        )
    if filters.course is not None:
        rows = rows.filter(course_id=filters.course)
    if filters.status is not None:
        rows = rows.filter(status=filters.status)
    if filters.changed_since is not None:
        since = filters.changed_since
        rows = rows.filter(
            Q(assigned_at__gte=since)
            | Q(completed_at__gte=since)
            | Q(withdrawn_at__gte=since)
        )
    return rows


@router.get(
    "/assignments/{lms_id:assignment_id}",
    response={200: AssignmentOut, **WITH_NOT_FOUND},
)
def get_assignment(request, assignment_id: int):
    return get_object_or_404(_assignments(request), pk=assignment_id)


class AssignIn(Schema):
    course: Id = Field(description="The course's page id.")
    target: AssignmentBatch.Target = Field(description="person, role or unit.")
    person: Id | None = None
    role: Id | None = None
    unit: Id | None = Field(
        None, description="For a role: empty reaches its members in all your units."
    )
    include_subunits: bool = True
    due_on: date
    reason: str = Field(max_length=300)
    idempotency_key: uuid.UUID | None = Field(
        None,
        description="The same key sent again returns the first batch and "
        "assigns nothing more.",
    )


class AssignOut(Schema):
    dry_run: bool
    batch_id: int | None
    people: int = Field(description="The people the assignment reaches.")
    completed: int = Field(description="Of them, those who completed the course.")
    assigned: int = Field(
        description="Of them, those who have it assigned already (their due "
        "date stays)."
    )


@router.post("/assignments", response={200: AssignOut, **COMMON})
@writes
def assign(request, payload: AssignIn, dry_run: bool = False):
    """Assign a course to a person, a role or a unit, with a due date; with
    ``dry_run=1``, count whom it would reach, as the screen's preview does."""
    require(request, "lms.add_trainingassignment")
    data = payload.model_dump(exclude={"idempotency_key"})
    data = {key: value for key, value in data.items() if value is not None}
    if not data.get("include_subunits"):
        data.pop("include_subunits", None)  # an unchecked box is absent
    form = AssignmentForm(data=data, user=request.user)
    cleaned = check(form)
    target = form.target_kwargs()
    preview = assignments.preview_assignment(
        by=request.user, course=cleaned["course"], **target
    )
    if dry_run:
        request.api_dry_run = True
        return {
            "dry_run": True,
            "batch_id": None,
            "people": preview.people,
            "completed": preview.completed,
            "assigned": preview.assigned,
        }
    batch = assignments.assign_course(
        by=request.user,
        course=cleaned["course"],
        due_on=cleaned["due_on"],
        reason=cleaned["reason"],
        token=payload.idempotency_key,
        **target,
    )
    return {
        "dry_run": False,
        "batch_id": batch.pk,
        "people": batch.people_count,
        "completed": preview.completed,
        "assigned": preview.assigned,
    }


@router.post(
    "/assignments/{lms_id:assignment_id}/withdraw",
    response={200: AssignmentOut, **WITH_NOT_FOUND},
)
@writes
def withdraw(request, assignment_id: int):
    """Take back what managers assigned; an assignment a role still asks for
    stays."""
    require(request, "lms.change_trainingassignment")
    assignment = get_object_or_404(_assignments(request), pk=assignment_id)
    assignments.withdraw(assignment=assignment, by=request.user)
    return get_object_or_404(_assignments(request), pk=assignment_id)
