from django.urls import path

from certification import views, views_badges
from certification.views_pdf import certificate_pdf_view

app_name = "certification"

urlpatterns = [
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<str:code>/pdf/", certificate_pdf_view, name="certificate_pdf"),
    path(
        "certificates/<str:code>/credential/",
        views_badges.credential,
        name="credential",
    ),
    path(
        "credentials/status/<id:number>",
        views_badges.status_list,
        name="status_list",
    ),
    # did:web resolves the issuer's DID here, at the root of the host.
    path(".well-known/did.json", views_badges.did_document, name="did"),
]
