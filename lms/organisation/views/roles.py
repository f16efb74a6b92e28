"""Roles with their tasks and required courses; saving brings members in line."""

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from courses.localization import localized_title
from lms.hub.base import HubFormMixin
from lms.models import Role, RoleRequirement
from lms.organisation.services import sync_role_requirements
from lms.support.deletion import ProtectedDeleteMixin


class SyncRequirementsMixin:
    @transaction.atomic
    def save_instance(self):
        role = super().save_instance()
        sync_role_requirements(role=role, by=self.request.user)
        return role


class RoleCreateView(HubFormMixin, SyncRequirementsMixin, generic.CreateView):
    """A refused form answers 400 (Wagtail's answers 200)."""


class RoleEditView(HubFormMixin, SyncRequirementsMixin, generic.EditView):
    """A refused form answers 400 (Wagtail's answers 200)."""


class RoleIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The courses' titles in the reader's language, with the requirements.
        requirements = RoleRequirement.objects.annotate(
            course_title=localized_title("course")
        )
        return (
            super()
            .get_base_queryset()
            .prefetch_related(Prefetch("requirements", queryset=requirements))
        )


def required_courses(role):
    return ", ".join(
        requirement.course_title for requirement in role.requirements.all()
    )


class RoleDeleteView(ProtectedDeleteMixin, generic.DeleteView):
    pass


class RoleViewSet(ModelViewSet):
    model = Role
    delete_view_class = RoleDeleteView
    icon = "user"
    menu_label = _("Roles")
    name = "hub_roles"
    url_prefix = "hub/roles"
    index_view_class = RoleIndexView
    add_view_class = RoleCreateView
    edit_view_class = RoleEditView
    list_display = [
        "name",
        Column("requirements", label=_("Required courses"), accessor=required_courses),
    ]
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "purpose", "tasks", "responsibilities"]
    copy_view_enabled = False
    add_to_reference_index = False
