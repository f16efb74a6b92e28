"""A mail backend for processes that a test starts: each message becomes a
line in the file MAIL_LOG names, so that the test sees what every process
sent. If MAIL_GATE names a file, sending waits until it exists: the test
decides when the process may go on."""

import fcntl
import json
import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

GATE_SECONDS = 120


class EmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        if gate := os.environ.get("MAIL_GATE"):
            deadline = time.monotonic() + GATE_SECONDS
            while not Path(gate).exists():
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{gate} did not appear")
                time.sleep(0.05)
        with open(os.environ["MAIL_LOG"], "a") as log:
            fcntl.flock(log, fcntl.LOCK_EX)
            for message in messages:
                line = {
                    "pid": os.getpid(),
                    "to": message.to,
                    "subject": message.subject,
                }
                log.write(json.dumps(line) + "\n")
        return len(messages)
