from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from wagtail import hooks

# The single sign-on's admin screen and audit actions.
from cms.sso import wagtail_hooks as _sso_hooks  # noqa: F401

# Wagtail's Dutch catalogue (8.0.1) leaves this message of its help menu in
# English. cms comes before wagtail.admin in INSTALLED_APPS, so its own
# translation wins; marked here to stay in its catalogue (lms does the same
# for the reports' downloads).
WAGTAIL_MESSAGES = (gettext_noop("Editor Guide"),)


@hooks.register("register_audit_trail_prefixes")
def register_audit_trail_prefixes():
    # The site's own: Wagtail's changes to its people (the user model is
    # cms's). The personal-data requests, logged as "cms.…" since the site
    # first had them, are certification's now and it adds them itself.
    return ["cms."]


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    """The admin's account page leads to allauth.mfa's, where a person adds
    or removes an authenticator app, security keys and recovery codes."""
    return {
        "url": reverse("mfa_index"),
        "label": gettext("Two-Factor Authentication"),
        "help_text": gettext(
            "A code from an app on your phone, or a security key, each time "
            "you sign in."
        ),
    }
