from django.contrib.auth.management import create_permissions
from django.db import migrations

TOPIC_PERMISSIONS = ["add_topic", "change_topic", "delete_topic", "view_topic"]


def grant(apps, schema_editor):
    """Those who write the courses keep their topics: Wagtail's Editors and
    Moderators, where the site has them."""
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    topics = Permission.objects.filter(
        content_type__app_label="courses", codename__in=TOPIC_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*topics)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
