"""Open Badges 3.0 credentials, verified independently with jwcrypto."""

import base64
import json
import stat
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from jwcrypto import jwk, jws, jwt

from certification import badges, services
from certification.badge_models import StatusListEntry
from certification.models import Certification
from certification.settings_models import CertificateSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DID = "did:web:testserver"


@pytest.fixture(autouse=True)
def _keys(settings, tmp_path, monkeypatch):
    """Keys go to a temporary folder, never into the repository."""
    settings.CERTIFICATION_KEYS_DIR = tmp_path / "keys"
    settings.CERTIFICATION_SIGNING_KEY_FILE = None
    settings.CERTIFICATION_RETIRED_KEYS_DIR = None
    monkeypatch.delenv(badges.ENV_VAR, raising=False)


@pytest.fixture
def certification(db):
    return Certification.objects.create(
        name="Crisis Communication Lead",
        description="Leads the hub through a social media crisis.",
        validity_months=12,
    )


@pytest.fixture
def holder(db):
    return UserFactory(name="Anna de Vries")


@pytest.fixture
def certificate(holder, certification):
    return services.issue_certificate(
        holder=holder, certification=certification, valid_from=date(2026, 3, 1)
    )


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def download(client, certificate, user=None):
    client.force_login(user or certificate.holder)
    response = client.get(reverse("certification:credential", args=[certificate.code]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def did_keys(client) -> dict[str, jwk.JWK]:
    """The verification methods of the served DID document, by id."""
    document = client.get("/.well-known/did.json").json()
    assert document["assertionMethod"] == [
        method["id"] for method in document["verificationMethod"]
    ]
    return {
        method["id"]: jwk.JWK(**method["publicKeyJwk"])
        for method in document["verificationMethod"]
    }


def header_of(token: str) -> dict:
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def verify(token: str, key: jwk.JWK) -> dict:
    """The payload, once the RS256 signature checks out with the key."""
    signed = jws.JWS()
    signed.deserialize(token)
    signed.verify(key, alg="RS256")
    return json.loads(signed.payload)


def verify_with_did(client, token: str) -> dict:
    return verify(token, did_keys(client)[header_of(token)["kid"]])


def epoch(*args) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp())


def test_credential_verifies_with_a_key_from_the_did_document(client, certificate):
    token = download(client, certificate)
    header = header_of(token)
    assert header == {"alg": "RS256", "typ": "JWT", "kid": header["kid"]}
    assert header["kid"] in did_keys(client)
    assert header["kid"].startswith(f"{DID}#")

    payload = verify_with_did(client, token)

    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["issuer"] == {"id": DID, "type": ["Profile"], "name": "Hub Academy"}
    assert payload["iss"] == DID
    assert payload["id"].startswith("urn:uuid:")
    assert payload["jti"] == payload["id"]
    assert "vc" not in payload  # the fields sit at the top level
    assert payload["validFrom"] == "2026-03-01T00:00:00Z"
    assert payload["validUntil"] == "2027-02-28T23:59:59Z"
    assert payload["nbf"] == epoch(2026, 3, 1)
    assert payload["exp"] == epoch(2027, 2, 28, 23, 59, 59)
    assert payload["name"] == "Crisis Communication Lead"
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": "Anna de Vries",
            "identityType": "name",
            "hashed": False,
        }
    ]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == "Crisis Communication Lead"
    assert achievement["description"] == "Leads the hub through a social media crisis."
    assert achievement["criteria"] == {"narrative": "Crisis Communication Lead"}


def test_download_is_an_attachment_of_type_vc_jwt(client, certificate):
    client.force_login(certificate.holder)
    response = client.get(reverse("certification:credential", args=[certificate.code]))
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Content-Disposition"] == (
        'attachment; filename="crisis-communication-lead.jwt"'
    )
    assert response.content.count(b".") == 2


def test_the_same_certificate_signs_to_the_same_credential(client, certificate):
    assert download(client, certificate) == download(client, certificate)


def test_a_certificate_without_expiry_has_no_valid_until_or_exp(client, holder):
    certification = Certification.objects.create(name="Webcare basics")
    certificate = services.issue_certificate(
        holder=holder, certification=certification, valid_from=date(2026, 1, 5)
    )
    payload = verify_with_did(client, download(client, certificate))
    assert payload["nbf"] == epoch(2026, 1, 5)
    assert "validUntil" not in payload
    assert "exp" not in payload


def test_a_credential_in_force_passes_jwcrypto_claim_checks(
    client, holder, certification
):
    certificate = services.issue_certificate(
        holder=holder,
        certification=certification,
        valid_from=timezone.localdate() - timedelta(days=10),
    )
    token = download(client, certificate)
    key = did_keys(client)[header_of(token)["kid"]]
    checked = jwt.JWT(jwt=token, key=key, algs=["RS256"], expected_type="JWS")
    assert json.loads(checked.claims)["iss"] == DID


