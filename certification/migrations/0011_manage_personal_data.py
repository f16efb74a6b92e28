from django.db import migrations

CODENAME = "manage_personal_data"


def grant(apps, schema_editor):
    """HR may export and erase a person's data (a permission of its own: more
    than the read-only view HR has of everything else).

    Created here rather than in a model's Meta.permissions: changing a
    model's options re-renders the user model in a reversed migration, whose
    permissions then no longer match. It sits on the certificates' content
    type (a permission needs one; erasure revokes certificates), so the group
    editor lists it with their permissions.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="certification", model="certificate"
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
        content_type__app_label="certification", codename=CODENAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0010_certification_translations"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("lms", "0003_hub_groups"),
    ]

    operations = [migrations.RunPython(grant, remove)]
