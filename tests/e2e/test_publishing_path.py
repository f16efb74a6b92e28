"""The demo's publishing path: an editor writes a course and submits it, the
moderator approves it, and it is in the catalogue; the editor translates it."""

import pytest

from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Reageren op recensies"


def make_module(course):
    module = ModulePage(title="Een recensie lezen", slug="een-recensie-lezen")
    course.add_child(instance=module)
    module.save_revision().publish()


def test_a_new_course_reaches_the_catalogue_through_the_moderator(
    demo, page, page_errors
):
    catalogue = CourseIndexPage.objects.get(locale__language_code="nl")
    log_in(
        page,
        demo,
        "editor@example.org",
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
    )
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Hoe je een recensie beantwoordt, goed of slecht.")
    page.locator("#id_title").press("Tab")
    # The editor may not publish: the main action saves a draft, and the
    # menu beside it submits to the moderators.
    footer = page.locator(".w-dropdown-button").last
    assert page.locator("button[name=action-publish]").count() == 0
    footer.locator(".w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(f"{demo}/admin/pages/{catalogue.pk}/")
    course = CoursePage.objects.get(title=TITLE)
    assert not course.live and course.current_workflow_state is not None

    page.context.clear_cookies()
    log_in(page, demo, "moderator@example.org", f"/admin/pages/{course.pk}/edit/")
    page.locator(".w-dropdown-button").last.locator(".w-dropdown__toggle").click()
    page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    page.wait_for_url(f"{demo}/admin/pages/{catalogue.pk}/")
    page.locator(".w-dropdown-button [disabled]").first.wait_for(state="detached")
    course.refresh_from_db()
    assert course.live

    page.goto(f"{demo}/courses/")
    assert page.get_by_role("link", name=TITLE).count() == 1

    # The editor translates the course, with its modules, into English: the
    # page's own menu offers it.
    make_module(course)
    page.context.clear_cookies()
    log_in(page, demo, "editor@example.org", f"/admin/pages/{course.pk}/edit/")
    translate = f"/admin/translation/submit/page/{course.pk}/"
    page.locator("header .w-dropdown__toggle").first.click()
    page.locator(f'a[href^="{translate}"]').first.wait_for()
    page.goto(f"{demo}{translate}")
    page.check("input[name=locales]")
    page.check("input[name=include_subtree]")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    english = CoursePage.objects.get(
        translation_key=course.translation_key, locale__language_code="en"
    )
    assert not english.live
    assert ModulePage.objects.child_of(english).count() == 1
