"""What a person's certificates say about the courses they lead to: a course
page and the catalogue tell a holder so instead of inviting them to enrol
(a certificate imported without a completion included)."""

from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext

from certification.models import Certificate


def courses_held(user, courses) -> dict:
    """Translation key → a sentence naming the certificate in force that the
    course leads to, for the courses that have one. One query."""
    keys = {course.translation_key for course in courses}
    certificates = (
        Certificate.objects.in_force(timezone.localdate())
        .filter(holder=user, certification__courses__translation_key__in=keys)
        .annotate(course_key=F("certification__courses__translation_key"))
        .select_related("certification")
    )
    held = {}
    # The certificate that lasts longest speaks for the course.
    for certificate in sorted(certificates, key=_lasting):
        held[certificate.course_key] = _sentence(certificate)
    return held


def _lasting(certificate):
    return (certificate.valid_until is None, certificate.valid_until or 0)


def _sentence(certificate) -> str:
    name = certificate.certification.localized_name
    if certificate.valid_until is None:
        return gettext("You hold the certificate “%(name)s”.") % {"name": name}
    return gettext("You hold the certificate “%(name)s”, valid until %(date)s.") % {
        "name": name,
        "date": formats.date_format(certificate.valid_until, "j F Y"),
    }
