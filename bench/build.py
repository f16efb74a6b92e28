"""A synthetic organisation at the design size, written with COPY.

At 10,000 people: 40 units, 8 roles, 12 courses of 8 modules, about 80,000
enrolments, 500,000 module-progress rows and 20,000 certificates; every
count grows with the people except the fixed subjects of the scenarios (a
500-person unit, a role of 2,000 people). The pages, units, roles and
certifications go through the application (a few dozen rows); the rest is
generated here in the shapes the services would leave, in the order a
person's history would take, and copied in without the ORM.

The data is a steady state: every assignment was announced, and the
notices and renewals due up to yesterday went out yesterday, so that the
daily run (lms_daily) finds one day's work, not years of it.
"""

import json
import random
import secrets
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from bench.content import MODULES_PER_COURSE, QUIZ_POSITIONS, build_content
from certification.models import Certificate, Certification
from lms import app_settings
from lms.models import (
    AssignmentBatch,
    AssignmentDemand,
    CourseCompletion,
    DueDateExtension,
    Enrolment,
    Exemption,
    ModuleProgress,
    Notification,
    OrgUnit,
    QuizAttempt,
    Role,
    RoleMembership,
    RoleRequirement,
    TrainingAssignment,
)
from lms.organisation import services as organisation

PASSWORD = "bench-password"
UNITS = 40
TEAM_SIZE = 500
ROLE_SIZE = 2000
ENROLMENTS_PER_PERSON = 8
# Load-generator learners per client of the throughput scenario: each can
# complete 12 courses x 6 reading modules, so a client has 1,728 completions
# to post, more than 30 seconds take at the rates seen here (with 6 learners
# each, the clients ran out before the last window ended).
THROUGHPUT_CLIENTS = 8
THROUGHPUT_LEARNERS_PER_CLIENT = 24

SPOKES = ["Communicatie", "Marketing", "PR", "HR", "Klantcontact", "Bedrijfsvoering"]
TEAM_UNIT = "Webcare"
ROLES = [
    "Webcare-agent",
    "Communitymanager",
    "Crisiscommunicatie-lead",
    "Contentmaker",
    "Social media champion",
    "Hubmanager",
    "Data-analist",
    "Woordvoerder",
]
ROLE_2000 = 4  # Social media champion
MANAGER_ROLE = 5
ORDINARY_ROLES = [0, 1, 2, 3, 6, 7]
# Course indexes: roles require some of 0-7, managers' batches assign 8-10,
# and 11 is taken by choice only (the one the assignment scenario assigns).
BATCH_COURSES = [8, 9, 10]
FREE_COURSE = 11
# (name, required course indexes, months valid)
CERTIFICATIONS = [
    ("Webcare basis", [0], 24),
    ("Crisisteam", [2], 36),
    ("Woordvoering", [4, 5], None),
    ("Community", [1, 3], 12),
    ("Crisis online", [6], 12),
]
ISSUE_CERTIFICATION = 4  # the certification scenario f issues


@dataclass
class Organisation:
    """What the scenarios need to find again in the database."""

    people: int
    hr: int
    top_manager: int
    team_unit: int
    team_manager: int
    team_size: int
    role_2000: int
    role_2000_size: int
    spoke_unit: int
    learner_1: int
    learner_12: int
    course: int
    module: int
    free_course: int
    issue_certification: int
    issue_course: int
    throughput: list[int] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Organisation":
        return cls(**data)


# Writing ---------------------------------------------------------------------


