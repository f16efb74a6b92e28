"""A Django form's errors as the API's 400: the screens' forms check what the
API receives, so both refuse the same things."""

from django.utils.translation import gettext as _

from lms.api.errors import FieldError, RequestRefused


def check(form):
    """The form's cleaned data, or RequestRefused naming each field."""
    if form.is_valid():
        return form.cleaned_data
    raise RequestRefused(
        _("Nothing was changed: the fields below are not valid."),
        [
            FieldError(field="" if field == "__all__" else field, message=message)
            for field, messages in form.errors.items()
            for message in messages
        ],
    )
