from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, mfa, site_history, views

urlpatterns = [
    # For load balancers and monitoring: no login, and plain HTTP too
    # (SECURE_REDIRECT_EXEMPT in production).
    path("healthz", health.healthz, name="healthz"),
    *site_history.urlpatterns,
    # Ahead of Wagtail's admin URLs: its login form is allauth's.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Where the admin sends whoever must set up a second factor first.
    path("accounts/2fa/required/", mfa.required, name="mfa_required"),
    path("accounts/", include("allauth.urls")),
    path("language/", views.set_language, name="set_language"),
    path("learn/", include("lms.urls")),
    path("", include("certification.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path: the home page, the catalogue and the courses.
urlpatterns.append(path("", include(wagtail_urls)))
