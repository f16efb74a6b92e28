"""Enrolments, module progress and course completions, for incremental sync:
each list filters by person, unit, course and ``changed_since``."""

from datetime import datetime

from django.db.models import Count, Exists, F, OuterRef, Q
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from lms.api.errors import COMMON
from lms.api.fields import Id
from lms.api.pagination import KeysetPagination
from lms.api.security import require
from lms.models import CourseCompletion, Enrolment, ModuleProgress
from lms.reports import queries

router = Router(tags=["learning"])


class LearningFilter(FilterSchema):
    person: Id | None = None
    unit: Id | None = Field(None, description="People in this unit or below it.")
    course: Id | None = Field(None, description="The course's page id.")
    changed_since: datetime | None = Field(
        None, description="Records that changed since then, for incremental sync."
    )


def _filtered(request, rows, filters: LearningFilter, *, person: str, course: str):
    """Rows about people the token may see, filtered; ``person`` and
    ``course`` reach the user and the course from the row."""
    require(request, "lms.view_enrolment")
    rows = queries.restrict_to_scope(rows, request.user, person)
    if filters.person is not None:
        rows = rows.filter(**{f"{person}_id": filters.person})
    if filters.unit is not None:
        people = queries.members_of_unit(user=request.user, unit_id=filters.unit)
        rows = rows.filter(**{f"{person}_id__in": people})
    if filters.course is not None:
        rows = rows.filter(**{f"{course}_id": filters.course})
    return rows


class EnrolmentOut(Schema):
    id: int
    person_id: int
    course_id: int
    status: str = Field(description="active or completed.")
    cycle: int = Field(description="1, then one more for each new round (renewal).")
    enrolled_at: datetime
    completed_at: datetime | None
    modules_completed: int = Field(description="Modules completed in this cycle.")

    @staticmethod
    def resolve_person_id(enrolment) -> int:
        return enrolment.user_id


@router.get("/enrolments", response={200: list[EnrolmentOut], **COMMON})
@paginate(KeysetPagination)
def list_enrolments(request, filters: Query[LearningFilter]):
    """Who is enrolled in which course, with their progress in its cycle."""
    rows = Enrolment.objects.annotate(
        modules_completed=Count(
            "module_progress",
            filter=Q(module_progress__cycle=F("cycle")),
        )
    )
    rows = _filtered(request, rows, filters, person="user", course="course")
    if filters.changed_since is not None:
        since = filters.changed_since
        progressed = ModuleProgress.objects.filter(
            enrolment=OuterRef("pk"), completed_at__gte=since
        )
        rows = rows.filter(
            Q(enrolled_at__gte=since) | Q(completed_at__gte=since) | Exists(progressed)
        )
    return rows


class ProgressOut(Schema):
    id: int
    enrolment_id: int
    person_id: int
    course_id: int
    module_id: int
    cycle: int
    completed_at: datetime

    @staticmethod
    def resolve_person_id(progress) -> int:
        return progress.enrolment.user_id

    @staticmethod
    def resolve_course_id(progress) -> int:
        return progress.enrolment.course_id


@router.get("/progress", response={200: list[ProgressOut], **COMMON})
@paginate(KeysetPagination)
def list_progress(request, filters: Query[LearningFilter]):
    """Each module a person completed, in each cycle of the course."""
    rows = ModuleProgress.objects.select_related("enrolment")
    rows = _filtered(
        request, rows, filters, person="enrolment__user", course="enrolment__course"
    )
    if filters.changed_since is not None:
        rows = rows.filter(completed_at__gte=filters.changed_since)
    return rows


class CompletionOut(Schema):
    id: int
    enrolment_id: int
    person_id: int
    course_id: int
    cycle: int
    completed_at: datetime

    @staticmethod
    def resolve_person_id(completion) -> int:
        return completion.enrolment.user_id

    @staticmethod
    def resolve_course_id(completion) -> int:
        return completion.enrolment.course_id


@router.get("/completions", response={200: list[CompletionOut], **COMMON})
@paginate(KeysetPagination)
def list_completions(request, filters: Query[LearningFilter]):
    """Every completed round of a course: one per person, course and cycle."""
    rows = CourseCompletion.objects.select_related("enrolment")
    rows = _filtered(
        request, rows, filters, person="enrolment__user", course="enrolment__course"
    )
    if filters.changed_since is not None:
        rows = rows.filter(completed_at__gte=filters.changed_since)
    return rows
