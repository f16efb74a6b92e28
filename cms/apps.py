from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Hub Academy site")
    default_auto_field = "django.db.models.BigAutoField"


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for the email-and-name user model."""

    user_viewset = "cms.users.UserViewSet"
