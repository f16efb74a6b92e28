"""A person's lms records for a personal-data request: export and erasure.

The records themselves stay when a person is erased, so that reports keep
their totals; what is removed is the text that could identify them.
certification.data_requests combines this part with the account and the
certificates.
"""

import json
import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast
from django.utils.encoding import force_str
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from lms.models import (
    AssignmentBatch,
    AssignmentDemand,
    CalendarFeed,
    CourseCompletion,
    DueDateExtension,
    Enrolment,
    Exemption,
    Invitation,
    ModuleProgress,
    Notification,
    OrgUnit,
    QuizAttempt,
    RoleMembership,
    ScenarioReview,
    ScenarioSubmission,
    TrainingAssignment,
    WebhookEvent,
)
from lms.personal_data.erasure import ERASED_TEXT

# The keys of a log entry's data that name the person it is about, and
# those that hold free text written about them.
PERSON_KEYS = frozenset({"person", "learner", "holder", "target"})
FREE_TEXT_KEYS = frozenset({"reason", "was_revoked_for"})


def _plain(value):
    """A field value as JSON can hold it; dates and times in ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def as_record(obj, **extra) -> dict:
    """Every column of a row (foreign keys as their ids), plus readable extras."""
    record = {
        field.attname: _plain(getattr(obj, field.attname))
        for field in obj._meta.concrete_fields
    }
    record.update({key: _plain(value) for key, value in extra.items()})
    return record


def _title(page) -> str | None:
    return page.title if page is not None else None


class Redactor:
    """Finds the words that identify a person (name, email addresses,
    employee number, perhaps the first name) in text and replaces them, whole
    words only and ignoring case."""

    def __init__(self, needles: Iterable[str], replacement: str):
        # The longest first, so that a name wins over a part of it.
        self.needles = sorted(
            {needle.strip() for needle in needles if needle and needle.strip()},
            key=len,
            reverse=True,
        )
        self.replacement = replacement
        alternatives = "|".join(re.escape(needle) for needle in self.needles)
        self._pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
            if self.needles
            else None
        )

    def text(self, value: str) -> str:
        if not self._pattern or not isinstance(value, str):
            return value
        return self._pattern.sub(self.replacement, value)

    def value(self, value):
        """The same, through the strings of a JSON value."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        return value

    def q(self, *fields: str) -> Q:
        """Rows where any of the fields may hold a needle (to redact in Python).

        JSON may store text escaped (SQLite keeps "é" as "\\u00e9"), so both
        spellings are looked for.
        """
        condition = Q(pk__in=[])
        for needle in self.needles:
            spellings = {needle, json.dumps(needle)[1:-1]}
            for field in fields:
                for spelling in spellings:
                    condition |= Q(**{f"{field}__icontains": spelling})
        return condition


def records(user) -> dict[str, list[dict]]:
    """Everything lms holds about a person, one list per kind of record."""
    units = OrgUnit.objects.filter(managers=user)
    memberships = RoleMembership.objects.filter(user=user).select_related(
        "role", "unit"
    )
    assignments = (
        TrainingAssignment.objects.filter(user=user)
        .with_reason()
        .select_related("course", "exemption")
        .prefetch_related(
            Prefetch(
                "demands",
                AssignmentDemand.objects.select_related("batch").order_by("pk"),
            ),
            Prefetch("extensions", DueDateExtension.objects.order_by("created_at")),
        )
        .order_by("assigned_at", "pk")
    )
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .prefetch_related(
            Prefetch("completions", CourseCompletion.objects.order_by("completed_at"))
        )
        .order_by("enrolled_at", "pk")
    )
    progress = (
        ModuleProgress.objects.filter(enrolment__user=user)
        .select_related("module")
        .order_by("completed_at", "pk")
    )
    attempts = (
        QuizAttempt.objects.filter(enrolment__user=user)
        .select_related("module")
        .order_by("submitted_at", "pk")
    )
    submissions = (
        ScenarioSubmission.objects.filter(enrolment__user=user)
        .select_related("module", "review")
        .order_by("submitted_at", "pk")
    )
    notifications = Notification.objects.filter(
        Q(assignment__user=user) | Q(review__submission__enrolment__user=user)
    ).order_by("created_at", "pk")
    return {
        "managed_units": [as_record(unit) for unit in units.order_by("path")],
        "memberships": [
            as_record(m, role=m.role and m.role.name, unit=m.unit.name)
            for m in memberships.order_by("started_on", "pk")
        ],
        "assignments": [_assignment(a) for a in assignments],
        "enrolments": [
            as_record(
                e,
                course=_title(e.course),
                completions=[as_record(c) for c in e.completions.all()],
            )
            for e in enrolments
        ],
        "module_progress": [as_record(p, module=_title(p.module)) for p in progress],
        "quiz_attempts": [as_record(a, module=_title(a.module)) for a in attempts],
        "scenario_submissions": [
            as_record(
                s,
                module=_title(s.module),
                review=as_record(s.review) if hasattr(s, "review") else None,
            )
            for s in submissions
        ],
        "notifications": [as_record(n) for n in notifications],
        "invitations": [
            as_record(i)
            for i in Invitation.objects.filter(user=user).order_by("created_at", "pk")
        ],
        # When the calendar address was made and last fetched; its key is
        # the address itself, and stays out of every export.
        "calendar_feed": [
            {
                "created_at": _plain(feed.created_at),
                "last_fetched_at": _plain(feed.last_fetched_at),
            }
            for feed in CalendarFeed.objects.filter(user=user)
        ],
    }


