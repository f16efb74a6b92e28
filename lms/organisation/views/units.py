"""Units: the hub, its spokes and teams, as a tree; managers see their subtree."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from lms.hub.base import HubFormMixin, add_service_errors
from lms.models import OrgUnit
from lms.organisation import scope
from lms.organisation import services as organisation
from lms.organisation.forms import UnitForm
from lms.support.deletion import ProtectedDeleteMixin


class ScopedObjectMixin:
    """History and usage of the units the user may see; any other answers 404.

    (Their get_queryset lists log entries and references, not units.)
    """

    def get_base_object_queryset(self):
        return scope.visible_units(self.request.user)


class UnitIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            scope.visible_units(self.request.user)
            .prefetch_related("managers")
            .order_by("path")
        )


class UnitFormMixin(HubFormMixin):
    """A refused form answers 400; so does a service's ValidationError."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            # What Wagtail's is_valid sets when the form itself is refused.
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class UnitCreateView(UnitFormMixin, generic.CreateView):
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


class UnitEditView(UnitFormMixin, generic.EditView):
    def get_queryset(self):
        return scope.visible_units(self.request.user)

    @transaction.atomic
    def save_instance(self):
        unit = organisation.edit_unit(
            unit=self.form.save(commit=False),
            parent=self.form.cleaned_data.get("parent"),
            by=self.request.user,
        )
        self.form.save_m2m()
        return unit


class UnitInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        units = scope.visible_units(self.request.user)
        return get_object_or_404(units, pk=unquote(str(self.pk)))


class UnitHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UnitUsageView(ScopedObjectMixin, usage.UsageView):
    pass


def managers_column(unit):
    return ", ".join(str(manager) for manager in unit.managers.all())


class UnitDeleteView(ProtectedDeleteMixin, generic.DeleteView):
    def get_objects_to_check(self):
        return OrgUnit.objects.filter(path__startswith=self.object.path)


class UnitViewSet(ModelViewSet):
    model = OrgUnit
    delete_view_class = UnitDeleteView
    form_class = UnitForm
    icon = "folder-open-1"
    menu_label = _("Units")
    name = "hub_units"
    url_prefix = "hub/units"
    index_view_class = UnitIndexView
    add_view_class = UnitCreateView
    edit_view_class = UnitEditView
    inspect_view_class = UnitInspectView
    history_view_class = UnitHistoryView
    usage_view_class = UnitUsageView
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
