"""Form fields that the hub's forms share: ids refused beyond 64 bits, units
shown as a tree, and courses labelled in the reader's language."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminPageChooser

from courses.localization import localized_title
from courses.models import CoursePage
from lms.support import ids


class BoundedIdsMixin:
    """For a model choice field: an id beyond 64 bits is an invalid choice.

    SQLite cannot even look such an id up (see lms.support.ids).
    """

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if self._looks_up_pk() and ids.out_of_range(item):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)

    def _looks_up_pk(self) -> bool:
        # A foreign key names its target's primary key as to_field_name (a
        # page's is page_ptr); another to_field_name is not an id.
        pk = self.queryset.model._meta.pk
        return self.to_field_name in (None, pk.name, pk.attname)


class IdChoiceField(BoundedIdsMixin, forms.ModelChoiceField):
    """A ModelChoiceField that refuses ids beyond 64 bits."""


class IdMultipleChoiceField(BoundedIdsMixin, forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses ids beyond 64 bits."""


class CourseChooser(AdminPageChooser):
    """Wagtail's page chooser, showing an id beyond 64 bits as no choice when
    a refused form comes back (looking it up would fail on SQLite)."""

    def get_instance(self, value):
        if not isinstance(value, models.Model) and ids.out_of_range(value):
            return None
        return super().get_instance(value)


# A course chosen in an admin form (a role's required course) is posted as an
# id: the same page chooser as Wagtail's, refusing ids beyond 64 bits.
register_form_field_override(
    models.ForeignKey,
    to=CoursePage,
    override=lambda db_field: {
        "form_class": IdChoiceField,
        "widget": CourseChooser(target_models=[db_field.remote_field.model]),
    },
)


class UnitChoiceField(IdChoiceField):
    def label_from_instance(self, unit):
        return unit.indented_name


def course_choices():
    """Live courses in their original translation, where assignments point,
    with their course_title in the active language (CourseChoiceField)."""
    earlier = CoursePage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return (
        CoursePage.objects.live()
        .filter(~Exists(earlier))
        .annotate(course_title=localized_title())
        .order_by("course_title", "pk")
    )


class CourseLabelMixin:
    """A course choice labelled in the reader's language (course_choices)."""

    def label_from_instance(self, obj):
        return getattr(obj, "course_title", obj.title)


class CourseChoiceField(CourseLabelMixin, IdChoiceField):
    pass


class CourseMultipleChoiceField(CourseLabelMixin, IdMultipleChoiceField):
    pass
