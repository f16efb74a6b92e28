from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.models import Page

from lms import log_actions
from lms.api.views import ApiTokenViewSet
from lms.assignments.views import AssignmentViewSet
from lms.audit import views as audit
from lms.hub.overview import HUB_MENU_NAME, HubOverviewViewSet
from lms.organisation.views.matrix import TeamMatrixViewSet
from lms.organisation.views.people import PeopleViewSet
from lms.organisation.views.roles import RoleViewSet
from lms.organisation.views.units import UnitViewSet
from lms.people_import.views import PeopleImportViewSet
from lms.reports import urls as report_urls
from lms.reports.views import (
    CompletionReportView,
    OverdueReportView,
    ReportMenuItem,
)
from lms.reviews.views import ReviewViewSet
from lms.support import deletion
from lms.webhooks.views import WebhookViewSet


class HubMenu(ViewSetGroup):
    """The hub managers' and HR's screens, under one "Hub" menu."""

    menu_label = _("Hub")
    menu_name = HUB_MENU_NAME
    menu_icon = "group"
    menu_order = 150
    # Apps above lms (certification) add their screens to this menu.
    submenu_hook = "register_hub_menu_item"
    items = (
        HubOverviewViewSet,
        TeamMatrixViewSet,
        AssignmentViewSet,
        ReviewViewSet,
        PeopleViewSet,
        PeopleImportViewSet,
        RoleViewSet,
        UnitViewSet,
        WebhookViewSet,
        ApiTokenViewSet,
    )


@hooks.register("insert_global_admin_css")
def global_admin_css():
    # Reflow at 320 px and a two-tone focus ring for every admin page,
    # Wagtail's own listings included: the host site's admin is the Hub's.
    return format_html('<link rel="stylesheet" href="{}">', static("lms/admin.css"))


@hooks.register("insert_global_admin_js")
def global_admin_js():
    # Wide tables scroll in a box of their own, which the keyboard can reach.
    return format_html('<script src="{}" defer></script>', static("lms/admin.js"))


@hooks.register("register_admin_viewset")
def register_hub_viewsets():
    return HubMenu()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    log_actions.register(actions)


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return audit.urlpatterns


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return audit.menu_item()


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_completion_report_menu_item():
    return ReportMenuItem(
        CompletionReportView,
        _("Course completion"),
        reverse("hub_reports_completion"),
        name="hub-completion",
        icon_name="tasks",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item():
    return ReportMenuItem(
        OverdueReportView,
        _("Overdue training"),
        reverse("hub_reports_overdue"),
        name="hub-overdue",
        icon_name="warning",
        order=1310,
    )


# Learner records protect courses and people: a delete screen says so
# instead of failing (lms/support/deletion.py).
@hooks.register("before_delete_page")
def refuse_deleting_learned_pages(request, page):
    if request.method == "POST":
        return deletion.refusal(
            request, deletion.pages_with_descendants([page]), shown=[page]
        )


@hooks.register("before_delete_user")
def refuse_deleting_learners(request, user):
    if request.method == "POST":
        return deletion.refusal(request, [user])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_learner_records(request, action_type, objects, action):
    if action_type != "delete" or not objects:
        return None
    if isinstance(objects[0], Page):
        return deletion.refusal(
            request, deletion.pages_with_descendants(objects), shown=objects
        )
    return deletion.refusal(request, objects)
