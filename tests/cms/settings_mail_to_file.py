"""The test settings, with mail written to a file (tests.cms.mail_to_file),
for manage.py processes that a test starts."""

from cms.settings.test import *  # noqa: F403

MAILERS = {"default": {"BACKEND": "tests.cms.mail_to_file.EmailBackend"}}
