"""The endpoint form of the webhook screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.webhooks import events


class EndpointForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which system receives the events, such as “HR dashboard”."),
    )
    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Where the events are sent (POST), starting with https://."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=events.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one event.")},
    )
    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        initial=True,
        help_text=_(
            "Switched off, the endpoint is sent nothing, and what is "
            "waiting for it is given up."
        ),
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_active"]
