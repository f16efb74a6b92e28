"""Wagtail's user admin for a model with an email login and one display name."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class NameFieldsMixin(forms.Form):
    first_name = None
    last_name = None
    name = forms.CharField(label=_("Name"), max_length=150, required=True)


class CreationForm(NameFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {
            "email",
            "name",
            "employee_number",
            "language",
            "is_superuser",
            "groups",
        }


class EditForm(NameFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = {
            "email",
            "name",
            "employee_number",
            "language",
            "is_active",
            "is_superuser",
            "groups",
        }


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return EditForm if for_update else CreationForm
