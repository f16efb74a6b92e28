"""The completion report's rows, with the admin report's filters and scope
(lms.reports): what HR's dashboards read instead of a spreadsheet."""

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from lms.api.errors import COMMON, FieldError, RequestRefused
from lms.api.fields import Id
from lms.api.pagination import KeysetPagination
from lms.api.security import require
from lms.reports import queries
from lms.reports.filters import CompletionFilterSet
from lms.reports.views import CompletionReportView

router = Router(tags=["reports"])


class CompletionRowOut(Schema):
    id: int = Field(description="The assignment's id.")
    person_id: int
    person_name: str
    person_email: str
    course_id: int
    course_title: str = Field(description="In the language the request asks for.")
    status: Literal["overdue", "not_started", "in_progress", "completed", "exempt"]
    due_on: date = Field(description="The due date, extensions included.")
    assigned_at: datetime
    completed_at: datetime | None
    best_score: float | None = Field(description="The best quiz score, 0 to 1.")

    @staticmethod
    def resolve_person_id(row) -> int:
        return row.user_id

    @staticmethod
    def resolve_due_on(row) -> date:
        return row.effective_due

    @staticmethod
    def resolve_best_score(row) -> float | None:
        return None if row.best_score is None else float(row.best_score)


class CompletionQuery(Schema):
    unit: Id | None = Field(None, description="People in this unit or below it.")
    role: Id | None = Field(None, description="Holders of this role (in the unit).")
    course: Id | None = None
    status: (
        Literal["overdue", "not_started", "in_progress", "completed", "exempt"] | None
    ) = None
    due_from: date | None = None
    due_to: date | None = None
    assigned_from: date | None = None
    assigned_to: date | None = None


@router.get("/reports/completion", response={200: list[CompletionRowOut], **COMMON})
@paginate(KeysetPagination)
def completion_report(request, filters: Query[CompletionQuery]):
    """One row per person and required or assigned course, as the admin's
    completion report shows them to the token's owner."""
    require(request, *CompletionReportView.permissions)
    rows = queries.completion_rows(user=request.user, today=timezone.localdate())
    data = {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in filters.model_dump().items()
        if value is not None
    }
    filterset = CompletionFilterSet(data, queryset=rows, request=request)
    if not filterset.is_valid():
        raise RequestRefused(
            _("The filters below are not valid."),
            [
                FieldError(field=field, message=message)
                for field, messages in filterset.errors.items()
                for message in messages
            ],
        )
    return filterset.qs
