"""The completion and overdue reports, on Wagtail's ReportView.

HubReportView is the base of every hub report (certification's too): one
list of columns gives the table and the spreadsheet alike, so an export holds
what the page shows; permission is checked in dispatch; a filter that does
not validate shows its error (400) instead of silently listing everything.
Course titles, like labels and headings, are in the viewer's language, on
the page and in its exports alike (a background export keeps the language
it was asked in).
"""

import datetime
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from lms import app_settings
from lms.models import ExportJob
from lms.organisation import scope
from lms.reports import charts, export_jobs, queries
from lms.reports.exports import StreamingSpreadsheetExportMixin
from lms.reports.filters import CompletionFilterSet, OverdueFilterSet
from lms.reports.strict_filters import StrictFiltersMixin

STATUS_LABELS = dict(queries.ASSIGNMENT_STATUSES)


def display(value):
    """How the page shows an exported value."""
    if isinstance(value, datetime.date):
        return date_format(value)
    if isinstance(value, list):
        return ", ".join(value)
    return value


# Wagtail's Dutch catalogue (8.0.1) leaves the reports' download buttons in
# English. lms comes before wagtail.admin in INSTALLED_APPS, so its own
# translations of these messages win, on any host site; marked here to stay
# in its catalogue.
WAGTAIL_MESSAGES = (gettext_noop("Download XLSX"), gettext_noop("Download CSV"))


class StatusColumn(Column):
    """An assignment's status with the hub's colour and symbol."""

    cell_template_name = "lms/reports/_status_cell.html"


@dataclass(frozen=True)
class ReportColumn:
    """A column of a report: on the page (unless on_page is off) and exported."""

    name: str
    label: Any
    value: Callable[[Any], Any]
    format: Callable[[Any], Any] = display
    sort_key: str | None = None
    on_page: bool = True
    column_class: type[Column] = Column
    # For exports: makes the value function of one export, with what stays
    # the same from row to row (labels in its language, its time zone) worked
    # out once instead of for every row. None: value.
    export_value: Callable[[], Callable[[Any], Any]] | None = None

    def exporter(self) -> Callable[[Any], Any]:
        return self.value if self.export_value is None else self.export_value()

    def table_column(self) -> Column:
        return self.column_class(
            self.name,
            label=self.label,
            accessor=lambda row: self.format(self.value(row)),
            sort_key=self.sort_key,
        )


def percent(value):
    return None if value is None else f"{value}%"


class HubReportView(StrictFiltersMixin, StreamingSpreadsheetExportMixin, ReportView):
    """A report for HR (everyone) and hub managers (the people of their units)."""

    permissions: tuple[str, ...] = ()
    report_columns: list[ReportColumn] = []
    person_field = "user"
    template_name = "lms/reports/report.html"
    results_template_name = "lms/reports/results.html"
    summary_template_name: str | None = None
    header_icon = "table"
    paginate_by = 50

    @classmethod
    def user_may_view(cls, user) -> bool:
        return user.is_active and any(user.has_perm(p) for p in cls.permissions)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    # Rows

    def get_rows(self):
        """The report's rows in the viewer's scope, before filtering."""
        raise NotImplementedError

    def get_base_queryset(self):
        return self.get_rows()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # A unique last key keeps the pages stable.
        return queryset.order_by(*queryset.query.order_by, "pk")

    def get_filtered_queryset(self):
        # get_queryset() orders and filters already; ReportView's would filter
        # twice.
        return self.get_queryset()

    @cached_property
    def membership_units(self):
        return queries.membership_units(self.request.user)

    def decorate_rows(self, rows):
        # The people's units and roles: one query per page or export chunk.
        return queries.attach_memberships(
            rows, units=self.membership_units, person_field=self.person_field
        )

    def get_table(self, object_list):
        # Decorating the page's queryset fills its cache, which the table and
        # the template then read.
        self.decorate_rows(object_list)
        return super().get_table(object_list)

    # Table and spreadsheet

    @cached_property
    def columns(self):
        return [c.table_column() for c in self.report_columns if c.on_page]

    @property
    def list_export(self):
        return [column.name for column in self.report_columns]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.report_columns}

    def to_row_dict(self, item):
        return OrderedDict((c.name, c.value(item)) for c in self.report_columns)

    def get_export_values(self):
        values = [column.exporter() for column in self.report_columns]
        return lambda item: [value(item) for value in values]

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": self.get_page_title()}

    # Exports too large for the request

    def get_inline_export_limit(self):
        return app_settings.EXPORT_INLINE_MAX_ROWS

    def background_export(self, export_format):
        """Offer to prepare the file in the background, or show the same
        export on its way."""
        return redirect(
            export_jobs.start_url(
                report=self.index_url_name,
                export_format=export_format,
                filters=self.get_export_filters(),
            )
        )

    @cached_property
    def export_jobs(self):
        """The viewer's exports of this report: on their way, failed, or
        ready to download."""
        return list(
            ExportJob.objects.of(self.request.user)
            .filter(report=self.index_url_name)
            .shown()[:5]
        )

    # Page

    def get_summary(self) -> dict:
        """Figures shown above the table, for the filtered rows."""
        return {}

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            summary_template_name=self.summary_template_name,
            **(self.get_summary() if not self.filter_errors else {}),
        )
        return context


