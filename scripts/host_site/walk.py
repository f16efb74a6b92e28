"""A short walk through Hub Academy on a `wagtail start` site with Django's own
User: a learner enrols in a one-module course, completes it and gets the
certificate, which /verify/<code>/ shows; a hub manager assigns the course to
a role with a due date in the admin and invites a new colleague, who
chooses a password by the invitation's link; lms_daily runs; HR opens the completion
report, exports the learner's personal data and erases a throwaway person.
Each step goes through the site's real URLs, views and templates.

Run from the site's folder: python walk.py <project name>
"""

import json
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"{sys.argv[1]}.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Site  # noqa: E402

from certification.models import Certificate, Certification  # noqa: E402
from courses.models import CourseIndexPage, CoursePage, ModulePage  # noqa: E402
from lms.invitations import services as invitations  # noqa: E402
from lms.models import Invitation, Role, TrainingAssignment  # noqa: E402
from lms.organisation import services as organisation  # noqa: E402

# Hosts send their own requests; the test client is told this site's name.
HOST = {"HTTP_HOST": "localhost"}


def step(text):
    print(f"walk: {text}")


def expect(response, status=200, contains=()):
    body = response.content.decode()
    if response.status_code != status:
        sys.exit(
            f"walk: {response.request['PATH_INFO']} answered "
            f"{response.status_code}, not {status}:\n{body[:2000]}"
        )
    for text in contains:
        if text not in body:
            sys.exit(f"walk: {response.request['PATH_INFO']} lacks {text!r}")
    return body


step("a catalogue, a one-module course and a certification that requires it")
home = Site.objects.get(is_default_site=True).root_page
catalogue = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
course = catalogue.add_child(
    instance=CoursePage(
        title="Webcare basics",
        slug="webcare",
        summary="Answer the public online.",
        estimated_minutes=20,
    )
)
module = course.add_child(
    instance=ModulePage(
        title="Answering a complaint",
        slug="complaint",
        body=[("text", "<p>Thank them, then help.</p>")],
    )
)
for page in (catalogue, course, module):
    page.save_revision().publish()
webcare = Certification.objects.create(name="Webcare", validity_months=24)
webcare.courses.add(course)

step("a learner who is a stock Django User enrols and completes the course")
learner = User.objects.create_user(
    "sanne", "sanne@example.org", first_name="Sanne", last_name="de Vries"
)
client = Client(**HOST)
client.force_login(learner)
expect(client.get("/courses/"), contains=["Webcare basics"])
expect(client.get(course.url), contains=["Enrol"])
expect(client.post(reverse("lms:enrol", args=[course.pk])), status=302)
expect(client.get(module.url), contains=["Answering a complaint"])
expect(client.post(reverse("lms:complete_module", args=[module.pk])), status=302)
expect(client.get(reverse("lms:my_learning")), contains=["Webcare basics"])

step("the certificate is issued, and /verify/<code>/ shows it to anyone")
certificate = Certificate.objects.get(holder=learner, certification=webcare)
expect(
    Client(**HOST).get(reverse("certification:verify", args=[certificate.code])),
    contains=["Sanne de Vries", "Webcare"],
)

step("a hub manager assigns the course to a role with a due date")
hub = organisation.create_unit(name="Hub")
agent = Role.objects.create(name="Webcare agent")
colleague = User.objects.create_user(
    "daan", "daan@example.org", first_name="Daan", last_name="Meijer"
)
organisation.join_role(user=colleague, unit=hub, role=agent)
manager = User.objects.create_user(
    "mehmet", "mehmet@example.org", first_name="Mehmet", last_name="Yilmaz"
)
manager.groups.add(Group.objects.get(name="Hub managers"))
hub.managers.add(manager)
client = Client(**HOST)
client.force_login(manager)
expect(client.get("/admin/hub/"), contains=["Hub"])
form = {
    "course": course.pk,
    "target": "role",
    "role": agent.pk,
    "unit": "",
    "include_subunits": "on",
    "due_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
    "reason": "New in the team",
    "token": "0f5f3b7e-4a4c-4d4e-9d6e-1b2c3d4e5f60",
}
assign = reverse("hub_assignments:assign")
expect(client.get(assign), contains=["Webcare basics"])
expect(client.post(assign, form), contains=["Daan Meijer"])
expect(client.post(assign, {**form, "confirm": "1"}), status=302)
assignment = TrainingAssignment.objects.get(user=colleague, course=course)
assert assignment.due_on == timezone.localdate() + timedelta(days=30)

step("the manager invites a new colleague, who chooses a password by the link")
newcomer = User.objects.create_user("tom", "tom@example.org", first_name="Tom")
newcomer.set_unusable_password()
newcomer.save()
organisation.join_role(user=newcomer, unit=hub, role=agent)
invite = reverse("hub_people:invite", args=[newcomer.pk])
expect(client.get(invite), contains=["tom@example.org"])
expect(client.post(invite), status=302)
link = invitations.link(Invitation.objects.get(user=newcomer))
browser = Client(**HOST)
page = browser.get(link)
expect(page, status=302)
expect(browser.get(page["Location"]), contains=["Welcome, Tom"])
chosen = {"new_password1": "walk-pass-phrase-9", "new_password2": "walk-pass-phrase-9"}
expect(browser.post(page["Location"], chosen), status=302)
expect(browser.get(reverse("lms:my_learning")), contains=["My learning"])
newcomer.refresh_from_db()
assert newcomer.check_password(chosen["new_password1"])
expect(Client(**HOST).get(link), status=410, contains=["used already"])

step("lms_daily runs")
call_command("lms_daily")

step("HR opens the completion report in the admin")
hr = User.objects.create_user("ingrid", "ingrid@example.org", first_name="Ingrid")
hr.groups.add(Group.objects.get(name="HR"))
client = Client(**HOST)
client.force_login(hr)
expect(client.get(reverse("hub_reports_completion")), contains=["Daan Meijer"])
expect(client.get(reverse("hub_certificates:index")), contains=["Sanne de Vries"])
step("HR exports the learner's personal data and erases a throwaway person")
expect(
    client.get(reverse("hub_personal_data:person", args=[learner.pk])),
    contains=["Sanne de Vries", "sanne@example.org"],
)
document = json.loads(
    expect(client.post(reverse("hub_personal_data:export", args=[learner.pk])))
)
profile = document["profile"]
if (profile["name"], profile["username"]) != ("Sanne de Vries", "sanne"):
    sys.exit(f"walk: the export names someone else: {profile}")
if not document["certificates"]:
    sys.exit("walk: the export lacks the learner's certificate")
throwaway = User.objects.create_user(
    "pieter", "pieter@example.org", first_name="Pieter", last_name="Bakker"
)
erase = reverse("hub_personal_data:erase", args=[throwaway.pk])
expect(client.get(erase), contains=["Pieter Bakker"])
expect(client.post(erase, {"confirmation": "pieter@example.org"}), status=302)
throwaway.refresh_from_db()
row = " ".join(
    str(getattr(throwaway, field))
    for field in ("username", "first_name", "last_name", "email")
)
if "pieter" in row.lower() or "bakker" in row.lower() or throwaway.is_active:
    sys.exit(f"walk: the erased row still names its person: {row}")
expect(
    client.get(reverse("hub_personal_data:index"), {"q": "erased"}),
    contains=[f"Erased person #{throwaway.pk}"],
)
step("done: the host site serves the catalogue, certificates and the Hub")