def copy_rows(model, fields, rows) -> int:
    """COPY rows (tuples in the order of fields) into a model's table."""
    meta = model._meta
    columns = ", ".join(f'"{meta.get_field(name).column}"' for name in fields)
    count = 0
    with connection.cursor() as cursor:
        with cursor.copy(f'COPY "{meta.db_table}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def _next_id(model) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def _reset_sequences(models) -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _moment(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# The organisation -----------------------------------------------------------


def _units(by) -> list[OrgUnit]:
    """The hub, six spokes and teams below them: 40 units, root first; the
    team unit (Webcare, below Klantcontact) is the scenarios' 500 people."""
    hub = organisation.create_unit(name="Hub", by=by)
    spokes = [organisation.create_unit(name=n, parent=hub, by=by) for n in SPOKES]
    units = [hub, *spokes]
    teams = UNITS - len(units)
    for index in range(teams):
        spoke = spokes[index % len(spokes)]
        name = TEAM_UNIT if index == SPOKES.index("Klantcontact") else None
        name = name or f"Team {spoke.name} {index // len(spokes) + 1}"
        units.append(organisation.create_unit(name=name, parent=spoke, by=by))
    return list(OrgUnit.objects.order_by("path"))


def _roles(courses) -> list[Role]:
    roles = []
    for index, name in enumerate(ROLES):
        role = Role.objects.create(name=name, purpose=f"{name} in de hub.")
        for k in range(5):
            RoleRequirement.objects.create(
                role=role,
                course=courses[(index + k) % 8],
                due_within_days=30 + 15 * k,
                sort_order=k,
            )
        roles.append(role)
    return roles


def _certifications(courses) -> list[Certification]:
    certifications = []
    for name, required, months in CERTIFICATIONS:
        certification = Certification.objects.create(
            name=name,
            description=f"{name}: bewezen vakmanschap.",
            validity_months=months,
            renewal_window_days=60,
        )
        certification.courses.set([courses[index] for index in required])
        certifications.append(certification)
    return certifications


@dataclass
class Person:
    id: int
    unit: int
    memberships: list = field(default_factory=list)  # (id, unit, role, started)
    # course index -> [due, assigned_at, source, reason, by, demands]; the
    # reason is a manager's words, or the id of the role that requires it
    assignments: dict = field(default_factory=dict)
    enrolled: list = field(default_factory=list)  # course indexes


def build(people: int, seed: int = 1, log=lambda message: None) -> Organisation:
    """Build the organisation into the (empty, migrated) benchmark database."""
    # One transaction: a commit per page, unit and row would wait on the
    # disk thousands of times.
    with transaction.atomic():
        organisation_ = _build(people, seed, log)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return organisation_


def _build(people: int, seed: int, log) -> Organisation:
    if people < 500:
        raise ValueError("The benchmark needs at least 500 people.")
    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now()
    User = get_user_model()

    content = build_content()
    courses = content.courses
    modules = content.modules
    log(f"pages: {len(courses)} courses, {sum(map(len, modules))} modules")

    # People: ids 1..N, the special ones first.
    first_id = _next_id(User)
    ids = list(range(first_id, first_id + people))
    hr, managers = ids[0], ids[1 : 1 + UNITS]
    learner_1, learner_12 = ids[1 + UNITS], ids[2 + UNITS]
    throughput_count = THROUGHPUT_CLIENTS * THROUGHPUT_LEARNERS_PER_CLIENT
    throughput = ids[3 + UNITS : 3 + UNITS + throughput_count]
    ordinary = ids[3 + UNITS + throughput_count :]
    password = make_password(PASSWORD)
    joined = _moment(today - timedelta(days=1200))
    copy_rows(
        User,
        ["id", "password", "is_superuser", "email", "is_staff", "is_active"]
        + ["date_joined", "name", "employee_number", "language"],
        (
            (
                pk,
                password,
                False,
                f"person{pk}@bench.example.org",
                False,
                True,
                joined,
                f"{FIRST[pk % len(FIRST)]} {LAST[(pk // len(FIRST)) % len(LAST)]} {pk}",
                f"E{pk:07d}",
                "nl",
            )
            for pk in ids
        ),
    )
    _reset_sequences([User])
    top = User.objects.get(pk=managers[0])
    hr_group = Group.objects.get(name="HR").pk
    managers_group = Group.objects.get(name="Hub managers").pk
    copy_rows(
        User.groups.through,
        ["user", "group"],
        [(hr, hr_group), *((pk, managers_group) for pk in managers)],
    )

    units = _units(by=top)
    root = units[0]
    team_unit = next(unit for unit in units if unit.name == TEAM_UNIT)
    spokes = [unit for unit in units if unit.depth == 2]
    spoke_of = {
        unit.pk: next(s for s in spokes if unit.path.startswith(s.path))
        for unit in units
        if unit.depth >= 2
    }
    OrgUnit.managers.through.objects.bulk_create(
        OrgUnit.managers.through(orgunit_id=unit.pk, user_id=manager)
        for unit, manager in zip(units, managers, strict=True)
    )
    roles = _roles(courses)
    certifications = _certifications(courses)

    # Memberships: one current per person; a tenth hold a second role, a
    # twentieth an ended one (history).
    team_size = min(TEAM_SIZE, people // 20)
    role_size = min(ROLE_SIZE, people // 5)
    rng.shuffle(ordinary)
    team_people = ordinary[: team_size - 1]
    role_people = set(rng.sample(ordinary, role_size))
    others = [unit for unit in units if unit.pk != team_unit.pk]
    persons: dict[int, Person] = {}
    for unit, manager in zip(units, managers, strict=True):
        persons[manager] = Person(manager, unit.pk)
    persons[hr] = Person(hr, next(u for u in spokes if u.name == "HR").pk)
    for pk in [learner_1, *throughput]:
        persons[pk] = Person(pk, root.pk)
    persons[learner_12] = Person(learner_12, others[10].pk)
    for pk in team_people:
        persons[pk] = Person(pk, team_unit.pk)
    for pk in ordinary[team_size - 1 :]:
        persons[pk] = Person(pk, rng.choice(others).pk)

    membership_rows = []
    next_membership = _next_id(RoleMembership)

    def join(person, unit, role, started, ended=None):
        nonlocal next_membership
        membership_rows.append(
            (next_membership, person.id, role, unit, started, ended, _moment(started))
        )
        if ended is None:
            person.memberships.append((next_membership, unit, role, started))
        next_membership += 1

    def start_day(low=5, high=1000):
        return today - timedelta(days=rng.randint(low, high))

    for pk in managers:
        join(persons[pk], persons[pk].unit, roles[MANAGER_ROLE].pk, start_day(200))
    for pk in [hr, learner_1, *throughput]:
        join(persons[pk], persons[pk].unit, None, start_day())
    join(persons[learner_12], persons[learner_12].unit, roles[0].pk, start_day(60))
    for pk in ordinary:
        person = persons[pk]
        index = ROLE_2000 if pk in role_people else rng.choice(ORDINARY_ROLES)
        started = start_day()
        if rng.random() < 0.05:
            earlier = started - timedelta(days=rng.randint(100, 400))
            join(
                person,
                person.unit,
                roles[rng.choice(ORDINARY_ROLES)].pk,
                earlier,
                ended=started - timedelta(days=1),
            )
        join(person, person.unit, roles[index].pk, started)
        if pk not in role_people and rng.random() < 0.10:
            second = rng.choice([r for r in ORDINARY_ROLES if r != index])
            join(person, person.unit, roles[second].pk, start_day(5, 300))
    copy_rows(
        RoleMembership,
        ["id", "user", "role", "unit", "started_on", "ended_on", "created_at"],
        membership_rows,
    )
    log(f"people: {people}, memberships: {len(membership_rows)}")

    # Assignments: the roles' requirements, then the managers' batches.
    course_index_of = {course.pk: index for index, course in enumerate(courses)}
    requirements = {
        role.pk: [(course_index_of[r.course_id], r) for r in role.requirements.all()]
        for role in roles
    }
    for person in persons.values():
        for membership_id, _unit, role, started in person.memberships:
            for course_index, requirement in requirements.get(role, []):
                due = started + timedelta(days=requirement.due_within_days)
                entry = person.assignments.get(course_index)
                if entry is None:
                    person.assignments[course_index] = [
                        due,
                        _moment(started),
                        TrainingAssignment.Source.ROLE,
                        role,
                        None,
                        [("m", membership_id)],
                    ]
                else:
                    entry[5].append(("m", membership_id))
    batches = []
    for index, spoke in enumerate(spokes):
        course = courses[BATCH_COURSES[index % len(BATCH_COURSES)]]
        created = today - timedelta(days=rng.randint(20, 300))
        batch = AssignmentBatch.objects.create(
            course=course,
            due_on=created + timedelta(days=60),
            reason="Jaarplan van de hub",
            assigned_by=top,
            target=AssignmentBatch.Target.UNIT,
            unit=spoke,
            include_subunits=True,
        )
        AssignmentBatch.objects.filter(pk=batch.pk).update(created_at=_moment(created))
        batches.append((batch, BATCH_COURSES[index % len(BATCH_COURSES)], created))
    for person in persons.values():
        for batch, course_index, created in batches:
            if not any(
                spoke_of.get(unit) is not None and spoke_of[unit].pk == batch.unit_id
                for _m, unit, _r, _s in person.memberships
            ):
                continue
            entry = person.assignments.get(course_index)
            if entry is None:
                person.assignments[course_index] = [
                    batch.due_on,
                    _moment(created),
                    TrainingAssignment.Source.MANAGER,
                    batch.reason,
                    top.pk,
                    [("b", batch.pk)],
                ]
            else:
                entry[5].append(("b", batch.pk))
    # The learner with one enrolment has it from a manager.
    persons[learner_1].assignments[0] = [
        today + timedelta(days=20),
        _moment(today - timedelta(days=10)),
        TrainingAssignment.Source.MANAGER,
        "Nieuw in de hub",
        top.pk,
        [],
    ]
    for batch, _c, _d in batches:
        batch_people = sum(
            1
            for p in persons.values()
            if any(d == ("b", batch.pk) for a in p.assignments.values() for d in a[5])
        )
        AssignmentBatch.objects.filter(pk=batch.pk).update(people_count=batch_people)

    # Enrolments: every assignment, and courses taken by choice up to about
    # eight per person.
    assigned_total = sum(len(p.assignments) for p in persons.values())
    # The learner with 12 and the load generator's take every course.
    all_courses = len(courses) * (1 + len(throughput))
    extra_budget = max(0, ENROLMENTS_PER_PERSON * people - assigned_total - all_courses)
    per_taker = extra_budget / max(1, len(ordinary))
    for pk, person in persons.items():
        person.enrolled = list(person.assignments)
        if pk == learner_12:
            person.enrolled = list(range(len(courses)))
        elif pk in throughput:
            person.enrolled = list(range(len(courses)))
        elif pk in ordinary:
            wanted = int(per_taker) + (rng.random() < per_taker - int(per_taker))
            free = [
                c
                for c in range(len(courses))
                if c not in person.assignments
                and not (c == FREE_COURSE and pk in role_people)
            ]
            person.enrolled += rng.sample(free, min(wanted, len(free)))

    counts = _write_learning(
        rng=rng,
        persons=persons,
        content=content,
        today=today,
        now=now,
        specials={"learner_1": learner_1, "learner_12": learner_12},
        throughput=set(throughput),
        top=top.pk,
        certifications=certifications,
    )
    counts["people"] = people
    counts["units"] = len(units)
    counts["roles"] = len(roles)
    counts["memberships"] = len(membership_rows)
    counts["courses"] = len(courses)
    counts["modules"] = sum(map(len, modules))
    _reset_sequences(
        [
            RoleMembership,
            TrainingAssignment,
            AssignmentDemand,
            Enrolment,
            ModuleProgress,
            QuizAttempt,
            CourseCompletion,
            Exemption,
            DueDateExtension,
            Notification,
            Certificate,
        ]
    )
    return Organisation(
        people=people,
        hr=hr,
        top_manager=top.pk,
        team_unit=team_unit.pk,
        team_manager=managers[units.index(team_unit)],
        team_size=team_size,
        role_2000=roles[ROLE_2000].pk,
        role_2000_size=role_size,
        spoke_unit=spokes[0].pk,
        learner_1=learner_1,
        learner_12=learner_12,
        course=courses[0].pk,
        module=modules[0][QUIZ_POSITIONS[0]].pk,
        free_course=courses[FREE_COURSE].pk,
        issue_certification=certifications[ISSUE_CERTIFICATION].pk,
        issue_course=courses[CERTIFICATIONS[ISSUE_CERTIFICATION][1][0]].pk,
        throughput=throughput,
        counts=counts,
    )


# Learning records ------------------------------------------------------------

# (completed, in progress) shares by how far past its due date an assignment is
STATE_SHARES = {"late": (0.72, 0.2), "near": (0.5, 0.35), "ahead": (0.3, 0.45)}
CHOSEN_SHARES = (0.55, 0.35)


def _state(rng, shares) -> str:
    draw = rng.random()
    if draw < shares[0]:
        return "completed"
    if draw < shares[0] + shares[1]:
        return "in_progress"
    return "not_started"


def _write_learning(
    *, rng, persons, content, today, now, specials, throughput, top, certifications
) -> dict:
    courses, modules, quizzes = content.courses, content.modules, content.quizzes
    course_ids = [course.pk for course in courses]
    enrolments = []  # (id, user, course index, state, done, enrolled, completed)
    assignment_rows, demand_rows = [], []
    next_enrolment = _next_id(Enrolment)
    next_assignment = _next_id(TrainingAssignment)
    assignment_of = {}  # (user, course index) -> (id, due, assigned_at)
    role_type = ContentType.objects.get_for_model(Role).pk
    for pk, person in persons.items():
        for course_index, (due, assigned_at, source, reason, by, demands) in sorted(
            person.assignments.items()
        ):
            assignment_rows.append(
                (
                    next_assignment,
                    pk,
                    course_ids[course_index],
                    source,
                    due,
                    reason if isinstance(reason, str) else "",
                    None if isinstance(reason, str) else role_type,
                    None if isinstance(reason, str) else reason,
                    by,
                    assigned_at,
                )
            )
            for kind, ref in demands:
                demand_rows.append(
                    (
                        next_assignment,
                        ref if kind == "m" else None,
                        ref if kind == "b" else None,
                        assigned_at,
                    )
                )
            assignment_of[pk, course_index] = (next_assignment, due, assigned_at)
            next_assignment += 1
        for course_index in person.enrolled:
            assigned = assignment_of.get((pk, course_index))
            if pk in throughput:
                state, done = "not_started", 0
            elif pk in specials.values() and course_index == 0:
                state, done = "in_progress", 3
            else:
                if assigned is None:
                    shares = CHOSEN_SHARES
                else:
                    late = (today - assigned[1]).days
                    shares = STATE_SHARES[
                        "late" if late > 60 else "near" if late > -60 else "ahead"
                    ]
                state = _state(rng, shares)
                done = {
                    "completed": MODULES_PER_COURSE,
                    "in_progress": rng.randint(2, MODULES_PER_COURSE - 1),
                    "not_started": 0,
                }[state]
            if assigned is not None:
                enrolled = assigned[2]
            else:
                enrolled = _moment(today - timedelta(days=rng.randint(5, 900)), 10)
            completed = None
            if state == "completed":
                span = max(1, min(120, (now - enrolled).days))
                completed = min(
                    now - timedelta(hours=1),
                    enrolled + timedelta(days=rng.randint(1, span), hours=3),
                )
            enrolments.append(
                (next_enrolment, pk, course_index, state, done, enrolled, completed)
            )
            next_enrolment += 1

    copy_rows(
        TrainingAssignment,
        ["id", "user", "course", "source", "due_on", "reason", "reason_type"]
        + ["reason_id", "assigned_by", "assigned_at"],
        assignment_rows,
    )
    copy_rows(
        AssignmentDemand,
        ["assignment", "membership", "batch", "created_at"],
        demand_rows,
    )
    copy_rows(
        Enrolment,
        ["id", "user", "course", "status", "enrolled_at", "completed_at", "cycle"],
        (
            (
                e[0],
                e[1],
                course_ids[e[2]],
                "completed" if e[3] == "completed" else "active",
                e[5],
                e[6],
                1,
            )
            for e in enrolments
        ),
    )

    def finished_at(enrolment, position):
        """When a learner finished a module: spread over the enrolment."""
        _id, _u, _c, _s, done, enrolled, completed = enrolment
        end = completed or now - timedelta(hours=2)
        step = (end - enrolled) / (done + 1)
        return enrolled + step * (position + 1)

    progress = copy_rows(
        ModuleProgress,
        ["enrolment", "module", "cycle", "completed_at"],
        (
            (e[0], modules[e[2]][position].pk, 1, finished_at(e, position))
            for e in enrolments
            for position in range(e[4])
        ),
    )

    def attempts():
        for e in enrolments:
            for position in QUIZ_POSITIONS:
                module = modules[e[2]][position]
                quiz = quizzes[module.pk]
                passed = position < e[4]
                # A failed try first, for three in ten; the next quiz of a
                # course in progress has been tried once, for half.
                failed_first = (e[0] * 7 + position) % 10 < 3
                tried = not passed and position == e[4] and e[0] % 2 == 0
                if not passed and not tried:
                    continue
                moment = finished_at(e, min(position, e[4]))
                if failed_first or tried:
                    answers = {
                        q: [right if i == 0 else wrong]
                        for i, (q, (right, wrong)) in enumerate(quiz.questions.items())
                    }
                    yield (
                        e[0],
                        module.pk,
                        quiz.block_id,
                        1,
                        json.dumps(answers),
                        "0.3333",
                        False,
                        _uuid(rng),
                        moment - timedelta(minutes=10),
                    )
                if passed:
                    answers = {q: [right] for q, (right, _w) in quiz.questions.items()}
                    yield (
                        e[0],
                        module.pk,
                        quiz.block_id,
                        1,
                        json.dumps(answers),
                        "1.0000",
                        True,
                        _uuid(rng),
                        moment,
                    )

    attempt_count = copy_rows(
        QuizAttempt,
        ["enrolment", "module", "block_id", "cycle", "answers", "score", "passed"]
        + ["token", "submitted_at"],
        attempts(),
    )
    copy_rows(
        CourseCompletion,
        ["enrolment", "cycle", "completed_at"],
        ((e[0], 1, e[6]) for e in enrolments if e[3] == "completed"),
    )

    # Exemptions and extensions, on assignments not completed.
    state_of = {(e[1], e[2]): e for e in enrolments}
    open_assignments = []
    exemptions, extensions = [], []
    for (pk, course_index), (assignment_id, due, assigned_at) in assignment_of.items():
        enrolment = state_of[pk, course_index]
        if enrolment[3] == "completed" or pk in specials.values():
            continue
        draw = rng.random()
        if draw < 0.01:
            exemptions.append(
                (assignment_id, "Eerder geleerd", top, assigned_at + timedelta(days=3))
            )
            continue
        if draw < 0.03:
            due = due + timedelta(days=30)
            extensions.append(
                (
                    assignment_id,
                    due,
                    "Langdurig ziek",
                    top,
                    assigned_at + timedelta(days=5),
                )
            )
        open_assignments.append((assignment_id, due, assigned_at))
    copy_rows(
        Exemption, ["assignment", "reason", "approved_by", "created_at"], exemptions
    )
    copy_rows(
        DueDateExtension,
        ["assignment", "due_on", "reason", "granted_by", "created_at"],
        extensions,
    )

    notification_count = copy_rows(
        Notification,
        ["assignment", "kind", "period", "escalated", "created_at", "sent_at"],
        _notifications(assignment_rows, open_assignments, today),
    )

    certificate_counts = _write_certificates(
        rng=rng,
        enrolments=enrolments,
        certifications=certifications,
        today=today,
        top=top,
    )
    states = Counter(e[3] for e in enrolments)
    return {
        "assignments": len(assignment_rows),
        "assignment_demands": len(demand_rows),
        "enrolments": len(enrolments),
        "enrolments_completed": states["completed"],
        "enrolments_in_progress": states["in_progress"],
        "module_progress": progress,
        "quiz_attempts": attempt_count,
        "exemptions": len(exemptions),
        "extensions": len(extensions),
        "notifications": notification_count,
        **certificate_counts,
    }


def _notifications(assignment_rows, open_assignments, today):
    """Every assignment's announcement, and yesterday's reminders and overdue
    notices (lms.notifications.services' rules), all sent."""
    for row in assignment_rows:
        assignment_id, assigned_at = row[0], row[-1]  # id first, assigned_at last
        yield (assignment_id, "assigned", "1", False, assigned_at, assigned_at)
    yesterday = today - timedelta(days=1)
    sent = _moment(yesterday, 6)
    before = app_settings.REMINDER_DAYS_BEFORE
    every = app_settings.OVERDUE_EVERY_DAYS
    for assignment_id, due, assigned_at in open_assignments:
        if due > yesterday + timedelta(days=before):
            continue
        if yesterday <= due:
            if assigned_at.date() < due - timedelta(days=before):
                yield (assignment_id, "reminder", due.isoformat(), False, sent, sent)
        else:
            number = ((yesterday - due).days - 1) // every
            period = f"{due.isoformat()}#{number}"
            yield (assignment_id, "overdue", period, number >= 1, sent, sent)


def _write_certificates(*, rng, enrolments, certifications, today, top) -> dict:
    """A certificate for each set of required courses completed, from the
    last completion; renewals due up to yesterday have started."""
    completed = {}
    for e in enrolments:
        if e[3] == "completed":
            completed[e[1], e[2]] = e[6]
    holders = dict.fromkeys(pk for pk, _c in completed)
    yesterday = today - timedelta(days=1)
    rows = []
    for certification, (_name, required, _months) in zip(
        certifications, CERTIFICATIONS, strict=True
    ):
        window = timedelta(days=certification.renewal_window_days)
        for pk in holders:
            moments = [completed.get((pk, index)) for index in required]
            if None in moments:
                continue
            valid_from = timezone.localdate(max(moments))
            valid_until = certification.valid_until(valid_from)
            renewal_started = None
            if valid_until is not None and valid_until < yesterday + window:
                start = max(valid_until - window, valid_from)
                renewal_started = _moment(min(start, yesterday), 2)
            revoked = rng.random() < 0.003
            rows.append(
                (
                    pk,
                    certification.pk,
                    _moment(valid_from, 12),
                    valid_from,
                    valid_until,
                    secrets.token_urlsafe(32),
                    renewal_started,
                    _moment(valid_from + timedelta(days=30)) if revoked else None,
                    top if revoked else None,
                    "Fraude bij de toets" if revoked else "",
                )
            )
    count = copy_rows(
        Certificate,
        ["holder", "certification", "issued_at", "valid_from", "valid_until"]
        + ["code", "renewal_started_at", "revoked_at", "revoked_by"]
        + ["revocation_reason"],
        rows,
    )
    return {"certificates": count}


FIRST = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Floor",
    "Gijs",
    "Hanneke",
    "Imane",
    "Jeroen",
    "Kim",
    "Lars",
    "Merel",
    "Noah",
    "Olga",
    "Pieter",
    "Roos",
    "Said",
    "Tess",
    "Umut",
    "Vera",
    "Wouter",
    "Yusuf",
    "Zoë",
]
LAST = [
    "Jansen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Kaya",
    "Yilmaz",
]
