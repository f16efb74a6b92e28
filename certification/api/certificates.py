"""Certificates through the API: read, verify, revoke and reinstate; and
readiness per role.

Everything is read as the admin screens read it: the certificates of
certification.admin_views.visible_certificates, the readiness of the units
lms.organisation.scope lets the token's owner see, and revoking through
certification.services, which checks who may.
"""

from datetime import date, datetime
from typing import Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.models import ModelLogEntry

from certification import readiness, services, verification
from certification.admin_views import visible_certificates
from certification.models import Certificate
from lms.api.errors import COMMON, WITH_NOT_FOUND
from lms.api.fields import Id
from lms.api.pagination import KeysetPagination
from lms.api.security import require, writes
from lms.models import OrgUnit
from lms.organisation import scope
from lms.reports import queries
from lms.support.site_urls import absolute_url

router = Router(tags=["certification"])

VIEW = "certification.view_certificate"
CHANGE = "certification.change_certificate"

StatusName = Literal["valid", "expiring", "expired", "revoked", "pending"]
STATUS_HELP = (
    "valid; expiring (inside its renewal window); expired; revoked; "
    "pending (a renewal whose period has not started)."
)


def _verify_url(certificate) -> str:
    return absolute_url(reverse("certification:verify", args=[certificate.code]))


class CertificateOut(Schema):
    id: int
    code: str = Field(description="The verification code.")
    holder_id: int
    certification_id: int
    certification_name: str = Field(description="In the token owner's language.")
    valid_from: date
    valid_until: date | None = Field(description="The last day; null: no expiry.")
    status: StatusName = Field(description=f"Today's status: {STATUS_HELP}")
    issued_at: datetime
    revoked_at: datetime | None
    revocation_reason: str = Field(
        description="Why it was revoked (empty unless revoked), as the "
        "certificates screen shows it."
    )
    previous_id: int | None = Field(description="The certificate this one renews.")
    successor_id: int | None = Field(description="The certificate that renews it.")
    verify_url: str = Field(description="The public verification page.")

    @staticmethod
    def resolve_certification_name(certificate) -> str:
        return certificate.certification.localized_name

    @staticmethod
    def resolve_revocation_reason(certificate) -> str:
        return certificate.revocation_reason_text if certificate.revoked_at else ""

    @staticmethod
    def resolve_successor_id(certificate) -> int | None:
        return certificate.api_successor_id

    @staticmethod
    def resolve_verify_url(certificate) -> str:
        return _verify_url(certificate)


def _certificates(request):
    """The certificates the token's owner may see, with today's status."""
    require(request, VIEW)
    return (
        visible_certificates(request.user)
        .with_status(timezone.localdate())
        .annotate(api_successor_id=F("successor__pk"))
    )


class CertificateFilter(FilterSchema):
    person: Id | None = Field(None, description="The certificates of one holder.")
    unit: Id | None = Field(None, description="Of people now in this unit or below it.")
    certification: Id | None = Field(None, description="Of one certification.")
    status: StatusName | None = Field(None, description=STATUS_HELP)
    changed_since: datetime | None = Field(
        None,
        description="Issued, revoked or reinstated since then, for incremental sync.",
    )
    expiring_before: date | None = Field(
        None, description="Whose last day is before this date."
    )


