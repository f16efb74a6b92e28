"""Keyboard only: a manager reviews an answer and assigns a course with a due
date; HR filters a report and downloads it. Every step is reached with Tab
and done with Space, Enter or typing; nothing is clicked."""

import pytest

from courses.models import CoursePage
from lms.models import OrgUnit, ScenarioReview, ScenarioSubmission, TrainingAssignment
from tests.e2e.conftest import PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE_SLUG = "werven-via-sociale-media"


def tab_to(page, selector, *, limit=400):
    """Press Tab until the focus is on an element matching a Playwright
    selector."""
    targets = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if targets.evaluate_all("els => els.includes(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached {selector} on {page.url}")


def choose(page, name, value, *, limit=10):
    """Tab into a group of radio buttons and move to one with the arrow keys
    (which also checks it), as a keyboard user does."""
    tab_to(page, f"input[name={name}]")
    for _ in range(limit):
        if page.evaluate(
            "v => document.activeElement.value === v && document.activeElement.checked",
            value,
        ):
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"the arrow keys never reached {name}={value} on {page.url}")


def sign_in(page, base, email, then):
    page.goto(f"{base}/accounts/login/?next={then}")
    tab_to(page, "input[name=login]")
    page.keyboard.type(email)
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}{then}")


def test_a_manager_reviews_and_assigns_with_the_keyboard(demo, page, page_errors):
    submission = ScenarioSubmission.objects.filter(status="submitted").first()
    sign_in(page, demo, "manager@example.org", "/admin/hub/reviews/")

    tab_to(page, f"a[href='/admin/hub/reviews/{submission.pk}/']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/admin/hub/reviews/{submission.pk}/")
    choose(page, "decision", "returned")
    tab_to(page, "textarea[name=feedback]")
    page.keyboard.type("Noem een tijdstip waarop je terugkomt.")
    tab_to(page, "form.hub-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/admin/hub/reviews/")
    review = ScenarioReview.objects.get(submission=submission)
    assert review.decision == "returned" and "tijdstip" in review.feedback

    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    unit = OrgUnit.objects.get(name="Webcare")
    page.goto(f"{demo}/admin/hub/assignments/assign/")
    tab_to(page, "#id_course")
    page.keyboard.type(course.title[:12])
    choose(page, "target", "unit")
    tab_to(page, "#id_unit")
    page.keyboard.type(unit.name)
    tab_to(page, "#id_due_on")
    page.keyboard.type("2027-03-31")
    page.keyboard.press("Escape")  # the date chooser opened on focus
    tab_to(page, "#id_reason")
    page.keyboard.type("Werven hoort bij webcare")
    tab_to(page, "form.hub-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "button[name=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/admin/hub/assignments/")
    made = TrainingAssignment.objects.filter(
        course=course, reason="Werven hoort bij webcare"
    )
    assert made.exists()
    assert {str(a.due_on) for a in made} == {"2027-03-31"}


def test_hr_filters_a_report_and_downloads_it_with_the_keyboard(demo, page):
    spoke = OrgUnit.objects.get(name="Webcare")
    sign_in(page, demo, "hr@example.org", "/admin/hub/reports/overdue/")
    tab_to(page, 'role=button[name="Toon filters"]')
    page.keyboard.press("Enter")
    tab_to(page, ".w-drilldown__toggle:has-text('Eenheid')")
    page.keyboard.press("Enter")
    tab_to(page, "select[name=unit]")
    with page.expect_response(lambda r: "/overdue/results/" in r.url):
        page.keyboard.type("\u2003Webcare")
    page.wait_for_url(f"**unit={spoke.pk}**")
    tab_to(page, 'role=button[name="Acties"]')
    page.keyboard.press("Enter")
    tab_to(page, 'role=link[name="XLSX downloaden"]')
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    name = download.value.suggested_filename
    assert name.startswith("overdue-") and name.endswith(".xlsx")
