"""Open Badges 3.0: certificates as signed credentials (VC-JWT, RS256).

The issuer is ``did:web:<host>``; its DID document lists the current and the
retired public keys. Revocation is published as a signed Bitstring Status
List. The JWS is written here with ``cryptography`` alone: RS256 is
RSASSA-PKCS1-v1_5 with SHA-256 over ``base64url(header).base64url(payload)``.

The private key comes from the file in ``CERTIFICATION_SIGNING_KEY_FILE`` or
the PEM text in the ``CERTIFICATION_SIGNING_KEY`` environment variable. With
neither (development, tests) one is generated once into
``CERTIFICATION_KEYS_DIR`` (``var/keys/``). It never enters the database.
"""

import base64
import functools
import gzip
import hashlib
import json
import logging
import os
import uuid
from datetime import UTC, datetime, time
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from certification.badge_models import StatusListEntry, status_list_size
from certification.settings_models import CertificateSettings

logger = logging.getLogger(__name__)

ENV_VAR = "CERTIFICATION_SIGNING_KEY"
KEY_BITS = 3072
CONTENT_TYPE = "application/vc+jwt"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
STATUS_LIST_NUMBER = 1
# Credential and achievement ids are derived from this namespace, so that they
# stay the same whichever host the site is reached on.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "certification.hub-academy")


# Keys ----------------------------------------------------------------------


def keys_dir() -> Path:
    """Where a generated development key lives."""
    default = Path(settings.BASE_DIR) / "var" / "keys"
    return Path(getattr(settings, "CERTIFICATION_KEYS_DIR", None) or default)


def retired_keys_dir() -> Path:
    """Where the public keys of retired signing keys are kept."""
    configured = getattr(settings, "CERTIFICATION_RETIRED_KEYS_DIR", None)
    return Path(configured) if configured else keys_dir() / "retired"


def key_source() -> tuple[str, Path | None]:
    """Where the signing key comes from: ("file", path), ("env", None) or
    ("generated", path)."""
    configured = getattr(settings, "CERTIFICATION_SIGNING_KEY_FILE", None)
    if configured:
        return "file", Path(configured)
    if os.environ.get(ENV_VAR):
        return "env", None
    return "generated", keys_dir() / "current.pem"


def generate_private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


def private_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_pem(key: rsa.RSAPublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def write_private_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    """Replace the key file in one step, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(private_pem(key))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _generate_key_file(path: Path) -> None:
    logger.warning(
        "No signing key configured: generating one into %s. Set "
        "CERTIFICATION_SIGNING_KEY_FILE or %s in production.",
        path,
        ENV_VAR,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate_private_key()
    try:
        # O_EXCL: when two processes race, the first key written wins.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem(key))


@functools.lru_cache(maxsize=8)
def _parse_private_pem(data: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("The certificate signing key must be an RSA key.")
    return key


def signing_key() -> rsa.RSAPrivateKey:
    """The current private key, read afresh so a rotation is seen at once."""
    source, path = key_source()
    if source == "env":
        return _parse_private_pem(os.environ[ENV_VAR].encode())
    if source == "generated" and not path.exists():
        _generate_key_file(path)
    return _parse_private_pem(path.read_bytes())


def retired_public_keys() -> list[rsa.RSAPublicKey]:
    """The public keys of retired signing keys, oldest file name first."""
    folder = retired_keys_dir()
    if not folder.is_dir():
        return []
    keys = []
    for path in sorted(folder.glob("*.pem")):
        key = serialization.load_pem_public_key(path.read_bytes())
        if isinstance(key, rsa.RSAPublicKey):
            keys.append(key)
    return keys


def b64url(data: bytes) -> str:
    """Base64url without padding (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _uint(value: int) -> str:
    return b64url(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def public_jwk(key: rsa.RSAPublicKey) -> dict:
    """The public key as a JWK (RFC 7517), without a kid."""
    numbers = key.public_numbers()
    return {"kty": "RSA", "e": _uint(numbers.e), "n": _uint(numbers.n)}


def thumbprint(key: rsa.RSAPublicKey) -> str:
    """The RFC 7638 JWK thumbprint (SHA-256, base64url): the key's kid."""
    jwk = public_jwk(key)
    canonical = json.dumps(
        {name: jwk[name] for name in ("e", "kty", "n")}, separators=(",", ":")
    )
    return b64url(hashlib.sha256(canonical.encode()).digest())


# did:web ---------------------------------------------------------------------


def issuer_did(request) -> str:
    """did:web of the host the request came to; a port's ":" is "%3A"."""
    return "did:web:" + request.get_host().replace(":", "%3A")


def did_document(request) -> dict:
    """The issuer's DID document: every key a credential may be signed with."""
    did = issuer_did(request)
    current = signing_key().public_key()
    keys = {thumbprint(current): current}
    for key in retired_public_keys():
        keys.setdefault(thumbprint(key), key)
    methods = [
        {
            "id": f"{did}#{kid}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": {**public_jwk(key), "kid": kid, "alg": "RS256"},
        }
        for kid, key in keys.items()
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }


# JWS -------------------------------------------------------------------------


def _json(value: dict) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def sign_jwt(payload: dict, *, request, key: rsa.RSAPrivateKey | None = None) -> str:
    """A compact JWS (RS256) of the payload, with the issuer's key id."""
    key = key or signing_key()
    header = {
        "alg": "RS256",
        "typ": "JWT",
        "kid": f"{issuer_did(request)}#{thumbprint(key.public_key())}",
    }
    signing_input = f"{b64url(_json(header))}.{b64url(_json(payload))}"
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{b64url(signature)}"


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _jwt_claims(credential: dict) -> dict:
    """The registered claims the Open Badges 3.0 JWT binding maps."""
    claims = {"iss": credential["issuer"]}
    if isinstance(claims["iss"], dict):
        claims["iss"] = claims["iss"]["id"]
    claims["jti"] = credential["id"]
    claims["nbf"] = int(datetime.fromisoformat(credential["validFrom"]).timestamp())
    if "validUntil" in credential:
        until = datetime.fromisoformat(credential["validUntil"])
        claims["exp"] = int(until.timestamp())
    return claims


# The credential ----------------------------------------------------------------


def valid_from(certificate) -> datetime:
    """The start of the first valid day, at 00:00 UTC.

    Periods are kept as dates; midnight UTC makes the credential's dates
    read the same as the certificate's wherever it is verified.
    """
    return datetime.combine(certificate.valid_from, time.min, tzinfo=UTC)


def valid_until(certificate) -> datetime | None:
    """The end of the last valid day, 23:59:59 UTC; None when it never expires."""
    if certificate.valid_until is None:
        return None
    return datetime.combine(certificate.valid_until, time(23, 59, 59), tzinfo=UTC)


def credential_id(certificate) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'certificate:{certificate.code}')}"


def achievement_id(certification) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'certification:{certification.pk}')}"


