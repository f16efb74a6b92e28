"""Assignments: the list in the manager's scope, and assigning with a preview."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, ListView

from courses.localization import localized_page
from lms.assignments import services as assignments
from lms.assignments.forms import AssignmentForm
from lms.hub.base import HubFormMixin, HubView, HubViewSet, add_service_errors
from lms.models import TrainingAssignment
from lms.organisation import scope

STATUSES = [
    ("overdue", gettext_lazy("Overdue")),
    ("not_started", gettext_lazy("Not started")),
    ("in_progress", gettext_lazy("In progress")),
    ("completed", gettext_lazy("Completed")),
    ("exempt", gettext_lazy("Exempt")),
]


class AssignmentIndexView(HubView, ListView):
    permissions = ("lms.view_trainingassignment",)
    page_title = gettext_lazy("Assignments")
    template_name = "lms/hub/assignments_index.html"
    paginate_by = 50

    def get_queryset(self):
        assignments_ = (
            TrainingAssignment.objects.current()
            .filter(user__in=scope.visible_people(self.request.user))
            .with_status(timezone.localdate())
            .with_course_title()
            .with_reason()
            .select_related("user", "assigned_by")
            .order_by("effective_due", "pk")
        )
        status = self.request.GET.get("status")
        if status in dict(STATUSES):
            assignments_ = assignments_.filter(status=status)
        return assignments_

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=STATUSES,
            status=self.request.GET.get("status", ""),
            can_assign=self.request.user.has_perm("lms.add_trainingassignment"),
            **kwargs,
        )


class AssignView(HubFormMixin, HubView, FormView):
    """Assign a course; the first post shows a preview, the second saves."""

    permissions = ("lms.add_trainingassignment",)
    page_title = gettext_lazy("Assign training")
    template_name = "lms/hub/assign.html"
    form_class = AssignmentForm
    preview_page_size = 25

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"target": "role", "include_subunits": True, "token": uuid.uuid4()}

    def form_valid(self, form):
        data = form.cleaned_data
        target = form.target_kwargs()
        if "confirm" not in self.request.POST:
            preview = assignments.preview_assignment(
                by=self.request.user, course=data["course"], **target
            )
            people = Paginator(
                assignments.affected_people(
                    by=self.request.user, course=data["course"], **target
                ),
                self.preview_page_size,
            ).get_page(self.request.POST.get("preview_page"))
            return self.render_to_response(
                self.get_context_data(form=form, preview=preview, people=people)
            )
        try:
            batch = assignments.assign_course(
                by=self.request.user,
                course=data["course"],
                due_on=data["due_on"],
                reason=data["reason"],
                token=data["token"],
                **target,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "%(course)s is assigned to %(count)d person.",
                "%(course)s is assigned to %(count)d people.",
                batch.people_count,
            )
            % {
                "course": localized_page(batch.course).title,
                "count": batch.people_count,
            },
        )
        return redirect("hub_assignments:index")


class AssignmentViewSet(HubViewSet):
    name = "hub_assignments"
    url_prefix = "hub/assignments"
    icon = "tasks"
    menu_icon = "tasks"
    menu_label = gettext_lazy("Assignments")
    permissions = ("lms.view_trainingassignment",)

    def get_urlpatterns(self):
        return [
            path("", AssignmentIndexView.as_view(), name="index"),
            path("assign/", AssignView.as_view(), name="assign"),
        ]
