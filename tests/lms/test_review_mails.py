"""The learner hears by mail when a manager approves or returns their answer."""

import io
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command

from lms import tasks
from lms.learning import services
from lms.models import Notification
from lms.notifications import services as notifications
from lms.reviews import services as reviews
from tests.factories import make_course, scenario_block

pytestmark = pytest.mark.django_db

FEEDBACK = "Say when the bins will be emptied."


@pytest.fixture
def answer(hub, catalogue, locales):
    """The learner's answer to a scenario of a Dutch course with an English
    translation, waiting for review."""
    course = make_course(
        catalogue,
        bodies=[[scenario_block("Een boze post")]],
        title="Webcare voor beginners",
    )
    module = course.get_modules().get()
    module.title = "Reageren op klachten"
    module.save_revision().publish()
    english = course.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Webcare for beginners"
    english.save_revision().publish()
    english_module = module.copy_for_translation(locales["en"])
    english_module.title = "Answering complaints"
    body = english_module.body
    body[0].value["title"] = "An angry post"
    english_module.body = body
    english_module.save_revision().publish()
    services.enrol(user=hub.learner, course=course)
    block_id = module.interactive_blocks()[0].id
    submission = services.submit_scenario(
        user=hub.learner,
        module=module,
        block_id=block_id,
        text="We will look into it at some point.",
        token="0b5a9b7e-4c55-4f9b-8a85-7a0f4f4a7c11",
    )
    return SimpleNamespace(
        submission=submission,
        module=module,
        english_module=english_module,
        block_id=block_id,
    )


def review(answer, hub, decision, feedback=FEEDBACK):
    return reviews.review_scenario(
        submission=answer.submission,
        by=hub.manager,
        decision=decision,
        feedback=feedback,
    )


def test_a_review_queues_the_mail_on_commit_and_sends_none_inline(
    answer, hub, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(
        tasks, "send_notification_task", SimpleNamespace(enqueue=queued.append)
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = review(answer, hub, "returned")
        assert queued == [] and mail.outbox == []  # nothing before the commit
    notice = Notification.objects.get(review=done)
    assert (notice.kind, notice.sent_at) == ("reviewed", None)
    assert queued == [notice.pk]
    assert mail.outbox == []  # a worker sends it


@pytest.mark.parametrize(
    ("language", "subject", "texts", "module"),
    [
        (
            "en",
            "Your answer has been returned: An angry post",
            ["Answering complaints", "Webcare for beginners", "Improve your answer"],
            "english_module",
        ),
        (
            "nl",
            "Je antwoord is teruggestuurd: Een boze post",
            ["Reageren op klachten", "Webcare voor beginners", "Verbeter je antwoord"],
            "module",
        ),
    ],
)
def test_a_returned_answer_mails_the_feedback_and_a_link_back_in_the_learners_language(
    answer, hub, django_capture_on_commit_callbacks, language, subject, texts, module
):
    hub.learner.language = language
    hub.learner.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        review(answer, hub, "returned")

    [message] = mail.outbox
    assert message.to == [hub.learner.email]
    assert message.subject == subject
    html = message.alternatives[0][0]
    link = f"{getattr(answer, module).full_url}#block-{answer.block_id}"
    for body in (message.body, html):
        assert FEEDBACK in body
        assert hub.manager.get_full_name() in body
        assert link in body
        for text in texts:
            assert text in body
    assert Notification.objects.get().sent_at is not None


def test_an_approved_answer_is_mailed_too(
    answer, hub, django_capture_on_commit_callbacks
):
    hub.learner.language = "en"
    hub.learner.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        review(answer, hub, "approved", feedback="")

    [message] = mail.outbox
    assert message.subject == "Your answer has been approved: An angry post"
    assert "See your answer" in message.body
    assert "Feedback" not in message.body


def test_the_mail_is_sent_once_and_an_unsent_one_is_retried_daily(
    answer, hub, monkeypatch, django_capture_on_commit_callbacks
):
    # The queue is down when the review commits: the row stays unsent.
    monkeypatch.setattr(
        tasks, "send_notification_task", SimpleNamespace(enqueue=lambda pk: None)
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = review(answer, hub, "returned")
    notice = Notification.objects.get(review=done)
    monkeypatch.undo()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("lms_daily", stdout=out)
    assert "review mails retried: 1" in out.getvalue()
    assert len(mail.outbox) == 1
    key = notifications.message_id(notice.idempotency_key, hub.learner)
    assert mail.outbox[0].extra_headers["Message-ID"] == key
    # Neither a second run nor a second task sends it again.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("lms_daily", stdout=io.StringIO())
    assert notifications.send_notification(notice.pk) is False
    assert len(mail.outbox) == 1


def test_no_mail_goes_to_a_learner_who_has_left(
    answer, hub, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(
        tasks, "send_notification_task", SimpleNamespace(enqueue=lambda pk: None)
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = review(answer, hub, "returned")
    hub.learner.is_active = False
    hub.learner.save(update_fields=["is_active"])

    assert (
        notifications.send_notification(Notification.objects.get(review=done).pk)
        is False
    )
    assert mail.outbox == []
    assert notifications.unsent_reviewed() == []


def test_a_notice_is_about_an_assignment_or_a_review(answer, hub):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(kind="reviewed", period="1")
    done = review(answer, hub, "returned")
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(review=done, kind="reviewed", period="2")
    assert Notification.objects.filter(review=done).count() == 1