def _assignment(assignment) -> dict:
    exemption = getattr(assignment, "exemption", None)
    return as_record(
        assignment,
        course=_title(assignment.course),
        # What reason_type and reason_id stand for, in words.
        reason_text=assignment.reason_text,
        demands=[
            as_record(d, batch=as_record(d.batch) if d.batch else None)
            for d in assignment.demands.all()
        ],
        exemption=as_record(exemption) if exemption else None,
        extensions=[as_record(x) for x in assignment.extensions.all()],
    )


def entries_about(model, queryset) -> Q:
    """Log entries whose object is one of the rows of a queryset."""
    keys = queryset.order_by().annotate(log_key=Cast("pk", CharField()))
    return Q(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=keys.values("log_key"),
    )


def entries_about_person(user) -> Q:
    """Log entries about the person or one of their lms records."""
    User = get_user_model()
    return (
        entries_about(User, User.objects.filter(pk=user.pk))
        | entries_about(RoleMembership, RoleMembership.objects.filter(user=user))
        | entries_about(
            TrainingAssignment, TrainingAssignment.objects.filter(user=user)
        )
        | entries_about(AssignmentBatch, AssignmentBatch.objects.filter(person=user))
        | entries_about(
            ScenarioSubmission,
            ScenarioSubmission.objects.filter(enrolment__user=user),
        )
    )


def _entry(entry) -> dict:
    """What the person did: the action on which object, and when."""
    action = entry.action
    label = registry.get_action_label(action) if registry.action_exists(action) else ""
    return {
        "timestamp": _plain(entry.timestamp),
        "action": action,
        "action_label": force_str(label),
        "object_type": (
            f"{entry.content_type.app_label}.{entry.content_type.model}"
            if entry.content_type
            else None
        ),
        "object_id": str(entry.object_id),
    }


def _entry_about(entry) -> dict:
    """An entry about the person, with its details: who did it, and why."""
    return {
        **_entry(entry),
        "object": entry.label,
        "by": entry.user_id,
        "data": entry.data,
    }


def audit_entries(user, about: Q) -> dict[str, list[dict]]:
    """The log entries about a person, and those of every log model they made.

    An entry the person made is about somebody or something else: its name
    and data (other people's names, reasons written about them) are theirs,
    so only the action, the time and the object's type and id are given.
    """
    about_them = (
        ModelLogEntry.objects.filter(about)
        .select_related("content_type")
        .order_by("timestamp", "pk")
    )
    made = []
    for model in sorted(registry.get_log_entry_models(), key=lambda m: m.__name__):
        made.extend(
            model.objects.filter(user=user)
            .select_related("content_type")
            .order_by("timestamp", "pk")
        )
    made.sort(key=lambda entry: entry.timestamp)
    return {
        "about": [_entry_about(entry) for entry in about_them],
        "made": [_entry(entry) for entry in made],
    }


def _redact_rows(queryset, redactor: Redactor, *fields: str) -> int:
    """Redact the person's words in text shared with others; the rest stays."""
    changed = []
    for row in queryset.filter(redactor.q(*fields)).only("pk", *fields):
        for field in fields:
            setattr(row, field, redactor.text(getattr(row, field)))
        changed.append(row)
    if changed:
        queryset.model.objects.bulk_update(changed, fields)
    return len(changed)


def _redact_shared(queryset, near: Q, field: str, *, mentions, nearby) -> int:
    """Redact text shared with others: rows near the person (``near``) lose
    every word that may name them, the others only the unmistakable ones."""
    return _redact_rows(queryset.filter(near), nearby, field) + _redact_rows(
        queryset.exclude(near), mentions, field
    )


