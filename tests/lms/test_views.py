import uuid
from http import HTTPStatus

import pytest
from django.urls import reverse

from lms.learning import services
from lms.models import Enrolment, ModuleProgress, QuizAttempt, ScenarioSubmission
from tests.factories import UserFactory, correct_answers, make_course

pytestmark = pytest.mark.django_db


def quiz_post(block, answers, token=None):
    data = {"token": str(token or uuid.uuid4())}
    for question_id, choice_ids in answers.items():
        data[f"q-{question_id}"] = choice_ids
    return data


def test_my_learning_needs_a_login(client):
    response = client.get(reverse("lms:my_learning"))
    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", ["enrol", "complete_module"])
def test_actions_refuse_get(auth_client, course, modules, name):
    target = course if name == "enrol" else modules[0]
    response = auth_client.get(reverse(f"lms:{name}", args=[target.pk]))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not Enrolment.objects.exists()


def test_anonymous_posts_change_nothing(client, course, modules):
    block = modules[1].interactive_blocks()[0]
    for url in [
        reverse("lms:enrol", args=[course.pk]),
        reverse("lms:complete_module", args=[modules[0].pk]),
        reverse("lms:submit_quiz", args=[modules[1].pk, block.id]),
    ]:
        assert client.post(url).status_code == HTTPStatus.FOUND
    assert not Enrolment.objects.exists()


