from django.utils.translation import gettext_noop
from wagtail import hooks

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
