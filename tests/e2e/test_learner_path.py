"""The demo learner takes a course end to end in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model

from cms.demo.content import COURSES
from courses.models import CoursePage
from lms.models import ScenarioSubmission
from lms.reviews import services as reviews
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def switch_language(page, code):
    page.locator(f".language-switch button[value={code}]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code


def correct_choice_ids(module):
    block = module.interactive_blocks()[0]
    return block.id, [
        choice.id
        for question in block.value["questions"].bound_blocks
        for choice in question.value["choices"].bound_blocks
        if choice.value["correct"]
    ]


def test_learner_takes_a_course_end_to_end(demo, page, axe):
    # Not one the demo learner has half done, nor one required for her role.
    course_data = next(c for c in COURSES if c["slug"] == "inwoners-betrekken-online")
    course = CoursePage.objects.get(
        slug=course_data["slug"], locale__language_code="nl"
    )
    modules = list(course.get_modules())

    log_in(page, demo, "learner@example.org")
    axe(page)
    page.goto(f"{demo}/courses/")
    axe(page)
    page.get_by_role("link", name=course_data["title"]["nl"]).click()
    axe(page)
    page.get_by_role("button", name="Inschrijven").click()
    page.wait_for_url(re.compile(re.escape(modules[0].url) + "$"))

    passed_quiz = answered_scenario = False
    for module in modules:
        page.goto(f"{demo}{module.url}")
        kinds = [block.block_type for block in module.interactive_blocks()]
        if not kinds:
            page.get_by_role("button", name="Markeren als afgerond").click()
        elif kinds[0] == "quiz":
            block_id, choice_ids = correct_choice_ids(module)
            for choice_id in choice_ids:
                page.locator(f"#c-{block_id}-{choice_id}").check()
            page.locator(f"#block-{block_id} button[type=submit]").click()
            page.wait_for_load_state()
            assert page.locator(
                f"#block-{block_id} .quiz__result.is-passed"
            ).is_visible()
            axe(page)
            passed_quiz = True
        else:
            block_id = module.interactive_blocks()[0].id
            page.fill(
                f"#answer-{block_id}",
                "Wat vervelend dat dit gebeurt. We zoeken het vandaag uit en laten je "
                "voor vijf uur weten wat we doen. Groet, Sanne",
            )
            page.locator(f"#block-{block_id} button[type=submit]").click()
            page.wait_for_load_state()
            assert page.locator(
                f"#block-{block_id} .scenario__answer--submitted"
            ).is_visible()
            axe(page)
            # The demo manager approves the answer in the review queue.
            submission = ScenarioSubmission.objects.get(
                block_id=block_id, enrolment__user__email="learner@example.org"
            )
            reviews.review_scenario(
                submission=submission,
                by=get_user_model().objects.get(email="manager@example.org"),
                decision="approved",
                feedback="Helder en menselijk. Goed gedaan!",
            )
            page.reload()
            assert page.locator(
                f"#block-{block_id} .scenario__answer--approved"
            ).is_visible()
            assert page.get_by_text("Goed gedaan!").is_visible()
            axe(page)
            answered_scenario = True
        if len(kinds) > 1:
            pytest.fail("the demo modules hold one interactive block each")
    assert passed_quiz and answered_scenario

    page.goto(f"{demo}{course.url}")
    assert page.locator(".module-list__item.is-done").count() == len(modules)
    axe(page)

    page.goto(f"{demo}/learn/")
    completed = page.locator("section[aria-labelledby=completed-heading]")
    assert completed.get_by_role(
        "link", name=course_data["title"]["nl"], exact=True
    ).is_visible()
    # The half-done webcare course is required for her role, with its progress.
    required = page.locator("section[aria-labelledby=required-heading]")
    assert required.locator(".progress__label").first.inner_text().startswith("50%")
    axe(page)

    # The same pages in English, at the same addresses.
    switch_language(page, "en")
    assert completed.get_by_role(
        "link", name=course_data["title"]["en"], exact=True
    ).is_visible()
    axe(page)
    for url in ("/courses/", course.url, modules[0].url, modules[-1].url):
        page.goto(f"{demo}{url}")
        assert page.locator("html").get_attribute("lang") == "en"
        axe(page)


def test_pages_a_visitor_sees_pass_axe_in_both_languages(demo, page, axe):
    for language in ("nl", "en"):
        page.goto(f"{demo}/")
        if language == "en":
            switch_language(page, "en")
        axe(page)
        for url in ("/courses/", "/accounts/login/", "/accounts/password/reset/"):
            page.goto(f"{demo}{url}")
            axe(page)


def test_the_accessibility_check_catches_a_violation(page, axe):
    page.set_content(
        '<html lang="en"><body><main><img src="x.png"><button></button></main></body></html>'
    )
    with pytest.raises(AssertionError, match="button-name|image-alt"):
        axe(page)
