from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    """Managers and HR see certificates and may revoke them; managers define
    certifications."""
    app_config = apps.get_app_config("certification")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(*codenames):
        return Permission.objects.filter(
            content_type__app_label="certification", codename__in=codenames
        )

    for name, codenames in {
        "Hub managers": [
            "view_certificate",
            "change_certificate",
            "view_certification",
            "add_certification",
            "change_certification",
        ],
        "HR": ["view_certificate", "change_certificate", "view_certification"],
    }.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(*codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0001_initial"),
        ("lms", "0003_hub_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
