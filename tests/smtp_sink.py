"""A small SMTP server for tests that keeps what it receives, as a mailbox.

It speaks just enough SMTP for smtplib (and so Django's SMTP backend). A test
can make it stop once at a point of the conversation, and hold the sender
there until released: at MAIL (before the mail is sent), or at the end of the
data, after the mail is kept and before the sender hears it was accepted.
"""

import contextlib
import email
import email.policy
import socketserver
import threading

HOLD_SECONDS = 60


class SMTPSink:
    def __init__(self, hold_at: str | None = None):
        assert hold_at in (None, "MAIL", "DATA")
        self.hold_at = hold_at
        self.held = threading.Event()
        self.release = threading.Event()
        self.deliveries: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()
        self.port = 0

    def mailbox(self) -> dict[str, email.message.EmailMessage]:
        """The mail as a mailbox keeps it: one message per Message-ID."""
        with self._lock:
            return {message["Message-ID"]: message for message in self.deliveries}

    def _hold(self, point: str) -> None:
        with self._lock:
            if self.hold_at != point or self.held.is_set():
                return
            self.held.set()
        self.release.wait(HOLD_SECONDS)

    def _keep(self, data: bytes) -> None:
        message = email.message_from_bytes(data, policy=email.policy.default)
        with self._lock:
            self.deliveries.append(message)

    @contextlib.contextmanager
    def running(self):
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                try:
                    self._converse()
                except OSError:
                    pass  # the sender died mid-conversation

            def _reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")
                self.wfile.flush()

            def _converse(self):
                self._reply("220 sink ESMTP")
                while line := self.rfile.readline():
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        self._reply("250 sink")
                    elif verb == b"MAIL":
                        sink._hold("MAIL")
                        self._reply("250 OK")
                    elif verb == b"DATA":
                        self._reply("354 End data with <CR><LF>.<CR><LF>")
                        sink._keep(self._data())
                        sink._hold("DATA")
                        self._reply("250 OK: kept")
                    elif verb == b"QUIT":
                        self._reply("221 Bye")
                        return
                    else:  # RCPT, RSET, NOOP
                        self._reply("250 OK")

            def _data(self) -> bytes:
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                return b"".join(lines)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        server = Server(("127.0.0.1", 0), Handler)
        self.port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.release.set()
            server.shutdown()
            server.server_close()
            thread.join(10)
