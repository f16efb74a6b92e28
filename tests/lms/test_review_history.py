"""What a manager finds afterwards: the answers already reviewed, and on a
person's page their answers, the feedback and their certificates."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from certification import services as certification_services
from certification.models import Certification
from lms.learning import services
from lms.reviews import services as reviews
from tests.factories import make_course, scenario_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(hub, catalogue):
    course = make_course(
        catalogue, title="Scenario course", bodies=[[scenario_block()]]
    )
    module = course.get_modules().get()
    services.enrol(user=hub.learner, course=course)
    submission = services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=module.interactive_blocks()[0].id,
        text="We answer within the hour and say what we will do next.",
        token="3e8d2ea1-7f88-4c2e-9d3c-0d3c7c7d0f44",
    )
    reviews.review_scenario(
        submission=submission,
        by=hub.manager,
        decision="returned",
        feedback="Name the time you will come back.",
    )
    return submission


def _english(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def test_the_history_lists_reviewed_answers_in_the_managers_scope(
    client, hub, reviewed
):
    _english(hub.manager)
    client.force_login(hub.manager)
    queue = client.get(reverse("hub_reviews:index")).content.decode()
    assert f'href="{reverse("hub_reviews:history")}"' in queue
    html = client.get(reverse("hub_reviews:history")).content.decode()
    assert hub.learner.get_full_name() in html
    assert "Name the time you will come back." in html
    assert "Returned with feedback" in html

    client.force_login(hub.other_manager)
    response = client.get(reverse("hub_reviews:history"))
    assert response.status_code == HTTPStatus.OK
    assert hub.learner.get_full_name() not in response.content.decode()


def test_the_person_page_shows_answers_feedback_and_certificates(client, hub, reviewed):
    certification = Certification.objects.create(name="Webcare", validity_months=12)
    certification_services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=timezone.localdate()
    )
    _english(hub.manager)
    client.force_login(hub.manager)
    html = client.get(
        reverse("hub_people:person", args=[hub.learner.pk])
    ).content.decode()
    answers = html.split("<caption>Scenario answers</caption>")[1].split("</table>")[0]
    assert "Scenario course" in answers or reviewed.module.title in answers
    assert "Name the time you will come back." in answers
    assert "We answer within the hour" in answers
    certificates = html.split("<caption>Certificates</caption>")[1].split("</table>")[0]
    assert "Webcare" in certificates and "Valid" in certificates
