"""The reasons stored as sentences become what they mean (issue 11, item 7)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from tests.factories import make_course

BEFORE = [("lms", "0008_export_jobs"), ("certification", "0009_certificate_mail")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_sentences_become_the_role_or_certification(catalogue, user):
    course_ids = [make_course(catalogue, bodies=[]).pk for _ in range(5)]
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Role = old.get_model("lms", "Role")
    OrgUnit = old.get_model("lms", "OrgUnit")
    RoleMembership = old.get_model("lms", "RoleMembership")
    TrainingAssignment = old.get_model("lms", "TrainingAssignment")
    AssignmentDemand = old.get_model("lms", "AssignmentDemand")
    Certification = old.get_model("certification", "Certification")
    agent = Role.objects.create(name="Webcare-agent")
    renamed = Role.objects.create(name="Crisislead")
    unit = OrgUnit.objects.create(name="Hub", path="0001", depth=1)
    membership = RoleMembership.objects.create(
        user_id=user.pk, unit=unit, role=renamed, started_on=timezone.localdate()
    )
    crisis = Certification.objects.create(name="Crisiscommunicatie")
    rows = {}
    for key, course_id, source, reason in [
        ("dutch", course_ids[0], "role", "Verplicht voor de rol Webcare-agent"),
        ("english", course_ids[1], "role", "Required for the role Webcare-agent"),
        ("renamed", course_ids[2], "role", "Verplicht voor de rol Crisis-lead"),
        ("manager", course_ids[3], "manager", "Verplicht voor de rol, zegt Anna"),
        ("renewal", course_ids[4], "renewal", "Crisiscommunicatie"),
    ]:
        rows[key] = TrainingAssignment.objects.create(
            user_id=user.pk,
            course_id=course_id,
            source=source,
            reason=reason,
            due_on=timezone.localdate(),
        ).pk
    AssignmentDemand.objects.create(
        assignment_id=rows["renamed"], membership=membership
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from certification.models import Certification
    from lms.models import Role, TrainingAssignment

    after = TrainingAssignment.objects.with_reason().in_bulk(list(rows.values()))
    agent, renamed = Role.objects.get(pk=agent.pk), Role.objects.get(pk=renamed.pk)
    expected = {
        "dutch": ("", agent),
        "english": ("", agent),
        # No role has the name any more: the role of the membership asking.
        "renamed": ("", renamed),
        # A manager's words stay theirs.
        "manager": ("Verplicht voor de rol, zegt Anna", None),
        "renewal": ("", Certification.objects.get(pk=crisis.pk)),
    }
    for key, (reason, about) in expected.items():
        assignment = after[rows[key]]
        assert (assignment.reason, assignment.reason_object) == (reason, about), key
    with translation.override("en"):
        assert after[rows["dutch"]].reason_text == (
            "Required for the role Webcare-agent"
        )
        assert after[rows["renewal"]].reason_text == (
            "To renew the certificate “Crisiscommunicatie”"
        )
    with translation.override("nl"):
        assert after[rows["english"]].reason_text == (
            "Verplicht voor de rol Webcare-agent"
        )

    # And back: the sentence in the site's language, the name as it is now.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    reasons = dict(
        old.get_model("lms", "TrainingAssignment").objects.values_list("pk", "reason")
    )
    assert reasons[rows["english"]] == "Verplicht voor de rol Webcare-agent"
    assert reasons[rows["renamed"]] == "Verplicht voor de rol Crisislead"
    assert reasons[rows["renewal"]] == "Crisiscommunicatie"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
