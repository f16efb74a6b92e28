"""Importing people from an HR export in the admin: a dry run, then the import.

The first upload is checked and reported without writing. Confirming sends
the same text back (in a hidden field, within the size limit), which is
checked again before it is written, so nothing stale or tampered with slips
through the service's checks.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from lms.hub.base import HubFormMixin, HubView, HubViewSet
from lms.invitations import services as invitations
from lms.people_import import (
    COLUMNS,
    MAX_FILE_SIZE,
    ImportRejected,
    apply_import,
    import_notes,
    parse_people_csv,
    template_csv,
)

PERMISSIONS = ("lms.add_rolemembership",)


class PeopleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "UTF-8, with the header email,name,employee_number,unit,roles,"
            "manager_email. Give a unit as a path such as Hub/Webcare, and "
            "separate roles with ';'."
        ),
    )
    csv_text = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    create_units = forms.BooleanField(
        label=_("Create units that do not exist"),
        required=False,
        help_text=_(
            "Without this, a unit that is not in the organisation yet is an "
            "error, so that a mistyped path creates nothing."
        ),
    )
    invite = forms.BooleanField(
        label=_("Send an invitation to the people who have never signed in"),
        required=False,
        help_text=_(
            "Each gets a mail with a link to choose a password, unless an "
            "invitation sent before still works."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: only show what would change"),
        required=False,
        initial=True,
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("csv_text")
        too_big = _("The file is larger than %(size)s.") % {
            "size": filesizeformat(MAX_FILE_SIZE)
        }
        if upload:
            if upload.size > MAX_FILE_SIZE:
                raise forms.ValidationError({"file": too_big})
            cleaned["data"] = upload.read()
        elif text:
            data = text.encode("utf-8")
            if len(data) > MAX_FILE_SIZE:
                raise forms.ValidationError(too_big)
            cleaned["data"] = data
        else:
            raise forms.ValidationError({"file": _("Choose a CSV file to import.")})
        return cleaned


class PeopleImportView(HubFormMixin, HubView, FormView):
    permissions = PERMISSIONS
    page_title = _("Import people")
    header_icon = "upload"
    template_name = "lms/hub/people_import.html"
    form_class = PeopleImportForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.has_perm(invitations.PERMISSION):
            del form.fields["invite"]
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=",".join(COLUMNS), notes=import_notes(), **kwargs
        )

    def form_valid(self, form):
        plan = parse_people_csv(
            form.cleaned_data["data"],
            for_user=self.request.user,
            create_units=form.cleaned_data["create_units"],
        )
        if plan.errors:
            return self.report(form, errors=plan.errors)
        invite = form.cleaned_data.get("invite", False)
        if form.cleaned_data["dry_run"]:
            return self.report(
                form,
                changes=plan.changes,
                confirm_text=plan.text,
                create_units=plan.create_units,
                invite=invite,
            )
        try:
            result = apply_import(plan, by=self.request.user, invite=invite)
        except ImportRejected as rejected:
            return self.report(form, errors=rejected.errors)
        messages.success(self.request, gettext("The import is done."))
        if invite:
            messages.success(
                self.request,
                ngettext(
                    "%(count)d invitation sent.",
                    "%(count)d invitations sent.",
                    result.invited,
                )
                % {"count": result.invited},
            )
        return self.report(self.get_form(), changes=result.changes, applied=True)

    def report(
        self,
        form,
        *,
        errors=(),
        changes=None,
        confirm_text="",
        create_units=False,
        invite=False,
        applied=False,
    ):
        response = self.render_to_response(
            self.get_context_data(
                form=form,
                errors=errors,
                bad_line_count=len({error.line for error in errors}),
                changes=changes,
                sections=changes.sections() if changes else [],
                confirm_text=confirm_text if changes and not changes.is_empty else "",
                create_units=create_units,
                invite=invite,
                applied=applied,
            )
        )
        if errors:
            response.status_code = 400
        return response


class PeopleImportTemplateView(HubView, View):
    """A CSV file to fill in: the header and example lines."""

    permissions = PERMISSIONS

    def get(self, request):
        response = HttpResponse(
            "\ufeff" + template_csv(request.user),  # Excel reads UTF-8 with a BOM
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = (
            'attachment; filename="people-import-template.csv"'
        )
        return response


class PeopleImportViewSet(HubViewSet):
    """The people import in the admin; lms/wagtail_hooks.py registers it."""

    name = "hub_people_import"
    url_prefix = "hub/people/import"
    icon = "upload"
    menu_icon = "upload"
    menu_label = _("Import people")
    permissions = PERMISSIONS

    def get_urlpatterns(self):
        return [
            path("", PeopleImportView.as_view(), name="index"),
            path("template.csv", PeopleImportTemplateView.as_view(), name="template"),
        ]
