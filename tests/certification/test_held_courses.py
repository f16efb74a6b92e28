"""A holder of a certificate sees so on the courses it leads to, also when the
certificate came from an import and no enrolment (issue 11, item 21)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certification import services
from certification.models import Certification
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    person = UserFactory(name="Sanne de Vries")
    person.language = "en"
    person.save()
    return person


@pytest.fixture
def course(catalogue):
    return make_course(catalogue, title="Webcare basics", slug="webcare")


def _certify(holder, course, *, valid_from=None, months=24):
    certification = Certification.objects.create(name="Webcare", validity_months=months)
    certification.courses.add(course)
    return services.issue_certificate(
        holder=holder,
        certification=certification,
        valid_from=valid_from or timezone.localdate(),
    )


def test_the_course_page_tells_a_holder_instead_of_inviting_to_enrol(
    client, holder, course
):
    client.force_login(holder)
    assert ">Enrol</button>" in client.get(course.url).content.decode()

    certificate = _certify(holder, course)
    html = client.get(course.url).content.decode()
    until = certificate.valid_until
    assert (
        f"You hold the certificate “Webcare”, valid until {until.day} "
        f"{until.strftime('%B')} {until.year}."
    ) in html
    assert ">Enrol</button>" not in html
    assert "Take the course again" in html


def test_the_catalogue_card_says_certified(client, holder, course, catalogue):
    _certify(holder, course)
    client.force_login(holder)
    html = client.get(catalogue.url).content.decode()
    assert '<span class="badge badge--held">Certified</span>' in html


@pytest.mark.parametrize("lapse", ["expired", "revoked"])
def test_a_certificate_no_longer_in_force_invites_to_enrol_again(
    client, holder, course, lapse
):
    if lapse == "expired":
        _certify(
            holder,
            course,
            valid_from=timezone.localdate() - timedelta(days=400),
            months=12,
        )
    else:
        certificate = _certify(holder, course)
        services.revoke(
            certificate=certificate, by=UserFactory(is_superuser=True), reason="mistake"
        )
    client.force_login(holder)
    html = client.get(course.url).content.decode()
    assert "You hold the certificate" not in html
    assert ">Enrol</button>" in html


def test_another_persons_certificate_says_nothing_to_me(client, holder, course):
    _certify(UserFactory(), course)
    client.force_login(holder)
    assert "You hold the certificate" not in client.get(course.url).content.decode()


def test_a_visitor_is_sent_to_the_sites_own_sign_in(client, course, settings):
    html = client.get(course.url).content.decode()
    assert f'class="button" href="/accounts/login/?next={course.url}"' in html
    settings.LOGIN_URL = "/sso/start/"
    html = client.get(course.url).content.decode()
    assert f'class="button" href="/sso/start/?next={course.url}"' in html
