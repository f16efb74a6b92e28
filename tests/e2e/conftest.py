import os
import shutil
import threading
from urllib.parse import urlsplit

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


# WCAG 2.2 AA and axe's best practices. Naming the tags turns on the rules
# that axe leaves off unless asked, among them target-size (2.5.8, wcag22aa);
# every rule axe runs by default carries one of these tags.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page):
        """Fail on any serious or critical violation of WCAG 2.2 AA."""
        # Colours are judged once transitions (such as a message sliding in) end.
        # Through evaluate, not wait_for_function: that one polls by eval(),
        # which the site's Content Security Policy refuses.
        page.evaluate(
            "() => Promise.all(document.getAnimations()"
            ".filter(a => a.playState === 'running')"
            ".map(a => a.finished.catch(() => null)))"
        )
        results = checker.run(page, options=AXE_OPTIONS)
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} – "
            + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"{page.url}:\n" + "\n".join(serious)

    return check


class PageErrors:
    """The script errors and console errors of the pages a browser page shows,
    for those whose path starts with under (the admin's, unless told)."""

    def __init__(self, page, under="/admin/"):
        self.page = page
        self.under = under
        self.found: list[str] = []
        page.on("pageerror", self._page_error)
        page.on("console", self._console)

    def _watched(self) -> bool:
        return urlsplit(self.page.url).path.startswith(self.under)

    def _page_error(self, error):
        if self._watched():
            self.found.append(f"{self.page.url}: {error.name}: {error.message}")

    def _console(self, message):
        if message.type != "error" or not self._watched():
            return
        # The browser logs a page's own 4xx status as a failed resource; a
        # test that posts a bad form expects that status and checks it itself.
        own_status = message.text.startswith("Failed to load resource") and (
            message.location.get("url") == self.page.url
        )
        if not own_status:
            self.found.append(f"{self.page.url}: console: {message.text}")

    def check(self):
        """Fail if any page shown so far raised an error or logged one."""
        found, self.found = self.found, []
        assert not found, "Errors in the browser:\n" + "\n".join(found)


@pytest.fixture
def page_errors(page):
    """Fail the test on any script or console error in the pages it visits.

    Checked when the test body ends (see pytest_runtest_call), so the test
    fails rather than errs; check() fails sooner, beside the step at fault.
    """
    return PageErrors(page)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    errors = getattr(item, "funcargs", {}).get("page_errors")
    if errors is not None:
        errors.check()
    return result


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
