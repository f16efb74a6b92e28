"""Admin URLs of the completion and overdue reports and of the exports
prepared in the background for every hub report (register_admin_urls)."""

from django.urls import path

from lms.reports.export_views import (
    ExportDownloadView,
    ExportJobView,
    ExportStartView,
)
from lms.reports.views import CompletionReportView, OverdueReportView

urlpatterns = [
    path(
        "hub/reports/completion/",
        CompletionReportView.as_view(),
        name="hub_reports_completion",
    ),
    path(
        "hub/reports/completion/results/",
        CompletionReportView.as_view(results_only=True),
        name="hub_reports_completion_results",
    ),
    path(
        "hub/reports/overdue/",
        OverdueReportView.as_view(),
        name="hub_reports_overdue",
    ),
    path(
        "hub/reports/overdue/results/",
        OverdueReportView.as_view(results_only=True),
        name="hub_reports_overdue_results",
    ),
    path("hub/exports/new/", ExportStartView.as_view(), name="hub_export_start"),
    path("hub/exports/<lms_id:pk>/", ExportJobView.as_view(), name="hub_export"),
    path(
        "hub/exports/<lms_id:pk>/download/",
        ExportDownloadView.as_view(),
        name="hub_export_download",
    ),
]
