"""The lms app's own listeners to its signals."""

import logging

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from lms import signals
from lms.invitations import services as invitations
from lms.notifications import services as notifications
from lms.reports import export_jobs

logger = logging.getLogger(__name__)


@receiver(signals.training_assigned, dispatch_uid="lms.notify_assigned")
def announce_new_assignments(sender, assignment_ids, **kwargs):
    """Mail each person about the training just assigned to them."""
    # The assignments are committed; a failure to announce them must not turn
    # the request that made them into an error.
    try:
        notifications.notify_assigned(assignment_ids)
    except Exception:
        logger.exception("Could not announce assignments %s", assignment_ids)


@receiver(signals.daily_run, dispatch_uid="lms.clean_up_exports")
def clean_up_exports(sender, today, **kwargs):
    """Delete the export files past their time (lms.reports.export_jobs)."""
    return export_jobs.daily_cleanup()


@receiver(user_logged_in, dispatch_uid="lms.accept_invitation_on_sign_in")
def take_up_invitation(sender, request, user, **kwargs):
    """Whoever signs in, by any means, no longer needs their invitation's link."""
    invitations.accept_on_sign_in(user)
