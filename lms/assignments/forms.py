"""Forms of assigning a course, exempting from it and extending its due date;
each limits its choices to what the user may see."""

import json

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from courses.models import CoursePage
from lms import persons
from lms.models import AssignmentBatch, OrgUnit, Role
from lms.organisation import scope
from lms.support import dates
from lms.support.fields import (
    CourseChoiceField,
    IdChoiceField,
    UnitChoiceField,
    course_choices,
)


class AssignmentForm(forms.Form):
    # The fields that each kind of target uses; the others are ignored, and
    # the admin's w-rules controller hides them while another target is chosen.
    TARGET_FIELDS = {
        AssignmentBatch.Target.PERSON: ("person",),
        AssignmentBatch.Target.ROLE: ("role", "unit", "include_subunits"),
        AssignmentBatch.Target.UNIT: ("unit", "include_subunits"),
    }

    course = CourseChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    target = forms.ChoiceField(
        label=_("Assign to"),
        choices=AssignmentBatch.Target.choices,
        widget=forms.RadioSelect,
    )
    person = IdChoiceField(
        label=_("Person"), queryset=get_user_model().objects.none(), required=False
    )
    role = IdChoiceField(label=_("Role"), queryset=Role.objects.all(), required=False)
    unit = UnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("For a role: leave empty to reach its members in all your units."),
    )
    include_subunits = forms.BooleanField(
        label=_("Include the units below"), required=False, initial=True
    )
    due_on = forms.DateField(
        label=_("Due date"),
        widget=AdminDateInput,
        help_text=_("Year-month-day, such as 2027-03-31."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)
    # Carried from the preview to the confirmation: one assignment per form.
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = course_choices()
        self.fields["person"].queryset = scope.visible_people(user).order_by(
            *persons.adapter().order_by()
        )
        self.fields["person"].label_from_instance = persons.display_name
        self.fields["unit"].queryset = scope.visible_units(user).order_by("path")
        for name in ("person", "role", "unit", "include_subunits"):
            targets = [t for t, names in self.TARGET_FIELDS.items() if name in names]
            # Read by the w-rules controller: show the field for these targets.
            self.fields[name].show_rules = json.dumps({"target": targets})

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        dates.check_due_date(due_on)
        return due_on

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target and not data.get(target):
            self.add_error(target, _("Choose who to assign the course to."))
        if target == "person":
            data["role"] = data["unit"] = None
        if target == "unit":
            data["role"] = None
        if target != "role" and target != "unit":
            data["include_subunits"] = False
        return data

    def target_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "target": data["target"],
            "person": data.get("person"),
            "role": data.get("role"),
            "unit": data.get("unit"),
            "include_subunits": data.get("include_subunits", False),
        }


class ExemptionForm(forms.Form):
    reason = forms.CharField(label=_("Reason (prior learning)"), max_length=300)


class ExtensionForm(forms.Form):
    due_on = forms.DateField(label=_("New due date"), widget=AdminDateInput)
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        dates.check_due_date(due_on)
        return due_on
