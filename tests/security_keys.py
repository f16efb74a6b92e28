"""A security key's registration as allauth.mfa stores it, made in software:
a real attested credential (an ES256 key pair, "none" attestation), for
tests that need a key without a browser to register it."""

import hashlib
import os

from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorAttestationResponse,
    AuthenticatorData,
    CollectedClientData,
    RegistrationResponse,
)


def registered_credential(rp_id: str = "testserver") -> dict:
    """The JSON of a RegistrationResponse, as the browser posts it."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    credential_id = os.urandom(32)
    credential = AttestedCredentialData.create(
        b"\0" * 16, credential_id, ES256.from_cryptography_key(private_key.public_key())
    )
    auth_data = AuthenticatorData.create(
        hashlib.sha256(rp_id.encode()).digest(),
        AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT,
        0,
        credential,
    )
    response = RegistrationResponse(
        raw_id=credential_id,
        response=AuthenticatorAttestationResponse(
            client_data=CollectedClientData.create(
                "webauthn.create", os.urandom(32), f"https://{rp_id}"
            ),
            attestation_object=AttestationObject.create("none", auth_data, {}),
        ),
    )
    return dict(response)
