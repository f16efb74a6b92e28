"""Admin URLs of the completion and overdue reports (register_admin_urls)."""

from django.urls import path

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
]
