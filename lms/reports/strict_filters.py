"""Report filters that refuse bad input instead of ignoring it.

Wagtail's listing views skip a filter whose value does not validate and list
everything: a report or export asked for one person's records would hold
everyone's. These views show the errors (400) and no rows instead.
"""

from django.utils.functional import cached_property


class StrictFiltersMixin:
    """For a Wagtail ReportView (before it in the bases); its template shows
    ``filter_errors`` (lms/reports/results.html does)."""

    @cached_property
    def filter_errors(self) -> list[tuple[str, list[str]]]:
        """(field label, messages) for each filter value that is not valid."""
        if self.filters is None or self.filters.is_valid():
            return []
        form = self.filters.form
        return [
            (form.fields[name].label if name in form.fields else "", messages)
            for name, messages in form.errors.items()
        ]

    def get(self, request, *args, **kwargs):
        if self.filter_errors:
            # No spreadsheet of unfiltered rows: the page shows the error.
            self.is_export = False
        return super().get(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        if self.filter_errors:
            return queryset.none()
        return super().filter_queryset(queryset)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filter_errors"] = self.filter_errors
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # The page answers 400; the fragment that filtering swaps in stays 200,
        # or the admin's script would not show the error.
        if self.filter_errors and not self.results_only:
            response.status_code = 400
        return response
