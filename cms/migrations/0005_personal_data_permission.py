from django.db import migrations

CODENAME = "manage_personal_data"


def grant(apps, schema_editor):
    """HR may export and erase a person's data (a permission of its own: more
    than the read-only view HR has of everything else)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="cms", model="user"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can export and erase a person's data"},
    )
    hr, _created = Group.objects.get_or_create(name="HR")
    hr.permissions.add(permission)


def remove(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="cms", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_user_employee_number"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("lms", "0003_hub_groups"),
    ]

    operations = [migrations.RunPython(grant, remove)]
