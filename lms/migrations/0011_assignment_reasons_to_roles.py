# The data step of 0009: role assignments point at their role.

from django.conf import settings
from django.db import migrations
from django.db.models import OuterRef, Q, Subquery

# The sentence lms.organisation stored as the reason of a role's assignment,
# in the languages it was written in.
ROLE_SENTENCES = {
    "nl": "Verplicht voor de rol {}",
    "en": "Required for the role {}",
}


def _role_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="lms", model="role")[0]


def reasons_to_roles(apps, schema_editor):
    """A role's assignments point at the role instead of naming it in words.

    The role is the one the stored sentence names; where no role has that
    name any more (renamed since), the role of a membership that asks for
    the assignment. A reason that is no such sentence stays as it is.
    """
    TrainingAssignment = apps.get_model("lms", "TrainingAssignment")
    AssignmentDemand = apps.get_model("lms", "AssignmentDemand")
    Role = apps.get_model("lms", "Role")
    role_type = _role_type(apps)
    pending = TrainingAssignment.objects.filter(source="role", reason_type=None)
    for pk, name in Role.objects.values_list("pk", "name"):
        sentences = [sentence.format(name) for sentence in ROLE_SENTENCES.values()]
        pending.filter(reason__in=sentences).update(
            reason="", reason_type=role_type, reason_id=pk
        )
    generated = Q(reason="")
    for sentence in ROLE_SENTENCES.values():
        generated |= Q(reason__startswith=sentence.format(""))
    role_of_demand = (
        AssignmentDemand.objects.filter(
            assignment=OuterRef("pk"), membership__role__isnull=False
        )
        .order_by("pk")
        .values("membership__role")[:1]
    )
    pending.filter(generated).update(reason_id=Subquery(role_of_demand))
    pending.filter(generated, reason_id__isnull=False).update(
        reason="", reason_type=role_type
    )


def roles_to_reasons(apps, schema_editor):
    """Back to the sentence, in the site's language."""
    TrainingAssignment = apps.get_model("lms", "TrainingAssignment")
    Role = apps.get_model("lms", "Role")
    role_type = _role_type(apps)
    sentence = ROLE_SENTENCES.get(settings.LANGUAGE_CODE, ROLE_SENTENCES["en"])
    pointing = TrainingAssignment.objects.filter(reason_type=role_type)
    for pk, name in Role.objects.values_list("pk", "name"):
        pointing.filter(reason_id=pk).update(reason=sentence.format(name)[:300])
    pointing.update(reason_type=None, reason_id=None)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("lms", "0010_review_notifications"),
    ]

    operations = [
        migrations.RunPython(reasons_to_roles, roles_to_reasons, elidable=False),
    ]
