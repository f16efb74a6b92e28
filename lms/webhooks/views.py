"""HR's webhook screens in the Hub menu: endpoints, their secret, a test
event and the delivery log."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, View

from lms.hub.base import HubFormMixin, HubView, HubViewSet, add_service_errors
from lms.models import WebhookDelivery, WebhookEndpoint
from lms.webhooks import events, services
from lms.webhooks.forms import EndpointForm

PERMISSIONS = ("lms.manage_webhooks",)


def _index_crumb():
    return {"url": reverse("hub_webhooks:index"), "label": _("Webhooks")}


class WebhookIndexView(HubView, ListView):
    permissions = PERMISSIONS
    page_title = _("Webhooks")
    header_icon = "link"
    template_name = "lms/hub/webhooks_index.html"
    paginate_by = 50

    def get_queryset(self):
        State = WebhookDelivery.State
        return WebhookEndpoint.objects.annotate(
            pending_count=Count(
                "deliveries", filter=Q(deliveries__state=State.PENDING)
            ),
            failed_count=Count("deliveries", filter=Q(deliveries__state=State.FAILED)),
        ).order_by("name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for endpoint in context["object_list"]:
            endpoint.event_labels = [events.label(name) for name in endpoint.events]
        return context


class EndpointMixin:
    def prepare(self, request, pk):
        self.endpoint = get_object_or_404(WebhookEndpoint, pk=pk)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            _index_crumb(),
            {"url": "", "label": self.get_page_title()},
        ]


class WebhookFormView(HubFormMixin, HubView, FormView):
    permissions = PERMISSIONS
    header_icon = "link"
    template_name = "lms/hub/webhook_form.html"
    form_class = EndpointForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            endpoint = self.save(data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect("hub_webhooks:endpoint", endpoint.pk)


class WebhookAddView(WebhookFormView):
    page_title = _("Register a webhook")
    success_message = _(
        "The endpoint has been registered. Give its receiver the signing "
        "secret shown below."
    )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            _index_crumb(),
            {"url": "", "label": self.get_page_title()},
        ]

    def save(self, data):
        return services.register_endpoint(
            name=data["name"],
            url=data["url"],
            event_names=data["events"],
            by=self.request.user,
        )


class WebhookEditView(EndpointMixin, WebhookFormView):
    page_title = _("Change a webhook")
    success_message = _("The endpoint has been changed.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editing": True}

    def get_initial(self):
        return {
            "name": self.endpoint.name,
            "url": self.endpoint.url,
            "events": self.endpoint.events,
            "is_active": self.endpoint.is_active,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(endpoint=self.endpoint, **kwargs)

    def save(self, data):
        return services.change_endpoint(
            endpoint=self.endpoint,
            name=data["name"],
            url=data["url"],
            event_names=data["events"],
            is_active=data["is_active"],
            by=self.request.user,
        )


class WebhookView(EndpointMixin, HubView, ListView):
    """An endpoint, its secret, and its delivery log, newest first."""

    permissions = PERMISSIONS
    header_icon = "link"
    template_name = "lms/hub/webhook.html"
    paginate_by = 25

    def get_page_title(self):
        return self.endpoint.name

    def get_queryset(self):
        return (
            WebhookDelivery.objects.filter(endpoint=self.endpoint)
            .select_related("event")
            .order_by("-created_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(endpoint=self.endpoint, **kwargs)
        for delivery in context["object_list"]:
            delivery.event_label = events.label(delivery.event.type)
        context["event_labels"] = [events.label(name) for name in self.endpoint.events]
        return context


class WebhookDeleteView(EndpointMixin, HubView, FormView):
    permissions = PERMISSIONS
    page_title = _("Delete a webhook")
    header_icon = "bin"
    template_name = "lms/hub/webhook_delete.html"
    form_class = forms.Form

    def get_context_data(self, **kwargs):
        return super().get_context_data(endpoint=self.endpoint, **kwargs)

    def form_valid(self, form):
        services.delete_endpoint(endpoint=self.endpoint, by=self.request.user)
        messages.success(self.request, gettext("The endpoint has been deleted."))
        return redirect("hub_webhooks:index")


class EndpointActionView(EndpointMixin, HubView, View):
    """A button on the endpoint's page (POST only)."""

    permissions = PERMISSIONS
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            message = self.perform()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect("hub_webhooks:endpoint", self.endpoint.pk)


class WebhookTestView(EndpointActionView):
    def perform(self):
        services.send_test_event(endpoint=self.endpoint, by=self.request.user)
        return gettext(
            "A test event has been sent. Its delivery is at the top of the log."
        )


class WebhookSecretView(EndpointActionView):
    def perform(self):
        services.new_secret(endpoint=self.endpoint, by=self.request.user)
        return gettext(
            "The endpoint has a new signing secret: give it to the receiver. "
            "The old one no longer signs deliveries."
        )


class WebhookViewSet(HubViewSet):
    """HR's webhook endpoints; lms/wagtail_hooks.py registers it."""

    name = "hub_webhooks"
    url_prefix = "hub/webhooks"
    icon = "link"
    menu_icon = "link"
    menu_label = _("Webhooks")
    permissions = PERMISSIONS

    def get_urlpatterns(self):
        return [
            path("", WebhookIndexView.as_view(), name="index"),
            path("add/", WebhookAddView.as_view(), name="add"),
            path("<lms_id:pk>/", WebhookView.as_view(), name="endpoint"),
            path("<lms_id:pk>/edit/", WebhookEditView.as_view(), name="edit"),
            path("<lms_id:pk>/delete/", WebhookDeleteView.as_view(), name="delete"),
            path("<lms_id:pk>/test/", WebhookTestView.as_view(), name="test"),
            path("<lms_id:pk>/secret/", WebhookSecretView.as_view(), name="secret"),
        ]
