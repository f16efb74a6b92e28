"""The assign form: the admin's date chooser, one target's fields at a time,
and a preview that names who is reached."""

import re
from datetime import timedelta
from html import unescape
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from lms.models import TrainingAssignment
from lms.organisation import services as organisation

pytestmark = pytest.mark.django_db


def preview_data(hub, course, **change):
    return {
        "course": course.pk,
        "target": "role",
        "role": hub.role.pk,
        "include_subunits": "on",
        "due_on": str(timezone.localdate() + timedelta(days=14)),
        "reason": "Refresher",
        **change,
    }


@pytest.mark.parametrize("screen", ["assign", "extend"])
def test_the_date_chooser_script_comes_before_the_field_that_calls_it(
    client, hub, course, screen
):
    client.force_login(hub.manager)
    if screen == "assign":
        url = reverse("hub_assignments:assign")
    else:
        organisation.join_role(
            user=hub.learner, unit=hub.team, started_on=timezone.localdate()
        )
        from lms.assignments import services as assignments

        assignments.assign_course(
            by=hub.manager,
            course=course,
            due_on=timezone.localdate() + timedelta(days=14),
            reason="x",
            target="person",
            person=hub.learner,
        )
        assignment = TrainingAssignment.objects.get(user=hub.learner)
        url = reverse("hub_people:extend", args=[assignment.pk])
    html = client.get(url).content.decode()

    script = html.find("wagtailadmin/js/date-time-chooser.js")
    call = html.find('initDateChooser("id_due_on"')
    assert -1 < script < call


def test_each_target_field_says_when_it_shows_and_none_is_hidden_without_script(
    client, hub
):
    client.force_login(hub.manager)
    html = client.get(reverse("hub_assignments:assign")).content.decode()

    assert 'data-controller="w-rules"' in html
    assert 'data-action="change->w-rules#resolve"' in html
    for field, targets in [
        ("person", '["person"]'),
        ("role", '["role"]'),
        ("unit", '["role", "unit"]'),
        ("include_subunits", '["role", "unit"]'),
    ]:
        wrapper = re.search(
            r'<div class="w-field__wrapper"([^>]*)>\s*<label[^>]*for="id_'
            + field
            + '"',
            html,
        )
        assert wrapper, field
        attributes = unescape(wrapper.group(1))
        assert 'data-w-rules-target="show"' in attributes
        assert f'data-w-rules="{{"target": {targets}}}"' in attributes
        assert "hidden" not in attributes  # the form works without script
    # The due date says how to write it.
    assert re.search(r'aria-describedby="id_due_on_helptext" id="id_due_on"', html)
    assert 'id="id_due_on_helptext"' in html


def add_agents(hub, numbers):
    User = get_user_model()
    people = User.objects.bulk_create(
        [User(email=f"agent{n:02}@example.org", name=f"Agent {n:02}") for n in numbers]
    )
    for person in people:
        organisation.join_role(
            user=person, unit=hub.spoke, role=hub.role, started_on=timezone.localdate()
        )
    return people


def test_the_preview_names_who_is_reached_a_page_at_a_time_in_the_managers_scope(
    client, hub, course
):
    people = add_agents(hub, range(30))
    client.force_login(hub.manager)
    url = reverse("hub_assignments:assign")

    response = client.post(url, preview_data(hub, course))

    assert response.status_code == HTTPStatus.OK
    page = response.context["people"]
    # The learner of the manager's units, not the role's holder elsewhere.
    reached = [*people, hub.learner]
    assert page.paginator.count == len(reached) == response.context["preview"].people
    names = sorted(person.name for person in reached)
    assert [person.name for person in page] == names[:25]
    html = response.content.decode()
    assert "Agent 00 (agent00@example.org)" in html
    assert hub.outsider.name not in html
    assert 'name="preview_page" value="2"' in html

    response = client.post(url, {**preview_data(hub, course), "preview_page": "2"})
    assert [person.name for person in response.context["people"]] == names[25:]
    assert not TrainingAssignment.objects.exists()


def test_the_preview_takes_the_same_queries_whatever_the_number_reached(
    client, hub, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(hub.manager)
    url = reverse("hub_assignments:assign")

    def queries():
        client.post(url, preview_data(hub, course))
        with CaptureQueriesContext(connection) as captured:
            assert client.post(url, preview_data(hub, course)).status_code == 200
        return len(captured)

    add_agents(hub, range(3))
    few = queries()
    add_agents(hub, range(3, 60))
    assert queries() == few


def test_the_preview_tells_who_has_the_course_already(client, hub, course):
    from lms.assignments import services as assignments

    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=7),
        reason="x",
        target="person",
        person=hub.learner,
    )
    client.force_login(hub.manager)

    response = client.post(reverse("hub_assignments:assign"), preview_data(hub, course))

    [learner] = response.context["people"]
    assert learner.has_assignment and not learner.has_completed
    assert "heeft de cursus al toegewezen gekregen" in response.content.decode()
