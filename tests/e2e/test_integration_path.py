"""Issue 14's walk, as a new integrator takes it: HR makes a token in the
admin; a script syncs ten people into a unit and a role with it, reads their
completions and receives a signed webhook when one completes a course; a
learner subscribes to their calendar.

The script is plain HTTP (urllib) against the live server; the webhook
receiver is the loopback peer (tests/peers/webhook_receiver.py), which
checks every signature.
"""

import json
import urllib.error
import urllib.request

import icalendar
import pytest
from django.contrib.auth import get_user_model

from courses.models import CourseIndexPage
from lms.learning import services as learning
from lms.webhooks import services as webhooks
from tests.e2e.conftest import log_in
from tests.factories import make_course, text_block

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def call(base, token, method, path, body=None):
    request = urllib.request.Request(
        f"{base}{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def test_hr_connects_a_system_and_a_learner_a_calendar(
    demo, page, page_errors, start_receiver
):
    base = demo
    # HR makes a read-write token in the admin and copies it.
    log_in(page, base, "hr@example.org", then="/admin/hub/api-tokens/new/")
    page.get_by_label("Naam").fill("AFAS-synchronisatie")
    page.get_by_label("Lezen en schrijven").check()
    page.get_by_role("button", name="Token maken").click()
    token = page.locator("#api-token").input_value()
    assert token.startswith("hub_")
    page.get_by_role("link", name="Klaar").click()
    page.get_by_role("row", name="AFAS-synchronisatie").wait_for()

    # HR registers the system's webhook for completed courses.
    hr = get_user_model().objects.get(email="hr@example.org")
    endpoint = webhooks.register_endpoint(
        name="AFAS", url="http://127.0.0.1:9/", event_names=["course.completed"], by=hr
    )
    receiver = start_receiver(endpoint.secret, fail=0)
    endpoint.url = receiver.url
    endpoint.save()

    # The script syncs ten people into Webcare as webcare agents.
    people = [
        {
            "email": f"medewerker{number}@example.org",
            "name": f"Medewerker {number}",
            "unit": "Hub/Klantcontact/Webcare",
            "roles": ["Webcare-agent"],
        }
        for number in range(10)
    ]
    synced = call(base, token, "POST", "/api/v1/people/sync", {"people": people})
    assert synced["people_created"] == 10 and len(synced["people"]) == 10
    listed = call(base, token, "GET", f"/api/v1/people?unit={_webcare().pk}")
    assert set(synced["people"]) <= {person["id"] for person in listed["results"]}

    # One of them completes a course; the script reads it and hears of it.
    catalogue = CourseIndexPage.objects.first()
    course = make_course(catalogue, bodies=[[text_block()]], slug="koppeling")
    person = get_user_model().objects.get(pk=synced["people"][0])
    learning.enrol(user=person, course=course)
    for module in course.get_modules():
        learning.complete_module(user=person, module=module)
    completions = call(base, token, "GET", f"/api/v1/completions?person={person.pk}")[
        "results"
    ]
    assert [(row["person_id"], row["course_id"]) for row in completions] == [
        (person.pk, course.pk)
    ]
    received = receiver.received()
    assert [item["status"] for item in received] == [200]
    assert received[0]["event_type"] == "course.completed"

    # A read-only use of the same API by a stranger fails without a token.
    with pytest.raises(urllib.error.HTTPError) as refused:
        call(base, "hub_nope_nope", "GET", "/api/v1/people")
    assert refused.value.code == 401

    # The learner makes their calendar address and a calendar reads it.
    page.context.clear_cookies()
    log_in(page, base, "learner@example.org")
    page.get_by_role("button", name="Maak mijn agenda-adres").click()
    address = page.get_by_label("Je agenda-adres").input_value()
    with urllib.request.urlopen(address, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    events = calendar.walk("VEVENT")
    assert events and all(event.get("UID") for event in events)


def _webcare():
    from lms.models import OrgUnit

    return OrgUnit.objects.get(name="Webcare")
