"""Export everything held about a person; erase them without changing totals."""

import io
import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certification import data_requests
from certification import personal_data as certification_data
from certification import services as certification_services
from certification.models import Certificate, Certification
from lms.assignments import services as assignments
from lms.models import (
    AssignmentBatch,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    RoleMembership,
    ScenarioSubmission,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from tests.factories import UserFactory, make_course
from tests.hr.conftest import EMAIL, FIRST_NAME, NAME, NUMBER, OTHER_EMAIL

# Everything that names the subject, alone or in part.
WORDS = (NAME, FIRST_NAME, EMAIL, OTHER_EMAIL, NUMBER)

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
    "invitations",
    "calendar_feed",
    "audit_entries",
]


def test_the_export_holds_every_kind_of_record(subject, hub):
    document = json.loads(data_requests.export_json(subject, by=hub.hr))

    assert document["format"] == data_requests.FORMAT
    assert set(document) == {"format", "version", "exported_at", *SECTIONS}
    profile = document["profile"]
    assert (profile["name"], profile["email"]) == (NAME, EMAIL)
    assert profile["employee_number"] == NUMBER
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
    document = data_requests.export_person(hub.manager)
    made = {entry["action"] for entry in document["audit_entries"]["made"]}
    assert {"lms.assign", "lms.exempt", "lms.review_approved"} <= made


def test_the_entries_a_person_made_name_nobody_else(subject, hub):
    """The manager's export holds what they did to the subject, but not her
    name, her address or the reasons written about her."""
    document = json.loads(data_requests.export_json(hub.manager, by=hub.hr))
    made = document["audit_entries"]["made"]
    assert made
    for entry in made:
        assert set(entry) == {
            "timestamp",
            "action",
            "action_label",
            "object_type",
            "object_id",
        }
    text = json.dumps(made, ensure_ascii=False)
    for word in (NAME, EMAIL, "on leave", "previous employer", "Well put"):
        assert word not in text, word
    extension = next(entry for entry in made if entry["action"] == "lms.extend")
    assert extension["object_type"] == "lms.trainingassignment"
    assert extension["object_id"].isdigit()


def test_the_entries_about_a_person_keep_their_details(subject, hub):
    document = data_requests.export_person(subject, by=hub.hr)
    about = document["audit_entries"]["about"]
    extension = next(entry for entry in about if entry["action"] == "lms.extend")
    assert extension["by"] == hub.manager.pk
    assert extension["data"]["reason"].startswith(NAME)
    assert NAME in extension["object"]


def test_exporting_is_audited_without_the_name(subject, hub):
    data_requests.export_person(subject, by=hub.hr)
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


def _is_text(field) -> bool:
    return isinstance(
        field, models.CharField | models.TextField | models.JSONField
    ) or field.get_internal_type() in {"JSONField", "TextField"}


