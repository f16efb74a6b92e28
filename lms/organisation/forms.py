"""Forms of the unit and membership screens; each limits its choices to what
the user may see."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from lms import persons
from lms.models import OrgUnit, Role
from lms.organisation import scope
from lms.organisation import services as organisation
from lms.support import dates
from lms.support.fields import IdChoiceField, IdMultipleChoiceField, UnitChoiceField


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
