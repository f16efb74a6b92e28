import pytest

from lms.api import tokens
from lms.models import ApiToken


class ApiClient:
    """The test client, sending a bearer token with every request."""

    def __init__(self, client, raw: str):
        self.client = client
        self.raw = raw
        self.headers = {"Authorization": f"Bearer {raw}"}

    def get(self, path, data=None):
        return self.client.get(path, data, headers=self.headers)

    def post(self, path, body):
        return self.client.post(
            path, body, content_type="application/json", headers=self.headers
        )

    def request(self, method, path, body=None):
        return getattr(self.client, method.lower())(
            path,
            body,
            content_type="application/json",
            headers=self.headers,
        )


@pytest.fixture
def api_for(client):
    """A client with a new token acting as ``user``."""

    def make(user, *, write=True, **options):
        _token, raw = tokens.make_token(
            name=options.pop("name", f"Sync for {user.pk}"),
            user=user,
            access=ApiToken.Access.WRITE if write else ApiToken.Access.READ,
            **options,
        )
        return ApiClient(client, raw)

    return make
