"""The Hub's start page at /admin/hub/: what needs attention, in scope."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from lms.assignments import services as assignments
from lms.learning import services
from tests.factories import make_course, scenario_block

pytestmark = pytest.mark.django_db

URL = "/admin/hub/"


def _figures(html: str) -> dict[str, str]:
    """The overview's figures by label: {"Scenario answers to review": "1"}."""
    import re

    pairs = re.findall(
        r'hub-figures__number">([^<]*)</span>\s*<span class="hub-figures__label">'
        r"([^<]*)</span>",
        html,
    )
    return {label.strip(): number.strip() for number, label in pairs}


def sign_in(client, user, language="en"):
    """Sign in a user who reads the site and the admin in a language."""
    user.language = language
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.fixture
def waiting_answer(hub, catalogue):
    course = make_course(catalogue, bodies=[[scenario_block()]])
    module = course.get_modules().get()
    services.enrol(user=hub.learner, course=course)
    return services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="We answer the customer within the hour and say what we do.",
        token="2d7c1d90-6e77-4b1d-8ca7-9c2b6b6c9e33",
    )


def test_the_readme_address_is_the_hub_overview(client, hub):
    assert reverse("hub:index") == URL
    sign_in(client, hub.manager)
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    # The screens of the Hub menu this manager may open, linked.
    assert f'href="{reverse("hub_reviews:index")}"' in html
    assert f'href="{reverse("hub_matrix:index")}"' in html
    assert "due_from=" in html and "due_to=" in html  # the report's own filter
    assert 'href="/admin/hub/"' not in html.split('id="hub-screens-heading"')[1]


def test_a_manager_sees_the_answers_and_deadlines_of_their_own_people(
    client, hub, course, waiting_answer
):
    today = timezone.localdate()
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=today + timedelta(days=5),
        reason="x",
        target="unit",
        unit=hub.spoke,
    )
    sign_in(client, hub.manager)
    figures = _figures(client.get(URL).content.decode())
    assert figures["Scenario answer to review"] == "1"
    assert figures["Open assignments due within 14 days"] == "1"

    # The other spoke's manager: none of these people are theirs.
    sign_in(client, hub.other_manager)
    figures = _figures(client.get(URL).content.decode())
    assert figures["Scenario answers to review"] == "0"
    assert figures["Open assignments due within 14 days"] == "0"


def test_certificates_that_end_are_added_by_the_certification_app(client, hub):
    sign_in(client, hub.hr)
    html = client.get(URL).content.decode()
    assert "Certificates ending within 30 days" in html


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("manager", HTTPStatus.OK),
        ("hr", HTTPStatus.OK),
        ("coordinator", HTTPStatus.OK),
        ("editor", HTTPStatus.FORBIDDEN),
        ("learner", HTTPStatus.FOUND),
    ],
)
def test_who_may_open_the_overview(client, hub, kind, status):
    client.force_login(getattr(hub, kind))
    response = client.get(URL)
    # Wagtail answers an admin user without the permission with a redirect
    # to the dashboard and a message; one without admin access goes to login.
    assert response.status_code in {status, HTTPStatus.FOUND}
    if status == HTTPStatus.OK:
        assert response.status_code == HTTPStatus.OK
    else:
        assert response.status_code != HTTPStatus.OK


def test_the_overview_is_in_dutch_for_a_dutch_reader(client, hub):
    sign_in(client, hub.manager, "nl")
    html = client.get(URL, headers={"accept-language": "en"}).content.decode()
    assert "Vandaag aandacht nodig" in html
