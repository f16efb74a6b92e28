"""The demo manager assigns a course to a role; the demo learner sees it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from courses.models import CoursePage
from lms.models import ScenarioSubmission
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE_SLUG = "werven-via-sociale-media"


def hub_pages(base):
    submission = ScenarioSubmission.objects.filter(status="submitted").first()
    learner = get_user_model().objects.get(email="learner@example.org")
    return [
        "/admin/hub/progress/",
        "/admin/hub/assignments/",
        "/admin/hub/reviews/",
        f"/admin/hub/reviews/{submission.pk}/",
        "/admin/hub/people/",
        f"/admin/hub/people/{learner.pk}/",
        f"/admin/hub/people/{learner.pk}/memberships/add/",
        "/admin/hub/people/import/",
        "/admin/hub/units/",
        "/admin/hub/roles/",
    ]


def test_manager_assigns_a_course_to_a_role_and_the_learner_sees_it(demo, page, axe):
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    log_in(page, demo, "manager@example.org", "/admin/hub/assignments/assign/")
    page.select_option("#id_course", label=course.title)
    page.check("input[name=target][value=role]")
    page.select_option("#id_role", label="Webcare-agent")
    page.fill("#id_due_on", "2027-03-31")
    page.fill("#id_reason", "Iedereen in webcare helpt mee met werven")
    page.locator("form.hub-form button[type=submit]").click()
    page.wait_for_load_state()
    preview = page.locator(".hub-preview")
    assert preview.is_visible()
    axe(page)
    page.locator("button[name=confirm]").click()
    page.wait_for_url(f"{demo}/admin/hub/assignments/")
    axe(page)

    for url in hub_pages(demo):
        page.goto(f"{demo}{url}")
        axe(page)

    # The same screens in English: the admin speaks the manager's chosen language.
    manager = get_user_model().objects.get(email="manager@example.org")
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    for url in hub_pages(demo):
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "en"
        axe(page)

    page.context.clear_cookies()
    log_in(page, demo, "learner@example.org", "/learn/")
    assigned = page.locator("section[aria-labelledby=assigned-heading]")
    assert assigned.get_by_text(course.title).is_visible()
    assert assigned.get_by_text("31 maart 2027").is_visible()
    assert assigned.get_by_text("Iedereen in webcare helpt mee met werven").is_visible()
    axe(page)
    page.locator(".language-switch button[value=en]").click()
    page.wait_for_load_state()
    english_title = CoursePage.objects.get(
        slug=COURSE_SLUG, locale__language_code="en"
    ).title
    assert assigned.get_by_text(english_title).is_visible()
    assert assigned.get_by_text("31 March 2027").is_visible()
    axe(page)
