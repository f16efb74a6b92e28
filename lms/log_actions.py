"""The audit-log actions of the hub, registered with Wagtail's log registry."""

from django.utils.translation import gettext_lazy as _

LOG_ACTIONS = [
    ("lms.assign", _("Assign training"), _("Assigned training")),
    ("lms.exempt", _("Exempt from training"), _("Exempted from training")),
    ("lms.extend", _("Extend a due date"), _("Extended a due date")),
    ("lms.withdraw", _("Withdraw an assignment"), _("Withdrew an assignment")),
    ("lms.join_role", _("Place in a role"), _("Placed in a role")),
    ("lms.leave_role", _("End a role"), _("Ended a role")),
    (
        "lms.sync_role",
        _("Update a role's courses"),
        _("Updated a role's required courses"),
    ),
    ("lms.review_approved", _("Approve an answer"), _("Approved a scenario answer")),
    ("lms.review_returned", _("Return an answer"), _("Returned a scenario answer")),
    ("lms.import_people", _("Import people"), _("Imported people")),
    ("lms.invite", _("Send an invitation"), _("Sent an invitation")),
    (
        "lms.invitation_accepted",
        _("Accept an invitation"),
        _("Accepted an invitation"),
    ),
    ("lms.export_request", _("Ask for an export"), _("Asked for a report export")),
    (
        "lms.export_download",
        _("Download an export"),
        _("Downloaded a report export"),
    ),
    ("lms.api_token_create", _("Make an API token"), _("Made an API token")),
    ("lms.api_token_revoke", _("Revoke an API token"), _("Revoked an API token")),
    ("lms.api_write", _("Change through the API"), _("Changed through the API")),
    (
        "lms.webhook_register",
        _("Register a webhook"),
        _("Registered a webhook endpoint"),
    ),
    ("lms.webhook_change", _("Change a webhook"), _("Changed a webhook endpoint")),
    (
        "lms.webhook_secret",
        _("Renew a webhook's secret"),
        _("Gave a webhook endpoint a new secret"),
    ),
    ("lms.webhook_delete", _("Delete a webhook"), _("Deleted a webhook endpoint")),
]


def register(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
