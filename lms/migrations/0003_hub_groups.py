from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGER_PERMISSIONS = {
    "orgunit": ["add", "change", "view"],
    "role": ["add", "change", "view"],
    "rolerequirement": ["add", "change", "delete", "view"],
    "rolemembership": ["add", "change", "view"],
    "assignmentbatch": ["add", "view"],
    "trainingassignment": ["add", "change", "view"],
    "exemption": ["add", "view"],
    "duedateextension": ["add", "view"],
    "scenarioreview": ["add", "view"],
    "scenariosubmission": ["view"],
    "enrolment": ["view"],
}


def create_groups(apps, schema_editor):
    """Hub managers organise and assign within their units; HR reads everything."""
    app_config = apps.get_app_config("lms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    managers, _created = Group.objects.get_or_create(name="Hub managers")
    managers.permissions.add(
        admin_access,
        *Permission.objects.filter(
            content_type__app_label="lms",
            codename__in=[
                f"{action}_{model}"
                for model, actions in MANAGER_PERMISSIONS.items()
                for action in actions
            ],
        ),
    )
    hr, _created = Group.objects.get_or_create(name="HR")
    hr.permissions.add(
        admin_access,
        *Permission.objects.filter(content_type__app_label="lms", codename__startswith="view_"),
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Hub managers", "HR"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_hub"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