def test_a_changed_payload_fails_verification(client, certificate):
    header, payload, signature = download(client, certificate).split(".")
    claims = verify_with_did(client, f"{header}.{payload}.{signature}")
    claims["name"] = "Hub Manager"
    forged = badges.b64url(json.dumps(claims).encode())
    with pytest.raises(jws.InvalidJWSSignature):
        verify_with_did(client, f"{header}.{forged}.{signature}")


def test_a_wrong_key_fails_verification(client, certificate):
    token = download(client, certificate)
    with pytest.raises(jws.InvalidJWSSignature):
        verify(token, jwk.JWK.generate(kty="RSA", size=2048))


def test_issuer_name_comes_from_the_site_settings(client, certificate, home_page):
    settings_obj = CertificateSettings.for_site(home_page.get_site())
    settings_obj.issuer_name = "Gemeente Voorbeeld"
    settings_obj.save()
    payload = verify_with_did(client, download(client, certificate))
    assert payload["issuer"]["name"] == "Gemeente Voorbeeld"


def test_did_web_encodes_the_port(client):
    document = client.get(
        "/.well-known/did.json", HTTP_HOST="academy.example.org:8443"
    ).json()
    assert document["id"] == "did:web:academy.example.org%3A8443"
    method = document["verificationMethod"][0]
    assert method["controller"] == document["id"]
    assert method["type"] == "JsonWebKey2020"
    assert method["id"] == f"{document['id']}#{method['publicKeyJwk']['kid']}"
    assert "d" not in method["publicKeyJwk"]


def test_kid_is_the_rfc_7638_thumbprint(client):
    [(method_id, key)] = did_keys(client).items()
    assert method_id == f"{DID}#{key.thumbprint()}"


def test_a_generated_key_is_private_to_its_owner(settings, client):
    client.get("/.well-known/did.json")
    path = settings.CERTIFICATION_KEYS_DIR / "current.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_rotating_keeps_old_credentials_verifiable(
    client, certificate, holder, certification
):
    old_token = download(client, certificate)
    old_kid = header_of(old_token)["kid"]

    call_command("rotate_signing_key", stdout=mock.MagicMock())

    keys = did_keys(client)
    assert len(keys) == 2
    assert old_kid in keys
    verify(old_token, keys[old_kid])
    new_token = download(client, certificate)
    new_kid = header_of(new_token)["kid"]
    assert new_kid != old_kid
    assert new_kid in keys
    verify(new_token, keys[new_kid])
    with pytest.raises(jws.InvalidJWSSignature):
        verify(new_token, keys[old_kid])


def test_rotating_writes_to_the_configured_key_file(settings, tmp_path, client):
    key_file = tmp_path / "signing.pem"
    badges.write_private_key(key_file, badges.generate_private_key())
    settings.CERTIFICATION_SIGNING_KEY_FILE = str(key_file)
    settings.CERTIFICATION_RETIRED_KEYS_DIR = str(tmp_path / "old")
    before = key_file.read_bytes()

    call_command("rotate_signing_key", stdout=mock.MagicMock())

    assert key_file.read_bytes() != before
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(list((tmp_path / "old").glob("*.pem"))) == 1
    assert len(did_keys(client)) == 2


def test_a_key_from_the_environment_signs_but_is_not_rotated(
    monkeypatch, client, certificate
):
    key = badges.generate_private_key()
    monkeypatch.setenv(badges.ENV_VAR, badges.private_pem(key).decode())
    token = download(client, certificate)
    assert header_of(token)["kid"] == f"{DID}#{badges.thumbprint(key.public_key())}"

    with translation.override("en"), pytest.raises(CommandError, match="secret store"):
        call_command("rotate_signing_key")
    with translation.override("nl"), pytest.raises(CommandError, match="geheimen"):
        call_command("rotate_signing_key")
    assert list(did_keys(client)) == [header_of(token)["kid"]]


def status_list(client) -> tuple[dict, bytes]:
    """The served status list credential, verified, and its bitstring."""
    response = client.get(reverse("certification:status_list", args=[1]))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vc+jwt"
    payload = verify_with_did(client, response.content.decode())
    return payload, badges.decode_bits(payload["credentialSubject"]["encodedList"])


