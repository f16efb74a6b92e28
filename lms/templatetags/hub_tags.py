"""Template tags of the hub's admin screens."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def hub_status(context, cell):
    """A cell's status label (lms/hub/_status.html), rendered once per status
    per page: a matrix holds thousands of cells and five statuses."""
    render_context = context.render_context
    if "hub_status" not in render_context:
        render_context["hub_status"] = {}
    labels = render_context["hub_status"]
    if cell.status not in labels:
        labels[cell.status] = render_to_string("lms/hub/_status.html", {"cell": cell})
    return labels[cell.status]
