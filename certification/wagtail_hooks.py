from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from certification.admin_views import (
    CertificateViewSet,
    CertificationViewSet,
    ReadinessViewSet,
)


@hooks.register("register_admin_viewset")
def register_certification_viewsets():
    return [ReadinessViewSet(), CertificateViewSet(), CertificationViewSet()]


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
