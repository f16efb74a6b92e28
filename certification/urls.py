from django.urls import path, register_converter

from certification import api, views, views_badges
from certification.views_pdf import certificate_pdf_view

app_name = "certification"


class CodeConverter:
    """A verification code: URL-safe base64 (new_verification_code). Anything
    else, a null character that PostgreSQL cannot compare included, is no
    code: the route does not match, a 404."""

    regex = "[A-Za-z0-9_-]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(CodeConverter, "certificate_code")

urlpatterns = [
    path("verify/", views.verify_start, name="verify_start"),
    path("verify/<certificate_code:code>/", views.verify, name="verify"),
    path(
        "certificates/<certificate_code:code>/pdf/",
        certificate_pdf_view,
        name="certificate_pdf",
    ),
    path(
        "certificates/<certificate_code:code>/credential/",
        views_badges.credential,
        name="credential",
    ),
    path(
        "credentials/status/<lms_id:number>",
        views_badges.status_list,
        name="status_list",
    ),
    # did:web resolves the issuer's DID here, at the root of the host.
    path(".well-known/did.json", views_badges.did_document, name="did"),
    path("api/v1/", api.api.urls),
    path("api/v1/<path:rest>", api.not_found, name="api_not_found"),
]
