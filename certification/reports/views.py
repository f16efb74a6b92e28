"""The certificate reports: every certificate, and those ending soon."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from certification.models import Certificate
from certification.reports import queries
from certification.reports.filters import CertificateFilterSet, ExpiringFilterSet
from lms.reports.views import (
    HubReportView,
    ReportColumn,
    local_date,
    people_columns,
)

STATUS_LABELS = dict(Certificate.Status.choices)


class CertificateStatusColumn(Column):
    cell_template_name = "certification/reports/_status_cell.html"


CERTIFICATE_COLUMNS = [
    *people_columns(),
    ReportColumn(
        "certification",
        _("Certification"),
        lambda row: row.certification_name,
        sort_key="certification_name",
    ),
    ReportColumn(
        "issued",
        _("Issued on"),
        lambda row: local_date(row.issued_at),
        sort_key="issued_at",
    ),
    ReportColumn(
        "valid_from", _("Valid from"), lambda row: row.valid_from, sort_key="valid_from"
    ),
    ReportColumn(
        "valid_until",
        _("Valid until"),
        lambda row: row.valid_until,
        sort_key="valid_until",
    ),
    ReportColumn(
        "status",
        _("Status"),
        lambda row: str(STATUS_LABELS.get(row.status, row.status)),
        sort_key="status",
        column_class=CertificateStatusColumn,
    ),
]


class CertificateReportView(HubReportView):
    page_title = _("Certifications")
    header_icon = "doc-full"
    permissions = ("certification.view_certificate",)
    person_field = "holder"
    filterset_class = CertificateFilterSet
    report_columns = CERTIFICATE_COLUMNS
    default_ordering = "person_name"
    index_url_name = "hub_reports_certificates"
    index_results_url_name = "hub_reports_certificates_results"
    export_filename = "certificates"
    summary_template_name = "certification/reports/_certificate_summary.html"

    def get_rows(self):
        return queries.certificate_rows(user=self.request.user, today=self.today)

    def get_summary(self):
        return {"figures": queries.certificate_figures(self.object_list)}


class ExpiringReportView(CertificateReportView):
    page_title = _("Expiring certificates")
    header_icon = "time"
    filterset_class = ExpiringFilterSet
    default_ordering = "valid_until"
    index_url_name = "hub_reports_expiring"
    index_results_url_name = "hub_reports_expiring_results"
    export_filename = "expiring-certificates"
    summary_template_name = "certification/reports/_expiring_summary.html"

    def get_rows(self):
        return queries.expiring_rows(user=self.request.user, today=self.today)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if not kwargs["data"].get("days"):
            # Without a number, the default horizon (shown in the filter).
            data = kwargs["data"].copy()
            data["days"] = str(queries.DEFAULT_EXPIRING_DAYS)
            kwargs["data"] = data
        return kwargs

    def get_summary(self):
        return {
            "days": self.filters.form.cleaned_data["days"],
            **self.object_list.order_by().aggregate(
                certificate_count=Count("pk"),
                people_count=Count("holder", distinct=True),
            ),
        }
