"""A holder shares a certificate: a link to its verification page, and
LinkedIn's "Add to profile" form filled in."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from certification import services, verification
from certification.models import Certification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    person = UserFactory(name="Sanne de Vries")
    person.language = "en"
    person.save()
    return person


def _issue(holder, name):
    certification = Certification.objects.create(name=name, validity_months=12)
    return services.issue_certificate(
        holder=holder, certification=certification, valid_from=timezone.localdate()
    )


def test_my_learning_offers_linkedin_and_a_link_to_share(client, holder):
    certificate = _issue(holder, "Crisis communication")
    client.force_login(holder)
    html = client.get(reverse("lms:my_learning")).content.decode()
    verify = "http://testserver" + reverse(
        "certification:verify", args=[certificate.code]
    )
    assert f'value="{verify}" readonly' in html
    link = next(
        part.split('"')[0]
        for part in html.split('href="')
        if part.startswith("https://www.linkedin.com/profile/add?")
    )
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == ["Crisis communication"]
    assert query["organizationName"] == ["Hub Academy"]
    assert query["certUrl"] == [verify]
    assert query["certId"] == [verification.printed(certificate.code)]
    today = timezone.localdate()
    assert query["issueYear"] == [str(today.year)]
    assert query["expirationYear"] == [str(certificate.valid_until.year)]


def test_a_revoked_certificate_is_not_offered_for_sharing(client, holder):
    certificate = _issue(holder, "Webcare")
    services.revoke(
        certificate=certificate, by=UserFactory(is_superuser=True), reason="Error"
    )
    client.force_login(holder)
    html = client.get(reverse("lms:my_learning")).content.decode()
    assert "linkedin.com" not in html and 'id="share-' not in html
