"""Admin URLs of the certificate reports (register_admin_urls)."""

from django.urls import path

from certification.reports.views import CertificateReportView, ExpiringReportView

urlpatterns = [
    path(
        "hub/reports/certificates/",
        CertificateReportView.as_view(),
        name="hub_reports_certificates",
    ),
    path(
        "hub/reports/certificates/results/",
        CertificateReportView.as_view(results_only=True),
        name="hub_reports_certificates_results",
    ),
    path(
        "hub/reports/expiring/",
        ExpiringReportView.as_view(),
        name="hub_reports_expiring",
    ),
    path(
        "hub/reports/expiring/results/",
        ExpiringReportView.as_view(results_only=True),
        name="hub_reports_expiring_results",
    ),
]
