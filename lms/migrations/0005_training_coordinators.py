from django.db import migrations

# Roles and what they require reach every unit: a manager of one spoke may
# read them, and only the people the organisation names may change them.
COORDINATOR_PERMISSIONS = {
    "role": ["add", "change", "view"],
    "rolerequirement": ["add", "change", "delete", "view"],
}
TAKEN_FROM_MANAGERS = {
    "role": ["add", "change"],
    "rolerequirement": ["add", "change", "delete"],
}


def codenames(permissions):
    return [
        f"{action}_{model}" for model, actions in permissions.items() for action in actions
    ]


def name_coordinators(apps, schema_editor):
    """Training coordinators own the organisation-wide definitions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _created = Group.objects.get_or_create(name="Training coordinators")
    coordinators.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        *Permission.objects.filter(
            content_type__app_label="lms",
            codename__in=codenames(COORDINATOR_PERMISSIONS),
        ),
    )
    managers = Group.objects.filter(name="Hub managers").first()
    if managers is not None:
        managers.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="lms",
                codename__in=codenames(TAKEN_FROM_MANAGERS),
            )
        )


def restore_managers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    managers = Group.objects.filter(name="Hub managers").first()
    if managers is not None:
        managers.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="lms",
                codename__in=codenames(TAKEN_FROM_MANAGERS),
            )
        )
    Group.objects.filter(name="Training coordinators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0004_enrolment_cycles"),
        ("lms", "0003_hub_groups"),
    ]

    operations = [migrations.RunPython(name_coordinators, restore_managers)]
