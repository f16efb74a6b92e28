"""Development: debug on, a development secret key, mail to the console."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "django-insecure-development-only-key-never-use-in-production"
)
ALLOWED_HOSTS = ["*"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Security keys on http://localhost (browsers allow WebAuthn there, not on
# http://127.0.0.1: an address is no relying-party id).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Webhook receivers on the developer's own machine speak plain http.
LMS_WEBHOOK_ALLOW_HTTP = True
