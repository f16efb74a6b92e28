"""The review queue: scenario answers of the manager's people, oldest first."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from courses.localization import localized_page
from lms.hub.base import HubFormMixin, HubView, HubViewSet, add_service_errors
from lms.reviews import services as reviews
from lms.reviews.forms import ReviewForm

PERMISSIONS = ("lms.add_scenarioreview", "lms.view_scenarioreview")


class ReviewQueueView(HubView, ListView):
    permissions = PERMISSIONS
    page_title = gettext_lazy("Scenario answers to review")
    template_name = "lms/hub/review_queue.html"
    paginate_by = 50

    def get_queryset(self):
        return reviews.review_queue(self.request.user)


class ReviewHistoryView(HubView, ListView):
    permissions = PERMISSIONS
    page_title = gettext_lazy("Reviewed answers")
    template_name = "lms/hub/review_history.html"
    paginate_by = 50

    def get_queryset(self):
        return reviews.reviewed_answers(self.request.user)


class ReviewView(HubFormMixin, HubView, FormView):
    permissions = ("lms.add_scenarioreview",)
    page_title = gettext_lazy("Review an answer")
    template_name = "lms/hub/review.html"
    form_class = ReviewForm

    def prepare(self, request, pk):
        self.submission = get_object_or_404(reviews.review_queue(request.user), pk=pk)

    def get_context_data(self, **kwargs):
        # The scenario as the reviewer reads it: its module's translation in
        # their language keeps the block's id.
        module = self.submission.module
        block = localized_page(module).find_block(
            self.submission.block_id, "scenario"
        ) or module.find_block(self.submission.block_id, "scenario")
        return super().get_context_data(
            submission=self.submission,
            scenario=block.value if block else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            reviews.review_scenario(
                submission=self.submission,
                by=self.request.user,
                decision=form.cleaned_data["decision"],
                feedback=form.cleaned_data["feedback"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your review has been saved."))
        return redirect("hub_reviews:index")


class ReviewViewSet(HubViewSet):
    name = "hub_reviews"
    url_prefix = "hub/reviews"
    icon = "comment"
    menu_icon = "comment"
    menu_label = gettext_lazy("Review queue")
    permissions = PERMISSIONS

    def get_urlpatterns(self):
        return [
            path("", ReviewQueueView.as_view(), name="index"),
            path("history/", ReviewHistoryView.as_view(), name="history"),
            path("<lms_id:pk>/", ReviewView.as_view(), name="review"),
        ]
