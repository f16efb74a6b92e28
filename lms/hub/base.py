"""What every hub screen shares: a permission checked in dispatch, a menu item
shown only to those who hold it, and a service's errors shown on its form."""

from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def search_text(request, name: str = "q") -> str:
    """What a search box asks for, without the null characters that no text
    column can hold (PostgreSQL refuses a query with one)."""
    return request.GET.get(name, "").replace("\x00", "").strip()


class HubPermissionMixin:
    """Refuse the view unless the user holds one of its permissions."""

    permissions: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not any(
            request.user.has_perm(permission) for permission in self.permissions
        ):
            raise PermissionDenied
        self.prepare(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def prepare(self, request, *args, **kwargs):
        """Load what the view is about, once the permission is checked."""


class HubView(HubPermissionMixin, WagtailAdminTemplateMixin):
    """A hub screen in the admin's look, with its own header."""

    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class HubFormMixin:
    """A form that comes back with its errors answers 400: nothing was changed."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class HubViewSet(ViewSet):
    """A group of hub views whose menu item obeys the views' permission."""

    permissions: tuple[str, ...] = ()

    @property
    def menu_item_class(self):
        permissions = self.permissions

        class PermissionMenuItem(MenuItem):
            def is_shown(self, request):
                return any(
                    request.user.has_perm(permission) for permission in permissions
                )

        return PermissionMenuItem
