"""django-filter sets of the certificate reports."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget

from certification.models import Certificate, Certification
from certification.reports import queries
from lms.reports.filters import IdChoiceFilter, PeopleFilterSet


class DaysFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class CertificateFilterSet(PeopleFilterSet):
    person_field = "holder"

    certification = IdChoiceFilter(
        label=_("Certification"),
        empty_label=_("All certifications"),
        queryset=Certification.objects.all(),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Certificate.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    issued = django_filters.DateFromToRangeFilter(
        label=_("Issued on"), field_name="issued_at", widget=DateRangePickerWidget
    )
    valid_until = django_filters.DateFromToRangeFilter(
        label=_("Valid until"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = []


class ExpiringFilterSet(CertificateFilterSet):
    days = DaysFilter(
        label=_("Ending within (days)"),
        method="filter_days",
        min_value=0,
        max_value=queries.MAX_EXPIRING_DAYS,
        initial=queries.DEFAULT_EXPIRING_DAYS,
        error_messages={
            "invalid": _("Enter the number of days as a whole number, such as 30."),
            "min_value": _("The number of days cannot be negative."),
            "max_value": _("Enter at most %(limit_value)s days."),
        },
    )
    # Every row is in force.
    status = None

    def filter_days(self, queryset, name, value):
        return queries.ending_within(queryset, today=timezone.localdate(), days=value)
