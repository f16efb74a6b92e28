"""The test OpenID Connect provider (tests/peers/oidc/server.mjs), started
as a process of its own on loopback and stopped by its pid."""

import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import requests

PEER_DIR = Path(__file__).resolve().parent.parent / "peers" / "oidc"
SERVER = PEER_DIR / "server.mjs"
INSTALLED = PEER_DIR / "node_modules" / "oidc-provider" / "package.json"
START_TIMEOUT = 30


class PeerError(RuntimeError):
    pass


class OidcPeer:
    """oidc-provider for one client, whose people the test sets."""

    def __init__(self, workdir: Path, *, client_id, client_secret, redirect_uris):
        self.client_id = client_id
        self.client_secret = client_secret
        self.accounts_file = workdir / "accounts.json"
        self.config_file = workdir / "config.json"
        self.log_file = workdir / "oidc-provider.log"
        self.set_accounts([])
        self.config_file.write_text(
            json.dumps(
                {
                    "clients": [
                        {
                            "client_id": client_id,
                            "client_secret": client_secret,
                            "redirect_uris": list(redirect_uris),
                        }
                    ],
                    "accounts_file": str(self.accounts_file),
                }
            )
        )
        self.process = None
        self.issuer = ""

    def set_accounts(self, accounts: list[dict]):
        """The people the provider knows, read again at every sign-in."""
        self.accounts_file.write_text(json.dumps(accounts))

    def start(self):
        node = shutil.which("node")
        if node is None or not INSTALLED.exists():
            raise PeerError(
                "The test OpenID Connect provider is not installed: run "
                "scripts/ensure-oidc-provider (needs Node.js and npm)."
            )
        self._log = self.log_file.open("wb")
        self.process = subprocess.Popen(
            [node, str(SERVER), str(self.config_file)],
            cwd=PEER_DIR,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self.issuer = self._read_issuer()
        self._wait_for_discovery()

    def _read_issuer(self) -> str:
        # The server prints its issuer once it listens; read that line in a
        # thread so that a server that never prints fails the wait, not hangs.
        found = {}

        def read():
            found["line"] = self.process.stdout.readline()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        line = found.get("line", b"")
        if not line:
            raise PeerError(self._failure("did not start"))
        return json.loads(line)["issuer"]

    def _wait_for_discovery(self):
        url = f"{self.issuer}/.well-known/openid-configuration"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise PeerError(self._failure("stopped"))
            try:
                response = requests.get(url, timeout=2)
                if response.ok and response.json()["issuer"] == self.issuer:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise PeerError(self._failure("does not answer discovery"))
            time.sleep(0.05)

    def _failure(self, what: str) -> str:
        self._log.flush()
        return f"oidc-provider {what}:\n{self.log_file.read_text(errors='replace')}"

    def stop(self):
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process.stdout.close()
        self._log.close()
        self.process = None
