"""Deleting what learner records point at is refused, with a page that says why.

Learner records protect what they are about (a course's enrolments, a role's
memberships, a certification's certificates, a person's certificates), so
that history is never lost with a click. Wagtail's delete screens know only
its reference index, which leaves these records out, and would fail with a
server error; these checks run first and change nothing.
"""

from collections import Counter

from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from wagtail.models import Page


def protecting_records(objects) -> list:
    """The records that stop the objects (with all they cascade to) from
    being deleted; empty when they may be deleted."""
    objects = list(objects)
    if not objects:
        return []
    collector = Collector(using=router.db_for_write(type(objects[0])))
    try:
        collector.collect(objects)
    except ProtectedError as error:
        return list(error.protected_objects)
    except RestrictedError as error:
        return list(error.restricted_objects)
    return []


def pages_with_descendants(pages):
    """Deleting a page deletes its subtree: every page of it, to check."""
    paths = [page.path for page in pages]
    matching = Page.objects.none()
    for path in paths:
        matching |= Page.objects.filter(path__startswith=path)
    return matching


def refusal(request, objects, *, shown=None, back_url: str = ""):
    """A 400 page naming what protects the objects, or None if nothing does.

    ``shown`` are the objects to name (the pages chosen, not their subtrees).
    Only counts by kind are shown of the records: they are other people's.
    """
    protecting = protecting_records(objects)
    if not protecting:
        return None
    counts = Counter(
        capfirst(record._meta.verbose_name_plural) for record in protecting
    )
    back_url = back_url or request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back_url = ""
    return TemplateResponse(
        request,
        "lms/admin/cannot_delete.html",
        {
            "objects": [str(obj) for obj in (shown or objects)][:10],
            "counts": sorted(counts.items()),
            "back_url": back_url,
        },
        status=400,
    )


class ProtectedDeleteMixin:
    """For a ModelViewSet's delete view: refuse what learner records protect."""

    def get_objects_to_check(self):
        """What deleting the object deletes with it (a tree node: its subtree)."""
        return [self.object]

    def run_before_hook(self):
        if self.request.method == "POST":
            response = refusal(
                self.request, self.get_objects_to_check(), shown=[self.object]
            )
            if response is not None:
                return response
        return super().run_before_hook()
