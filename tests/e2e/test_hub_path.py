"""The demo manager assigns a course to a role; the demo learner sees it."""

import re

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
        "/admin/hub/",
        "/admin/hub/progress/",
        "/admin/hub/assignments/",
        "/admin/hub/reviews/",
        "/admin/hub/reviews/history/",
        f"/admin/hub/reviews/{submission.pk}/",
        "/admin/hub/people/",
        f"/admin/hub/people/{learner.pk}/",
        f"/admin/hub/people/{learner.pk}/memberships/add/",
        "/admin/hub/people/import/",
        "/admin/hub/units/",
        "/admin/hub/roles/",
    ]


def test_manager_assigns_a_course_to_a_role_and_the_learner_sees_it(
    demo, page, axe, page_errors
):
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    log_in(page, demo, "manager@example.org", "/admin/hub/assignments/assign/")
    page.select_option("#id_course", label=course.title)
    page.check("input[name=target][value=role]")
    page.select_option("#id_role", label="Webcare-agent")
    page.fill("#id_due_on", "2027-03-31")
    page.fill("#id_reason", "Iedereen in webcare helpt mee met werven")
    page.locator("form.hub-form button[type=submit]").click()
    page.wait_for_load_state()
    preview = page.locator(".hub-preview").first
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
    assert assigned.get_by_role("link", name=course.title, exact=True).is_visible()
    assert assigned.get_by_text("31 maart 2027").is_visible()
    assert assigned.get_by_text("Iedereen in webcare helpt mee met werven").is_visible()
    axe(page)
    page.locator(".language-switch button[value=en]").click()
    page.wait_for_load_state()
    english_title = CoursePage.objects.get(
        slug=COURSE_SLUG, locale__language_code="en"
    ).title
    assert assigned.get_by_role("link", name=english_title, exact=True).is_visible()
    assert assigned.get_by_text("31 March 2027").is_visible()
    axe(page)


def test_the_assign_form_picks_a_date_shows_one_target_and_names_who_is_reached(
    demo, page, page_errors
):
    from playwright.sync_api import expect

    from lms.assignments import services as assignments
    from lms.models import OrgUnit

    manager = get_user_model().objects.get(email="manager@example.org")
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    unit = OrgUnit.objects.get(name="Hub", depth=1)
    log_in(page, demo, "manager@example.org", "/admin/hub/assignments/assign/")
    page_errors.check()  # the date chooser's script is there before the field

    # The admin's date chooser opens on the due date, and fills it in.
    page.locator("#id_due_on").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    picker.locator(".xdsoft_date:not(.xdsoft_disabled)").last.click()
    expect(page.locator("#id_due_on")).to_have_value(re.compile(r"^\d{4}-\d\d-\d\d$"))

    # Only the fields of the chosen target show.
    fields = {
        name: page.locator(f"#id_{name}")
        for name in ("person", "role", "unit", "include_subunits")
    }
    for target, shown in [
        ("person", {"person"}),
        ("unit", {"unit", "include_subunits"}),
        ("role", {"role", "unit", "include_subunits"}),
    ]:
        page.check(f"input[name=target][value={target}]")
        for name, field in fields.items():
            if name in shown:
                expect(field).to_be_visible()
            else:
                expect(field).to_be_hidden()

    # The preview names the people reached, a page at a time.
    page.select_option("#id_course", label=course.title)
    page.check("input[name=target][value=unit]")
    page.select_option("#id_unit", value=str(unit.pk))
    page.fill("#id_due_on", "2027-03-31")
    page.fill("#id_reason", "Iedereen in de hub")
    page.locator("form.hub-form button[type=submit]").click()
    reached = assignments.affected_people(
        by=manager, course=course, target="unit", unit=unit, include_subunits=True
    )
    size = 25
    assert reached.count() > size, "the demo hub fills two pages"
    names = page.locator("section[aria-labelledby=preview-people-heading] li")
    expect(names).to_have_count(size)
    expect(names.first).to_contain_text(reached[0].email)
    page.locator("button[name=preview_page]", has_text="Volgende").click()
    expect(names.first).to_contain_text(reached[size].email)
    # Only the unit's fields still show after the round trip.
    expect(fields["person"]).to_be_hidden()
    expect(fields["role"]).to_be_hidden()
