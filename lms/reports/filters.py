"""django-filter sets of the reports, with Wagtail's filter widgets.

The choices of units and roles are limited to the viewer's scope, so a
manager cannot even ask about someone else's unit: such a value is invalid,
as is an id beyond 64 bits (lms.support.ids).
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from lms.models import TrainingAssignment
from lms.organisation import scope
from lms.reports import queries
from lms.support.fields import BoundedIdsMixin


class IdChoiceField(BoundedIdsMixin, django_filters.fields.ModelChoiceField):
    """django-filter's choice field (with its "null" choice), bounded."""


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of one object by id; an id beyond 64 bits is invalid."""

    field_class = IdChoiceField


class UnitChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        return obj.indented_name


class CourseChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        # In the reader's language (queries.courses_with_assignments).
        return getattr(obj, "course_title", obj.title)


class CourseFilter(IdChoiceFilter):
    field_class = CourseChoiceField


class UnitFilter(IdChoiceFilter):
    """A unit and everything below it (applied by PeopleFilterSet)."""

    field_class = UnitChoiceField


class PeopleFilterSet(WagtailFilterSet):
    """Filters rows about people by unit (with the units below) and role.

    Unit and role must match one and the same current membership: a
    "Webcare agent in Webcare", not an agent elsewhere who is also in Webcare.
    """

    person_field = "user"

    unit = UnitFilter(
        label=_("Unit"),
        empty_label=_("All units"),
        queryset=lambda request: scope.visible_units(request.user),
        method="filter_people",
    )
    role = IdChoiceFilter(
        label=_("Role"),
        empty_label=_("All roles"),
        queryset=lambda request: queries.roles_in_scope(request.user),
        method="filter_people",
    )

    def filter_people(self, queryset, name, value):
        # Both are applied together in filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        unit = self.form.cleaned_data.get("unit")
        role = self.form.cleaned_data.get("role")
        if unit is None and role is None:
            return queryset
        people = queries.members(user=self.request.user, unit=unit, role=role)
        return queryset.filter(**{f"{self.person_field}__in": people})


class CompletionFilterSet(PeopleFilterSet):
    course = CourseFilter(
        label=_("Course"),
        empty_label=_("All courses"),
        queryset=lambda request: queries.courses_with_assignments(),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=queries.ASSIGNMENT_STATUSES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    due = django_filters.DateFromToRangeFilter(
        label=_("Due date"), field_name="effective_due", widget=DateRangePickerWidget
    )
    assigned = django_filters.DateFromToRangeFilter(
        label=_("Assigned on"), field_name="assigned_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = TrainingAssignment
        fields = []


class OverdueFilterSet(CompletionFilterSet):
    # Every row is overdue.
    status = None
