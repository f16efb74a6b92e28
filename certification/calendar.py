"""The expiry dates of a person's certificates, for their calendar feed
(lms.calendar, through its ``register_lms_calendar_events`` hook)."""

from datetime import date

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from certification.models import Certificate
from lms.calendar.events import CalendarEvent, uid
from lms.support.site_urls import absolute_url


def certificate_events(user, today: date) -> list[CalendarEvent]:
    """An event on the last valid day of each certificate that has not
    lapsed, in the active language; one query.

    A certificate already renewed is left out: the renewal (in force once
    the old one ends) carries the date that matters.
    """
    certificates = (
        Certificate.objects.filter(
            holder=user,
            revoked_at__isnull=True,
            valid_until__isnull=False,
            valid_until__gte=today,
        )
        .exclude(successor__isnull=False, successor__revoked_at__isnull=True)
        .select_related("certification")
    )
    link = absolute_url(reverse("lms:my_learning"))
    return [
        CalendarEvent(
            uid=uid("certification-certificate", certificate.pk, "expiry"),
            day=certificate.valid_until,
            summary=_("Certificate expires: %(name)s")
            % {"name": certificate.certification.localized_name},
            description="\n".join(
                [
                    _("Your certificate “%(name)s” is valid until %(date)s.")
                    % {
                        "name": certificate.certification.localized_name,
                        "date": formats.date_format(certificate.valid_until, "j F Y"),
                    },
                    link,
                ]
            ),
            url=link,
        )
        for certificate in certificates
    ]
