"""The signature in an invitation link, made with Django's password-reset
token machinery (a salted HMAC with SECRET_KEY, and its fallbacks when the
key is rotated).

The token signs the invitation's id, its person, their email address and the
moment it was made, so a link cannot be moved to another invitation or
person, and sending a new invitation (a new row) gives a new link. Whether a
signed link still works is the invitation's state (used, replaced, expired),
not the token's age: Django's own check_token would apply the site's
PASSWORD_RESET_TIMEOUT instead of the invitation's expiry.
"""

from datetime import UTC

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "lms.invitations.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, invitation, timestamp):
        user = invitation.user
        email = getattr(user, user.get_email_field_name(), "") or ""
        return f"{invitation.pk}:{invitation.user_id}:{email.lower()}:{timestamp}"

    def _timestamp(self, invitation) -> int:
        made = invitation.created_at.astimezone(UTC).replace(tzinfo=None)
        return self._num_seconds(made)

    def token_for(self, invitation) -> str:
        """The invitation's token; the same every time, so that a mail sent
        again after a failure carries the same link."""
        return self._make_token_with_timestamp(
            invitation, self._timestamp(invitation), self.secret
        )

    def matches(self, invitation, token: str) -> bool:
        """Whether the token was made for this invitation (with the current
        secret key or one of its fallbacks)."""
        if not token or not isinstance(token, str):
            return False
        try:
            timestamp = base36_to_int(token.partition("-")[0])
        except ValueError:
            return False
        if timestamp != self._timestamp(invitation):
            return False
        return any(
            constant_time_compare(
                self._make_token_with_timestamp(invitation, timestamp, secret), token
            )
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_tokens = InvitationTokenGenerator()
