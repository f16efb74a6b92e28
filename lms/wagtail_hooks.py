from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from lms import log_actions
from lms.views.hub.assignments import AssignmentViewSet
from lms.views.hub.matrix import TeamMatrixViewSet
from lms.views.hub.people import PeopleViewSet
from lms.views.hub.people_import import PeopleImportViewSet
from lms.views.hub.reviews import ReviewViewSet
from lms.views.hub.roles import RoleViewSet
from lms.views.hub.units import UnitViewSet


class HubMenu(ViewSetGroup):
    """The hub managers' and HR's screens, under one "Hub" menu."""

    menu_label = _("Hub")
    menu_icon = "group"
    menu_order = 150
    # Apps above lms (certification) add their screens to this menu.
    submenu_hook = "register_hub_menu_item"
    items = (
        TeamMatrixViewSet,
        AssignmentViewSet,
        ReviewViewSet,
        PeopleViewSet,
        PeopleImportViewSet,
        RoleViewSet,
        UnitViewSet,
    )


@hooks.register("register_admin_viewset")
def register_hub_viewsets():
    return HubMenu()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    log_actions.register(actions)
