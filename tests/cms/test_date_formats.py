"""Dates in tables: the month abbreviated, in lower case in Dutch."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from lms.assignments import services as assignments
from lms.models import TrainingAssignment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, october, may",
    [
        ("nl", "12 okt 2030", "3 mei 2031 09:30"),
        ("en", "12 Oct 2030", "3 May 2031 09:30"),
    ],
)
def test_the_short_formats_abbreviate_the_month_as_the_language_writes_it(
    language, october, may
):
    moment = datetime(2031, 5, 3, 9, 30)
    with translation.override(language):
        assert date_format(date(2030, 10, 12), "SHORT_DATE_FORMAT") == october
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == may


def test_a_dutch_admin_table_writes_the_month_in_lower_case(client, hub, course):
    hub.manager.language = "nl"
    hub.manager.save()
    profile = UserProfile.get_for_user(hub.manager)
    profile.preferred_language = "nl"
    profile.save()
    assignments.assign_course(
        by=hub.manager,
        course=course,
        due_on=timezone.localdate() + timedelta(days=7),
        reason="x",
        target="person",
        person=hub.learner,
    )
    TrainingAssignment.objects.filter(user=hub.learner).update(
        due_on=date(2030, 10, 12)
    )
    client.force_login(hub.manager)
    html = client.get(reverse("hub_assignments:index")).content.decode()
    assert "<td>12 okt 2030</td>" in html
    assert "Okt" not in html
