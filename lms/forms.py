"""Forms of the hub screens; each limits its choices to what the user may see."""

import json

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser

from courses.localization import localized_title
from courses.models import CoursePage
from lms import dates, ids, organisation, persons, scope
from lms.models import AssignmentBatch, OrgUnit, Role, ScenarioReview


class BoundedIdsMixin:
    """For a model choice field: an id beyond 64 bits is an invalid choice.

    SQLite cannot even look such an id up (see lms.ids).
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


def _manager_label(user) -> str:
    return f"{persons.display_name(user)} <{user.email}>"


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
        field_classes = {"managers": IdMultipleChoiceField}
        widgets = {"managers": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people the user may see (and the user) are offered, with their
        # email. Current managers beyond them (a manager of the whole hub, for
        # a manager of a spoke) are neither listed nor removed: clean_managers
        # keeps them.
        visible = get_user_model().objects.filter(
            Q(pk__in=scope.visible_people(self.for_user).values("pk"))
            | Q(pk=self.for_user.pk)
        )
        offered = visible.filter(is_active=True)
        self.fields["managers"].queryset = offered.order_by(
            *persons.adapter().order_by()
        )
        self.fields["managers"].label_from_instance = _manager_label
        self.hidden_managers = (
            list(self.instance.managers.exclude(pk__in=visible.values("pk")))
            if self.instance.pk and not scope.sees_everything(self.for_user)
            else []
        )
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

    def clean_managers(self):
        return [*self.cleaned_data["managers"], *self.hidden_managers]

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if parent is None or parent.path == self.instance.path[: -OrgUnit.steplen]:
            return parent
        try:
            organisation.check_room_below(parent, self.instance)
        except ValidationError as error:
            raise ValidationError(error.message_dict["parent"]) from None
        return parent

    def save(self, commit=True):
        # The tree is written by treebeard in the view; only plain fields here.
        return super().save(commit=False)


class MembershipForm(forms.Form):
    role = IdChoiceField(
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

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        dates.check_membership_start(started_on)
        return started_on


class EndMembershipForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Ends on"), widget=AdminDateInput, initial=timezone.localdate
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["ended_on"].initial = dates.latest_membership_end(
            membership.started_on
        )

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        dates.check_membership_end(ended_on, started_on=self.membership.started_on)
        return ended_on


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
