"""Personal-data requests about one person: export everything, or erase them.

Each app contributes its own part (lms: the learning records and the audit
log; certification: the certificates, in certification.personal_data); this
module adds the account itself (the user row, Wagtail's preferences, the
sessions and, where the site uses allauth, its addresses and social
accounts) and runs the request as one. It works on any user model: a
person's name, language and employee number are read and written only
through lms.persons.

Erasing keeps the person's row and records, so that report totals do not
change, but removes what identifies them: the row is anonymised, their words
replaced, their certificates revoked, their name taken out of the audit log.
"""

import json
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from certification import personal_data as certification_data
from lms import persons
from lms.personal_data import erasure
from lms.personal_data import services as lms_data

PERMISSION = "certification.manage_personal_data"
FORMAT = "hub-academy/personal-data"
# The log actions keep the names they had when the demo site (cms) wrote
# them: earlier entries are stored under these, and old and new must read
# and filter alike.
EXPORT_ACTION = "cms.export_person"
ERASE_ACTION = "cms.erase_person"
# Reserved for documentation (RFC 2606): no real person can hold it.
ERASED_DOMAIN = "erased.invalid"
# Shorter words are too likely to be part of other people's text.
SHORTEST_NEEDLE = 3
# Shorter numbers are too likely to be a count, a room or a year elsewhere.
SHORTEST_EMPLOYEE_NUMBER = 4


class PersonNotFound(LookupError):
    pass


def _email_address_model():
    """allauth's EmailAddress where the site uses allauth (the demo does;
    the plugins do not need it)."""
    if not apps.is_installed("allauth.account"):
        return None
    from allauth.account.models import EmailAddress

    return EmailAddress


def find_person(identifier: str):
    """A person by id or by one of their email addresses."""
    User = get_user_model()
    email_field = persons.adapter().email_field
    identifier = str(identifier).strip()
    if identifier.isdigit():
        person = User.objects.filter(pk=int(identifier)).first()
    else:
        person = (
            User.objects.filter(**{email_field: identifier}).order_by("pk").first()
            or User.objects.filter(**{f"{email_field}__iexact": identifier})
            .order_by("pk")
            .first()
        )
        EmailAddress = _email_address_model()
        if person is None and EmailAddress is not None:
            person = (
                User.objects.filter(
                    pk__in=EmailAddress.objects.filter(email__iexact=identifier).values(
                        "user_id"
                    )
                )
                .order_by("pk")
                .first()
            )
    if person is None:
        raise PersonNotFound(
            _("Nobody has the id or email address “%(identifier)s”.")
            % {"identifier": identifier}
        )
    return person


def email_of(person) -> str:
    return getattr(person, persons.adapter().email_field, "") or ""


def is_erased(person) -> bool:
    return email_of(person).endswith("@" + ERASED_DOMAIN)


def erased_name(pk: int) -> str:
    """What an erased person is called from then on; names nobody.

    Stored as lms.personal_data.erasure writes it; screens show it in their
    language.
    """
    return erasure.erased_name(pk)


def _iso(value):
    return value.isoformat() if value else None


def _profile(person) -> dict:
    """The account. Every key is always there; a value is null where the
    site keeps no such thing (Django's User has no employee number or
    language of its own, a site without allauth no further addresses)."""
    people = persons.adapter()
    preferences = UserProfile.objects.filter(user=person).first()
    EmailAddress = _email_address_model()
    profile = {
        "id": person.pk,
        "email": email_of(person),
        "name": people.stored_name(person),
        "employee_number": people.employee_number(person)
        if people.keeps_employee_number
        else None,
        "language": person.language if people.has_language else None,
        "is_active": person.is_active,
        "is_staff": getattr(person, "is_staff", None),
        "is_superuser": getattr(person, "is_superuser", None),
        "date_joined": _iso(getattr(person, "date_joined", None)),
        "last_login": _iso(person.last_login),
        "groups": sorted(person.groups.values_list("name", flat=True))
        if hasattr(person, "groups")
        else None,
        "email_addresses": list(
            EmailAddress.objects.filter(user=person)
            .order_by("pk")
            .values("email", "verified", "primary")
        )
        if EmailAddress is not None
        else None,
        "admin_preferences": {
            "preferred_language": preferences.preferred_language,
            "current_time_zone": preferences.current_time_zone,
            "has_avatar": bool(preferences.avatar),
        }
        if preferences
        else None,
    }
    if _has_username(people):
        # Only where it is not the email address (Django's own User).
        profile["username"] = person.get_username()
    return profile


def _has_username(people) -> bool:
    return people.model.USERNAME_FIELD != people.email_field


def _entries_about(person) -> Q:
    return lms_data.entries_about_person(person) | (
        certification_data.entries_about_person(person)
    )


def _check_may_handle(by) -> None:
    # None: the command line, run by the server's operator.
    if by is not None and not by.has_perm(PERMISSION):
        raise PermissionDenied


def export_person(person, *, by=None) -> dict:
    """Everything held about a person, as one JSON-ready document.

    The export is logged (without the person's name): who took whose data.
    """
    _check_may_handle(by)
    document = {
        "format": FORMAT,
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "profile": _profile(person),
        **lms_data.records(person),
        **certification_data.records(person),
        "audit_entries": lms_data.audit_entries(person, about=_entries_about(person)),
    }
    # Named by number only: the log must not become a copy of the data.
    log(person, EXPORT_ACTION, user=by, title=f"#{person.pk}")
    return document


