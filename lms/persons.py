"""A person's name, language and employee number, read in one place.

The plugins run on the host's user model (settings.AUTH_USER_MODEL): Django's
own User, or a custom one. Everything in courses, lms and certification that
shows, sorts, searches or writes a person's name, reads their language or
stores their employee number goes through the adapter here, so that a site
whose user model keeps these elsewhere names its own adapter in
``LMS_PERSON_ADAPTER`` (a subclass of PersonAdapter) and changes nothing else.

The default adapter reads the fields the user model has:
- the name: a ``name`` field, else Django's ``first_name`` and ``last_name``;
- the language: a ``language`` field, or where the model has none the
  language chosen in the Wagtail admin's account settings
  (UserProfile.preferred_language); else the site's;
- the employee number: an ``employee_number`` field, else none is kept (the
  people import says so rather than dropping it silently).
"""

from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Trim
from django.utils.module_loading import import_string

from lms.personal_data import erasure


class PersonAdapter:
    """How the plugins read and write people of the host's user model."""

    def __init__(self, model=None):
        self.model = model or get_user_model()
        fields = {field.name for field in self.model._meta.get_fields()}
        if "name" in fields:
            self.name_fields = ("name",)
        else:
            self.name_fields = tuple(
                name for name in ("first_name", "last_name") if name in fields
            )
        self.has_language = "language" in fields
        self.keeps_employee_number = "employee_number" in fields
        self.email_field = self.model.get_email_field_name()

    # Reading one person ------------------------------------------------------

    def stored_name(self, user) -> str:
        """The name as stored, without falling back to anything else."""
        parts = (getattr(user, field, "") or "" for field in self.name_fields)
        return " ".join(part for part in parts if part).strip()

    def display_name(self, user) -> str:
        """How a person is shown: their name (an erased person's in the
        reader's language), else their email address or username."""
        name = self.stored_name(user)
        if name:
            return erasure.readable_names(name)
        return getattr(user, self.email_field, "") or user.get_username()

    def language(self, user) -> str:
        """The language the site speaks to a person (mails, PDFs, sign-in)."""
        if self.has_language:
            language = getattr(user, "language", "")
        else:
            language = self._admin_language(user)
        codes = {code for code, _name in settings.LANGUAGES}
        return language if language in codes else settings.LANGUAGE_CODE

    def employee_number(self, user) -> str:
        if not self.keeps_employee_number:
            return ""
        return getattr(user, "employee_number", "") or ""

    # Many people, in queries -------------------------------------------------

    def order_by(self, prefix: str = "") -> list[str]:
        """Fields to sort people by their name: ``prefix`` reaches the user
        from another model (``"holder__"``)."""
        return [f"{prefix}{field}" for field in self.name_fields] + [
            f"{prefix}{self.email_field}"
        ]

    def name_expression(self, prefix: str = ""):
        """The stored name as a database expression (exports, reports)."""
        if len(self.name_fields) == 1:
            return F(f"{prefix}{self.name_fields[0]}")
        if not self.name_fields:
            return Value("")
        first, last = (F(f"{prefix}{field}") for field in self.name_fields)
        return Trim(Concat(first, Value(" "), last))

    def search(self, text: str, prefix: str = "") -> Q:
        """People whose name or email address holds the text."""
        condition = Q(**{f"{prefix}{self.email_field}__icontains": text})
        for field in self.name_fields:
            condition |= Q(**{f"{prefix}{field}__icontains": text})
        return condition

    # Writing -----------------------------------------------------------------

    def name_values(self, name: str) -> dict:
        """The fields that store a name: first and last name split at the
        first space where the model has those."""
        if len(self.name_fields) == 1:
            return {self.name_fields[0]: name}
        if not self.name_fields:
            return {}
        first, _space, last = name.strip().partition(" ")
        return dict(zip(self.name_fields, (first, last.strip()), strict=True))

    def create_person(self, email: str, name: str):
        """A new person who cannot sign in with a password until they set one."""
        values = self.name_values(name)
        if self.model.USERNAME_FIELD != self.email_field:
            values[self.model.USERNAME_FIELD] = self._free_username(email)
        return self.model.objects.create_user(
            **{self.email_field: email}, password=None, **values
        )

    def rename(self, user, name: str) -> None:
        values = self.name_values(name)
        for field, value in values.items():
            setattr(user, field, value)
        user.save(update_fields=list(values))

    def set_employee_number(self, user, number: str) -> bool:
        """Store an employee number; False when the model keeps none."""
        if not self.keeps_employee_number:
            return False
        user.employee_number = number
        user.save(update_fields=["employee_number"])
        return True

    # Helpers -----------------------------------------------------------------

    def _admin_language(self, user) -> str:
        try:
            profile = user.wagtail_userprofile
        except (ObjectDoesNotExist, AttributeError):  # no profile (yet)
            return ""
        return profile.preferred_language or ""

    def _free_username(self, email: str) -> str:
        """The email address as username, numbered where it is taken."""
        field = self.model.USERNAME_FIELD
        length = self.model._meta.get_field(field).max_length or 150
        base = email[:length]
        candidate, number = base, 1
        while self.model.objects.filter(**{field: candidate}).exists():
            number += 1
            suffix = f"-{number}"
            candidate = base[: length - len(suffix)] + suffix
        return candidate


@cache
def _adapter_for(path: str, model_label: str) -> PersonAdapter:
    return import_string(path)()


def adapter() -> PersonAdapter:
    """The site's person adapter (LMS_PERSON_ADAPTER)."""
    path = getattr(settings, "LMS_PERSON_ADAPTER", "lms.persons.PersonAdapter")
    return _adapter_for(path, settings.AUTH_USER_MODEL)


def display_name(user) -> str:
    return adapter().display_name(user)


def language(user) -> str:
    return adapter().language(user)
