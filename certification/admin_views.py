"""Certifications and certificates in the admin's Hub menu."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from certification import readiness, services
from certification.forms import CertificationForm, RevokeForm
from certification.models import Certificate, Certification, localized_name
from lms import persons
from lms.hub.base import (
    HubFormMixin,
    HubView,
    HubViewSet,
    add_service_errors,
    search_text,
)
from lms.organisation import scope
from lms.reports import charts
from lms.support.deletion import ProtectedDeleteMixin

HUB_MENU = "register_hub_menu_item"


def visible_certificates(user):
    """HR sees every certificate; a manager those of their people."""
    certificates = Certificate.objects.select_related("holder", "certification")
    if scope.sees_everything(user):
        return certificates
    return certificates.filter(holder__in=scope.visible_people(user))


class CertificationCreateView(HubFormMixin, generic.CreateView):
    """A refused form answers 400 (Wagtail's answers 200)."""


class CertificationEditView(HubFormMixin, generic.EditView):
    """A refused form answers 400 (Wagtail's answers 200)."""


class CertificationDeleteView(ProtectedDeleteMixin, generic.DeleteView):
    pass


class CertificationViewSet(ModelViewSet):
    model = Certification
    delete_view_class = CertificationDeleteView
    form_class = CertificationForm
    add_view_class = CertificationCreateView
    edit_view_class = CertificationEditView
    icon = "tick-inverse"
    name = "hub_certifications"
    url_prefix = "hub/certifications"
    menu_label = gettext_lazy("Certifications")
    menu_hook = HUB_MENU
    list_display = [
        Column(
            "name",
            label=gettext_lazy("Name"),
            accessor="localized_name",
            sort_key="name",
        ),
        Column("validity_months", label=gettext_lazy("Valid for (months)")),
        "renewal_window_days",
    ]
    copy_view_enabled = False
    add_to_reference_index = False

    def get_form_class(self, for_update=False):
        return CertificationForm


STATUSES = Certificate.Status.choices


class CertificateIndexView(HubView, ListView):
    permissions = ("certification.view_certificate",)
    page_title = gettext_lazy("Certificates")
    template_name = "certification/admin/certificates.html"
    paginate_by = 50

    def get_queryset(self):
        certificates = visible_certificates(self.request.user).order_by(
            *persons.adapter().order_by("holder__"),
            localized_name("certification"),
            "-valid_from",
        )
        query = search_text(self.request)
        if query:
            certificates = certificates.filter(
                persons.adapter().search(query, "holder__")
            )
        return certificates

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        for certificate in context["object_list"]:
            certificate.status = certificate.status_on(today)
            certificate.status_label = Certificate.Status(certificate.status).label
        context.update(
            query=search_text(self.request),
            can_revoke=self.request.user.has_perm("certification.change_certificate"),
        )
        return context


class CertificateActionMixin:
    permissions = ("certification.change_certificate",)

    def prepare(self, request, pk):
        self.certificate = get_object_or_404(visible_certificates(request.user), pk=pk)


class RevokeView(CertificateActionMixin, HubFormMixin, HubView, FormView):
    page_title = gettext_lazy("Revoke a certificate")
    template_name = "certification/admin/revoke.html"
    form_class = RevokeForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def form_valid(self, form):
        try:
            services.revoke(
                certificate=self.certificate,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The certificate has been revoked."))
        return redirect("hub_certificates:index")


class ReinstateView(CertificateActionMixin, HubView, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            services.reinstate(certificate=self.certificate, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The certificate has been reinstated."))
        return redirect("hub_certificates:index")


def readiness_chart(entries) -> charts.StackedChart:
    """The readiness chart: certified, lapsing and not certified members."""
    rows = []
    for entry in entries:
        lapsing = len(entry.lapsing_within(readiness.HORIZONS[-1]))
        rows.append(
            (
                f"{entry.role.name} · {entry.unit.name}",
                [
                    ("ok", entry.certified_count - lapsing),
                    ("lapsing", lapsing),
                    ("missing", len(entry.not_certified)),
                ],
            )
        )
    return charts.stacked_chart(rows)


class ReadinessView(HubView, TemplateView):
    permissions = ("certification.view_certificate",)
    page_title = gettext_lazy("Readiness per role")
    template_name = "certification/admin/readiness.html"

    def get_context_data(self, **kwargs):
        entries = readiness.role_readiness(
            units=scope.visible_units(self.request.user), today=timezone.localdate()
        )
        return super().get_context_data(
            entries=entries,
            chart=readiness_chart(entries),
            horizons=readiness.HORIZONS,
            **kwargs,
        )


class ReadinessViewSet(HubViewSet):
    name = "hub_readiness"
    url_prefix = "hub/readiness"
    icon = "success"
    menu_icon = "success"
    menu_label = gettext_lazy("Readiness")
    menu_hook = HUB_MENU
    permissions = ("certification.view_certificate",)

    def get_urlpatterns(self):
        return [path("", ReadinessView.as_view(), name="index")]


class CertificateViewSet(HubViewSet):
    name = "hub_certificates"
    url_prefix = "hub/certificates"
    icon = "doc-full"
    menu_icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_hook = HUB_MENU
    permissions = ("certification.view_certificate",)

    def get_urlpatterns(self):
        return [
            path("", CertificateIndexView.as_view(), name="index"),
            path("<lms_id:pk>/revoke/", RevokeView.as_view(), name="revoke"),
            path("<lms_id:pk>/reinstate/", ReinstateView.as_view(), name="reinstate"),
        ]