def export_json(person, *, by=None) -> str:
    return json.dumps(
        export_person(person, by=by),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )


def check_erasable(person, by=None) -> None:
    """Refuse what must not be erased, with the reason.

    by is whoever asks (None: the command line, run by the server's operator).
    """
    _check_may_handle(by)
    if is_erased(person):
        raise ValidationError(
            _("This person's data has already been erased."), code="erased"
        )
    if by is not None and by.pk == person.pk:
        raise ValidationError(_("You cannot erase your own data."), code="self")
    if getattr(person, "is_superuser", False):
        raise ValidationError(
            _(
                "An administrator cannot be erased: take away their administrator "
                "rights first."
            ),
            code="superuser",
        )


def _sign_in_addresses(person) -> list[str]:
    """The further addresses the sign-in keeps (allauth's, where installed)."""
    EmailAddress = _email_address_model()
    if EmailAddress is None:
        return []
    return list(
        EmailAddress.objects.filter(user=person).values_list("email", flat=True)
    )


def _identifying_words(person, people=None) -> set[str]:
    """The words that name the person wherever they appear."""
    people = people or persons.adapter()
    words = {
        people.stored_name(person),
        getattr(person, people.email_field, "") or "",
        *_sign_in_addresses(person),
    }
    if _has_username(people):
        words.add(person.get_username() or "")
    words = {word for word in words if len(word.strip()) >= SHORTEST_NEEDLE}
    number = people.employee_number(person)
    if len(number.strip()) >= SHORTEST_EMPLOYEE_NUMBER:
        words.add(number)
    return words


def _first_name(person, people=None) -> str | None:
    """The first word of the name; it names the person only near them.

    Elsewhere it may be someone else's (or a plain word: Will, May), so it is
    looked for only in text that reached the person or is about them.
    """
    words = (people or persons.adapter()).stored_name(person).split()
    return words[0] if words and len(words[0]) >= SHORTEST_NEEDLE else None


@transaction.atomic
def erase_person(*, person, by=None) -> dict[str, int]:
    """Erase a person: anonymise them, keep their records. All or nothing.

    Returns how many of each kind of record were changed.
    """
    User = get_user_model()
    person = User.objects.select_for_update().get(pk=person.pk)
    check_erasable(person, by)
    words = _identifying_words(person)
    first_name = _first_name(person)
    redactors = {
        "mentions": lms_data.Redactor(words, erased_name(person.pk)),
        "nearby": lms_data.Redactor(
            words | ({first_name} if first_name else set()), erased_name(person.pk)
        ),
    }
    about = _entries_about(person)
    counts = lms_data.erase(person, **redactors)
    _anonymise(person)
    counts["log_entries"] = lms_data.redact_log_entries(about, **redactors)
    # After the log is cleaned: these entries name the anonymised holder.
    counts.update(certification_data.revoke_for_erasure(person, by=by))
    log(person, ERASE_ACTION, user=by, title=erased_name(person.pk), data=counts)
    return counts


def _anonymous_values(person, people=None) -> dict:
    """What the row holds once erased: whatever identified the person, on
    whichever fields the user model has, replaced by what names nobody."""
    people = people or persons.adapter()
    values = {
        **people.name_values(erased_name(person.pk)),
        people.email_field: f"erased-{person.pk}@{ERASED_DOMAIN}",
        "is_active": False,
        "last_login": None,
    }
    if _has_username(people):
        values[people.model.USERNAME_FIELD] = f"erased-{person.pk}"
    if people.keeps_employee_number:
        values["employee_number"] = ""
    if people.has_language:
        values["language"] = ""
    if hasattr(person, "is_staff"):
        values["is_staff"] = False
    return values


def _anonymise(person) -> None:
    """The row stays (records point at it) but names nobody and logs nobody in."""
    for field, value in _anonymous_values(person).items():
        setattr(person, field, value)
    person.set_unusable_password()
    person.save()
    if hasattr(person, "groups"):
        person.groups.clear()
        person.user_permissions.clear()
    EmailAddress = _email_address_model()
    if EmailAddress is not None:
        EmailAddress.objects.filter(user=person).delete()
    if apps.is_installed("allauth.socialaccount"):
        from allauth.socialaccount.models import SocialAccount

        SocialAccount.objects.filter(user=person).delete()
    _end_sessions(person)
    _forget_preferences(person)


def _end_sessions(person) -> None:
    """Delete the person's stored sessions.

    Sessions are not indexed by user, so each stored one is decoded; erasure
    is rare. Sessions kept elsewhere (cache, cookies) end anyway: the
    password changed, which invalidates them on their next request.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return
    store = store_class()
    sessions = store_class.get_model_class().objects.only("session_key", "session_data")
    doomed = [
        session.session_key
        for session in sessions.iterator(chunk_size=2000)
        if store.decode(session.session_data).get(SESSION_KEY) == str(person.pk)
    ]
    for session_key in doomed:
        store.delete(session_key)


def _forget_preferences(person) -> None:
    preferences = UserProfile.objects.filter(user=person).first()
    if preferences is None:
        return
    avatar = preferences.avatar
    preferences.delete()
    if avatar:
        # Files are not part of the transaction: delete only once it holds.
        transaction.on_commit(lambda: avatar.storage.delete(avatar.name))