def _reinstated_since(since: datetime):
    """The ids of certificates reinstated since then: the model keeps no date
    of it, the audit trail does."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Certificate),
            action="certification.reinstate",
            timestamp__gte=since,
        )
        .annotate(certificate_id=Cast("object_id", IntegerField()))
        .values("certificate_id")
    )


def _filter(request, queryset, filters: CertificateFilter):
    if filters.person is not None:
        queryset = queryset.filter(holder_id=filters.person)
    if filters.unit is not None:
        queryset = queryset.filter(
            holder__in=queries.members_of_unit(user=request.user, unit_id=filters.unit)
        )
    if filters.certification is not None:
        queryset = queryset.filter(certification_id=filters.certification)
    if filters.status is not None:
        queryset = queryset.filter(status=filters.status)
    if filters.changed_since is not None:
        since = filters.changed_since
        queryset = queryset.filter(
            Q(issued_at__gte=since)
            | Q(revoked_at__gte=since)
            | Q(pk__in=_reinstated_since(since))
        )
    if filters.expiring_before is not None:
        queryset = queryset.filter(valid_until__lt=filters.expiring_before)
    return queryset


@router.get("/certificates", response={200: list[CertificateOut], **COMMON})
@paginate(KeysetPagination)
def list_certificates(request, filters: Query[CertificateFilter]):
    """The certificates the token may see: every one for HR, a manager's
    those of the people in their units."""
    return _filter(request, _certificates(request), filters)


@router.get(
    "/certificates/{lms_id:certificate_id}",
    response={200: CertificateOut, **WITH_NOT_FOUND},
)
def get_certificate(request, certificate_id: int):
    return get_object_or_404(_certificates(request), pk=certificate_id)


class VerificationOut(Schema):
    code: str
    status: StatusName = Field(description=f"Today's status: {STATUS_HELP}")
    holder_name: str = Field(description="The only personal data it shows.")
    certification_name: str
    valid_from: date
    valid_until: date | None = Field(description="The last day; null: no expiry.")
    revoked_on: date | None = Field(description="Never why.")
    verify_url: str

    @staticmethod
    def resolve_status(certificate) -> str:
        return certificate.status_on(timezone.localdate())

    @staticmethod
    def resolve_certification_name(certificate) -> str:
        return certificate.certification.localized_name

    @staticmethod
    def resolve_revoked_on(certificate) -> date | None:
        if certificate.revoked_at is None:
            return None
        return timezone.localdate(certificate.revoked_at)

    @staticmethod
    def resolve_verify_url(certificate) -> str:
        return _verify_url(certificate)


@router.get(
    "/certificates/verify/{code}",
    response={200: VerificationOut, **WITH_NOT_FOUND},
)
def verify_certificate(request, code: str):
    """What the public verification page shows of a certificate, by its code
    as printed or typed (any case, with dashes): whoever holds a token may ask."""
    return get_object_or_404(
        Certificate.objects.select_related("holder", "certification"),
        code__in=verification.candidates(code),
    )


class ReasonIn(Schema):
    reason: str = Field(min_length=1, max_length=300, description="Why, in words.")


def _to_change(request, certificate_id: int) -> Certificate:
    """A certificate the owner may revoke; one beyond their people is a 404."""
    require(request, CHANGE)
    return get_object_or_404(visible_certificates(request.user), pk=certificate_id)


@router.post(
    "/certificates/{lms_id:certificate_id}/revoke",
    response={200: CertificateOut, **WITH_NOT_FOUND},
)
@writes
def revoke_certificate(request, certificate_id: int, payload: ReasonIn):
    """Revoke a certificate: it stops counting at once, and its verification
    page says so (without the reason)."""
    certificate = _to_change(request, certificate_id)
    services.revoke(certificate=certificate, by=request.user, reason=payload.reason)
    return _certificates(request).get(pk=certificate.pk)


@router.post(
    "/certificates/{lms_id:certificate_id}/reinstate",
    response={200: CertificateOut, **WITH_NOT_FOUND},
)
@writes
def reinstate_certificate(request, certificate_id: int, payload: ReasonIn):
    """Undo a revocation: the same certificate, with the same code, counts
    again. The reason goes into the audit trail."""
    certificate = _to_change(request, certificate_id)
    services.reinstate(certificate=certificate, by=request.user, reason=payload.reason)
    return _certificates(request).get(pk=certificate.pk)


class LapseOut(Schema):
    person_id: int
    on: date = Field(description="Their last certified day.")

    @staticmethod
    def resolve_person_id(lapse) -> int:
        return lapse.person.pk


class LapsingOut(Schema):
    within_days: int
    count: int
    people: list[LapseOut]


class ReadinessOut(Schema):
    role_id: int
    role_name: str
    unit_id: int
    unit_name: str
    member_count: int = Field(description="Current members in the role and unit.")
    member_ids: list[int]
    certified_count: int = Field(
        description="Members who hold every certification the role requires."
    )
    lapsing: list[LapsingOut] = Field(
        description="Certified members whose certification lapses within 30, "
        "60 and 90 days (cumulative)."
    )
    not_certified_count: int
    not_certified_ids: list[int]


def _readiness_out(entry) -> dict:
    return {
        "role_id": entry.role.pk,
        "role_name": entry.role.name,
        "unit_id": entry.unit.pk,
        "unit_name": entry.unit.name,
        "member_count": len(entry.members),
        "member_ids": [person.pk for person in entry.members],
        "certified_count": entry.certified_count,
        "lapsing": [
            {
                "within_days": days,
                "count": len(entry.lapsing_within(days)),
                "people": entry.lapsing_within(days),
            }
            for days in readiness.HORIZONS
        ],
        "not_certified_count": len(entry.not_certified),
        "not_certified_ids": [person.pk for person in entry.not_certified],
    }


class ReadinessFilter(FilterSchema):
    unit: Id | None = Field(None, description="This unit and those below it.")


@router.get("/readiness", response={200: list[ReadinessOut], **COMMON})
def list_readiness(request, filters: Query[ReadinessFilter]):
    """Readiness per role and unit, as the readiness screen shows it: one
    entry per role that requires a certification and unit with members in it."""
    require(request, VIEW)
    units = scope.visible_units(request.user)
    if filters.unit is not None:
        unit = OrgUnit.objects.filter(pk=filters.unit).first()
        units = units.filter(pk__in=OrgUnit.get_tree(unit).values("pk") if unit else [])
    entries = readiness.role_readiness(units=units, today=timezone.localdate())
    return [_readiness_out(entry) for entry in entries]
