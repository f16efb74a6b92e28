"""HR's screens for API tokens: the list, making one (shown once), revoking."""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, View
from wagtail.admin.widgets import AdminDateInput

from lms import persons
from lms.api import tokens
from lms.app_settings import app_settings
from lms.hub.base import HubFormMixin, HubView, HubViewSet, add_service_errors
from lms.models import ApiToken

PERMISSIONS = ("lms.manage_api_tokens",)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("The integration that uses it, such as 'AFAS sync'."),
    )
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Acts as"),
        queryset=get_user_model().objects.none(),
        help_text=gettext_lazy(
            "The token sees and does what this person may: a manager's token "
            "only their units."
        ),
    )
    access = forms.ChoiceField(
        label=gettext_lazy("Access"),
        choices=ApiToken.Access.choices,
        initial=ApiToken.Access.READ,
        widget=forms.RadioSelect,
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Works until"), widget=AdminDateInput
    )
    rate_per_minute = forms.IntegerField(
        label=gettext_lazy("Requests per minute"),
        min_value=1,
        max_value=100_000,
    )

    def __init__(self, *args, maker, **kwargs):
        super().__init__(*args, **kwargs)
        self.maker = maker
        User = get_user_model()
        # A token never gives its maker powers they lack: only an
        # administrator makes one that acts as someone else.
        owners = (
            User.objects.filter(is_active=True).order_by(*persons.adapter().order_by())
            if maker.is_superuser
            else User.objects.filter(pk=maker.pk)
        )
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = persons.display_name
        self.fields["owner"].initial = maker.pk
        self.fields["expires_on"].initial = timezone.localdate() + timedelta(
            days=app_settings.API_TOKEN_DEFAULT_DAYS
        )
        self.fields["rate_per_minute"].initial = app_settings.API_RATE_PER_MINUTE

    def expires_at(self) -> datetime:
        """The end of the chosen day, in the site's time zone."""
        day = self.cleaned_data["expires_on"]
        return timezone.make_aware(datetime.combine(day + timedelta(days=1), time()))


class ApiTokenIndexView(HubView, ListView):
    permissions = PERMISSIONS
    page_title = gettext_lazy("API tokens")
    template_name = "lms/hub/api_tokens.html"
    paginate_by = 50

    def get_queryset(self):
        return ApiToken.objects.select_related("user", "created_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(now=timezone.now(), **kwargs)


class ApiTokenCreateView(HubFormMixin, HubView, FormView):
    permissions = PERMISSIONS
    page_title = gettext_lazy("New API token")
    template_name = "lms/hub/api_token_form.html"
    form_class = ApiTokenForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "maker": self.request.user}

    def form_valid(self, form):
        try:
            token, raw = tokens.make_token(
                name=form.cleaned_data["name"],
                user=form.cleaned_data["owner"],
                access=form.cleaned_data["access"],
                expires_at=form.expires_at(),
                rate_per_minute=form.cleaned_data["rate_per_minute"],
                by=self.request.user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "expires_at" in error.error_dict:
                error = ValidationError({"expires_on": error.error_dict["expires_at"]})
            add_service_errors(form, error)
            return self.form_invalid(form)
        # Shown in this response only: nothing keeps the token to show later
        # (the admin's responses are never cached).
        return TemplateResponse(
            self.request,
            "lms/hub/api_token_made.html",
            self.get_context_data(token=token, raw=raw),
        )


class ApiTokenRevokeView(HubView, View):
    permissions = PERMISSIONS
    http_method_names = ["post"]

    def post(self, request, pk):
        token = get_object_or_404(ApiToken, pk=pk)
        if tokens.revoke_token(token, by=request.user):
            messages.success(
                request, _("The token '%(name)s' no longer works.") % {"name": token}
            )
        return redirect("hub_api_tokens:index")


class ApiTokenViewSet(HubViewSet):
    name = "hub_api_tokens"
    url_prefix = "hub/api-tokens"
    icon = "key"
    menu_icon = "key"
    menu_label = gettext_lazy("API tokens")
    permissions = PERMISSIONS

    def get_urlpatterns(self):
        return [
            path("", ApiTokenIndexView.as_view(), name="index"),
            path("new/", ApiTokenCreateView.as_view(), name="add"),
            path("<lms_id:pk>/revoke/", ApiTokenRevokeView.as_view(), name="revoke"),
        ]