def status_list_url(request) -> str:
    return request.build_absolute_uri(
        reverse("certification:status_list", args=[STATUS_LIST_NUMBER])
    )


def _issuer_name(request) -> str:
    try:
        return CertificateSettings.for_request(request).issuer_name
    except CertificateSettings.DoesNotExist:
        return CertificateSettings().issuer_name


def build_credential(certificate, *, request) -> dict:
    """The certificate as an OpenBadgeCredential (Open Badges 3.0, VC 2.0).

    Of the holder only the name is included, as an unhashed identity object.
    The credential is the holder's: the certification's texts are in the
    holder's language, whoever downloads it.
    """
    certification = certificate.certification
    language = certificate.holder_language
    name = certification.get_text("name", language)
    entry = StatusListEntry.objects.for_certificate(certificate)
    list_url = status_list_url(request)
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_id(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_did(request),
            "type": ["Profile"],
            "name": _issuer_name(request),
        },
        "validFrom": _timestamp(valid_from(certificate)),
    }
    until = valid_until(certificate)
    if until is not None:
        credential["validUntil"] = _timestamp(until)
    credential |= {
        "awardedDate": _timestamp(certificate.issued_at),
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.holder_name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
            "achievement": {
                "id": achievement_id(certification),
                "type": ["Achievement"],
                "name": name,
                "description": certification.get_text("description", language) or name,
                "criteria": {
                    "narrative": certification.get_text("criteria", language) or name
                },
                "inLanguage": language,
            },
        },
        "credentialStatus": {
            "id": f"{list_url}#{entry.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(entry.index),
            "statusListCredential": list_url,
        },
    }
    return credential


def signed_credential(certificate, *, request) -> str:
    """The certificate's OpenBadgeCredential as a VC-JWT.

    The credential's fields sit at the top of the payload, next to the JWT
    claims the Open Badges 3.0 binding maps (iss, jti, nbf, exp).
    """
    credential = build_credential(certificate, request=request)
    return sign_jwt(credential | _jwt_claims(credential), request=request)


# The status list -----------------------------------------------------------------


def encode_bits(indexes, size: int) -> str:
    """Multibase base64url ("u") of the GZIP-compressed bitstring.

    Bit i is set for each index i; index 0 is the left-most bit of the first
    byte, as the Bitstring Status List asks.
    """
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits), mtime=0))


def decode_bits(encoded: str) -> bytes:
    """The bitstring of an encodedList (the inverse of encode_bits)."""
    if not encoded.startswith("u"):
        raise ValueError("Expected multibase base64url (prefix 'u').")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def build_status_list(*, request, now: datetime | None = None) -> dict:
    """The revocation list as a BitstringStatusListCredential, as of now."""
    now = now or timezone.now()
    url = status_list_url(request)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(request),
        "validFrom": _timestamp(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bits(
                StatusListEntry.objects.revoked_indexes(), status_list_size()
            ),
        },
    }


def signed_status_list(*, request) -> str:
    """The revocation list as a VC-JWT, signed with the current key."""
    credential = build_status_list(request=request)
    claims = _jwt_claims(credential)
    claims["iat"] = claims["nbf"]
    return sign_jwt(credential | claims, request=request)


def is_revoked_on_list(encoded: str, index: int) -> bool:
    """Whether an encodedList has the bit of an index set."""
    bits = decode_bits(encoded)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
