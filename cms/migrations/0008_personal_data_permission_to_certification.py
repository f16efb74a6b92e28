from django.db import migrations

CODENAME = "manage_personal_data"


def _permission(apps, app_label):
    return (
        apps.get_model("auth", "Permission")
        .objects.filter(content_type__app_label=app_label, codename=CODENAME)
        .first()
    )


def _copy_grants(apps, old, new) -> None:
    """Groups and people holding the old permission get the new one too."""
    if old is None or new is None:
        return
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("cms", "User")
    # By id: a reversed migration's models need not be the classes the
    # relations were rendered with.
    for group in Group.objects.filter(permissions__pk=old.pk):
        group.permissions.add(new.pk)
    for user in User.objects.filter(user_permissions__pk=old.pk):
        user.user_permissions.add(new.pk)


def to_certification(apps, schema_editor):
    """The personal-data requests moved to certification, and so did their
    permission: grants of cms.manage_personal_data carry over, then it goes."""
    old = _permission(apps, "cms")
    _copy_grants(apps, old, _permission(apps, "certification"))
    if old is not None:
        old.delete()


def to_cms(apps, schema_editor):
    """The cms permission again, held by whoever holds certification's
    (which certification's own migration removes when it is unapplied)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="cms", model="user"
    )
    old, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can export and erase a person's data"},
    )
    _copy_grants(apps, _permission(apps, "certification"), old)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_editors_translate"),
        ("certification", "0011_manage_personal_data"),
    ]

    operations = [migrations.RunPython(to_certification, to_cms)]
