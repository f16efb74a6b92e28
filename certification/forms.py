from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from certification.models import Certification
from lms.forms import IdMultipleChoiceField, course_choices


class CertificationForm(WagtailAdminModelForm):
    class Meta:
        model = Certification
        fields = [
            "name",
            "description",
            "criteria",
            "courses",
            "validity_months",
            "renewal_window_days",
            "renewal_courses",
            "roles",
        ]
        field_classes = {
            "courses": IdMultipleChoiceField,
            "renewal_courses": IdMultipleChoiceField,
            "roles": IdMultipleChoiceField,
        }
        widgets = {
            "courses": forms.CheckboxSelectMultiple,
            "renewal_courses": forms.CheckboxSelectMultiple,
            "roles": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Certificates follow the originals of the courses, like enrolments do.
        self.fields["courses"].queryset = course_choices()
        self.fields["renewal_courses"].queryset = course_choices()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Kept in the audit trail; never shown on the verification page."),
    )
