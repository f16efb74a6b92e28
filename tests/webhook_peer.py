"""The loopback webhook receiver (tests/peers/webhook_receiver.py), started
as a subprocess for a test."""

import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

RECEIVER = Path(__file__).resolve().parent / "peers" / "webhook_receiver.py"


class RunningReceiver:
    def __init__(self, process, port):
        self.process = process
        self.url = f"http://127.0.0.1:{port}/hooks"
        self.port = port

    def received(self) -> list[dict]:
        """Every request the receiver got, in order."""
        address = f"http://127.0.0.1:{self.port}/received"
        with urllib.request.urlopen(address, timeout=5) as response:
            return json.load(response)


@pytest.fixture
def start_receiver():
    """Start receivers: start_receiver(secret, fail=2) -> RunningReceiver."""
    processes = []

    def start(secret: str, fail: int = 2) -> RunningReceiver:
        process = subprocess.Popen(
            # "--secret=…": a secret may begin with "-", which argparse would
            # otherwise read as an option of its own.
            [sys.executable, str(RECEIVER), f"--secret={secret}", "--fail", str(fail)],
            stdout=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        line = process.stdout.readline()
        assert line.startswith("listening on "), line
        return RunningReceiver(process, int(line.split()[-1]))

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()


@pytest.fixture
def closed_port_url():
    """An address on loopback where nothing listens: refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"
