"""The hub's figures on the Wagtail dashboard, for HR and hub managers.

It lives in certification because it shows figures of both apps; each
figure is in the viewer's scope and links to its report.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from certification.reports import queries as certificate_queries
from certification.reports.views import ExpiringReportView
from lms.reports import queries as completion_queries
from lms.reports.views import CompletionReportView

EXPIRING_DAYS = 30


class HubFiguresPanel(Component):
    name = "hub_figures"
    template_name = "certification/dashboard/hub_figures.html"
    order = 50

    def __init__(self, user):
        self.user = user

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return CompletionReportView.user_may_view(
            user
        ) or ExpiringReportView.user_may_view(user)

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        context = {"expiring_days": EXPIRING_DAYS}
        if CompletionReportView.user_may_view(self.user):
            context["completion"] = completion_queries.completion_figures(
                completion_queries.completion_rows(user=self.user, today=today)
            )
            context["completion_url"] = reverse("hub_reports_completion")
            context["overdue_url"] = reverse("hub_reports_overdue")
        if ExpiringReportView.user_may_view(self.user):
            rows = certificate_queries.ending_within(
                certificate_queries.expiring_rows(user=self.user, today=today),
                today=today,
                days=EXPIRING_DAYS,
            )
            context["expiring_count"] = rows.count()
            context["expiring_url"] = (
                f"{reverse('hub_reports_expiring')}?days={EXPIRING_DAYS}"
            )
        return context