def test_enrol_then_take_a_quiz_and_a_scenario(auth_client, user, course, modules):
    response = auth_client.post(reverse("lms:enrol", args=[course.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == modules[0].url
    assert Enrolment.objects.filter(user=user).count() == 1

    block = modules[1].interactive_blocks()[0]
    response = auth_client.post(
        reverse("lms:submit_quiz", args=[modules[1].pk, block.id]),
        quiz_post(block, correct_answers(block.value)),
    )
    assert response.status_code == HTTPStatus.FOUND
    page = auth_client.get(modules[1].url)
    assert "Passed" in page.content.decode() or "Geslaagd" in page.content.decode()

    scenario = modules[2].interactive_blocks()[0]
    response = auth_client.post(
        reverse("lms:submit_scenario", args=[modules[2].pk, scenario.id]),
        {
            "token": str(uuid.uuid4()),
            "text": "We are sorry; a crew is on its way today.",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    # The scenario waits for review; the quiz module is done.
    assert ModuleProgress.objects.filter(enrolment__user=user).count() == 1
    page = auth_client.get(modules[2].url).content.decode()
    assert "Waiting for review" in page or "Wacht op beoordeling" in page


def test_a_bad_answer_shows_the_error_and_changes_nothing(
    auth_client, user, course, modules
):
    services.enrol(user=user, course=course)
    scenario = modules[2].interactive_blocks()[0]
    response = auth_client.post(
        reverse("lms:submit_scenario", args=[modules[2].pk, scenario.id]),
        {"token": str(uuid.uuid4()), "text": "short"},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'aria-invalid="true"' in response.content.decode()
    assert ">short</textarea>" in response.content.decode()
    assert not ScenarioSubmission.objects.exists()

    block = modules[1].interactive_blocks()[0]
    response = auth_client.post(
        reverse("lms:submit_quiz", args=[modules[1].pk, block.id]),
        {"token": str(uuid.uuid4()), "q-forged": ["x"]},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'role="alert"' in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_an_empty_quiz_comes_back_to_its_block_with_each_question_marked(
    auth_client, user, catalogue
):
    from tests.factories import question, quiz_block

    course = make_course(
        catalogue, bodies=[[quiz_block(question(), question(), question())]]
    )
    services.enrol(user=user, course=course)
    module = course.get_modules().get()
    block = module.interactive_blocks()[0]
    url = reverse("lms:submit_quiz", args=[module.pk, block.id])
    assert (
        f'action="{url}#errors-{block.id}"'
        in auth_client.get(module.url).content.decode()
    )

    response = auth_client.post(url, {"token": str(uuid.uuid4())})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert f'action="{url}#errors-{block.id}"' in html
    summary = f'id="errors-{block.id}" tabindex="-1" role="alert"'
    assert summary in html
    for number, child in enumerate(block.value["questions"].bound_blocks, start=1):
        message_id = f"q-error-{block.id}-{child.id}"
        first_choice = child.value["choices"].bound_blocks[0].id
        message = f"Kies een antwoord op vraag {number}."  # the site language
        # Marked at the question, and linked from the summary.
        assert f'aria-describedby="{message_id}"' in html
        assert f'<p class="field-error" id="{message_id}">{message}' in html
        assert f'<a href="#c-{block.id}-{first_choice}">{message}</a>' in html
        assert f'id="c-{block.id}-{first_choice}" aria-invalid="true"' in html
    assert "cannot be blank" not in html
    assert not QuizAttempt.objects.exists()


def test_the_scenario_field_asks_for_the_minimum_the_server_checks(
    auth_client, user, course, modules, settings
):
    settings.LMS_SCENARIO_MIN_LENGTH = 25
    services.enrol(user=user, course=course)
    scenario = modules[2].interactive_blocks()[0]
    url = reverse("lms:submit_scenario", args=[modules[2].pk, scenario.id])
    html = auth_client.get(modules[2].url).content.decode()
    assert 'minlength="25"' in html
    assert f'action="{url}#errors-{scenario.id}"' in html

    response = auth_client.post(url, {"token": str(uuid.uuid4()), "text": "x" * 24})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    error_id = f"answer-{scenario.id}-error"
    assert f'<a href="#answer-{scenario.id}">' in html
    assert f'aria-describedby="answer-{scenario.id}-hint {error_id}"' in html
    assert f'<p class="field-error" id="{error_id}">' in html


def test_a_learner_sees_and_changes_only_their_own_progress(
    client, user, other_user, course, modules
):
    services.enrol(user=user, course=course)
    services.complete_module(user=user, module=modules[0])
    client.force_login(other_user)
    # The other learner's pages show nothing of the first learner's progress.
    assert course.title not in client.get(reverse("lms:my_learning")).content.decode()
    assert "is-done" not in client.get(course.url).content.decode()
    # Posting for a course they are not enrolled in changes no one's records.
    block = modules[1].interactive_blocks()[0]
    client.post(
        reverse("lms:submit_quiz", args=[modules[1].pk, block.id]),
        quiz_post(block, correct_answers(block.value)),
    )
    client.post(reverse("lms:complete_module", args=[modules[0].pk]))
    assert not QuizAttempt.objects.exists()
    assert ModuleProgress.objects.count() == 1
    assert not Enrolment.objects.filter(user=other_user).exists()


def test_my_learning_lists_progress_and_resume_link(auth_client, user, course, modules):
    services.enrol(user=user, course=course)
    services.complete_module(user=user, module=modules[0])
    response = auth_client.get(reverse("lms:my_learning"))
    assert response.status_code == HTTPStatus.OK
    item = response.context["in_progress"][0]
    assert item.percent == 33
    assert item.resume.pk == modules[1].pk
    assert f'href="{modules[1].url}"' in response.content.decode()


def _enrol_in(user, catalogue, count):
    for _ in range(count):
        course = make_course(catalogue)
        services.enrol(user=user, course=course)
        services.complete_module(user=user, module=course.get_modules().first())


def _query_count(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(queries)


def test_my_learning_queries_do_not_grow_with_enrolments(
    client, catalogue, django_assert_max_num_queries
):
    few, many = UserFactory(), UserFactory()
    _enrol_in(few, catalogue, 1)
    _enrol_in(many, catalogue, 30)
    client.force_login(few)
    count_few = _query_count(
        client, reverse("lms:my_learning"), django_assert_max_num_queries
    )
    client.force_login(many)
    count_many = _query_count(
        client, reverse("lms:my_learning"), django_assert_max_num_queries
    )
    assert count_few == count_many
    with django_assert_max_num_queries(count_few):
        client.get(reverse("lms:my_learning"))


def test_course_page_queries_do_not_grow_with_enrolments(
    client, catalogue, course, django_assert_max_num_queries
):
    few, many = UserFactory(), UserFactory()
    for user, count in ((few, 1), (many, 30)):
        _enrol_in(user, catalogue, count - 1)
        services.enrol(user=user, course=course)
    client.force_login(few)
    count_few = _query_count(client, course.url, django_assert_max_num_queries)
    client.force_login(many)
    count_many = _query_count(client, course.url, django_assert_max_num_queries)
    assert count_few == count_many


def test_module_page_queries_do_not_grow_with_enrolments(
    client, catalogue, course, modules, django_assert_max_num_queries
):
    few, many = UserFactory(), UserFactory()
    for user, count in ((few, 1), (many, 30)):
        _enrol_in(user, catalogue, count - 1)
        services.enrol(user=user, course=course)
    counts = []
    for user in (few, many):
        client.force_login(user)
        counts.append(
            [
                _query_count(client, module.url, django_assert_max_num_queries)
                for module in modules
            ]
        )
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("page", "most"),
    # Session and user, the site, locale, home, routing down to the page, its
    # view restrictions, the header's permissions; then the learner's records
    # (a reading module asks for no quiz attempts or scenario answers), and
    # on My learning their calendar address.
    [("my_learning", 11), ("course", 14), ("reading", 15), ("quiz", 16)],
)
def test_learner_pages_stay_within_their_queries(
    client, catalogue, course, modules, page, most
):
    user = UserFactory()
    _enrol_in(user, catalogue, 3)
    services.enrol(user=user, course=course)
    client.force_login(user)
    url = {
        "my_learning": reverse("lms:my_learning"),
        "course": course.url,
        "reading": modules[0].url,
        "quiz": modules[1].url,
    }[page]
    assert _query_count(client, url, None) <= most


def test_completing_a_module_stays_within_its_queries(
    client, user, course, modules, django_assert_max_num_queries
):
    services.enrol(user=user, course=course)
    client.force_login(user)
    client.get(modules[0].url)  # warm the per-process caches
    # Session, user, view restrictions, the module; in a savepoint the
    # original course, the locked enrolment, its progress, the insert and the
    # course's modules; then the next module to go to.
    with django_assert_max_num_queries(12):
        response = client.post(reverse("lms:complete_module", args=[modules[0].pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == modules[1].url
    assert ModuleProgress.objects.filter(module=modules[0]).count() == 1
