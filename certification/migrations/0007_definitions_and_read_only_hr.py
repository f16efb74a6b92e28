from django.contrib.auth.management import create_permissions
from django.db import migrations

DEFINITIONS = ["add_certification", "change_certification"]
# What each group gives up.
TAKEN = {"Hub managers": DEFINITIONS, "HR": ["change_certificate"]}


def permissions(apps, codenames):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="certification", codename__in=codenames
    )


def move(apps, schema_editor):
    """Certifications reach every holder, so training coordinators define them
    (and what the certificates print), not the manager of one spoke; HR reads
    and changes nothing."""
    app_config = apps.get_app_config("certification")
    app_config.models_module = True
    # The settings model's permissions are otherwise made after migrating.
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    coordinators, _created = Group.objects.get_or_create(name="Training coordinators")
    coordinators.permissions.add(
        *permissions(
            apps, [*DEFINITIONS, "view_certification", "change_certificatesettings"]
        )
    )
    for name, codenames in TAKEN.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*permissions(apps, codenames))


def move_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in TAKEN.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0006_renewal"),
        ("lms", "0005_training_coordinators"),
    ]

    operations = [migrations.RunPython(move, move_back)]
