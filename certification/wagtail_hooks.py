from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from certification import calendar, data_requests, held, webhooks
from certification.admin_views import (
    CertificateViewSet,
    CertificationViewSet,
    ReadinessViewSet,
)
from certification.dashboard import HubFiguresPanel
from certification.person_panel import PersonCertificatesPanel
from certification.reports import urls as report_urls
from certification.reports.views import CertificateReportView, ExpiringReportView
from certification.views_data_requests import PersonalDataViewSet
from lms.calendar.events import CALENDAR_EVENTS_HOOK
from lms.learning.progress import COURSES_HELD_HOOK
from lms.reports.views import ReportMenuItem
from lms.webhooks.events import HOOK as WEBHOOK_EVENTS_HOOK

hooks.register(COURSES_HELD_HOOK, held.courses_held)
hooks.register(CALENDAR_EVENTS_HOOK, calendar.certificate_events)
hooks.register(WEBHOOK_EVENTS_HOOK, webhooks.event_types)


@hooks.register("register_admin_viewset")
def register_certification_viewsets():
    return [
        ReadinessViewSet(),
        CertificateViewSet(),
        CertificationViewSet(),
        PersonalDataViewSet(),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "certification.issue", _("Issue a certificate"), _("Issued a certificate")
    )
    actions.register_action(
        "certification.revoke", _("Revoke a certificate"), _("Revoked a certificate")
    )
    actions.register_action(
        "certification.renewal",
        _("Start a renewal"),
        _("Assigned the renewal courses of a certificate"),
    )
    actions.register_action(
        "certification.reinstate",
        _("Reinstate a certificate"),
        _("Reinstated a certificate"),
    )
    # Named "cms." because the demo site wrote them before they moved here:
    # existing log entries carry these names, and old and new must read alike.
    actions.register_action(
        data_requests.EXPORT_ACTION,
        _("Export a person's data"),
        _("Exported a person's data"),
    )
    actions.register_action(
        data_requests.ERASE_ACTION, _("Erase a person"), _("Erased a person's data")
    )


@hooks.register("register_audit_trail_prefixes")
def register_audit_trail_prefixes():
    # The certificates' actions, and the personal-data requests, whose names
    # keep the "cms." of the demo site that first logged them; a host without
    # cms still shows them. Only these two: "cms." as a whole is not ours.
    return ["certification.", data_requests.EXPORT_ACTION, data_requests.ERASE_ACTION]


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls.urlpatterns


@hooks.register("register_reports_menu_item")
def register_certificates_report_menu_item():
    return ReportMenuItem(
        CertificateReportView,
        _("Certifications"),
        reverse("hub_reports_certificates"),
        name="hub-certificates",
        icon_name="doc-full",
        order=1320,
    )


@hooks.register("register_reports_menu_item")
def register_expiring_report_menu_item():
    return ReportMenuItem(
        ExpiringReportView,
        _("Expiring certificates"),
        reverse("hub_reports_expiring"),
        name="hub-expiring",
        icon_name="time",
        order=1330,
    )


@hooks.register("construct_homepage_panels")
@hooks.register("construct_hub_overview_panels")
def add_hub_figures_panel(request, panels):
    if HubFiguresPanel.is_shown_to(request.user):
        panels.append(HubFiguresPanel(request.user))


@hooks.register("construct_hub_person_panels")
def add_person_certificates(request, person, panels):
    if request.user.has_perm("certification.view_certificate"):
        panels.append(PersonCertificatesPanel(person))
