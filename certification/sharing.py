"""What a holder does with a certificate elsewhere: share the link to its
public verification page, or add it to a LinkedIn profile.

LinkedIn's "Add to profile" form is opened with the certificate filled in;
nothing is sent to LinkedIn unless the holder follows that link.
"""

from urllib.parse import urlencode

from django.urls import reverse

from certification import verification

LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def verify_url(request, certificate) -> str:
    return request.build_absolute_uri(
        reverse("certification:verify", args=[certificate.code])
    )


def linkedin_url(request, certificate, *, issuer: str) -> str:
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.certification.localized_name,
        "organizationName": issuer,
        "issueYear": certificate.valid_from.year,
        "issueMonth": certificate.valid_from.month,
        "certUrl": verify_url(request, certificate),
        "certId": verification.printed(certificate.code),
    }
    if certificate.valid_until:
        params["expirationYear"] = certificate.valid_until.year
        params["expirationMonth"] = certificate.valid_until.month
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(params)}"
