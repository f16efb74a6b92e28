"""Inviting people to sign in for the first time: one by one from their
screen, or everyone new in a people import.

An invitation is a row first and a mail after: the mail is queued once the
row is committed and marks it sent, so a failed mail leaves the row unsent
for the daily run to send again, with the same link.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from lms import app_settings, persons, signals
from lms.invitations.tokens import invitation_tokens
from lms.models import Invitation
from lms.notifications.services import message_id
from lms.organisation import scope
from lms.support.site_urls import absolute_url

PERMISSION = "lms.add_invitation"


class InvitationUnusable(Exception):
    """The invitation was used, replaced or expired before it could be used."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


def may_invite(user, person) -> bool:
    """HR invites anyone; a hub manager the people of the units they manage."""
    if not (user.is_active and user.has_perm(PERMISSION)):
        return False
    return scope.sees_everything(user) or scope.manages(user, person)


def email_of(user) -> str:
    """The address the user model keeps mail in (EMAIL_FIELD)."""
    return getattr(user, user.get_email_field_name(), "") or ""


def latest_invitation(person) -> Invitation | None:
    """The person's newest invitation, with who sent it."""
    return Invitation.objects.filter(user=person).select_related("invited_by").first()


def link(invitation: Invitation) -> str:
    """The path of the invitation's link."""
    token = invitation_tokens.token_for(invitation)
    return reverse("lms:invitation", args=[invitation.pk, token])


def _refusal(person) -> str | None:
    """Why the person cannot be invited, or None."""
    name = persons.display_name(person)
    if not person.is_active:
        return _("%(name)s's account is not active.") % {"name": name}
    if not email_of(person):
        return _("%(name)s has no email address to send the invitation to.") % {
            "name": name
        }
    if person.last_login is not None:
        return _(
            "%(name)s has signed in before: they can reset their password from "
            "the sign-in page instead."
        ) % {"name": name}
    return None


def _check_limits(person, by, via: str, now) -> None:
    today = Invitation.objects.filter(user=person, created_at__gt=now - timedelta(1))
    per_day = app_settings.INVITATIONS_PER_PERSON_PER_DAY
    if today.count() >= per_day:
        raise ValidationError(
            ngettext(
                "%(count)d invitation has gone to this person in the last 24 "
                "hours; wait before sending another.",
                "%(count)d invitations have gone to this person in the last 24 "
                "hours; wait before sending another.",
                per_day,
            )
            % {"count": per_day},
            code="too_many_invitations",
        )
    if via == Invitation.Via.SCREEN and by is not None:
        per_hour = app_settings.INVITATIONS_PER_SENDER_PER_HOUR
        sent = Invitation.objects.filter(
            invited_by=by, via=via, created_at__gt=now - timedelta(hours=1)
        )
        if sent.count() >= per_hour:
            raise ValidationError(
                _(
                    "You have sent %(count)d invitations in the last hour; wait "
                    "a while, or invite many people at once with the import."
                )
                % {"count": per_hour},
                code="too_many_invitations",
            )


