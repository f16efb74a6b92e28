"""Learner records and the hub organisation; one module per concern."""

from lms.models.api_tokens import ApiToken, CalendarFeed
from lms.models.assignments import (
    AssignmentBatch,
    AssignmentDemand,
    DueDateExtension,
    Exemption,
    TrainingAssignment,
)
from lms.models.exports import ExportJob
from lms.models.invitations import Invitation
from lms.models.learning import (
    CourseCompletion,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    ScenarioSubmission,
)
from lms.models.notifications import Notification
from lms.models.organisation import OrgUnit, Role, RoleMembership, RoleRequirement
from lms.models.reviews import ScenarioReview
from lms.models.webhooks import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "ApiToken",
    "AssignmentBatch",
    "AssignmentDemand",
    "CalendarFeed",
    "CourseCompletion",
    "DueDateExtension",
    "Enrolment",
    "Exemption",
    "ExportJob",
    "Invitation",
    "ModuleProgress",
    "Notification",
    "OrgUnit",
    "QuizAttempt",
    "Role",
    "RoleMembership",
    "RoleRequirement",
    "ScenarioReview",
    "ScenarioSubmission",
    "TrainingAssignment",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
