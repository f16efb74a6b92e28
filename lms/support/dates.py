"""How far the dates a manager chooses may reach (decision D4).

Due dates and extensions lie between today and LMS_MAX_DAYS_AHEAD days
ahead; a membership starts at most that far ahead and ends between its start
and today, or on its start if that is later (ending one withdraws its
training at once, so a future end would take the training away now). The services check these, so that every caller
(form, import, API) is held to them; forms call the same checks for their
own fields. Each check raises a ValidationError, on ``field`` if given.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import app_settings


def latest_allowed(today: date | None = None) -> date:
    """The last day a due date or a membership's start may fall on."""
    today = today or timezone.localdate()
    return today + timedelta(days=app_settings.MAX_DAYS_AHEAD)


def _refuse(message: str, code: str, field: str | None):
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def check_not_too_far(
    value: date, *, today: date | None = None, field: str | None = None
) -> None:
    """Refuse a date beyond LMS_MAX_DAYS_AHEAD days from today."""
    latest = latest_allowed(today)
    if value > latest:
        raise _refuse(
            _("Choose a date at most %(days)s days ahead, on or before %(date)s.")
            % {"days": app_settings.MAX_DAYS_AHEAD, "date": latest},
            "too_far_ahead",
            field,
        )


# A membership may be recorded as it was, years back, but not from before
# anyone now at work was born.
EARLIEST_START_YEARS = 50


def check_membership_start(
    value: date, *, today: date | None = None, field: str | None = None
) -> None:
    """Refuse a start more than EARLIEST_START_YEARS back or too far ahead."""
    today = today or timezone.localdate()
    earliest = today - timedelta(days=round(EARLIEST_START_YEARS * 365.25))
    if value < earliest:
        raise _refuse(
            _("Choose a start on or after %(date)s.") % {"date": earliest},
            "too_far_back",
            field,
        )
    check_not_too_far(value, today=today, field=field)


def check_due_date(
    value: date, *, today: date | None = None, field: str | None = None
) -> None:
    """Refuse a due date (or an extension) in the past or too far ahead."""
    today = today or timezone.localdate()
    if value < today:
        raise _refuse(_("The due date cannot be in the past."), "past", field)
    check_not_too_far(value, today=today, field=field)


def latest_membership_end(started_on: date, today: date | None = None) -> date:
    """The last day a membership may end on: today, or for one that has not
    started yet its start (a placement taken back)."""
    return max(today or timezone.localdate(), started_on)


def check_membership_end(
    value: date,
    *,
    started_on: date,
    today: date | None = None,
    field: str | None = None,
) -> None:
    """Refuse an end before the membership's start or after today (after
    its start, for one that starts later)."""
    today = today or timezone.localdate()
    if value < started_on:
        raise _refuse(
            _("A membership cannot end before it started, on %(date)s.")
            % {"date": started_on},
            "before_start",
            field,
        )
    if value > latest_membership_end(started_on, today):
        raise _refuse(
            _(
                "A membership cannot end after today (or after its start, if it "
                "starts later): ending it withdraws its training at once."
            ),
            "future_end",
            field,
        )