def people_columns() -> list[ReportColumn]:
    """Who a row is about: name, email (in the export), units and roles."""
    return [
        ReportColumn(
            "person", _("Person"), lambda row: row.person_name, sort_key="person_name"
        ),
        ReportColumn(
            "email", _("Email address"), lambda row: row.person_email, on_page=False
        ),
        ReportColumn("units", _("Units"), lambda row: row.memberships.units),
        ReportColumn("roles", _("Roles"), lambda row: row.memberships.roles),
    ]


def local_date(moment):
    return None if moment is None else timezone.localdate(moment)


def local_date_column(name, label, attribute: str, **kwargs) -> ReportColumn:
    """A column of the local date of a moment (the row's ``attribute``)."""
    read = attrgetter(attribute)

    def export_value():
        # What timezone.localdate does, with the time zone looked up once.
        zone = timezone.get_current_timezone()
        return lambda row: (
            None if (moment := read(row)) is None else moment.astimezone(zone).date()
        )

    return ReportColumn(
        name,
        label,
        lambda row: local_date(read(row)),
        export_value=export_value,
        **kwargs,
    )


def status_label(row):
    return str(STATUS_LABELS.get(row.status, row.status))


def status_labels():
    # The labels in the active language, translated once per export.
    labels = {status: str(label) for status, label in STATUS_LABELS.items()}
    return lambda row: labels.get(row.status, row.status)


def best_score_percent(row):
    if row.best_score is None:
        return None
    return int((row.best_score * 100).quantize(Decimal(1), ROUND_HALF_UP))


COMPLETION_COLUMNS = [
    *people_columns(),
    ReportColumn(
        "course", _("Course"), lambda row: row.course_title, sort_key="course_title"
    ),
    local_date_column("assigned", _("Assigned"), "assigned_at", sort_key="assigned_at"),
    ReportColumn(
        "due", _("Due"), lambda row: row.effective_due, sort_key="effective_due"
    ),
    ReportColumn(
        "status",
        _("Status"),
        status_label,
        sort_key="status",
        column_class=StatusColumn,
        export_value=status_labels,
    ),
    local_date_column(
        "completed", _("Completed on"), "completed_at", sort_key="completed_at"
    ),
    ReportColumn(
        "best_score",
        _("Best score (%)"),
        best_score_percent,
        format=percent,
        sort_key="best_score",
    ),
]


class CompletionReportView(HubReportView):
    page_title = _("Course completion")
    header_icon = "tasks"
    permissions = ("lms.view_trainingassignment",)
    filterset_class = CompletionFilterSet
    report_columns = COMPLETION_COLUMNS
    export_fields = (
        "user_id",
        "person_name",
        "person_email",
        "course_title",
        "assigned_at",
        "effective_due",
        "status",
        "completed_at",
        "best_score",
    )
    default_ordering = "person_name"
    index_url_name = "hub_reports_completion"
    index_results_url_name = "hub_reports_completion_results"
    export_filename = "completion"
    summary_template_name = "lms/reports/_completion_summary.html"

    def get_rows(self):
        return queries.completion_rows(user=self.request.user, today=self.today)

    @cached_property
    def figures(self):
        return queries.completion_figures(self.object_list)

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        # The summary counts the rows anyway: the paginator need not again.
        paginator.count = self.get_row_count()
        return paginator

    def get_row_count(self) -> int:
        return self.figures.rows

    def get_summary(self):
        figures = self.figures
        units = scope.visible_units(self.request.user)
        chosen = self.filters.form.cleaned_data if self.filters else {}
        unit = chosen.get("unit")
        if unit is not None:
            units = units.filter(path__startswith=unit.path)
        per_unit = queries.completion_by_unit(
            self.object_list, units, role=chosen.get("role")
        )
        return {
            "figures": figures,
            "per_unit": per_unit,
            "chart": charts.rate_chart(
                (entry.label, entry.figures.percent) for entry in per_unit
            ),
        }


class OverdueReportView(CompletionReportView):
    page_title = _("Overdue training")
    header_icon = "warning"
    filterset_class = OverdueFilterSet
    default_ordering = "effective_due"
    index_url_name = "hub_reports_overdue"
    index_results_url_name = "hub_reports_overdue_results"
    export_filename = "overdue"
    summary_template_name = "lms/reports/_overdue_summary.html"

    def get_rows(self):
        return queries.overdue_rows(user=self.request.user, today=self.today)

    @cached_property
    def summary(self):
        return self.object_list.order_by().aggregate(
            overdue_count=Count("pk"), people_count=Count("user", distinct=True)
        )

    def get_row_count(self) -> int:
        return self.summary["overdue_count"]

    def get_summary(self):
        return self.summary


class ReportMenuItem(MenuItem):
    """An entry of Wagtail's Reports menu, shown to whom may open the report."""

    def __init__(self, view_class, *args, **kwargs):
        self.view_class = view_class
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.view_class.user_may_view(request.user)
