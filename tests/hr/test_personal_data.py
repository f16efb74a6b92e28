"""Export everything held about a person; erase them without changing totals."""

import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certification import personal_data as certification_data
from certification.models import Certificate
from cms import personal_data
from lms import assignments
from lms.models import (
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    RoleMembership,
    ScenarioSubmission,
    TrainingAssignment,
)
from tests.factories import UserFactory, make_course
from tests.hr.conftest import EMAIL, NAME, OTHER_EMAIL

pytestmark = pytest.mark.django_db

SECTIONS = [
    "profile",
    "managed_units",
    "memberships",
    "assignments",
    "enrolments",
    "module_progress",
    "quiz_attempts",
    "scenario_submissions",
    "certificates",
    "notifications",
    "audit_entries",
]


def test_the_export_holds_every_kind_of_record(subject, hub):
    document = json.loads(personal_data.export_json(subject, by=hub.hr))

    assert document["format"] == personal_data.FORMAT
    assert set(document) == {"format", "version", "exported_at", *SECTIONS}
    profile = document["profile"]
    assert (profile["name"], profile["email"]) == (NAME, EMAIL)
    assert profile["employee_number"] == "E-20417"
    assert {a["email"] for a in profile["email_addresses"]} == {EMAIL, OTHER_EMAIL}
    assert profile["admin_preferences"]["preferred_language"] == "en"
    for section in SECTIONS:
        if section != "managed_units":  # she manages nothing
            assert document[section], f"{section} is empty"
    first, second = document["assignments"]
    assert first["demands"][0]["batch"]["reason"].startswith(NAME)
    assert first["extensions"][0]["reason"].startswith(NAME)
    assert second["exemption"]["reason"].startswith(NAME)
    answer = document["scenario_submissions"][0]
    assert NAME in answer["text"]
    assert answer["review"]["decision"] == "approved"
    assert document["certificates"][0]["certification"] == "Webcare"
    actions = {entry["action"] for entry in document["audit_entries"]["about"]}
    assert {
        "lms.join_role",
        "lms.assign",
        "lms.extend",
        "lms.exempt",
        "lms.review_approved",
        "certification.issue",
    } <= actions
    # Dates in ISO 8601.
    assert "T" in document["enrolments"][0]["enrolled_at"]
    assert document["memberships"][-1]["started_on"].count("-") == 2
    assert "password" not in json.dumps(document["profile"])


def test_the_export_lists_the_entries_a_person_made(subject, hub):
    document = personal_data.export_person(hub.manager)
    made = {entry["action"] for entry in document["audit_entries"]["made"]}
    assert {"lms.assign", "lms.exempt", "lms.review_approved"} <= made


def test_exporting_is_audited_without_the_name(subject, hub):
    personal_data.export_person(subject, by=hub.hr)
    entry = ModelLogEntry.objects.get(action="cms.export_person")
    assert entry.user == hub.hr
    assert NAME not in entry.label and EMAIL not in entry.label


def totals():
    return {
        "assignments": TrainingAssignment.objects.count(),
        "current assignments": TrainingAssignment.objects.current().count(),
        "enrolments": Enrolment.objects.count(),
        "completed": Enrolment.objects.completed().count(),
        "progress": ModuleProgress.objects.count(),
        "attempts": QuizAttempt.objects.count(),
        "answers": ScenarioSubmission.objects.count(),
        "memberships": RoleMembership.objects.current().count(),
        "certificates": Certificate.objects.count(),
    }


def dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue().lower()


def spellings(text):
    return {text.lower(), json.dumps(text)[1:-1].lower()}


def test_after_erasure_the_name_and_email_appear_nowhere(subject, hub):
    before = dump()
    for word in (NAME, EMAIL, OTHER_EMAIL, "E-20417"):
        assert any(spelling in before for spelling in spellings(word))
    counts_before = totals()

    personal_data.erase_person(person=subject, by=hub.hr)

    after = dump()
    for word in (NAME, EMAIL, OTHER_EMAIL, "E-20417"):
        for spelling in spellings(word):
            assert spelling not in after, word
    assert totals() == counts_before


