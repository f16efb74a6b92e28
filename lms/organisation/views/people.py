"""People in the manager's units: their memberships, history and assignments."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView
from wagtail import hooks

from lms import persons
from lms.assignments import services as assignments
from lms.assignments.forms import ExemptionForm, ExtensionForm
from lms.hub.base import (
    HubFormMixin,
    HubView,
    HubViewSet,
    add_service_errors,
    search_text,
)
from lms.invitations import services as invitations
from lms.models import RoleMembership, TrainingAssignment
from lms.organisation import scope
from lms.organisation import services as organisation
from lms.organisation.forms import EndMembershipForm, MembershipForm
from lms.reviews import services as reviews

VIEW = ("lms.view_rolemembership",)
CHANGE = ("lms.add_rolemembership",)


def _person(request, pk):
    return get_object_or_404(scope.visible_people(request.user), pk=pk)


class PeopleIndexView(HubView, ListView):
    permissions = VIEW
    page_title = _("People")
    template_name = "lms/hub/people_index.html"
    paginate_by = 50

    def get_queryset(self):
        people = scope.visible_people(self.request.user).order_by(
            *persons.adapter().order_by()
        )
        query = search_text(self.request)
        if query:
            people = people.filter(persons.adapter().search(query))
        current = RoleMembership.objects.current().select_related("role", "unit")
        return people.prefetch_related(
            Prefetch("memberships", current, to_attr="current_memberships")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=search_text(self.request), **kwargs)


class PersonView(HubView, TemplateView):
    permissions = VIEW
    template_name = "lms/hub/person.html"

    def get_page_title(self):
        return str(self.person)

    def prepare(self, request, pk):
        self.person = _person(request, pk)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        can_change = self.request.user.has_perm("lms.add_rolemembership")
        return super().get_context_data(
            person=self.person,
            memberships=self.person.memberships.select_related("role", "unit"),
            assignments=TrainingAssignment.objects.current()
            .filter(user=self.person)
            .with_status(today)
            .with_course_title()
            .with_reason()
            .select_related("assigned_by", "exemption")
            .order_by("effective_due"),
            membership_form=MembershipForm(user=self.request.user)
            if can_change
            else None,
            can_change=can_change,
            can_manage=can_change and scope.manages(self.request.user, self.person),
            answers=reviews.answers_of(self.person),
            invitation=invitations.latest_invitation(self.person),
            can_invite=invitations.may_invite(self.request.user, self.person),
            panels=self.panels(),
            **kwargs,
        )

    def panels(self):
        """What other apps show about the person (certification: their
        certificates), through the construct_hub_person_panels hook."""
        panels = []
        for hook in hooks.get_hooks("construct_hub_person_panels"):
            hook(self.request, self.person, panels)
        return panels


class PersonActionView(HubFormMixin, HubView, FormView):
    """A form about one person or their record; saving goes through a service."""

    permissions = CHANGE
    template_name = "lms/hub/action_form.html"
    success_message = ""

    def get_success_url(self):
        return reverse("hub_people:person", args=[self.person.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        try:
            self.perform(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class AddMembershipView(PersonActionView):
    page_title = _("Place in a role")
    form_class = MembershipForm
    success_message = _("The membership has been added.")

    def prepare(self, request, pk):
        self.person = _person(request, pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, data):
        organisation.join_role(
            user=self.person,
            role=data["role"],
            unit=data["unit"],
            started_on=data["started_on"],
            by=self.request.user,
        )


class EndMembershipView(PersonActionView):
    page_title = _("End a membership")
    form_class = EndMembershipForm
    success_message = _("The membership has ended.")

    def prepare(self, request, pk):
        self.membership = get_object_or_404(
            RoleMembership.objects.select_related("user", "role", "unit"),
            pk=pk,
            unit__in=scope.visible_units(request.user),
        )
        self.person = self.membership.user

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.membership, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def perform(self, data):
        organisation.leave_role(
            membership=self.membership, ended_on=data["ended_on"], by=self.request.user
        )


class AssignmentActionView(PersonActionView):
    def prepare(self, request, pk):
        self.assignment = get_object_or_404(
            TrainingAssignment.objects.current()
            .with_course_title()
            .select_related("user", "course"),
            pk=pk,
            user__in=scope.visible_people(request.user),
        )
        self.person = self.assignment.user

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.assignment, **kwargs)


class ExemptView(AssignmentActionView):
    permissions = ("lms.add_exemption",)
    page_title = _("Exempt from a course")
    form_class = ExemptionForm
    success_message = _("The exemption has been recorded.")

    def perform(self, data):
        assignments.exempt(
            assignment=self.assignment, reason=data["reason"], by=self.request.user
        )


class ExtendView(AssignmentActionView):
    permissions = ("lms.add_duedateextension",)
    page_title = _("Extend the due date")
    form_class = ExtensionForm
    success_message = _("The due date has been extended.")

    def perform(self, data):
        assignments.extend_due_date(
            assignment=self.assignment,
            due_on=data["due_on"],
            reason=data["reason"],
            by=self.request.user,
        )


class InviteView(PersonActionView):
    """Send the person an invitation by mail; the button on their screen."""

    permissions = (invitations.PERMISSION,)
    page_title = _("Send an invitation")
    template_name = "lms/hub/invite.html"
    form_class = forms.Form

    def prepare(self, request, pk):
        self.person = _person(request, pk)
        if not invitations.may_invite(request.user, self.person):
            raise PermissionDenied

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitation=invitations.latest_invitation(self.person),
            email=invitations.email_of(self.person),
            **kwargs,
        )

    def perform(self, data):
        invitation = invitations.invite(person=self.person, by=self.request.user)
        self.success_message = _(
            "The invitation has been sent to %(email)s. The link works until %(date)s."
        ) % {
            "email": invitations.email_of(self.person),
            "date": formats.date_format(
                timezone.localtime(invitation.expires_at), "j F Y, H:i"
            ),
        }


class PeopleViewSet(HubViewSet):
    name = "hub_people"
    url_prefix = "hub/people"
    icon = "group"
    menu_icon = "group"
    menu_label = _("People")
    permissions = VIEW

    def get_urlpatterns(self):
        return [
            path("", PeopleIndexView.as_view(), name="index"),
            path("<lms_id:pk>/", PersonView.as_view(), name="person"),
            path(
                "<lms_id:pk>/memberships/add/",
                AddMembershipView.as_view(),
                name="add_membership",
            ),
            path(
                "memberships/<lms_id:pk>/end/",
                EndMembershipView.as_view(),
                name="end_membership",
            ),
            path("<lms_id:pk>/invite/", InviteView.as_view(), name="invite"),
            path(
                "assignments/<lms_id:pk>/exempt/", ExemptView.as_view(), name="exempt"
            ),
            path(
                "assignments/<lms_id:pk>/extend/", ExtendView.as_view(), name="extend"
            ),
        ]
