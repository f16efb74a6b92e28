"""The JSON API at ``/api/v1/``: lms's routers and certification's, under one
token check and rate limit, with its OpenAPI document at ``openapi.json`` and
a browsable page at ``docs``.

It is built here, in the top plugin, because lms may not know certificates;
certification.urls mounts it, so a host site adds nothing for it.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI

from certification.api import certificates
from lms.api import assignments as lms_assignments
from lms.api import errors
from lms.api import learning as lms_learning
from lms.api import organisation as lms_organisation
from lms.api import reports as lms_reports
from lms.api.security import TokenAuth, TokenThrottle

DESCRIPTION = """\
Hub Academy's API for an organisation's own systems: HR sync, completion and
certification data, assignments.

Send a token made in the admin (Hub → API tokens) or with `manage.py
create_api_token` as `Authorization: Bearer <token>`. A token acts as its
owner: a manager's token sees only their units. Lists page with a cursor:
follow `next` until it is null. Refused requests answer 400 with a JSON body
naming each record and field, and change nothing.
"""


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Hub Academy API",
        version="1",
        description=DESCRIPTION,
        # Mounted in certification.urls, so its names live under that namespace.
        urls_namespace="certification:api",
        auth=TokenAuth(),
        throttle=[TokenThrottle()],
    )
    errors.install(api)
    api.add_router("", lms_organisation.router)
    api.add_router("", lms_assignments.router)
    api.add_router("", lms_learning.router)
    api.add_router("", lms_reports.router)
    api.add_router("", certificates.router)
    return api


api = build_api()


# The API's clients send tokens, not CSRF cookies: a POST here gets the
# same 404, not the CSRF failure page.
@csrf_exempt
def not_found(request, rest):
    """Any other address under /api/v1/: a JSON 404, not the site's page (nor
    a redirect to the same address with a slash)."""
    return JsonResponse(
        {"detail": _("There is no such address in the API."), "errors": []},
        status=404,
    )
