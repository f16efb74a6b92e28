import os
import shutil
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in this thread; the test's own ORM
# calls (seeding, looking up block ids) are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-password-1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class OneRequestAtATime:
    """A WSGI application that serves one request at a time, body included."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            result = self.application(environ, start_response)
            try:
                return list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()


class SerialWSGIServer(ThreadedWSGIServer):
    """The live server, with its requests taken one after another.

    On SQLite the test database lives in memory, in one connection that the
    live server hands to every request thread. A browser asks for several
    things at once (a page, its scripts, a listing's results), and requests
    running together share that connection's transaction state: a burst of
    them fails ("database table is locked", "no such savepoint"), and now and
    then a signed-in HR user looked like one without admin access, so the
    admin answered 403 to a listing's results or sent the page to the login
    form in the middle of a test. Threads still accept the browser's
    connections, so one that it opens ahead and leaves idle blocks nobody.
    """

    def set_app(self, application):
        super().set_app(OneRequestAtATime(application))


@pytest.fixture(scope="session", autouse=True)
def _serial_live_server_on_sqlite():
    """PostgreSQL gives each request thread a connection of its own."""
    if connections["default"].vendor != "sqlite":
        yield
        return
    original = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = original


@pytest.fixture
def page():
    """A phone-sized page in headless Chromium.

    Started per test, after the database is set up: Playwright's event loop
    gives the thread a fresh set of Django connections, which would not hold
    the serialized data that transactional tests restore.
    """
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        # Reduced motion: axe must not judge colours halfway through a fade-in.
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, reduced_motion="reduce"
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
        # Close the connections this event-loop context opened, so that the
        # test database can be dropped at the end of the run.
        connections.close_all()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page):
        """Fail on any serious or critical accessibility violation."""
        # Colours are judged once transitions (such as a message sliding in) end.
        page.wait_for_function(
            "document.getAnimations().every(a => a.playState !== 'running')"
        )
        results = checker.run(page)
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} – "
            + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"{page.url}:\n" + "\n".join(serious)

    return check


@pytest.fixture
def demo(live_server):
    """The demo organisation on a live server; returns the server's URL."""
    from cms.demo.seeding import seed

    seed(PASSWORD)
    return live_server.url


def log_in(page, base, email, then="/learn/"):
    """Sign in with allauth's form and wait for the page it leads on to."""
    page.goto(f"{base}/accounts/login/?next={then}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}{then}")
