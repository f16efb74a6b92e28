"""Who may see and manage whom: HR sees everything, a manager their units."""

from django.contrib.auth import get_user_model

from lms.models import OrgUnit, RoleMembership


def sees_everything(user) -> bool:
    """HR and administrators see the whole organisation."""
    return user.is_active and (user.is_superuser or user.has_perm("lms.view_all_units"))


def visible_units(user):
    """The units a person may see: all of them, or those they manage and below."""
    if sees_everything(user):
        return OrgUnit.objects.all()
    return OrgUnit.objects.managed_by(user)


def visible_people(user):
    """People with a current membership in a visible unit (everyone, for HR)."""
    User = get_user_model()
    if sees_everything(user):
        return User.objects.filter(is_active=True)
    members = RoleMembership.objects.current().filter(unit__in=visible_units(user))
    return User.objects.filter(pk__in=members.values("user_id"))


def manages(user, person) -> bool:
    """Whether a manager (or an administrator) is responsible for a person."""
    if user.is_superuser:
        return True
    return (
        RoleMembership.objects.current()
        .filter(user=person, unit__in=OrgUnit.objects.managed_by(user))
        .exists()
    )


def managers_of(person):
    """The managers of every unit a person currently belongs to, and above it."""
    User = get_user_model()
    paths = (
        RoleMembership.objects.current()
        .filter(user=person)
        .values_list("unit__path", flat=True)
    )
    ancestor_paths = {
        path[:end]
        for path in paths
        for end in range(OrgUnit.steplen, len(path) + 1, OrgUnit.steplen)
    }
    return (
        User.objects.filter(is_active=True, managed_units__path__in=ancestor_paths)
        .exclude(pk=person.pk)
        .distinct()
    )