def erase(user, *, mentions: Redactor, nearby: Redactor) -> dict[str, int]:
    """Remove a person's words from the lms records; the records stay.

    Their own answers, and what was written only about them (feedback on
    those answers, the reasons for their assignments, exemptions and
    extensions, and for the batches aimed at them), are replaced outright.
    Reasons that a batch gave many people lose only the words that may name
    the person: ``nearby`` ones (with their first name) where the batch
    reached them, ``mentions`` (full name, email, employee number) elsewhere.
    """
    submissions = ScenarioSubmission.objects.filter(enrolment__user=user)
    assignments = TrainingAssignment.objects.filter(user=user)
    # A manager's words; otherwise the name of a role or a certification.
    written = Q(source=TrainingAssignment.Source.MANAGER)
    batches = AssignmentBatch.objects.filter(
        target=AssignmentBatch.Target.PERSON, person=user
    )
    # Batches for a role or a unit that reached the person. Their reason is
    # also copied into the assignment of everyone else they reached.
    reached = AssignmentBatch.objects.filter(
        pk__in=AssignmentDemand.objects.filter(assignment__user=user).values("batch_id")
    ).exclude(pk__in=batches.values("pk"))
    copies = AssignmentDemand.objects.filter(batch__in=reached).values("assignment_id")
    redact = {"mentions": mentions, "nearby": nearby}
    counts = {
        "scenario_answers": submissions.update(text=ERASED_TEXT),
        "review_feedback": ScenarioReview.objects.filter(submission__in=submissions)
        .exclude(feedback="")
        .update(feedback=ERASED_TEXT),
        "exemption_reasons": Exemption.objects.filter(assignment__user=user).update(
            reason=ERASED_TEXT
        ),
        "extension_reasons": DueDateExtension.objects.filter(
            assignment__user=user
        ).update(reason=ERASED_TEXT),
        "assignment_reasons": (
            assignments.filter(written).exclude(reason="").update(reason=ERASED_TEXT)
            + _redact_rows(assignments.exclude(written), nearby, "reason")
            + _redact_shared(
                TrainingAssignment.objects.exclude(user=user),
                Q(pk__in=copies),
                "reason",
                **redact,
            )
        ),
        "batch_reasons": (
            batches.update(reason=ERASED_TEXT)
            + _redact_shared(
                AssignmentBatch.objects.exclude(pk__in=batches.values("pk")),
                Q(pk__in=reached.values("pk")),
                "reason",
                **redact,
            )
        ),
        # Events name the person by id and email address; what was sent has
        # gone, and what waits for a retry is not sent.
        "webhook_events": WebhookEvent.objects.filter(data__person__id=user.pk)
        .delete()[1]
        .get(WebhookEvent._meta.label, 0),
    }
    # No longer anybody's manager: an erased person is not asked to act.
    user.managed_units.clear()
    return counts


def _erased_value(key, value, redactor: Redactor):
    if key in PERSON_KEYS:
        return redactor.replacement
    if key in FREE_TEXT_KEYS and value:
        return ERASED_TEXT
    return value


def redact_log_entries(about: Q, *, mentions: Redactor, nearby: Redactor) -> int:
    """Take the person out of every log entry's object name and data.

    Run once the person's row is anonymised: an entry about them or one of
    their records is named afresh from the record (which may catch a name the
    person had before), and its data loses the person's name and the reasons
    written about them, as the records do, and any ``nearby`` word. Any other
    entry loses only the ``mentions``. Action, time and actor stay.
    """
    about_them = {}
    for entry, instance in ModelLogEntry.objects.filter(about).with_instances():
        entry.label = nearby.text(
            str(instance) if instance is not None else entry.label
        )
        if isinstance(entry.data, dict):
            entry.data = {
                key: _erased_value(key, value, nearby)
                for key, value in entry.data.items()
            }
        entry.data = nearby.value(entry.data)
        about_them[entry.pk] = entry
    changed = 0
    for model in registry.get_log_entry_models():
        mentioning = model.objects.filter(mentions.q("label", "data"))
        if model is ModelLogEntry:
            mentioning = mentioning.exclude(pk__in=about_them)
        entries = list(mentioning.only("pk", "label", "data"))
        for entry in entries:
            entry.label = mentions.text(entry.label)
            entry.data = mentions.value(entry.data)
        if model is ModelLogEntry:
            entries.extend(about_them.values())
        model.objects.bulk_update(entries, ["label", "data"], batch_size=500)
        changed += len(entries)
    return changed
