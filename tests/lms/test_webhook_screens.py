"""HR's webhook screens: endpoints, their secret, the test event and the
delivery log; nobody else opens them."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms.models import WebhookDelivery, WebhookEndpoint
from lms.webhooks import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    """A browser that reads English (the site's default is Dutch)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def endpoint(hub, closed_port_url):
    return services.register_endpoint(
        name="HR dashboard",
        url=closed_port_url,
        event_names=["course.completed", "certificate.issued"],
        by=hub.hr,
    )


def urls(endpoint):
    pk = endpoint.pk
    return {
        "index": ("GET", reverse("hub_webhooks:index")),
        "add": ("GET", reverse("hub_webhooks:add")),
        "endpoint": ("GET", reverse("hub_webhooks:endpoint", args=[pk])),
        "edit": ("GET", reverse("hub_webhooks:edit", args=[pk])),
        "delete": ("GET", reverse("hub_webhooks:delete", args=[pk])),
        "test": ("POST", reverse("hub_webhooks:test", args=[pk])),
        "secret": ("POST", reverse("hub_webhooks:secret", args=[pk])),
    }


@pytest.mark.parametrize("kind", ["learner", "manager", "coordinator", "editor"])
def test_only_hr_opens_the_webhook_screens(client, hub, endpoint, kind):
    client.force_login(getattr(hub, kind))
    secret = endpoint.secret
    for name, (method, url) in urls(endpoint).items():
        response = getattr(client, method.lower())(url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), name
        assert secret not in response.content.decode(), name
    endpoint.refresh_from_db()
    assert endpoint.secret == secret
    assert not WebhookDelivery.objects.exists()


def test_anonymous_people_are_sent_to_log_in(client, endpoint):
    response = client.get(reverse("hub_webhooks:endpoint", args=[endpoint.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]


def test_hr_sees_every_screen(client, hub, endpoint):
    client.force_login(hub.hr)
    for name, (method, url) in urls(endpoint).items():
        if method == "GET":
            assert client.get(url).status_code == HTTPStatus.OK, name


def test_the_hub_menu_shows_webhooks_to_hr_only(client, hub):
    client.force_login(hub.hr)
    assert (
        reverse("hub_webhooks:index") in client.get(reverse("wagtailadmin_home")).text
    )
    client.force_login(hub.manager)
    assert (
        reverse("hub_webhooks:index")
        not in client.get(reverse("wagtailadmin_home")).text
    )


def test_hr_registers_an_endpoint_and_sees_its_secret(client, hub):
    client.force_login(hub.hr)
    response = client.post(
        reverse("hub_webhooks:add"),
        {
            "name": "Dashboard",
            "url": "https://hr.example.org/hooks",
            "events": ["course.completed", "certificate.revoked"],
        },
    )
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("hub_webhooks:endpoint", args=[endpoint.pk])
    assert endpoint.events == ["course.completed", "certificate.revoked"]
    assert endpoint.created_by == hub.hr and len(endpoint.secret) >= 40
    page = client.get(response["Location"]).text
    assert endpoint.secret in page and "Send test event" in page
    entry = ModelLogEntry.objects.get(action="lms.webhook_register")
    assert entry.user == hub.hr and entry.data["url"] == endpoint.url


def test_the_add_form_names_every_event_as_a_checkbox(client, hub):
    client.force_login(hub.hr)
    page = client.get(reverse("hub_webhooks:add")).text
    for label in (
        "Course completed",
        "Assignment overdue",
        "Certificate issued",
        "Certificate revoked",
        "Certificate expiring",
    ):
        assert label in page
    assert page.count('type="checkbox"') == 5


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "X", "url": "ftp://x.example.org/", "events": ["ping"]}, "events"),
        ({"name": "X", "url": "https://x.example.org/"}, "events"),
        ({"name": "X", "url": "not a url", "events": ["course.completed"]}, "url"),
    ],
)
def test_a_bad_form_answers_400_and_registers_nothing(client, hub, data, field):
    client.force_login(hub.hr)
    response = client.post(reverse("hub_webhooks:add"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


def test_http_is_refused_on_the_form_in_production(client, hub, settings):
    settings.LMS_WEBHOOK_ALLOW_HTTP = False
    client.force_login(hub.hr)
    response = client.post(
        reverse("hub_webhooks:add"),
        {"name": "X", "url": "http://x.example.org/", "events": ["course.completed"]},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "https://" in str(response.context["form"].errors["url"])


def test_hr_switches_an_endpoint_off_and_it_is_logged(client, hub, endpoint):
    client.force_login(hub.hr)
    response = client.post(
        reverse("hub_webhooks:edit", args=[endpoint.pk]),
        {"name": "Renamed", "url": endpoint.url, "events": ["certificate.issued"]},
    )
    assert response.status_code == HTTPStatus.FOUND
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.events, endpoint.is_active) == (
        "Renamed",
        ["certificate.issued"],
        False,
    )
    assert ModelLogEntry.objects.filter(action="lms.webhook_change").count() == 1
    assert "Send test event" not in client.get(response["Location"]).text


def test_hr_deletes_an_endpoint(client, hub, endpoint):
    client.force_login(hub.hr)
    response = client.post(reverse("hub_webhooks:delete", args=[endpoint.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert not WebhookEndpoint.objects.exists()
    assert ModelLogEntry.objects.filter(action="lms.webhook_delete").count() == 1


def test_a_new_secret_replaces_the_old(client, hub, endpoint):
    client.force_login(hub.hr)
    old = endpoint.secret
    client.post(reverse("hub_webhooks:secret", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    assert ModelLogEntry.objects.filter(action="lms.webhook_secret").count() == 1


def test_the_test_button_sends_a_ping_and_the_log_shows_it(
    client, hub, start_receiver, django_capture_on_commit_callbacks
):
    endpoint = services.register_endpoint(
        name="Receiver",
        url="http://127.0.0.1:1/",
        event_names=["course.completed"],
        by=hub.hr,
    )
    receiver = start_receiver(endpoint.secret, fail=1)
    endpoint.url = receiver.url
    endpoint.save()
    client.force_login(hub.hr)
    url = reverse("hub_webhooks:test", args=[endpoint.pk])
    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    [got] = receiver.received()
    assert got["event_type"] == "ping" and got["status"] == 500
    page = client.get(response["Location"]).text
    assert "Test event" in page and "HTTP 500" in page and "Waiting" in page


def test_the_delivery_log_is_paginated_in_bounded_queries(client, hub, endpoint):
    def log_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("hub_webhooks:endpoint", args=[endpoint.pk]))
        assert response.status_code == HTTPStatus.OK
        return len(queries), response

    client.force_login(hub.hr)
    for number in range(3):
        services.emit("course.completed", f"few-{number}", {})
    few, _response = log_queries()
    for number in range(60):
        services.emit("course.completed", f"many-{number}", {})
    many, response = log_queries()
    assert few == many
    assert len(response.context["object_list"]) == 25
    newest = WebhookDelivery.objects.order_by("-created_at", "-pk").first()
    assert response.context["object_list"][0] == newest
    assert "Page 1 of 3" in response.text
