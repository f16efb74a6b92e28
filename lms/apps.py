from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = _("Learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # ids registers the <lms_id:…> path converter before any URL is built.
        from lms import checks, receivers  # noqa: F401
        from lms.reports.exports import make_spreadsheet_exports_inert
        from lms.support import ids  # noqa: F401

        # Wagtail's exports (Site history, snippets, form data) have no hook
        # for their cells: see make_spreadsheet_exports_inert.
        make_spreadsheet_exports_inert()
