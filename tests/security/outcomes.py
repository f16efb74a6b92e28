"""What a response means for access: the outcome classes of the matrix."""

from enum import StrEnum
from http import HTTPStatus
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property


class Outcome(StrEnum):
    OK = "OK"  # 2xx, or a redirect that is not to a login page
    LOGIN = "LOGIN"  # a redirect to a login page
    DENIED = "DENIED"  # 403, or Wagtail's refusal (see below)
    HIDDEN = "HIDDEN"  # 404
    BAD = "BAD"  # 400
    UNAUTHORIZED = "UNAUTHORIZED"  # 401: the API asks for a token
    NOT_ALLOWED = "NOT_ALLOWED"  # 405
    LIMITED = "LIMITED"  # 429
    ERROR = "ERROR"  # 5xx
    OTHER = "OTHER"  # any other status


REDIRECTS = {301, 302, 303, 307, 308}

# Wagtail refuses without a 403: a signed-in person without admin access is
# sent to the admin's login page, and an admin user without the permission
# to the dashboard, each with one of these messages.
NO_ADMIN_ACCESS = "You do not have permission to access the admin."
NO_PERMISSION = "Sorry, you do not have permission to access this area."


class Classifier:
    """Sorts responses into outcome classes."""

    @cached_property
    def login_paths(self) -> set[str]:
        return {
            resolve_url(settings.LOGIN_URL),
            reverse("wagtailadmin_login"),
            reverse("wagtailcore_login"),
        }

    @cached_property
    def admin_home(self) -> str:
        return reverse("wagtailadmin_home")

    @cached_property
    def refusals(self) -> set[str]:
        # The messages in every language the admin may speak.
        texts = set()
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                texts.update(
                    translation.gettext(text)
                    for text in (NO_ADMIN_ACCESS, NO_PERMISSION)
                )
        return texts

    def refused_by_wagtail(self, response) -> bool:
        storage = getattr(response.wsgi_request, "_messages", None)
        queued = getattr(storage, "_queued_messages", ())
        # Wagtail renders its messages with room for buttons after the text.
        return any(str(message.message).strip() in self.refusals for message in queued)

    def __call__(self, response) -> Outcome:
        status = response.status_code
        if status in REDIRECTS:
            path = urlsplit(response.headers.get("Location", "")).path
            if path in self.login_paths or path == self.admin_home:
                if self.refused_by_wagtail(response):
                    return Outcome.DENIED
            if path in self.login_paths:
                return Outcome.LOGIN
            return Outcome.OK
        if 200 <= status < 300:
            return Outcome.OK
        return {
            HTTPStatus.BAD_REQUEST: Outcome.BAD,
            HTTPStatus.UNAUTHORIZED: Outcome.UNAUTHORIZED,
            HTTPStatus.FORBIDDEN: Outcome.DENIED,
            HTTPStatus.NOT_FOUND: Outcome.HIDDEN,
            HTTPStatus.METHOD_NOT_ALLOWED: Outcome.NOT_ALLOWED,
            HTTPStatus.TOO_MANY_REQUESTS: Outcome.LIMITED,
        }.get(status, Outcome.ERROR if status >= 500 else Outcome.OTHER)


classify = Classifier()
