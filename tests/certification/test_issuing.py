from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certification import services
from certification.models import Certificate, Certification
from certification.verification import ALPHABET
from lms.learning import services as lms_services
from tests.factories import UserFactory, make_course, text_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(catalogue):
    return [make_course(catalogue, bodies=[[text_block()]]) for _ in range(2)]


@pytest.fixture
def certification(two_courses):
    certification = Certification.objects.create(name="Crisis lead", validity_months=12)
    certification.courses.set(two_courses)
    return certification


def complete(user, course, django_capture_on_commit_callbacks):
    lms_services.enrol(user=user, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        lms_services.complete_module(user=user, module=course.get_modules().get())


def test_completing_the_last_required_course_issues_one_certificate(
    user, certification, two_courses, django_capture_on_commit_callbacks
):
    complete(user, two_courses[0], django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()
    complete(user, two_courses[1], django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.holder == user and certificate.certification == certification
    today = timezone.localdate()
    assert certificate.valid_from == today
    assert certificate.valid_until == certification.valid_until(today)
    # 26 characters of base32: 130 random bits, above the 128-bit floor.
    assert len(certificate.code) == 26 and set(certificate.code) <= set(ALPHABET)
    assert ModelLogEntry.objects.filter(action="certification.issue").count() == 1
    # Asking again issues nothing new.
    assert services.issue_if_earned(holder=user, certification=certification) is None
    assert Certificate.objects.count() == 1


def test_the_same_period_is_issued_once_even_when_asked_twice(user, certification):
    first = services.issue_certificate(
        holder=user, certification=certification, valid_from=date(2026, 1, 5)
    )
    second = services.issue_certificate(
        holder=user, certification=certification, valid_from=date(2026, 1, 5)
    )
    assert first.pk == second.pk and Certificate.objects.count() == 1


@pytest.mark.parametrize(
    "start, months, last_day",
    [
        (date(2026, 1, 15), 12, date(2027, 1, 14)),
        (date(2026, 1, 31), 1, date(2026, 2, 27)),  # no 31 February: the month's end
        (date(2024, 2, 29), 12, date(2025, 2, 27)),
        (date(2026, 12, 1), 24, date(2028, 11, 30)),
    ],
)
def test_period_arithmetic(start, months, last_day):
    assert Certification(validity_months=months).valid_until(start) == last_day


def test_no_validity_means_no_expiry():
    assert Certification(validity_months=None).valid_until(date(2026, 1, 1)) is None


def test_status_follows_the_dates(user, certification):
    certificate = services.issue_certificate(
        holder=user, certification=certification, valid_from=date(2026, 1, 1)
    )
    assert certificate.valid_until == date(2026, 12, 31)
    assert certificate.status_on(date(2026, 6, 1)) == "valid"
    assert certificate.status_on(date(2026, 11, 1)) == "valid"
    assert (
        certificate.status_on(date(2026, 11, 2)) == "expiring"
    )  # 60 days before the end
    assert certificate.status_on(date(2026, 12, 31)) == "expiring"
    assert certificate.status_on(date(2027, 1, 1)) == "expired"
    with time_machine.travel(date(2027, 1, 2), tick=False):
        assert not Certificate.objects.in_force(timezone.localdate()).exists()


def test_revocation_and_reinstatement_keep_the_record(hub, certification):
    certificate = services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=timezone.localdate()
    )
    with pytest.raises(PermissionDenied):
        services.revoke(certificate=certificate, by=hub.other_manager, reason="x")
    with pytest.raises(ValidationError):
        services.revoke(certificate=certificate, by=hub.manager, reason="  ")
    services.revoke(certificate=certificate, by=hub.manager, reason="Fraud in the exam")
    certificate.refresh_from_db()
    assert certificate.status_on(timezone.localdate()) == "revoked"
    assert (certificate.revoked_by, certificate.revocation_reason) == (
        hub.manager,
        "Fraud in the exam",
    )
    code = certificate.code
    services.reinstate(certificate=certificate, by=hub.manager)
    certificate.refresh_from_db()
    assert (
        certificate.status_on(timezone.localdate()) == "valid"
        and certificate.code == code
    )
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="certification.r").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["certification.reinstate", "certification.revoke"]
    assert Certificate.objects.count() == 1


def test_only_the_holders_managers_revoke(hub, certification):
    certificate = services.issue_certificate(
        holder=hub.outsider,
        certification=certification,
        valid_from=timezone.localdate(),
    )
    with pytest.raises(PermissionDenied):
        services.revoke(certificate=certificate, by=hub.learner, reason="x")
    with pytest.raises(PermissionDenied):
        services.revoke(certificate=certificate, by=UserFactory(), reason="x")
    # HR reads everything and changes nothing; another spoke's manager is
    # not the holder's.
    for outsider in (hub.hr, hub.manager):
        with pytest.raises(PermissionDenied):
            services.revoke(certificate=certificate, by=outsider, reason="x")
    services.revoke(
        certificate=certificate, by=hub.other_manager, reason="Left the organisation"
    )


def test_a_new_period_after_expiry(
    user, certification, two_courses, django_capture_on_commit_callbacks
):
    for course in two_courses:
        complete(user, course, django_capture_on_commit_callbacks)
    first = Certificate.objects.get()
    later = first.valid_until + timedelta(days=10)
    with time_machine.travel(later, tick=False):
        second = services.issue_if_earned(holder=user, certification=certification)
    assert second is not None and second.valid_from == later


def test_the_holder_is_mailed_on_revocation_and_reinstatement(
    hub, certification, mailoutbox, django_capture_on_commit_callbacks
):
    hub.learner.language = "en"
    hub.learner.save()
    certificate = services.issue_certificate(
        holder=hub.learner, certification=certification, valid_from=timezone.localdate()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke(certificate=certificate, by=hub.manager, reason="Wrong person")
    with django_capture_on_commit_callbacks(execute=True):
        services.reinstate(certificate=certificate, by=hub.manager)
    revoked, reinstated = mailoutbox
    assert revoked.to == [hub.learner.email]
    assert "revoked" in revoked.subject and "Wrong person" in revoked.body
    assert revoked.alternatives[0].mimetype == "text/html"
    assert "valid again" in reinstated.subject
    assert certificate.code in revoked.body


def test_renewal_courses_default_to_the_required_ones(
    certification, catalogue, two_courses
):
    assert set(certification.get_renewal_courses()) == set(two_courses)
    refresher = make_course(catalogue)
    certification.renewal_courses.add(refresher)
    assert list(certification.get_renewal_courses()) == [refresher]
