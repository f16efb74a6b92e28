from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Task, Workflow

from cms.demo.content import COURSES, TOPICS
from courses.models import CoursePage, ModulePage, Topic
from lms.models import (
    Enrolment,
    ModuleProgress,
    Notification,
    QuizAttempt,
    ScenarioSubmission,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Topic,
            get_user_model(),
            Enrolment,
            ModuleProgress,
            QuizAttempt,
            ScenarioSubmission,
        )
    }


def test_seed_demo_is_idempotent_and_complete(capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    output = capsys.readouterr().out
    assert "http://127.0.0.1:8000" in output and "learner@example.org" in output

    assert Topic.objects.filter(locale__language_code="nl").count() == len(TOPICS) == 5
    assert Topic.objects.filter(locale__language_code="en").count() == 5
    for language in ("nl", "en"):
        courses = CoursePage.objects.live().filter(locale__language_code=language)
        assert courses.count() == len(COURSES) == 5
        for course in courses:
            modules = list(course.get_modules())
            assert 3 <= len(modules) <= 5
            kinds = {block.block_type for module in modules for block in module.body}
            assert {"quiz", "scenario"} <= kinds, course.title
    # Translations share their blocks' ids, so work in one counts for the other.
    for module in ModulePage.objects.filter(locale__language_code="en"):
        original = module.get_canonical()
        assert original.locale.language_code == "nl"
        assert [b.id for b in module.body] == [b.id for b in original.body]


def test_demo_users_and_the_half_done_course(client):
    call_command("seed_demo", password="another-pass-7")
    User = get_user_model()
    learner = User.objects.get(email="learner@example.org")
    enrolment = Enrolment.objects.get(user=learner, course__slug="webcare-basis")
    total = enrolment.course.get_modules().count()
    assert ModuleProgress.objects.filter(enrolment=enrolment).count() == total // 2
    assert not enrolment.is_completed

    assert client.login(email="learner@example.org", password="another-pass-7")
    assert client.get("/admin/").status_code == HTTPStatus.FOUND  # no admin access
    assert client.get("/learn/").status_code == HTTPStatus.OK
    assert client.get("/courses/").status_code == HTTPStatus.OK

    assert client.login(email="editor@example.org", password="another-pass-7")
    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert client.get("/admin/snippets/courses/topic/").status_code == HTTPStatus.OK
    # The hub: a manager of the whole hub, HR, people in roles, work to review.
    from lms.models import (
        OrgUnit,
        RoleMembership,
        ScenarioSubmission,
        TrainingAssignment,
    )

    hub = OrgUnit.get_root_nodes().get(name="Hub")
    assert hub.get_children().count() == 5
    assert list(hub.managers.values_list("email", flat=True)) == ["manager@example.org"]
    assert User.objects.get(email="hr@example.org").groups.filter(name="HR").exists()
    assert RoleMembership.objects.current().values("user").distinct().count() >= 30
    today = timezone.localdate()
    assert (
        TrainingAssignment.objects.with_status(today).filter(status="overdue").count()
        >= 3
    )
    assert ScenarioSubmission.objects.filter(status="submitted").count() >= 3
    assert learner.memberships.filter(role__name="Webcare-agent").exists()
    assert client.login(email="manager@example.org", password="another-pass-7")
    assert client.get("/admin/hub/progress/").status_code == HTTPStatus.OK

    # Certification: five definitions, the learner with one valid certificate
    # and one inside its renewal window, and one revoked elsewhere.
    from certification.models import Certificate, Certification

    assert Certification.objects.count() == 5
    crisis = Certification.objects.get(name="Crisiscommunicatie")
    assert crisis.validity_months == 12
    assert set(
        Certification.objects.exclude(pk=crisis.pk).values_list(
            "validity_months", flat=True
        )
    ) == {24}
    statuses = sorted(
        c.status_on(today) for c in Certificate.objects.filter(holder=learner)
    )
    assert statuses == ["expiring", "valid"]
    revoked = Certificate.objects.exclude(holder=learner).filter(
        revoked_at__isnull=False
    )
    assert revoked.count() == 1


def test_demo_site_serves_every_page(client):
    call_command("seed_demo")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == HTTPStatus.OK, page.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demos_own_mails_stay_off_the_console_and_the_summary_comes_last(
    settings, capsys
):
    """Committed for real, as in `make demo`: the mails are sent when the
    seeding commits, through the development console mailer."""
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    }
    call_command("seed_demo")
    output = capsys.readouterr().out
    assert "Subject:" not in output and "Content-Type:" not in output
    lines = output.strip().splitlines()
    assert lines[0] == "Demo content is ready."
    assert lines[-1].split() == ["moderator@example.org", "Fatima", "El", "Amrani"]
    # Sent to nowhere, and marked sent: the daily run does not send them.
    assert Notification.objects.filter(sent_at__isnull=False).count() >= 40
    assert settings.MAILERS["default"]["BACKEND"].endswith(".console.EmailBackend")


def test_the_demo_workflow_is_named_in_the_editors_language(client):
    call_command("seed_demo", password="another-pass-7")
    assert list(Workflow.objects.values_list("name", flat=True)) == [
        "Goedkeuring door moderatoren"
    ]
    assert not Task.objects.filter(name__icontains="Moderators").exists()
    course = CoursePage.objects.filter(locale__language_code="nl").first()
    assert client.login(email="editor@example.org", password="another-pass-7")
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "Stuur door naar Goedkeuring door moderatoren" in html
    assert "Moderators approval" not in html
