"""Wagtail's "Site history" report, kept to what its reader may see.

Wagtail shows a log entry to anyone with any permission on the logged model;
hub managers hold permissions on memberships and assignments, so they would
read the entries of every unit there. The hub's records are listed in the
audit trail (HR only); here they are left to those who see everyone.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from lms.organisation import scope

HUB_APPS = ("lms", "certification", "cms")


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if scope.sees_everything(self.request.user):
            return queryset
        return queryset.exclude(content_type__app_label__in=HUB_APPS)


# Listed before Wagtail's admin URLs, so these paths are served here.
urlpatterns = [
    path(
        "admin/reports/site-history/",
        require_admin_access(SiteHistoryView.as_view()),
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
    ),
]
