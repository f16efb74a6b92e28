"""Readiness per role: who in each unit is certified for the role, who lapses
soon and who is not certified; in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q

from certification.models import Certificate, Certification
from lms import persons
from lms.models import Role, RoleMembership

HORIZONS = (30, 60, 90)


@dataclass
class Lapse:
    person: object
    on: date


@dataclass
class Readiness:
    role: object
    unit: object
    members: list = field(default_factory=list)
    certified: list = field(default_factory=list)
    lapsing: dict[int, list[Lapse]] = field(default_factory=dict)
    not_certified: list = field(default_factory=list)

    @property
    def certified_count(self) -> int:
        return len(self.certified)

    def lapsing_within(self, days: int) -> list[Lapse]:
        return self.lapsing.get(days, [])


def certified_until(user_ids, certifications, today: date) -> dict:
    """(user id, certification id) → the last day the holder stays certified
    (date.max if that never ends), counting renewals that start later."""
    found = {}
    for holder_id, certification_id, valid_from, valid_until in (
        Certificate.objects.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
            revoked_at__isnull=True,
            holder_id__in=user_ids,
            certification__in=certifications,
        )
        .order_by("valid_from")
        .values_list("holder_id", "certification_id", "valid_from", "valid_until")
    ):
        key = (holder_id, certification_id)
        covered = found.get(key, today - timedelta(days=1))
        # A period that starts by the day after the last one ends extends it.
        if covered != date.max and valid_from <= covered + timedelta(days=1):
            found[key] = max(covered, valid_until or date.max)
    return found


def role_readiness(*, units, today: date) -> list[Readiness]:
    """One entry per role that requires a certification and unit with members."""
    roles = {
        role.pk: role
        for role in Role.objects.filter(required_certifications__isnull=False)
        .prefetch_related("required_certifications")
        .distinct()
    }
    memberships = (
        RoleMembership.objects.current()
        .filter(role_id__in=roles, unit__in=units, user__is_active=True)
        .select_related("user", "unit")
        .order_by("unit__path", *persons.adapter().order_by("user__"))
    )
    groups: dict[tuple[int, int], Readiness] = {}
    for membership in memberships:
        key = (membership.role_id, membership.unit_id)
        entry = groups.setdefault(
            key, Readiness(role=roles[membership.role_id], unit=membership.unit)
        )
        if membership.user not in entry.members:
            entry.members.append(membership.user)
    certifications = {
        c for role in roles.values() for c in role.required_certifications.all()
    }
    user_ids = {person.pk for entry in groups.values() for person in entry.members}
    until = certified_until(user_ids, certifications, today)
    for entry in groups.values():
        required = list(entry.role.required_certifications.all())
        for person in entry.members:
            ends = [until.get((person.pk, c.pk)) for c in required]
            if None in ends:
                entry.not_certified.append(person)
                continue
            entry.certified.append(person)
            last_day = min(ends)
            for days in HORIZONS:
                if last_day != date.max and last_day <= today + timedelta(days=days):
                    # Cumulative: who lapses within 30 days lapses within 60 too.
                    entry.lapsing.setdefault(days, []).append(Lapse(person, last_day))
    return sorted(groups.values(), key=lambda e: (e.role.name, e.unit.path))


def not_certified_since(
    *, user_ids, today: date
) -> dict[int, list[tuple[object, date | None]]]:
    """For people in roles that require a certification they do not hold now:
    user id → [(certification, since when: the end or revocation of their
    last certificate, or None if they never held one)]."""
    memberships = RoleMembership.objects.current().filter(
        user_id__in=user_ids, role__required_certifications__isnull=False
    )
    needs: dict[int, set] = {}
    for user_id, certification_id in memberships.values_list(
        "user_id", "role__required_certifications"
    ):
        needs.setdefault(user_id, set()).add(certification_id)
    if not needs:
        return {}
    certificates = Certificate.objects.filter(holder_id__in=needs).select_related(
        "certification"
    )
    holding, last_end, names = set(), {}, {}
    for certificate in certificates:
        key = (certificate.holder_id, certificate.certification_id)
        names[certificate.certification_id] = certificate.certification
        if certificate.status_on(today) in ("valid", "expiring"):
            holding.add(key)
            continue
        if certificate.revoked_at:
            ended = certificate.revoked_at.date()
        else:
            ended = certificate.valid_until + timedelta(days=1)
        last_end[key] = max(last_end.get(key, ended), ended)
    missing_ids = {c for cs in needs.values() for c in cs} - set(names)
    names.update({c.pk: c for c in Certification.objects.filter(pk__in=missing_ids)})
    gaps = {}
    for user_id, certification_ids in needs.items():
        for certification_id in sorted(certification_ids):
            if (user_id, certification_id) not in holding:
                gaps.setdefault(user_id, []).append(
                    (names[certification_id], last_end.get((user_id, certification_id)))
                )
    return gaps
