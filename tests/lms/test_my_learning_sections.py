"""My learning agrees with itself: each course once, in the most important
place, and every card with a way to go on."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.assignments import services as assignments
from lms.learning import services
from tests.factories import make_course

pytestmark = pytest.mark.django_db


def _cards(html: str, heading_id: str) -> str:
    """The HTML of one section of My learning."""
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_work_on_an_assigned_course_is_not_denied_below(client, hub, catalogue):
    course = make_course(catalogue, title="Assigned and half done")
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=20),
        reason="Team plan",
        target="person",
        person=hub.learner,
    )
    services.enrol(user=hub.learner, course=course)
    first = course.get_modules().first()
    services.complete_module(user=hub.learner, module=first)

    hub.learner.language = "en"
    hub.learner.save()
    client.force_login(hub.learner)
    html = client.get(reverse("lms:my_learning")).content.decode()
    assigned = _cards(html, "assigned-heading")
    in_progress = _cards(html, "in-progress-heading")
    # Once, where it is due, with a button to resume at the next module.
    assert html.count("Assigned and half done</a>") == 1
    assert "Assigned and half done" in assigned
    assert "Resume" in assigned
    assert "You have no courses in progress." not in in_progress
    assert "listed above" in in_progress


def test_every_card_has_a_button_to_go_on(client, hub, catalogue):
    not_started = make_course(catalogue, title="Not started yet")
    done = make_course(catalogue, title="Done already")
    assignments.assign_course(
        by=hub.manager,
        course=not_started,
        due_on=timezone.localdate() + timedelta(days=20),
        reason="Team plan",
        target="person",
        person=hub.learner,
    )
    services.enrol(user=hub.learner, course=done)
    for module in done.get_modules().specific():
        if not module.interactive_blocks():
            services.complete_module(user=hub.learner, module=module)

    client.force_login(hub.learner)
    html = client.get(reverse("lms:my_learning")).content.decode()
    for card in re.findall(r'<li class="card[^"]*">(.*?)</li>', html, re.S):
        assert 'class="button' in card, card


def test_the_demo_learners_certificates_agree_with_her_completions(client):
    from django.core.management import call_command

    from certification.models import Certificate
    from courses.models import CoursePage

    call_command("seed_demo")
    learner = Certificate.objects.filter(holder__email="learner@example.org")
    learner = learner.first().holder
    learner.language = "en"
    learner.save()
    client.force_login(learner)
    html = client.get(reverse("lms:my_learning")).content.decode()
    assert "You have not completed a course yet." not in html
    # The personal branding course, whose certificate she holds, is completed:
    # its page does not ask her to enrol.
    course = CoursePage.objects.get(
        slug="linkedin-voor-gemeentemedewerkers", locale__language_code="nl"
    )
    assert f'href="{course.url}"' in _cards(html, "completed-heading")
    page = client.get(course.url).content.decode()
    assert 'action="' + reverse("lms:enrol", args=[course.pk]) + '"' not in page
