"""Forms of the hub screens; each limits its choices to what the user may see."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from courses.models import CoursePage
from lms import scope
from lms.models import AssignmentBatch, OrgUnit, Role, ScenarioReview


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return unit.indented_name


def course_choices():
    """Live courses in their original translation, where assignments point."""
    earlier = CoursePage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return CoursePage.objects.live().filter(~Exists(earlier)).order_by("title")


def _manager_label(user) -> str:
    return f"{user} <{user.email}>"


class UnitForm(WagtailAdminModelForm):
    parent = UnitChoiceField(
        label=_("Part of"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_(
            "The unit this one belongs to; empty for the top of the organisation."
        ),
    )

    class Meta:
        model = OrgUnit
        fields = ["name", "description", "managers"]
        widgets = {"managers": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["managers"].queryset = get_user_model().objects.filter(
            is_active=True
        )
        self.fields["managers"].label_from_instance = _manager_label
        units = scope.visible_units(self.for_user).order_by("path")
        if self.instance.pk:
            units = units.exclude(path__startswith=self.instance.path)
            parent = self.instance.get_parent()
            if (
                not self.for_user.is_superuser
                and not units.filter(pk=getattr(parent, "pk", None)).exists()
            ):
                # The top of what this manager manages stays where it is.
                del self.fields["parent"]
                return
            self.fields["parent"].initial = parent.pk if parent else None
        self.fields["parent"].queryset = units
        if not self.for_user.is_superuser:
            self.fields["parent"].required = True

    def save(self, commit=True):
        # The tree is written by treebeard in the view; only plain fields here.
        return super().save(commit=False)


class MembershipForm(forms.Form):
    role = forms.ModelChoiceField(
        label=_("Role"),
        queryset=Role.objects.all(),
        required=False,
        empty_label=_("No role (member of the unit)"),
    )
    unit = UnitChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    started_on = forms.DateField(
        label=_("Starts on"), widget=AdminDateInput, initial=timezone.localdate
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = scope.visible_units(user).order_by("path")


class EndMembershipForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Ends on"), widget=AdminDateInput, initial=timezone.localdate
    )


class AssignmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none()
    )
    target = forms.ChoiceField(
        label=_("Assign to"),
        choices=AssignmentBatch.Target.choices,
        widget=forms.RadioSelect,
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=get_user_model().objects.none(), required=False
    )
    role = forms.ModelChoiceField(
        label=_("Role"), queryset=Role.objects.all(), required=False
    )
    unit = UnitChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("For a role: leave empty to reach its members in all your units."),
    )
    include_subunits = forms.BooleanField(
        label=_("Include the units below"), required=False, initial=True
    )
    due_on = forms.DateField(label=_("Due date"), widget=AdminDateInput)
    reason = forms.CharField(label=_("Reason"), max_length=300)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = course_choices()
        self.fields["person"].queryset = scope.visible_people(user).order_by(
            "name", "email"
        )
        self.fields["unit"].queryset = scope.visible_units(user).order_by("path")

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due_on

    def clean(self):
        data = super().clean()
        target = data.get("target")
        required = {"person": ["person"], "role": ["role"], "unit": ["unit"]}.get(
            target, []
        )
        for name in required:
            if not data.get(name):
                self.add_error(name, _("Choose who to assign the course to."))
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


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=ScenarioReview.Decision.choices,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback for the learner"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Required when you return the answer."),
    )
