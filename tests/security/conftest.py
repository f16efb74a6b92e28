import logging

import pytest
from django.test import Client

from tests.security.world import build_world


@pytest.fixture(scope="session")
def signing_keys_dir(tmp_path_factory):
    """One credential signing key per test process, outside var/."""
    return tmp_path_factory.mktemp("keys")


@pytest.fixture
def world(hub, catalogue, home_page, locales, settings, signing_keys_dir):
    """The organisation and objects every URL of the site can name."""
    settings.CERTIFICATION_KEYS_DIR = signing_keys_dir
    settings.CERTIFICATION_SIGNING_KEY_FILE = None
    settings.CERTIFICATION_RETIRED_KEYS_DIR = None
    return build_world(hub, catalogue, home_page, locales)


@pytest.fixture
def quiet_request_log():
    """Thousands of refusals would each log a warning."""
    loggers = [
        logging.getLogger(name) for name in ("django.request", "django.security")
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture
def client_as(world):
    """A client signed in once as one of the world's kinds of user; a server
    error comes back as a 500 response, to be classified like any other."""

    def make(kind):
        client = Client(raise_request_exception=False)
        user = world.kinds[kind]
        if user is not None:
            client.force_login(user)
        return client

    return make
