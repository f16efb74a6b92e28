"""The audit trail screen: Wagtail's report view over the hub's log entries."""

from dataclasses import asdict

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from lms.audit import services as audit_trail
from lms.reports.exports import StreamingSpreadsheetExportMixin
from lms.reports.strict_filters import StrictFiltersMixin


class AuditTrailFilterSet(HistoryFilterSet):
    """Wagtail's history filters (action, user, date range), on the trail's
    own choices, plus the object's type and name."""

    object_type = ContentTypeFilter(
        label=_("Object type"),
        field_name="content_type",
        queryset=lambda request: audit_trail.logged_content_types(),
    )
    label = django_filters.CharFilter(label=_("Object"), lookup_expr="icontains")

    class Meta:
        model = ModelLogEntry
        fields = []

    def get_action_choices(self):
        return audit_trail.action_choices()

    def get_users_queryset(self):
        return audit_trail.acting_users()


def _local_naive(value):
    # A spreadsheet cell has no time zone: the local time, as the CSV has it.
    return value.replace(tzinfo=None, microsecond=0)


class AuditTrailView(StrictFiltersMixin, StreamingSpreadsheetExportMixin, ReportView):
    """Who did what, when: filterable, and exported streamed and inert."""

    page_title = _("Audit trail")
    header_icon = "history"
    index_url_name = "hub_audit_trail"
    index_results_url_name = "hub_audit_trail_results"
    results_template_name = "lms/reports/results.html"
    filterset_class = AuditTrailFilterSet
    paginate_by = 50
    export_filename = "audit-trail"
    columns = [
        Column("when", label=_("When")),
        Column("who", label=_("Who")),
        Column("action", label=_("Action")),
        Column("object_type", label=_("Object type")),
        Column("object", label=_("Object")),
        Column("details", label=_("Details")),
    ]
    list_export = ["when", "who", "action", "object_type", "object", "details"]
    export_headings = {
        "when": _("When"),
        "who": _("Who"),
        "action": _("Action"),
        "object_type": _("Object type"),
        "object": _("Object"),
        "details": _("Details"),
    }
    custom_field_preprocess = {
        "when": {
            ReportView.FORMAT_CSV: lambda value: value.isoformat(timespec="seconds"),
            ReportView.FORMAT_XLSX: _local_naive,
        }
    }

    def dispatch(self, request, *args, **kwargs):
        if not audit_trail.may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return audit_trail.audit_entries()

    def get_filtered_queryset(self):
        # get_queryset() has applied the filters already.
        return self.get_queryset()

    def paginate_queryset(self, queryset, page_size):
        # The table is built from the page's rows inside get_context_data,
        # before ReportView calls decorate_paginated_queryset: a row described
        # only there would reach the table as a bare log entry (its action
        # code, and no who or when).
        paginator, page, entries, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        rows = [audit_trail.describe(entry) for entry in entries]
        return paginator, page, rows, is_paginated

    def to_row_dict(self, item):
        # Exports read the entries themselves, a chunk at a time.
        return asdict(audit_trail.describe(item))

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": self.page_title}


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return audit_trail.may_view(request.user)


def menu_item():
    return AuditTrailMenuItem(
        _("Audit trail"),
        reverse("hub_audit_trail"),
        name="hub-audit-trail",
        icon_name="history",
        order=1100,
    )


urlpatterns = [
    path("hub/audit-trail/", AuditTrailView.as_view(), name="hub_audit_trail"),
    path(
        "hub/audit-trail/results/",
        AuditTrailView.as_view(results_only=True),
        name="hub_audit_trail_results",
    ),
]
