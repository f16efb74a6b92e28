"""The hub's audit trail: Wagtail's log entries of the hub's own actions.

Every service logs through ``wagtail.log_actions.log``; the trail shows the
entries whose action belongs to the hub (``lms.…`` here, plus the namespaces
the apps above lms add through the ``register_audit_trail_prefixes`` hook),
leaving Wagtail's page and snippet history to Wagtail's own report.

Only HR and administrators see the trail. A manager's share would need each
kind of logged object (memberships, assignments, answers, certificates,
roles, imports) traced to a unit, across apps, and would change whenever a
person moves unit; managers see their people's current records instead.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from lms import persons
from lms.models import Invitation
from lms.organisation import scope
from lms.personal_data import erasure

PREFIXES_HOOK = "register_audit_trail_prefixes"

# The keys services put in an entry's data, with the words the trail shows.
DATA_LABELS = {
    "person": _("person"),
    "learner": _("learner"),
    "holder": _("holder"),
    "role": _("role"),
    "unit": _("unit"),
    "course": _("course"),
    "courses": _("courses"),
    "module": _("module"),
    "certification": _("certification"),
    "target": _("assigned to"),
    "people": _("people"),
    "members": _("members"),
    "reason": _("reason"),
    "was_revoked_for": _("was revoked for"),
    "due_on": _("due date"),
    "ended_on": _("ended on"),
    "rows": _("rows"),
    "report": _("report"),
    "format": _("format"),
    "filters": _("filters"),
    "people_created": _("people created"),
    "names_updated": _("names updated"),
    "employee_numbers_updated": _("employee numbers updated"),
    "units_created": _("units created"),
    "memberships_created": _("memberships created"),
    "managers_added": _("managers added"),
    "invitations_sent": _("invitations sent"),
    "expires_on": _("expires on"),
    "sent_from": _("sent from"),
    "how": _("how"),
    # A change through the API: the token that made it, and the request.
    "token": _("API token"),
    "access": _("access"),
    "request": _("request"),
    # A webhook endpoint's address and the event types it hears of.
    "url": _("address"),
    "events": _("events"),
    # What erasing a person changed (the person is named by number only).
    "scenario_answers": _("answers replaced"),
    "review_feedback": _("feedback replaced"),
    "exemption_reasons": _("exemption reasons replaced"),
    "extension_reasons": _("extension reasons replaced"),
    "assignment_reasons": _("assignment reasons redacted"),
    "batch_reasons": _("batch reasons redacted"),
    "webhook_events": _("webhook events removed"),
    "log_entries": _("log entries cleaned"),
    "certificates_revoked": _("certificates revoked"),
    "revocation_reasons": _("revocation reasons replaced"),
}

# Codes services put in an entry's data, with the words the trail shows.
DATA_VALUES = {
    "sent_from": dict(Invitation.Via.choices),
    "how": {
        "password": _("chose a password"),
        "link": _("opened the link"),
        "sign_in": _("signed in"),
    },
}


def may_view(user) -> bool:
    """HR and administrators see the whole trail; nobody else sees any of it."""
    return scope.sees_everything(user)


def audited_prefixes() -> tuple[str, ...]:
    """The action namespaces in the trail: lms's and those added by the hook."""
    prefixes = ["lms."]
    for fn in hooks.get_hooks(PREFIXES_HOOK):
        prefixes.extend(fn())
    return tuple(dict.fromkeys(prefixes))


def _audited(action: str, prefixes) -> bool:
    return action.startswith(prefixes)


# Wagtail's own actions on the hub's models (creating a unit, changing who
# manages it, editing a role or a certification) belong in the trail too.
GENERIC_ACTIONS = ("wagtail.create", "wagtail.edit", "wagtail.delete")


def audit_entries():
    """Log entries of the audited actions, and of Wagtail's actions on the
    audited apps' models, newest first, with who and what."""
    condition = Q(pk__in=[])
    for prefix in audited_prefixes():
        condition |= Q(action__startswith=prefix)
        condition |= Q(
            action__in=GENERIC_ACTIONS, content_type__app_label=prefix.rstrip(".")
        )
    # Every entry of one API request shares the request's log context (its
    # uuid) with the entry that names the token (lms.api.security.writes).
    through_token = ModelLogEntry.objects.filter(
        uuid=OuterRef("uuid"), action="lms.api_write"
    ).values(token=KT("data__token"))[:1]
    return (
        ModelLogEntry.objects.filter(condition)
        .annotate(api_token=Subquery(through_token))
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")
    )


def action_choices() -> list[tuple[str, str]]:
    """The registered audited actions, as (action, label), for a filter."""
    prefixes = audited_prefixes()
    return [
        (action, label)
        for action, label in registry.get_choices()
        if _audited(action, prefixes) or action in GENERIC_ACTIONS
    ]


def acting_users():
    """The people who took audited actions, for a filter."""
    User = get_user_model()
    return User.objects.filter(
        pk__in=audit_entries().order_by().values("user_id")
    ).order_by(*persons.adapter().order_by())


def logged_content_types():
    """The kinds of object audited actions were taken on, for a filter."""
    return ContentType.objects.filter(
        pk__in=audit_entries().order_by().values("content_type_id")
    ).order_by("model")


def summarise(data) -> str:
    """An entry's data as 'label: value' pairs, for a table cell or a sheet."""
    if not isinstance(data, dict):
        return _plain(data)
    return "; ".join(
        f"{DATA_LABELS.get(key, key.replace('_', ' '))}: {_plain(_value(key, value))}"
        for key, value in data.items()
    )


def _value(key, value):
    if isinstance(value, str):
        return DATA_VALUES.get(key, {}).get(value, value)
    return value


def _plain(value) -> str:
    # What erasure wrote (a name, a reason) reads in the reader's language.
    if isinstance(value, list | tuple):
        return ", ".join(erasure.readable(force_str(item)) for item in value)
    return erasure.readable(force_str(value)) if value not in (None, "") else ""


@dataclass(frozen=True)
class AuditRow:
    """One entry as the trail shows and exports it."""

    when: datetime
    who: str
    action: str
    object_type: str
    object: str
    details: str


def describe(entry: ModelLogEntry) -> AuditRow:
    """Who did what to which object, and when (in the site's time zone)."""
    if registry.action_exists(entry.action):
        action = force_str(registry.get_action_label(entry.action))
    else:
        action = entry.action
    who = force_str(entry.user_display_name)
    token = getattr(entry, "api_token", None)
    if token:
        who = _("%(person)s, through the API token '%(token)s'") % {
            "person": who,
            "token": token,
        }
    return AuditRow(
        when=timezone.localtime(entry.timestamp),
        who=who,
        action=action,
        object_type=force_str(get_content_type_label(entry.content_type)),
        object=erasure.readable_names(entry.label),
        details=summarise(entry.data),
    )
