"""The form of a review: the decision on a scenario answer and feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.models import ScenarioReview


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
