"""The demo hub: units, roles, about thirty people, assignments and reviews."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.demo.learners import work_through
from courses.models import CoursePage
from lms.learning import services
from lms.models import (
    OrgUnit,
    Role,
    RoleMembership,
    RoleRequirement,
)
from lms.organisation import services as organisation

SPOKES = ["Communicatie", "Marketing", "PR", "HR", "Klantcontact"]
TEAMS = {"Klantcontact": ["Webcare"]}

# name: (purpose, tasks, responsibilities, [(course slug, due within days)])
ROLES = {
    "Webcare-agent": (
        "Beantwoordt vragen en klachten van inwoners op sociale media.",
        "Monitoren, reageren binnen de servicenormen, doorzetten naar vakafdelingen.",
        "Toon en snelheid van de reacties; escaleren wat niet past.",
        [("webcare-basis", 30), ("crisiscommunicatie-hub", 60)],
    ),
    "Communitymanager": (
        "Bouwt online gemeenschappen rond projecten en wijken.",
        "Gesprekken starten, formats bedenken, inwoners laten meedenken.",
        "Een veilige, levendige community.",
        [("inwoners-betrekken-online", 30), ("webcare-basis", 45)],
    ),
    "Crisiscommunicatie-lead": (
        "Leidt de online communicatie tijdens incidenten en crises.",
        "Holding statements, afstemming met de crisisorganisatie, geruchten volgen.",
        "Snelle, juiste en eenduidige informatie.",
        [("crisiscommunicatie-hub", 30)],
    ),
    "Contentmaker": (
        "Maakt berichten, beeld en video voor alle kanalen.",
        "Contentkalender, formats, toegankelijke teksten en beeld.",
        "Kwaliteit en toegankelijkheid van de content.",
        [("inwoners-betrekken-online", 30), ("linkedin-voor-gemeentemedewerkers", 60)],
    ),
    "Social media champion": (
        "Collega in een vakafdeling die sociale media inzet voor het eigen werk.",
        "Posten over het eigen vak, signalen doorgeven aan de hub.",
        "Zichtbaarheid van het vakmanschap van de gemeente.",
        [("linkedin-voor-gemeentemedewerkers", 45)],
    ),
    "Hubmanager": (
        "Leidt de social media hub.",
        "Rollen beschrijven, mensen vinden en trainen, processen bewaken.",
        "Een hub die operationeel verantwoordelijk kan zijn.",
        [("crisiscommunicatie-hub", 30), ("werven-via-sociale-media", 60)],
    ),
}

FIRST = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Floor",
    "Gijs",
    "Hanneke",
    "Imane",
    "Jeroen",
    "Kim",
    "Lars",
    "Merel",
    "Noah",
    "Olga",
    "Pieter",
    "Quinten",
    "Roos",
    "Said",
    "Tess",
    "Umut",
    "Vera",
    "Wouter",
    "Xandra",
    "Yusuf",
    "Zoë",
    "Lotte",
    "Milan",
]
LAST = [
    "Jansen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Kaya",
]
# Where each demo person works, and in which role: (unit, role, days in the role)
PLACEMENTS = [
    ("Webcare", "Webcare-agent", 70),
    ("Webcare", "Webcare-agent", 12),
    ("Webcare", "Webcare-agent", 95),
    ("Webcare", "Webcare-agent", 5),
    ("Webcare", "Communitymanager", 40),
    ("Webcare", "Webcare-agent", 65),
    ("Klantcontact", "Social media champion", 80),
    ("Klantcontact", "Webcare-agent", 20),
    ("Communicatie", "Crisiscommunicatie-lead", 45),
    ("Communicatie", "Crisiscommunicatie-lead", 10),
    ("Communicatie", "Contentmaker", 75),
    ("Communicatie", "Contentmaker", 15),
    ("Communicatie", "Communitymanager", 90),
    ("Communicatie", "Social media champion", 30),
    ("Marketing", "Contentmaker", 50),
    ("Marketing", "Contentmaker", 8),
    ("Marketing", "Social media champion", 100),
    ("Marketing", "Communitymanager", 25),
    ("PR", "Crisiscommunicatie-lead", 120),
    ("PR", "Contentmaker", 35),
    ("PR", "Social media champion", 60),
    ("HR", "Social media champion", 55),
    ("HR", "Contentmaker", 18),
    ("HR", "Social media champion", 3),
    ("Hub", "Crisiscommunicatie-lead", 85),
    ("Hub", "Contentmaker", 22),
    ("Hub", "Communitymanager", 14),
    ("Hub", "Webcare-agent", 33),
]
# The demo people who finished a course, and those whose scenario answer waits.
FINISHED = {
    0: "webcare-basis",
    2: "webcare-basis",
    8: "crisiscommunicatie-hub",
    18: "crisiscommunicatie-hub",
}
WAITING_FOR_REVIEW = [1, 5, 7]


def _course(slug):
    return CoursePage.objects.filter(slug=slug).order_by("pk").first()


def _units():
    hub = OrgUnit.get_root_nodes().filter(
        name="Hub"
    ).first() or organisation.create_unit(
        name="Hub", description="Het centrale social media team."
    )
    units = {"Hub": hub}
    for spoke in SPOKES:
        unit = hub.get_children().filter(
            name=spoke
        ).first() or organisation.create_unit(name=spoke, parent=hub)
        units[spoke] = unit
        for team in TEAMS.get(spoke, []):
            units[team] = unit.get_children().filter(
                name=team
            ).first() or organisation.create_unit(name=team, parent=unit)
    return units


def _roles():
    roles = {}
    for name, (purpose, tasks, responsibilities, requirements) in ROLES.items():
        role, created = Role.objects.get_or_create(
            name=name,
            defaults={
                "purpose": purpose,
                "tasks": tasks,
                "responsibilities": responsibilities,
            },
        )
        if created:
            for slug, days in requirements:
                RoleRequirement.objects.create(
                    role=role, course=_course(slug), due_within_days=days
                )
        roles[name] = role
    return roles


def _place(user, unit, role, days_ago, by):
    if (
        not RoleMembership.objects.current()
        .filter(user=user, unit=unit, role=role)
        .exists()
    ):
        started = timezone.localdate() - timedelta(days=days_ago)
        organisation.join_role(
            user=user, unit=unit, role=role, started_on=started, by=by
        )


def seed_hub(users, password):
    """Build the hub around the demo users; whatever exists is left as it is."""
    User = get_user_model()
    manager, hr, learner = (
        users["manager@example.org"],
        users["hr@example.org"],
        users["learner@example.org"],
    )
    # The hub-wide manager also keeps the roles and certifications of the
    # whole organisation.
    manager.groups.add(
        Group.objects.get(name="Hub managers"),
        Group.objects.get(name="Training coordinators"),
    )
    hr.groups.add(Group.objects.get(name="HR"))
    units = _units()
    units["Hub"].managers.add(manager)
    roles = _roles()
    _place(manager, units["Hub"], roles["Hubmanager"], 200, by=manager)
    _place(learner, units["Webcare"], roles["Webcare-agent"], 10, by=manager)

    for index, (unit, role, days_ago) in enumerate(PLACEMENTS):
        first, last = FIRST[index], LAST[index]
        email = f"{first.lower()}.{last.lower().replace(' ', '')}@example.org".replace(
            "ë", "e"
        )
        person, created = User.objects.get_or_create(
            email=email, defaults={"name": f"{first} {last}", "language": "nl"}
        )
        if created:
            person.set_password(password)
            person.save()
        _place(person, units[unit], roles[role], days_ago, by=manager)
        if index in FINISHED:
            course = _course(FINISHED[index])
            services.enrol(user=person, course=course)
            for module in course.get_modules():
                work_through(
                    person, module, token_prefix="demo-finish", reviewer=manager
                )
        if index in WAITING_FOR_REVIEW:
            # Work up to the first scenario, whose answer then waits for review.
            course = _course("webcare-basis")
            services.enrol(user=person, course=course)
            for module in course.get_modules():
                work_through(person, module, token_prefix="demo-waiting")
                if any(b.block_type == "scenario" for b in module.interactive_blocks()):
                    break
    return units
