"""Team progress: who in a unit has done which of their courses."""

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from lms.hub.base import HubView, HubViewSet
from lms.models import Role
from lms.organisation import scope
from lms.organisation.matrix import team_matrix


class TeamMatrixView(HubView, TemplateView):
    permissions = ("lms.view_trainingassignment",)
    page_title = gettext_lazy("Team progress")
    template_name = "lms/hub/matrix.html"

    def get_context_data(self, **kwargs):
        units = list(scope.visible_units(self.request.user).order_by("path"))
        unit = next(
            (u for u in units if str(u.pk) == self.request.GET.get("unit")), None
        )
        unit = unit or (units[0] if units else None)
        roles = list(Role.objects.order_by("name"))
        role = next(
            (r for r in roles if str(r.pk) == self.request.GET.get("role")), None
        )
        context = super().get_context_data(
            units=units, unit=unit, roles=roles, role=role, **kwargs
        )
        if unit is not None:
            context["matrix"] = team_matrix(
                unit=unit,
                role=role,
                today=timezone.localdate(),
                page_number=self.request.GET.get("p"),
            )
        return context


class TeamMatrixViewSet(HubViewSet):
    name = "hub_matrix"
    url_prefix = "hub/progress"
    icon = "table"
    menu_icon = "table"
    menu_label = gettext_lazy("Team progress")
    permissions = ("lms.view_trainingassignment",)

    def get_urlpatterns(self):
        return [path("", TeamMatrixView.as_view(), name="index")]
