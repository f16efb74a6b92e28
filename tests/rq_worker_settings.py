"""Settings of an RQ worker started by a test (tests.rq_workers): the test
settings, with the test's own queue and a real SMTP server to mail to."""

import os

from cms.settings.test import *  # noqa: F403
from cms.settings.test import TASKS as _TEST_TASKS
from tests.rq_config import rq_settings

globals().update(
    rq_settings(
        os.environ["TEST_RQ_QUEUE"],
        _TEST_TASKS["default"].get("QUEUES", ["default"]),
        os.environ["TEST_REDIS_URL"],
    )
)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["TEST_SMTP_PORT"])},
    }
}
