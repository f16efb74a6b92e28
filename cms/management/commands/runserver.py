"""runserver that tells the site its own address.

Mails link to WAGTAILADMIN_BASE_URL. The demo runs on whatever port
`make demo PORT=…` names, so once the server is bound its address becomes the
base URL, unless the environment sets one.
"""

import os

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticfilesRunserver,
)

# An address that listens everywhere is not one a mail can link to.
UNSPECIFIED = {"0", "0.0.0.0", "::"}


class Command(StaticfilesRunserver):
    def on_bind(self, server_port):
        if not os.environ.get("WAGTAILADMIN_BASE_URL"):
            host = "localhost" if self.addr in UNSPECIFIED else self.addr
            if self._raw_ipv6 and host != "localhost":
                host = f"[{host}]"
            settings.WAGTAILADMIN_BASE_URL = f"{self.protocol}://{host}:{server_port}"
        super().on_bind(server_port)
