"""The single sign-on's admin screen and audit actions; imported by
cms.wagtail_hooks, which Wagtail loads."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.sso import receivers
from cms.sso.views import ProviderViewSet

LOG_ACTIONS = [
    (
        receivers.SIGN_IN,
        _("Sign in with single sign-on"),
        _("Signed in through the organisation's provider"),
    ),
    (
        receivers.SIGN_UP,
        _("Sign up with single sign-on"),
        _("Got an account at a first sign-in through the organisation's provider"),
    ),
]


@hooks.register("register_admin_viewset")
def register_provider_viewset():
    return ProviderViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
