"""Every API operation × every kind of token owner: what each may read or do.

A token acts as its owner, so the matrix is the screens' policy (DESIGN.md
"Scope"): HR and administrators see everyone; a manager the people of their
units (the learner is in Night shift, below Webcare, which the manager
manages and the other manager does not); a learner, an editor and a
training coordinator see no one's records. Writes need the owner's own
permission. Outcomes:

- SEES: 200, and the world's record is in the answer;
- EMPTY: 200, without it (a list filtered to the owner's scope);
- HIDDEN: 404 (the record is outside the owner's scope);
- DENIED: 403 (the owner lacks the permission);
- BAD: 400 (allowed, but the request names what the owner may not touch).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from certification import services as certification_services
from certification.models import Certification
from lms.assignments import services as assignments
from lms.learning import services as learning
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db

KINDS = (
    "learner",
    "other_learner",
    "manager",
    "other_manager",
    "hr",
    "coordinator",
    "editor",
    "superuser",
)
SEES, EMPTY, HIDDEN, DENIED, BAD, OK = "SEES", "EMPTY", "HIDDEN", "DENIED", "BAD", "OK"
EVERYONE_ELSE = {"learner", "other_learner", "coordinator", "editor"}


def policy(*, hr=SEES, manager=SEES, other_manager=EMPTY, others=EMPTY, superuser=None):
    table = dict.fromkeys(EVERYONE_ELSE, others)
    table.update(
        hr=hr, manager=manager, other_manager=other_manager, superuser=superuser or hr
    )
    return table


# What the learner's records look like to each, by operation.
SCOPED_LIST = policy()
SCOPED_ONE = policy(other_manager=HIDDEN, others=HIDDEN)
HUB_LIST = policy(others=DENIED)  # managers' and HR's lists (a permission)
HUB_ONE = policy(other_manager=HIDDEN, others=DENIED)
MANAGER_WRITE = policy(hr=DENIED, other_manager=HIDDEN, others=DENIED, superuser=OK)
MANAGER_WRITE["manager"] = OK
SYNC = policy(hr=OK, manager=OK, other_manager=BAD, others=DENIED)
ASSIGN = policy(hr=DENIED, manager=OK, other_manager=BAD, others=DENIED, superuser=OK)
# HR reads certificates; the holder's manager revokes (certification 0007).
REVOKE = policy(
    hr=DENIED, manager=OK, other_manager=HIDDEN, others=DENIED, superuser=OK
)
EVERYONE_READS = dict.fromkeys(KINDS, SEES)
# Figures, not records: allowed is OK whatever the units hold.
READINESS = policy(hr=OK, manager=OK, other_manager=OK, others=DENIED)


@pytest.fixture
def world(hub, catalogue):
    course = make_course(catalogue, bodies=[[text_block()]], slug="matrix")
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=10),
        reason="Matrix",
        target="person",
        person=hub.learner,
    )
    enrolment = learning.enrol(user=hub.learner, course=course)
    for module in course.get_modules():
        learning.complete_module(user=hub.learner, module=module)
    certification = Certification.objects.create(name="Webcare", validity_months=12)
    certification.courses.add(course)
    certificate = certification_services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=timezone.localdate()
    )
    hub.other_learner = hub.outsider
    hub.superuser = UserFactory(is_superuser=True)
    return {
        "hub": hub,
        "course": course,
        "assignment": hub.learner.assignments.get(course=course),
        "certificate": certificate,
        "certification": certification,
        "enrolment": enrolment,
    }


def operations(world):
    """(name, method, path, body, policy, the record's id to look for)."""
    hub = world["hub"]
    learner = hub.learner.pk
    assignment = world["assignment"].pk
    certificate = world["certificate"]
    enrolment = world["enrolment"]
    progress = enrolment.module_progress.get().pk
    completion = enrolment.completions.get().pk
    due = (timezone.localdate() + timedelta(days=20)).isoformat()
    person = {"email": "new@example.org", "name": "New", "unit": "Hub/Webcare"}
    return [
        ("people", "GET", "/api/v1/people", None, SCOPED_LIST, learner),
        ("person", "GET", f"/api/v1/people/{learner}", None, SCOPED_ONE, learner),
        ("units", "GET", "/api/v1/units", None, SCOPED_LIST, hub.team.pk),
        ("unit", "GET", f"/api/v1/units/{hub.team.pk}", None, SCOPED_ONE, hub.team.pk),
        ("roles", "GET", "/api/v1/roles", None, EVERYONE_READS, hub.role.pk),
        (
            "memberships",
            "GET",
            "/api/v1/memberships",
            None,
            SCOPED_LIST,
            hub.membership.pk,
        ),
        ("assignments", "GET", "/api/v1/assignments", None, HUB_LIST, assignment),
        (
            "assignment",
            "GET",
            f"/api/v1/assignments/{assignment}",
            None,
            HUB_ONE,
            assignment,
        ),
        ("enrolments", "GET", "/api/v1/enrolments", None, HUB_LIST, enrolment.pk),
        ("progress", "GET", "/api/v1/progress", None, HUB_LIST, progress),
        ("completions", "GET", "/api/v1/completions", None, HUB_LIST, completion),
        ("report", "GET", "/api/v1/reports/completion", None, HUB_LIST, assignment),
        ("certificates", "GET", "/api/v1/certificates", None, HUB_LIST, certificate.pk),
        (
            "certificate",
            "GET",
            f"/api/v1/certificates/{certificate.pk}",
            None,
            HUB_ONE,
            certificate.pk,
        ),
        ("readiness", "GET", "/api/v1/readiness", None, READINESS, None),
        ("sync", "POST", "/api/v1/people/sync", {"people": [person]}, SYNC, None),
        (
            "assign",
            "POST",
            "/api/v1/assignments",
            {
                "course": world["course"].pk,
                "target": "unit",
                "unit": hub.team.pk,
                "due_on": due,
                "reason": "Matrix",
            },
            ASSIGN,
            None,
        ),
        (
            "withdraw",
            "POST",
            f"/api/v1/assignments/{assignment}/withdraw",
            {},
            MANAGER_WRITE,
            None,
        ),
        (
            "revoke",
            "POST",
            f"/api/v1/certificates/{certificate.pk}/revoke",
            {"reason": "Matrix"},
            REVOKE,
            None,
        ),
    ]


def outcome(response, record_id) -> str:
    status = response.status_code
    if status == 200:
        if record_id is None:
            return OK
        body = response.json()
        items = body.get("results", [body]) if isinstance(body, dict) else body
        found = any(item.get("id") == record_id for item in items)
        return SEES if found else EMPTY
    return {400: BAD, 403: DENIED, 404: HIDDEN}.get(status, f"HTTP {status}")


@pytest.mark.parametrize("kind", KINDS)
def test_matrix(world, api_for, kind):
    owner = getattr(world["hub"], kind)
    api = api_for(owner)
    mismatches = []
    for name, method, path, body, table, record_id in operations(world):
        response = api.request(method, path, body)
        got = outcome(response, record_id)
        expected = table[kind]
        if got != expected:
            mismatches.append(
                f"  {kind} {name} {method} {path}: got {got}, expected {expected}"
            )
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("kind", KINDS)
def test_read_tokens_never_write(world, api_for, kind):
    api = api_for(getattr(world["hub"], kind), write=False)
    for name, method, path, body, _table, _record in operations(world):
        if method == "POST":
            response = api.request(method, path, body)
            assert response.status_code == 403, (name, response.content)