def _create(person, by, via: str, now) -> Invitation:
    """Replace the person's open invitation with a new one, and queue its mail."""
    from lms.tasks import enqueue_invitation

    Invitation.objects.open().filter(user=person).update(replaced_at=now)
    invitation = Invitation(
        user=person,
        invited_by=by,
        via=via,
        created_at=now,
        expires_at=now + timedelta(days=app_settings.INVITATION_EXPIRY_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    log(
        instance=person,
        action="lms.invite",
        user=by,
        data={
            "expires_on": timezone.localdate(invitation.expires_at).isoformat(),
            "sent_from": via,
        },
    )
    enqueue_invitation(invitation.pk)
    return invitation


def invite(*, person, by, via: str = Invitation.Via.SCREEN) -> Invitation:
    """Send the person an invitation; one sent before stops working.

    Raises ValidationError, and changes nothing, when the person cannot be
    invited (inactive, without an email address, or signed in before) or
    has been sent too many.
    """
    User = get_user_model()
    with transaction.atomic():
        # The person's row, locked: two invitations sent at once are made one
        # after the other, and the second replaces the first.
        person = User.objects.select_for_update().get(pk=person.pk)
        refusal = _refusal(person)
        if refusal:
            raise ValidationError(refusal, code="cannot_invite")
        now = timezone.now()
        _check_limits(person, by, via, now)
        return _create(person, by, via, now)


def invite_new_people(people: Iterable, *, by, via: str = Invitation.Via.IMPORT):
    """Invite those of the people who have never signed in and hold no
    invitation that still works; return the invitations sent.

    For the import: running it again invites nobody twice, and someone whose
    invitation expired gets a new one. Runs in the caller's transaction.
    """
    User = get_user_model()
    ids = [person.pk for person in people]
    now = timezone.now()
    waiting = Invitation.objects.usable(now).filter(user_id__in=ids)
    candidates = (
        User.objects.select_for_update()
        .filter(pk__in=ids, is_active=True, last_login__isnull=True)
        .exclude(pk__in=waiting.values("user_id"))
        .order_by("pk")
    )
    return [
        _create(person, by, via, now)
        for person in candidates
        if _refusal(person) is None
    ]


def accept(*, invitation: Invitation, password: str | None = None):
    """Use the invitation: set the person's password, if one is given, and
    mark the link used. Returns the person.

    Raises InvitationUnusable when the link was used, replaced or expired
    meanwhile (a second click of the same button, say), and changes nothing.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("user")
            .get(pk=invitation.pk)
        )
        status = invitation.status()
        if status != Invitation.Status.PENDING:
            raise InvitationUnusable(status)
        person = invitation.user
        if password is not None:
            person.set_password(password)
            person.save(update_fields=["password"])
        _mark_accepted(invitation, how="password" if password else "link")
    return person


def accept_on_sign_in(person) -> bool:
    """A person who signs in (with the organisation's account, say) has
    taken up their invitation: its link stops working. True if there was one."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.usable().select_for_update().filter(user=person).first()
        )
        if invitation is None:
            return False
        invitation.user = person
        _mark_accepted(invitation, how="sign_in")
    return True


def _mark_accepted(invitation: Invitation, *, how: str) -> None:
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log(
        instance=invitation.user,
        action="lms.invitation_accepted",
        user=invitation.user,
        data={"how": how},
    )
    signals.invitation_accepted.send(sender=Invitation, user=invitation.user, how=how)


def send_invitation(invitation_id: int) -> bool:
    """Mail an invitation and mark it sent; True if sent by this call.

    Nothing is sent for an invitation already sent, used, replaced or
    expired; the row is locked, so two workers never both send it.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.unsent()
            .select_for_update(of=("self",))
            .select_related("user", "invited_by")
            .filter(pk=invitation_id, user__is_active=True)
            .first()
        )
        if invitation is None:
            return False
        mailers.default.send_messages([_message(invitation)])
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True


def queue_unsent() -> int:
    """Queue the mails of usable invitations not yet sent (a failed mail);
    for the daily run. Returns how many."""
    from lms.tasks import enqueue_invitation

    ids = list(Invitation.objects.unsent().values_list("pk", flat=True))
    for pk in ids:
        enqueue_invitation(pk)
    return len(ids)


def contact(invitation: Invitation) -> dict:
    """Whom to ask for a new link: the sender, if they can still send one."""
    sender = invitation.invited_by
    if sender is None or not sender.is_active:
        return {}
    return {
        "name": persons.display_name(sender),
        "email": email_of(sender),
    }


def _message(invitation: Invitation) -> EmailMultiAlternatives:
    person = invitation.user
    with translation.override(persons.language(person)):
        context = {
            "invitation": invitation,
            "recipient": person,
            "email": email_of(person),
            "language": translation.get_language(),
            "link": absolute_url(link(invitation)),
            "sender": contact(invitation),
            "expires_at": timezone.localtime(invitation.expires_at),
        }
        subject = " ".join(
            render_to_string("lms/emails/invitation_subject.txt", context).split()
        )
        context["subject"] = subject
        text = render_to_string("lms/emails/invitation_body.txt", context)
        html = render_to_string("lms/emails/invitation_body.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[email_of(person)],
        headers={
            "Auto-Submitted": "auto-generated",
            "Message-ID": message_id(
                f"invitation.{invitation.pk}.{invitation.created_at:%Y%m%d%H%M%S%f}",
                person,
            ),
        },
    )
    message.attach_alternative(html, "text/html")
    return message
