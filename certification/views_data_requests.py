"""HR's personal-data screens: find a person, download their data, erase them."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from certification import data_requests
from lms import persons
from lms.hub.base import HubFormMixin, HubView, HubViewSet, search_text

PERMISSIONS = (data_requests.PERMISSION,)


def confirm_word() -> str:
    """The word that confirms an erasure, in the screen's language."""
    return pgettext("the word typed to confirm erasing a person", "ERASE")


def _row(person) -> dict:
    """What the screens show of a person, whatever the user model."""
    adapter = persons.adapter()
    return {
        "pk": person.pk,
        "name": adapter.display_name(person),
        "stored_name": adapter.stored_name(person),
        "email": data_requests.email_of(person),
        "employee_number": adapter.employee_number(person),
        "is_active": person.is_active,
    }


class PersonMixin:
    def prepare(self, request, pk):
        self.person = get_object_or_404(get_user_model(), pk=pk)

    def get_page_title(self):
        return persons.display_name(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("hub_personal_data:index"),
                "label": _("Personal data"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def refusal(self) -> str | None:
        """Why the person may not be erased by this user, if they may not."""
        try:
            data_requests.check_erasable(self.person, self.request.user)
        except ValidationError as error:
            return error.messages[0]
        return None


class PersonalDataIndexView(HubView, ListView):
    permissions = PERMISSIONS
    page_title = _("Personal data")
    template_name = "certification/admin/personal_data/index.html"
    paginate_by = 50

    def get_queryset(self):
        adapter = persons.adapter()
        people = get_user_model().objects.order_by(*adapter.order_by(), "pk")
        query = search_text(self.request)
        if query:
            condition = adapter.search(query)
            if adapter.keeps_employee_number:
                condition |= Q(employee_number__iexact=query)
            people = people.filter(condition)
        return people

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=search_text(self.request), **kwargs)
        context["keeps_employee_number"] = persons.adapter().keeps_employee_number
        context["rows"] = [_row(person) for person in context["object_list"]]
        return context


class PersonView(PersonMixin, HubView, TemplateView):
    permissions = PERMISSIONS
    template_name = "certification/admin/personal_data/person.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person,
            row=_row(self.person),
            keeps_employee_number=persons.adapter().keeps_employee_number,
            erased=data_requests.is_erased(self.person),
            refusal=self.refusal(),
            **kwargs,
        )


class ExportView(PersonMixin, HubView, View):
    """The download, by POST only: it is audited, so a link or an image on
    another site must not be able to make HR's browser take it."""

    permissions = PERMISSIONS

    def post(self, request, pk):
        document = data_requests.export_json(self.person, by=request.user)
        response = HttpResponse(document, content_type="application/json")
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-{self.person.pk}.json"'
        )
        return response


class ConfirmErasureForm(forms.Form):
    """The person's email address, or the confirmation word of the screen's
    language (the one its label shows), confirms the erasure."""

    confirmation = forms.CharField(max_length=254)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.word = confirm_word()
        self.fields["confirmation"].label = gettext(
            "Type the person's email address, or %(word)s, to confirm"
        ) % {"word": self.word}

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip()
        if (
            typed != self.word
            and typed.casefold() != data_requests.email_of(self.person).casefold()
        ):
            raise ValidationError(
                gettext("Type the email address exactly, or the word %(word)s.")
                % {"word": self.word},
                code="confirmation",
            )
        return typed


class EraseView(PersonMixin, HubFormMixin, HubView, FormView):
    permissions = PERMISSIONS
    template_name = "certification/admin/personal_data/erase.html"
    form_class = ConfirmErasureForm

    def get_page_title(self):
        return _("Erase %(person)s") % {"person": persons.display_name(self.person)}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person, row=_row(self.person), refusal=self.refusal(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if data_requests.is_erased(self.person):
            # A repeated request (a double click, a reload): nothing to do.
            messages.info(
                request, gettext("This person's data has already been erased.")
            )
            return redirect("hub_personal_data:person", self.person.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            data_requests.erase_person(person=self.person, by=self.request.user)
        except ValidationError as error:
            if error.code == "erased":
                messages.info(self.request, error.messages[0])
                return redirect("hub_personal_data:person", self.person.pk)
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            # Not lazy: the message is stored after the admin's language ends.
            gettext(
                "The person's data has been erased; their records are kept, anonymised."
            ),
        )
        return redirect("hub_personal_data:person", self.person.pk)


class PersonalDataViewSet(HubViewSet):
    name = "hub_personal_data"
    url_prefix = "hub/personal-data"
    icon = "user"
    menu_icon = "user"
    menu_label = _("Personal data")
    menu_hook = "register_hub_menu_item"
    permissions = PERMISSIONS

    def get_urlpatterns(self):
        return [
            path("", PersonalDataIndexView.as_view(), name="index"),
            path("<lms_id:pk>/", PersonView.as_view(), name="person"),
            path("<lms_id:pk>/export/", ExportView.as_view(), name="export"),
            path("<lms_id:pk>/erase/", EraseView.as_view(), name="erase"),
        ]
