from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Organisations bring their own people: sign-up only when a setting opens it."""

    def is_open_for_signup(self, request):
        return settings.ACCOUNT_SIGNUP_OPEN
