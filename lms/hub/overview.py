"""The Hub's start page (/admin/hub/): what needs attention today, and the
hub screens this user may open.

Apps add their own figures through the ``construct_hub_overview_panels``
hook (certification adds certificates that are ending).
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem, admin_menu
from wagtail.admin.ui.components import Component

from lms.hub.base import HubView, HubViewSet
from lms.reports import queries
from lms.reports.views import CompletionReportView
from lms.reviews import services as reviews
from lms.reviews.views import PERMISSIONS as REVIEW_PERMISSIONS

HUB_MENU_NAME = "hub"
OVERVIEW_MENU_NAME = "hub-overview"
DUE_SOON_DAYS = 14


def hub_screens(request) -> list[MenuItem]:
    """The items of the Hub menu shown to this user, the overview left out."""
    hub = next(
        (i for i in admin_menu.registered_menu_items if i.name == HUB_MENU_NAME),
        None,
    )
    if hub is None:
        return []
    items = [
        item
        for item in hub.menu.registered_menu_items
        if item.name != OVERVIEW_MENU_NAME and item.is_shown(request)
    ]
    return sorted(items, key=lambda item: item.order)


class AttentionPanel(Component):
    """Answers waiting for review and assignments falling due, in scope."""

    name = "hub_attention"
    template_name = "lms/hub/_attention.html"
    order = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        context = {"due_days": DUE_SOON_DAYS}
        if any(self.user.has_perm(p) for p in REVIEW_PERMISSIONS):
            context["reviews_waiting"] = reviews.review_queue(self.user).count()
            context["reviews_url"] = reverse("hub_reviews:index")
        if CompletionReportView.user_may_view(self.user):
            until = today + timedelta(days=DUE_SOON_DAYS)
            context["due_soon"] = queries.due_between(
                queries.completion_rows(user=self.user, today=today),
                today,
                until,
            ).count()
            # The report's date range (Wagtail's DateRangePickerWidget).
            due = {"due_from": today.isoformat(), "due_to": until.isoformat()}
            context["due_soon_url"] = (
                f"{reverse('hub_reports_completion')}?{urlencode(due)}"
            )
        return context


class HubOverviewView(HubView, TemplateView):
    page_title = gettext_lazy("Hub")
    header_icon = "group"
    template_name = "lms/hub/overview.html"

    def dispatch(self, request, *args, **kwargs):
        self.screens = hub_screens(request)
        if not self.screens:
            raise PermissionDenied
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        panels = [AttentionPanel(self.request.user)]
        for hook in hooks.get_hooks("construct_hub_overview_panels"):
            hook(self.request, panels)
        return super().get_context_data(
            panels=sorted(panels, key=lambda panel: panel.order),
            screens=self.screens,
            **kwargs,
        )


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(hub_screens(request))


class HubOverviewViewSet(HubViewSet):
    name = "hub"
    url_prefix = "hub"
    icon = "home"
    menu_icon = "home"
    menu_name = OVERVIEW_MENU_NAME
    menu_label = gettext_lazy("Overview")
    menu_item_class = OverviewMenuItem

    def get_urlpatterns(self):
        return [path("", HubOverviewView.as_view(), name="index")]