def is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_the_status_list_is_a_signed_bitstring_status_list(client, certificate):
    verify_with_did(client, download(client, certificate))
    payload, bits = status_list(client)
    url = "http://testserver/credentials/status/1"
    assert payload["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert payload["id"] == payload["jti"] == url
    assert payload["issuer"] == payload["iss"] == DID
    assert payload["validFrom"].endswith("Z")
    assert payload["nbf"] == int(
        datetime.fromisoformat(payload["validFrom"]).timestamp()
    )
    subject = payload["credentialSubject"]
    assert subject["id"] == f"{url}#list"
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    assert subject["encodedList"].startswith("u")
    assert len(bits) * 8 >= 131_072
    assert not any(bits)


def test_revoking_sets_the_bit_and_reinstating_clears_it(
    client, certificate, holder, admin
):
    other = services.issue_certificate(
        holder=holder,
        certification=Certification.objects.create(name="Webcare"),
        valid_from=date(2026, 1, 1),
    )
    status = verify_with_did(client, download(client, certificate))["credentialStatus"]
    index = certificate.status_entry.index
    other_index = StatusListEntry.objects.for_certificate(other).index
    url = "http://testserver/credentials/status/1"
    assert status == {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }

    services.revoke(certificate=certificate, by=admin, reason="Issued in error")
    _, bits = status_list(client)
    assert is_set(bits, index)
    assert not is_set(bits, other_index)
    assert sum(bin(byte).count("1") for byte in bits) == 1

    services.reinstate(certificate=certificate, by=admin)
    _, bits = status_list(client)
    assert not is_set(bits, index)


def test_a_certificate_revoked_before_its_first_download_is_listed(
    client, certificate, admin
):
    services.revoke(certificate=certificate, by=admin, reason="Issued in error")
    status = verify_with_did(client, download(client, certificate))["credentialStatus"]
    _, bits = status_list(client)
    assert is_set(bits, int(status["statusListIndex"]))


def test_indexes_are_unique_and_random(holder):
    certificates = [
        services.issue_certificate(
            holder=holder,
            certification=Certification.objects.create(name=f"Course {n}"),
            valid_from=date(2026, 1, 1),
        )
        for n in range(20)
    ]
    indexes = [StatusListEntry.objects.for_certificate(c).index for c in certificates]
    assert len(set(indexes)) == 20
    assert sorted(indexes) != list(range(min(indexes), min(indexes) + 20))
    assert all(0 <= index < 131_072 for index in indexes)


def test_an_entry_is_assigned_once(certificate):
    first = StatusListEntry.objects.for_certificate(certificate)
    assert StatusListEntry.objects.for_certificate(certificate) == first


def test_a_taken_index_is_drawn_again(holder, certification, certificate):
    second = services.issue_certificate(
        holder=holder, certification=certification, valid_from=date(2027, 3, 1)
    )
    with mock.patch(
        "certification.badge_models.secrets.randbelow", side_effect=[5, 5, 7]
    ):
        assert StatusListEntry.objects.for_certificate(certificate).index == 5
        assert StatusListEntry.objects.for_certificate(second).index == 7


def test_there_is_only_one_status_list(client):
    assert client.get("/credentials/status/2").status_code == HTTPStatus.NOT_FOUND


@pytest.fixture
def hub_certificate(hub, certification):
    return services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=date(2026, 3, 1)
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("learner", HTTPStatus.OK),
        ("hr", HTTPStatus.OK),
        ("manager", HTTPStatus.OK),
        ("other_manager", HTTPStatus.FORBIDDEN),
        ("outsider", HTTPStatus.FORBIDDEN),
    ],
)
def test_who_may_download_a_credential(client, hub, hub_certificate, who, expected):
    client.force_login(getattr(hub, who))
    url = reverse("certification:credential", args=[hub_certificate.code])
    assert client.get(url).status_code == expected


def test_anonymous_visitors_are_sent_to_log_in(client, hub_certificate):
    url = reverse("certification:credential", args=[hub_certificate.code])
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]


def test_an_unknown_code_is_not_found(client, hub):
    client.force_login(hub.hr)
    url = reverse("certification:credential", args=["no-such-code"])
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def check(client, token: str) -> str:
    """A verifier's verdict: the signature, then the status the credential names."""
    credential = verify_with_did(client, token)
    status = credential["credentialStatus"]
    response = client.get(status["statusListCredential"])
    status_list = verify_with_did(client, response.content.decode())
    assert status_list["credentialSubject"]["statusPurpose"] == status["statusPurpose"]
    bits = badges.decode_bits(status_list["credentialSubject"]["encodedList"])
    return "revoked" if is_set(bits, int(status["statusListIndex"])) else "valid"


def test_a_verifier_following_the_status_link_sees_a_revocation(
    client, certificate, admin
):
    token = download(client, certificate)
    assert check(client, token) == "valid"
    services.revoke(certificate=certificate, by=admin, reason="Issued in error")
    assert check(client, token) == "revoked"