def scan(*words) -> list[tuple[str, object, str, str]]:
    """Every text and JSON column of every table where one of the words is,
    read as stored (JSON may hold escaped text)."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            fields = [f for f in meta.local_concrete_fields if _is_text(f)]
            if meta.proxy or not meta.managed or not fields:
                continue
            columns = ", ".join(
                connection.ops.quote_name(f.column) for f in [meta.pk, *fields]
            )
            cursor.execute(
                f"SELECT {columns} FROM {connection.ops.quote_name(meta.db_table)}"
            )
            for pk, *values in cursor.fetchall():
                for field, value in zip(fields, values, strict=True):
                    if not isinstance(value, str):
                        value = json.dumps(value, ensure_ascii=False)
                    for word in words:
                        if any(s in value.lower() for s in spellings(word)):
                            found.append((meta.label, pk, field.name, word))
    return found


@pytest.fixture
def mentions(subject, hub, catalogue):
    """Texts beyond her own records that call the subject by her first name
    or employee number: an earlier revocation, a batch for her team (copied
    into a colleague's assignment), and one for a unit she is not in."""
    today = timezone.localdate()
    earlier = certification_services.issue_certificate(
        holder=subject,
        certification=Certification.objects.create(name="Crisis", validity_months=12),
        valid_from=today,
    )
    certification_services.revoke(
        certificate=earlier, by=hub.manager, reason=f"{FIRST_NAME} shared the answers"
    )
    assignments.assign_course(
        by=hub.manager,
        course=make_course(catalogue),
        due_on=today + timedelta(days=20),
        reason=f"{FIRST_NAME} ({NUMBER}) asked the night shift for this",
        target="unit",
        unit=hub.team,
    )
    assignments.assign_course(
        by=hub.manager,
        course=make_course(catalogue),
        due_on=today + timedelta(days=20),
        reason=f"Ask {FIRST_NAME.lower()} about it",
        target="person",
        person=subject,
    )
    assignments.assign_course(
        by=hub.other_manager,
        course=make_course(catalogue),
        due_on=today + timedelta(days=20),
        reason=f"Cover for {NAME} (staff number {NUMBER})",
        target="unit",
        unit=hub.other_spoke,
    )


def test_after_erasure_nothing_names_the_person(subject, hub, mentions):
    before = dump()
    for word in WORDS:
        assert any(spelling in before for spelling in spellings(word)), word
    assert {word for *_, word in scan(*WORDS)} == set(WORDS)
    counts_before = totals()

    data_requests.erase_person(person=subject, by=hub.hr)

    assert scan(*WORDS) == []
    after = dump()
    for word in WORDS:
        for spelling in spellings(word):
            assert spelling not in after, word
    assert totals() == counts_before


def test_erasure_closes_the_account(subject, hub):
    data_requests.erase_person(person=subject, by=hub.hr)
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
    assert data_requests.is_erased(subject)


def test_erasure_revokes_the_certificates_and_is_audited(subject, hub):
    counts = data_requests.erase_person(person=subject, by=hub.hr)

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


def test_answers_and_texts_about_the_person_are_replaced(
    subject, hub, catalogue, mentions
):
    assignments.ensure_assignments(
        user_ids=[subject.pk],
        course=make_course(catalogue),
        due_on=timezone.localdate(),
        source="role",
        reason="Required for the role Webcare agent",
    )
    counts = data_requests.erase_person(person=subject)
    erased = data_requests.erased_name(subject.pk)
    answer = ScenarioSubmission.objects.get(enrolment__user=subject)
    assert answer.text == "[erased]"
    assert answer.review.feedback == "[erased]"
    reasons = dict(
        TrainingAssignment.objects.filter(user=subject).values_list("source", "reason")
    )
    own = TrainingAssignment.objects.filter(user=subject, source="manager")
    # Even a reason others were given: the copy is hers.
    assert set(own.values_list("reason", flat=True)) == {"[erased]"}
    # Named after her role, not written about her.
    assert reasons["role"] == "Required for the role Webcare agent"
    batches = AssignmentBatch.objects.filter(person=subject)
    assert set(batches.values_list("reason", flat=True)) == {"[erased]"}
    # A reason her team shares keeps its words, without any of hers; so does
    # her colleague's copy of it.
    shared = f"{erased} ({erased}) asked the night shift for this"
    assert AssignmentBatch.objects.get(target="unit", unit=hub.team).reason == shared
    assert TrainingAssignment.objects.filter(user=hub.learner, reason=shared).exists()
    elsewhere = AssignmentBatch.objects.get(unit=hub.other_spoke)
    assert elsewhere.reason == f"Cover for {erased} (staff number {erased})"
    revocations = dict(
        Certificate.objects.filter(holder=subject).values_list(
            "certification__name", "revocation_reason"
        )
    )
    assert revocations == {"Webcare": "erased", "Crisis": "[erased]"}
    assert counts["revocation_reasons"] == 1
    assert counts["certificates_revoked"] == 1


def test_a_namesake_far_from_the_person_keeps_their_first_name(subject, hub, catalogue):
    """A first name is looked for only in what reached the person: elsewhere
    it may be somebody else's."""
    namesake = UserFactory(name=f"{FIRST_NAME} Jansen")
    organisation.join_role(
        user=namesake,
        unit=hub.other_spoke,
        role=hub.role,
        started_on=timezone.localdate(),
        by=hub.other_manager,
    )
    batch = assignments.assign_course(
        by=hub.other_manager,
        course=make_course(catalogue),
        due_on=timezone.localdate() + timedelta(days=5),
        reason=f"{FIRST_NAME} Jansen shows the newcomers around",
        target="unit",
        unit=hub.other_spoke,
    )

    data_requests.erase_person(person=subject, by=hub.hr)

    namesake.refresh_from_db()
    batch.refresh_from_db()
    assert namesake.name == f"{FIRST_NAME} Jansen"
    assert batch.reason == f"{FIRST_NAME} Jansen shows the newcomers around"
    joined = ModelLogEntry.objects.get(
        action="lms.join_role", data__person=f"{FIRST_NAME} Jansen"
    )
    assert joined.label.startswith(FIRST_NAME)


@pytest.mark.parametrize(
    "make_target, message",
    [
        (lambda hub: hub.hr, "your own"),
        (lambda hub: UserFactory(is_superuser=True), "administrator"),
    ],
)
def test_some_people_cannot_be_erased(hub, make_target, message):
    target = make_target(hub)
    with pytest.raises(data_requests.ValidationError, match=message):
        data_requests.erase_person(person=target, by=hub.hr)
    target.refresh_from_db()
    assert target.is_active and not data_requests.is_erased(target)


def test_erasing_twice_is_refused(subject, hub):
    data_requests.erase_person(person=subject, by=hub.hr)
    with pytest.raises(data_requests.ValidationError, match="already been erased"):
        data_requests.erase_person(person=subject, by=hub.hr)
    assert ModelLogEntry.objects.filter(action="cms.erase_person").count() == 1


def test_a_failure_halfway_changes_nothing(subject, hub, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(certification_data, "revoke_for_erasure", fail)
    before = dump()
    with pytest.raises(RuntimeError):
        data_requests.erase_person(person=subject, by=hub.hr)
    assert dump() == before


def test_the_export_issues_as_many_queries_for_more_records(
    subject, hub, catalogue, django_assert_num_queries
):
    data_requests.export_person(subject)
    with CaptureQueriesContext(connection) as first:
        data_requests.export_person(subject)
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
        document = data_requests.export_person(subject)
    assert len(document["assignments"]) == 5


@pytest.mark.parametrize("kind", ["manager", "learner", "editor"])
def test_only_hr_may_ask_the_services(subject, hub, kind):
    asker = getattr(hub, kind)
    with pytest.raises(PermissionDenied):
        data_requests.export_person(subject, by=asker)
    with pytest.raises(PermissionDenied):
        data_requests.erase_person(person=subject, by=asker)
    subject.refresh_from_db()
    assert subject.name == NAME
