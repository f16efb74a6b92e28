"""The screens of exports prepared in the background (lms.reports.export_jobs).

- start: what a report's download link leads to when the export is too
  large for the request; it offers to prepare the file (POST), or shows the
  same export already on its way;
- job: the export's progress and, once it is ready, its download; also the
  page the mail links to;
- download: the file, by POST (it is audited, so a link or an image on
  another site must not make the requester's browser take it).

A job is its requester's alone: for anyone else it does not exist (404).
"""

from http import HTTPStatus

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from lms import app_settings
from lms.models import ExportJob
from lms.models.exports import FILTERS_MAX_LENGTH
from lms.reports import export_jobs


class ExportRequestForm(forms.Form):
    report = forms.CharField(max_length=100)
    format = forms.ChoiceField(choices=ExportJob.Format.choices)
    filters = forms.CharField(max_length=FILTERS_MAX_LENGTH, required=False)

    def clean_report(self):
        report = self.cleaned_data["report"]
        if export_jobs.report_view_class(report) is None:
            raise forms.ValidationError(_("There is no such report."))
        return report

    def clean_filters(self):
        return export_jobs.normalise_filters(self.cleaned_data["filters"])


class ExportStartView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "lms/exports/start.html"
    header_icon = "download"
    page_title = _("Export in the background")

    def dispatch(self, request, *args, **kwargs):
        data = request.POST if request.method == "POST" else request.GET
        self.form = ExportRequestForm(data)
        if not self.form.is_valid():
            return self.refuse(self.form.errors.get("report", ""))
        self.report = self.form.cleaned_data["report"]
        self.export_format = self.form.cleaned_data["format"]
        self.filters = self.form.cleaned_data["filters"]
        if not export_jobs.may_export(request.user, self.report):
            raise PermissionDenied
        try:
            export_jobs.check_filters(
                report=self.report, user=request.user, filters=self.filters
            )
        except export_jobs.ExportRefused as refusal:
            return self.refuse(refusal.message)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, reason):
        return TemplateResponse(
            self.request,
            "lms/exports/refused.html",
            {"reason": reason},
            status=HTTPStatus.BAD_REQUEST,
        )

    def get(self, request, *args, **kwargs):
        job = export_jobs.active_job(
            requester=request.user,
            report=self.report,
            export_format=self.export_format,
            filters=self.filters,
        )
        if job is not None:
            return redirect("hub_export", job.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        job, created = export_jobs.request_export(
            requester=request.user,
            report=self.report,
            export_format=self.export_format,
            filters=self.filters,
            language=translation.get_language(),
        )
        if not created:
            # Now, in the admin's language: a lazy text would be read when the
            # message is stored, after Wagtail's language has been let go.
            messages.info(request, gettext("This export is on its way already."))
        return redirect("hub_export", job.pk)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.report_url, "label": export_jobs.report_title(self.report)},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def report_url(self):
        return export_jobs.report_url(self.report, self.filters)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report_title=export_jobs.report_title(self.report),
            report_url=self.report_url,
            export_format=self.export_format,
            format_label=ExportJob.Format(self.export_format).label,
            filters=self.filters,
            report=self.report,
            limit=app_settings.EXPORT_INLINE_MAX_ROWS,
            expiry_hours=round(app_settings.EXPORT_EXPIRY_HOURS),
            **kwargs,
        )


class RequesterJobMixin:
    """The view is about one of the user's own jobs; anyone else's is a 404,
    before the method is checked."""

    def dispatch(self, request, *args, pk, **kwargs):
        self.job = get_object_or_404(ExportJob, pk=pk, requester=request.user)
        return super().dispatch(request, *args, pk=pk, **kwargs)


class ExportJobView(RequesterJobMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "lms/exports/job.html"
    header_icon = "download"
    http_method_names = ["get", "head", "options"]

    def get_page_title(self):
        return _("Export of “%(report)s”") % {"report": self.job.report_title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": export_jobs.report_url(self.job.report, self.job.filters),
                "label": self.job.report_title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_template_names(self):
        if self.request.GET.get("fragment") == "status":
            # What the page's script swaps in while it waits.
            return ["lms/exports/_job_status.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            job=self.job,
            report_url=export_jobs.report_url(self.job.report, self.job.filters),
            **kwargs,
        )


class ExportDownloadView(RequesterJobMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        job = self.job
        if not export_jobs.may_export(request.user, job.report):
            raise PermissionDenied
        if not job.is_downloadable(timezone.now()):
            messages.error(request, gettext("This export can no longer be downloaded."))
            return redirect("hub_export", job.pk)
        try:
            file = export_jobs.open_download(job, user=request.user)
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            file,
            as_attachment=True,
            filename=job.file_name,
            content_type=export_jobs.CONTENT_TYPES[job.export_format],
        )
