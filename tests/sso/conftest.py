"""The site signing people in through a real OpenID Connect provider.

The provider is node's oidc-provider (tests/peers/oidc), started once per
test process on loopback; each test says which people it knows. The site is
configured for it the way an environment configures a real one
(cms.sso.config), so the same code reads SSO_SERVER_URL and the rest.
"""

import pytest
from allauth.account.models import EmailAddress

from cms.sso import config
from tests.e2e.conftest import (  # noqa: F401 (the browser tests' fixtures)
    PASSWORD,
    _serial_live_server_on_sqlite,
    page,
    page_errors,
    pytest_runtest_call,
)
from tests.factories import UserFactory
from tests.sso.peer import OidcPeer, PeerError

PROVIDER_ID = "test-idp"
PROVIDER_NAME = "Test IdP"
CLIENT_ID = "hub-academy"
CLIENT_SECRET = "a-secret-only-the-tests-know"


@pytest.fixture(scope="session")
def oidc_peer(live_server, tmp_path_factory):
    callback = f"{live_server.url}/accounts/oidc/{PROVIDER_ID}/login/callback/"
    peer = OidcPeer(
        tmp_path_factory.mktemp("oidc"),
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uris=[callback],
    )
    try:
        peer.start()
    except PeerError as error:
        peer.stop()
        pytest.fail(str(error))
    yield peer
    peer.stop()


def configure(settings, issuer: str, **environ) -> list[dict]:
    """The site's settings for a provider at this issuer, from environment
    variables as cms.settings reads them."""
    apps = config.apps_from_environment(
        {
            "SSO_SERVER_URL": issuer,
            "SSO_CLIENT_ID": CLIENT_ID,
            "SSO_CLIENT_SECRET": CLIENT_SECRET,
            "SSO_PROVIDER_ID": PROVIDER_ID,
            "SSO_NAME": PROVIDER_NAME,
            **environ,
        }
    )
    settings.SSO_APPS = apps
    settings.SOCIALACCOUNT_PROVIDERS = config.socialaccount_providers(apps)
    settings.SECURE_CSP = {
        **settings.SECURE_CSP,
        "form-action": config.form_action(settings.SECURE_CSP["form-action"], apps),
    }
    return apps


@pytest.fixture
def sso(oidc_peer, settings, home_page):
    """The site signing in through the test provider, which knows nobody yet."""
    configure(settings, oidc_peer.issuer)
    oidc_peer.set_accounts([])
    yield oidc_peer
    oidc_peer.set_accounts([])


def person(email, verified=True, **fields):
    """Someone with an account here (a password too), and their address."""
    user = UserFactory(email=email, language="en", **fields)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


def sign_in_with_provider(browser, base, sub, then="/learn/"):
    """From the site's sign-in page through the provider's own login and
    consent pages (oidc-provider's devInteractions), typing the account."""
    browser.goto(f"{base}/accounts/login/?next={then}")
    browser.locator("button.sso-provider").click()
    browser.wait_for_url(lambda url: not url.startswith(base))
    browser.fill("input[name=login]", sub)
    browser.fill("input[name=password]", "anything")
    browser.locator("button.login-submit").click()
    # The consent page, once per sign-in of a new browser.
    browser.locator("button.login-submit").click()
    browser.wait_for_url(lambda url: url.startswith(base))
