"""The demo site's part in invitations (lms.invitations): the link came by
mail to the person's address, so allauth may count that address confirmed,
as its two-factor set-up requires."""

from allauth.account.models import EmailAddress
from django.dispatch import receiver

from lms import signals


@receiver(signals.invitation_accepted, dispatch_uid="cms.confirm_invited_address")
def confirm_invited_address(sender, user, how, **kwargs):
    if how == "sign_in" or not user.email:
        # A sign-in proved nothing about the address by itself.
        return
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(
            user=user,
            email=user.email,
            verified=True,
            primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
        )
    elif not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
