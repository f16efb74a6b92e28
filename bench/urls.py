"""The site's URLs, and the trivial logged-in view that the throughput
scenario compares module completions with (the benchmark's, not the site's)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


@login_required
def ping(request):
    """GET: a CSRF token for the client's form posts; POST: "ok"."""
    if request.method == "POST":
        return HttpResponse("ok", content_type="text/plain")
    return HttpResponse(get_token(request), content_type="text/plain")


urlpatterns = [path("bench/ping/", ping, name="bench_ping"), *site_urlpatterns]
