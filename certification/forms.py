import copy

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from certification.models import TRANSLATED_FIELDS, Certification, text_language
from lms.support.fields import (
    CourseMultipleChoiceField,
    IdMultipleChoiceField,
    course_choices,
)


def translation_languages() -> list[str]:
    """The languages a certification's texts are translated into: those of
    LANGUAGES other than the site's, in which they are written first."""
    main = text_language(settings.LANGUAGE_CODE)
    return [code for code, _name in settings.LANGUAGES if code != main]


def _language_name(code: str) -> str:
    return translation.get_language_info(code)["name_translated"]


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
            "courses": CourseMultipleChoiceField,
            "renewal_courses": CourseMultipleChoiceField,
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
        self._add_translation_fields()

    def _add_translation_fields(self):
        """A field for each text in each other language, after the texts in
        the site's language: a certification reads in its holder's language
        on the PDF, the credential and in mails, and in the reader's on
        pages."""
        stored = self.instance.translations or {}
        self.fields["name"].help_text = _("In %(language)s.") % {
            "language": _language_name(text_language(settings.LANGUAGE_CODE))
        }
        added = []
        for code in translation_languages():
            for name in TRANSLATED_FIELDS:
                field = copy.deepcopy(self.fields[name])
                field.required = False
                field.help_text = ""
                field.label = f"{field.label} ({_language_name(code)})"
                field.initial = stored.get(code, {}).get(name, "")
                self.fields[f"{name}_{code}"] = field
                added.append(f"{name}_{code}")
        self.order_fields([*TRANSLATED_FIELDS, *added])

    def clean(self):
        cleaned_data = super().clean()
        offered = translation_languages()
        # Languages no longer offered keep what they had.
        translations = {
            code: texts
            for code, texts in (self.instance.translations or {}).items()
            if code not in offered
        }
        for code in offered:
            texts = {
                name: value.strip()
                for name in TRANSLATED_FIELDS
                if (value := cleaned_data.get(f"{name}_{code}") or "").strip()
            }
            if texts:
                translations[code] = texts
        self.instance.translations = translations
        return cleaned_data


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Kept in the audit trail; never shown on the verification page."),
    )
