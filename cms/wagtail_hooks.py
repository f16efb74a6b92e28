from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail import hooks

from cms.views_personal_data import PersonalDataViewSet

# Wagtail's Dutch catalogue (8.0.1) leaves this message of its help menu in
# English. cms comes before wagtail.admin in INSTALLED_APPS, so its own
# translation wins; marked here to stay in its catalogue (lms does the same
# for the reports' downloads).
WAGTAIL_MESSAGES = (gettext_noop("Editor Guide"),)


@hooks.register("register_admin_viewset")
def register_personal_data_viewset():
    return PersonalDataViewSet()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "cms.export_person",
        _("Export a person's data"),
        _("Exported a person's data"),
    )
    actions.register_action(
        "cms.erase_person", _("Erase a person"), _("Erased a person's data")
    )


@hooks.register("register_audit_trail_prefixes")
def register_audit_trail_prefixes():
    # The site's audit trail shows the certificates' actions and its own.
    return ["certification.", "cms."]
