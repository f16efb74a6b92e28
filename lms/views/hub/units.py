"""Units: the hub, its spokes and teams, as a tree; managers see their subtree."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from lms import organisation, scope
from lms.forms import UnitForm
from lms.models import OrgUnit


class ScopedQuerysetMixin:
    def get_queryset(self):
        return scope.visible_units(self.request.user)


class UnitIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            scope.visible_units(self.request.user)
            .prefetch_related("managers")
            .order_by("path")
        )


class UnitCreateView(generic.CreateView):
    @transaction.atomic
    def save_instance(self):
        data = self.form.cleaned_data
        unit = organisation.create_unit(
            name=data["name"],
            description=data["description"],
            parent=data.get("parent"),
            by=self.request.user,
        )
        unit.managers.set(data["managers"])
        return unit


class UnitEditView(ScopedQuerysetMixin, generic.EditView):
    @transaction.atomic
    def save_instance(self):
        unit = self.form.save(commit=False)
        unit.save()
        self.form.save_m2m()
        parent = self.form.cleaned_data.get("parent")
        current = unit.get_parent()
        if parent and (current is None or current.pk != parent.pk):
            unit.move(parent, pos="sorted-child")
            unit.refresh_from_db()
        log(unit, "wagtail.edit", user=self.request.user)
        return unit


class UnitInspectView(ScopedQuerysetMixin, generic.InspectView):
    pass


def managers_column(unit):
    return ", ".join(str(manager) for manager in unit.managers.all())


class UnitViewSet(ModelViewSet):
    model = OrgUnit
    form_class = UnitForm
    icon = "folder-open-1"
    menu_label = _("Units")
    name = "hub_units"
    url_prefix = "hub/units"
    index_view_class = UnitIndexView
    add_view_class = UnitCreateView
    edit_view_class = UnitEditView
    inspect_view_class = UnitInspectView
    inspect_view_enabled = True
    list_display = [
        Column("indented_name", label=_("Unit")),
        Column("managers", label=_("Managers"), accessor=managers_column),
    ]
    inspect_view_fields = ["name", "description"]
    copy_view_enabled = False
    add_to_reference_index = False

    def get_form_class(self, for_update=False):
        return UnitForm
