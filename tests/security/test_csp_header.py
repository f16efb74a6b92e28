"""The Content Security Policy in the response headers, and the nonce that
the admin's widget scripts get (cms.csp); the browser's view of it is
test_csp.py's."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from cms.csp import AdminPolicyMiddleware, is_widget_start

NONCE = re.compile(r"'nonce-([^']+)'")


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: values for name, *values in (part.split() for part in header.split(";"))
    }


@pytest.mark.django_db
def test_a_site_page_allows_nothing_inline(client):
    policy = directives(client.get("/accounts/login/"))
    assert policy["script-src"][0] == "'self'"
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "https://www.youtube.com" in policy["frame-src"]
    assert "'unsafe-inline'" not in str(policy)
    assert "style-src-elem" not in policy


@pytest.mark.django_db
def test_the_admin_widget_scripts_carry_a_new_nonce_each_request(client, locales):
    admin = get_user_model().objects.create_superuser(
        "csp@example.org", password="pass-word-1"
    )
    client.force_login(admin)
    nonces = []
    for _ in range(2):
        response = client.get("/admin/hub/audit-trail/")
        assert response.status_code == 200
        policy = directives(response)
        [nonce] = NONCE.findall(" ".join(policy["script-src"]))
        html = response.content.decode()
        # The date pickers of the filters: each script starts one.
        scripts = re.findall(r"<script nonce=\"([^\"]+)\">initDateChooser", html)
        assert scripts and set(scripts) == {nonce}
        assert "<script>initDateChooser" not in html
        assert int(response["Content-Length"]) == len(response.content)
        assert "'unsafe-inline'" not in policy["script-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.parametrize(
    "script",
    [
        'initDateChooser("id_due_0", {"dayOfWeekStart": 1});',
        'new SnippetChooser("id_topic", {"modalUrl": "/admin/snippets/choose/"});',
        '\n(function() {\n var panel = new InlinePanel(JSON.parse("{\\u0022formsetPrefix\\u0022: \\u0022id_x\\u0022}"));\n })();\n',
    ],
)
def test_wagtails_widget_starts_get_the_nonce(script):
    assert is_widget_start(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        'initDateChooser("id_due_0", {}); alert(1);',
        'initDateChooser("id_due_0", {"a": alert(1)});',
        'new SnippetChooser("id", {}), fetch("/admin/")',
        'new InlinePanel(JSON.parse("{}")); alert(1)',
        '(function() { var panel = new InlinePanel(JSON.parse("x")); })();',
    ],
)
def test_other_inline_scripts_get_no_nonce(script):
    assert not is_widget_start(script)


def test_an_injected_script_in_an_admin_page_stays_without_the_nonce(settings):
    request = RequestFactory().get("/admin/pages/3/edit/")
    request._csp_nonce = "abc"
    html = '<script>alert(1)</script><script>initTimeChooser("id_t", {});</script>'
    response = AdminPolicyMiddleware(lambda request: HttpResponse(html))(request)
    assert response.content.decode() == (
        '<script>alert(1)</script><script nonce="abc">initTimeChooser("id_t", {});</script>'
    )


@pytest.mark.parametrize(
    ("path", "frame_options", "ancestors"),
    [
        ("/admin/pages/3/edit/preview/", "SAMEORIGIN", ["'self'"]),
        ("/admin/pages/3/edit/", "DENY", ["'none'"]),
    ],
)
def test_only_previews_may_be_framed_by_the_admin(path, frame_options, ancestors):
    def view(request):
        response = HttpResponse("")
        response["X-Frame-Options"] = frame_options
        return response

    response = AdminPolicyMiddleware(view)(RequestFactory().get(path))
    assert response._csp_config["frame-ancestors"] == ancestors
