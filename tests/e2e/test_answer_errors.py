"""A quiz or scenario sent back with errors returns to its block, moves the
focus to the error summary and marks each field at fault."""

import re

import pytest
from django.contrib.auth import get_user_model

from courses.models import CoursePage
from lms import app_settings
from lms.learning import services
from tests.e2e.conftest import PASSWORD, log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE_SLUG = "linkedin-voor-gemeentemedewerkers"
NEWCOMER = "nieuw@example.org"


def enrolled_newcomer():
    """The course, with a new colleague enrolled (the demo's own learners
    may have answered its questions already)."""
    course = CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")
    newcomer = get_user_model().objects.create_user(
        NEWCOMER, password=PASSWORD, name="Nieuwe Collega", language="nl"
    )
    services.enrol(user=newcomer, course=course)
    return course


def module_with(course, kind):
    return next(
        module
        for module in course.get_modules()
        if [block.block_type for block in module.interactive_blocks()] == [kind]
    )


def in_viewport(page, selector) -> bool:
    return page.eval_on_selector(
        selector,
        """element => {
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
    )


def test_an_empty_quiz_focuses_the_summary_and_marks_each_question(demo, page, axe):
    course = enrolled_newcomer()
    module = module_with(course, "quiz")
    block = module.interactive_blocks()[0]
    questions = block.value["questions"].bound_blocks
    assert len(questions) > 1

    log_in(page, demo, NEWCOMER, module.url)
    page.locator(f"#block-{block.id} button[type=submit]").click()
    page.wait_for_url(re.compile(rf"#errors-{block.id}$"))

    summary = f"#errors-{block.id}"
    assert page.evaluate("document.activeElement.id") == f"errors-{block.id}"
    assert page.locator(summary).get_attribute("role") == "alert"
    assert in_viewport(page, summary)
    links = page.locator(f"{summary} a")
    assert links.count() == len(questions)
    for number, question in enumerate(questions, start=1):
        fieldset = page.locator(
            f"#block-{block.id} fieldset", has=page.locator(f"[name='q-{question.id}']")
        )
        message_id = fieldset.get_attribute("aria-describedby")
        message = page.locator(f"#{message_id}")
        assert message.is_visible()
        assert message.inner_text().strip() == (f"Kies een antwoord op vraag {number}.")
        for choice in fieldset.locator("input").all():
            assert choice.get_attribute("aria-invalid") == "true"
        assert links.nth(number - 1).inner_text() == message.inner_text().strip()
    axe(page)

    # A link in the summary leads to its question.
    links.nth(1).click()
    first_choice = questions[1].value["choices"].bound_blocks[0].id
    assert page.url.endswith(f"#c-{block.id}-{first_choice}")


def test_a_short_scenario_answer_focuses_the_summary_and_marks_the_field(
    demo, page, axe
):
    course = enrolled_newcomer()
    module = module_with(course, "scenario")
    block = module.interactive_blocks()[0]
    minimum = app_settings.SCENARIO_MIN_LENGTH

    log_in(page, demo, NEWCOMER, module.url)
    field = page.locator(f"#answer-{block.id}")
    assert field.get_attribute("minlength") == str(minimum)
    # The browser refuses a short answer itself; one that the server refuses
    # (the sanitised text is shorter) comes back to the block.
    field.fill("<x></x>" * minimum)
    page.locator(f"#block-{block.id} button[type=submit]").click()
    page.wait_for_url(re.compile(rf"#errors-{block.id}$"))
    assert page.evaluate("document.activeElement.id") == f"errors-{block.id}"
    assert in_viewport(page, f"#errors-{block.id}")
    assert field.get_attribute("aria-invalid") == "true"
    described_by = field.get_attribute("aria-describedby").split()
    assert f"answer-{block.id}-error" in described_by
    assert page.locator(f"#answer-{block.id}-error").is_visible()
    axe(page)