def test_erasure_closes_the_account(subject, hub):
    personal_data.erase_person(person=subject, by=hub.hr)
    subject.refresh_from_db()
    assert not subject.is_active
    assert not subject.has_usable_password()
    assert subject.language == "" and subject.employee_number == ""
    assert not subject.groups.exists()
    assert not EmailAddress.objects.filter(user=subject).exists()
    assert not UserProfile.objects.filter(user=subject).exists()
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(subject.pk)
    ]
    assert personal_data.is_erased(subject)


def test_erasure_revokes_the_certificates_and_is_audited(subject, hub):
    counts = personal_data.erase_person(person=subject, by=hub.hr)

    certificate = Certificate.objects.get(holder=subject)
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == certification_data.ERASED_REASON == "erased"
    assert certificate.revoked_by == hub.hr
    assert counts["certificates_revoked"] == 1
    revocation = ModelLogEntry.objects.get(action="certification.revoke")
    assert revocation.data == {"reason": "erased"}
    erasure = ModelLogEntry.objects.get(action="cms.erase_person")
    assert erasure.user == hub.hr
    assert erasure.label == f"Erased person #{subject.pk}"
    assert erasure.object_id == str(subject.pk)


def test_answers_and_texts_about_the_person_are_replaced(subject):
    personal_data.erase_person(person=subject)
    answer = ScenarioSubmission.objects.get(enrolment__user=subject)
    assert answer.text == "[erased]"
    assert answer.review.feedback == "[erased]"
    reasons = set(
        TrainingAssignment.objects.filter(user=subject).values_list("reason", flat=True)
    )
    # A reason others share keeps its words, without the person's.
    assert "Everyone in the team" in reasons


@pytest.mark.parametrize(
    "make_target, message",
    [
        (lambda hub: hub.hr, "your own"),
        (lambda hub: UserFactory(is_superuser=True), "administrator"),
    ],
)
def test_some_people_cannot_be_erased(hub, make_target, message):
    target = make_target(hub)
    with pytest.raises(personal_data.ValidationError, match=message):
        personal_data.erase_person(person=target, by=hub.hr)
    target.refresh_from_db()
    assert target.is_active and not personal_data.is_erased(target)


def test_erasing_twice_is_refused(subject, hub):
    personal_data.erase_person(person=subject, by=hub.hr)
    with pytest.raises(personal_data.ValidationError, match="already been erased"):
        personal_data.erase_person(person=subject, by=hub.hr)
    assert ModelLogEntry.objects.filter(action="cms.erase_person").count() == 1


def test_a_failure_halfway_changes_nothing(subject, hub, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(certification_data, "revoke_for_erasure", fail)
    before = dump()
    with pytest.raises(RuntimeError):
        personal_data.erase_person(person=subject, by=hub.hr)
    assert dump() == before


def test_the_export_issues_as_many_queries_for_more_records(
    subject, hub, catalogue, django_assert_num_queries
):
    personal_data.export_person(subject)
    with CaptureQueriesContext(connection) as first:
        personal_data.export_person(subject)
    for index in range(3):
        assignments.assign_course(
            by=hub.manager,
            course=make_course(catalogue),
            due_on=timezone.localdate(),
            reason=f"More {index}",
            target="person",
            person=subject,
        )
    with django_assert_num_queries(len(first)):
        document = personal_data.export_person(subject)
    assert len(document["assignments"]) == 5


@pytest.mark.parametrize("kind", ["manager", "learner", "editor"])
def test_only_hr_may_ask_the_services(subject, hub, kind):
    asker = getattr(hub, kind)
    with pytest.raises(PermissionDenied):
        personal_data.export_person(subject, by=asker)
    with pytest.raises(PermissionDenied):
        personal_data.erase_person(person=subject, by=asker)
    subject.refresh_from_db()
    assert subject.name == NAME
