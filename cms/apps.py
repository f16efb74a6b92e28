from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    # This module holds two configurations: Django takes this one for "cms"
    # only when told.
    default = True
    name = "cms"
    label = "cms"
    verbose_name = _("Hub Academy site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Sign-ins through the organisation's provider go in the audit trail;
        # an invitation's link proves the address allauth would confirm.
        from cms import invitations  # noqa: F401
        from cms.sso import receivers  # noqa: F401


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for the email-and-name user model."""

    user_viewset = "cms.users.UserViewSet"
