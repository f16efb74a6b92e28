"""What a refused request gets: a JSON body, and nothing changed.

Every error body has ``detail`` (one sentence); a request whose fields or
records are wrong also has ``errors``, one per problem, naming the record
(its place in the request, from 0, where the request holds several) and the
field.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError


class FieldError(Schema):
    record: int | None = None
    field: str = ""
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


class RequestRefused(Exception):
    """A request the services refused: 400 with each problem."""

    def __init__(self, detail: str, errors: list[FieldError] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


# The responses every operation may give, for the OpenAPI document.
COMMON = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut}
WITH_NOT_FOUND = {**COMMON, 404: ErrorOut}


def _body(detail, errors=()):
    return {"detail": str(detail), "errors": [dict(error) for error in errors]}


def _from_pydantic(error: dict) -> FieldError:
    # ninja reports where the error is as ("body", "payload", "people", 3,
    # "email"); the record is the number in it, the field the last name.
    location = [part for part in error.get("loc", ()) if part not in ("body",)]
    numbers = [part for part in location if isinstance(part, int)]
    names = [part for part in location if isinstance(part, str)]
    return FieldError(
        record=numbers[0] if numbers else None,
        field=names[-1] if names else "",
        message=str(error.get("msg", "")),
    )


def install(api) -> None:
    """Give the API's errors the shape above."""

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        errors = [_from_pydantic(error) for error in exc.errors]
        return api.create_response(
            request, _body(_("The request is not valid."), errors), status=400
        )

    @api.exception_handler(RequestRefused)
    def refused(request, exc):
        return api.create_response(request, _body(exc.detail, exc.errors), status=400)

    @api.exception_handler(DjangoValidationError)
    def service_refused(request, exc):
        if hasattr(exc, "error_dict"):
            errors = [
                FieldError(field=field, message=message)
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [FieldError(message=message) for message in exc.messages]
        return api.create_response(
            request, _body(_("The request was refused."), errors), status=400
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = api.create_response(
            request,
            _body(_("Send a valid API token: Authorization: Bearer <token>.")),
            status=401,
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        # Whether it does not exist or lies outside the token's scope is the
        # same answer: the token learns nothing of records it may not see.
        return api.create_response(
            request,
            _body(_("There is no such record, or the token may not see it.")),
            status=404,
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(
            request, _body(_("The token's owner may not do this.")), status=403
        )

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return api.create_response(
            request, _body(_("Too many requests: wait and try again.")), status=429
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, _body(exc.message), status=exc.status_code)
