"""A webhook receiver, as an organisation would write one from the docs.

    python tests/peers/webhook_receiver.py --secret SECRET [--fail 2]

It listens on a free loopback port, which it prints on its first line
("listening on PORT"). Each POST must carry a Hub-Signature that signs
"<t>.<body>" with the secret (HMAC-SHA256), at most five minutes old, and a
Hub-Event-Id equal to the body's id; it answers 401 otherwise. It answers
500 to the first --fail signed requests and 200 after that, and accepts each
event id once (a delivery repeated is answered 200 and not accepted again).
GET /received answers every request it got, as JSON. It knows nothing of
the site's code: it checks what goes over the wire.
"""

import argparse
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE = 300


def signed(secret: str, header: str, body: bytes) -> bool:
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp = parts.get("t", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE:
        return False
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


class Receiver(ThreadingHTTPServer):
    def __init__(self, secret: str, fail: int):
        super().__init__(("127.0.0.1", 0), Handler)
        self.secret = secret
        self.failures_left = fail
        self.received = []
        self.accepted = set()
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def log_message(self, format, *args):
        pass

    def answer(self, status: int, payload) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != "/received":
            return self.answer(404, {"error": "not found"})
        with self.server.lock:
            return self.answer(200, self.server.received)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        server = self.server
        record = {
            "path": self.path,
            "event_id": self.headers.get("Hub-Event-Id"),
            "event_type": self.headers.get("Hub-Event-Type"),
            "content_type": self.headers.get("Content-Type"),
            "signature_ok": signed(
                server.secret, self.headers.get("Hub-Signature", ""), body
            ),
        }
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        record["body"] = payload
        with server.lock:
            if not record["signature_ok"] or (
                not isinstance(payload, dict) or payload.get("id") != record["event_id"]
            ):
                status = 401
            elif server.failures_left > 0:
                server.failures_left -= 1
                status = 500
            else:
                status = 200
            record["status"] = status
            record["accepted"] = status == 200 and record["event_id"] not in (
                server.accepted
            )
            if record["accepted"]:
                server.accepted.add(record["event_id"])
            server.received.append(record)
        self.answer(status, {"ok": status == 200})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--secret", required=True)
    parser.add_argument("--fail", type=int, default=2)
    options = parser.parse_args()
    server = Receiver(options.secret, options.fail)
    print(f"listening on {server.server_address[1]}", flush=True)  # noqa: T201
    server.serve_forever()


if __name__ == "__main__":
    main()
