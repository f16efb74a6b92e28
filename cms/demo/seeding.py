"""Builds the demo site from cms.demo.content; every step finds before it creates."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site, Task, Workflow

from cms.demo.certificates import seed_certificates
from cms.demo.content import COURSES, TOPICS
from cms.demo.hub import seed_hub
from cms.demo.learners import stable_id, work_through
from cms.demo.statement import STATEMENT
from cms.models import AccessibilityStatementPage, HomePage
from courses.models import CourseIndexPage, CoursePage, ModulePage, Topic
from lms.learning import services

LANGUAGES = ("nl", "en")

HOME = {
    "title": {"nl": "Hub Academy", "en": "Hub Academy"},
    "intro": {
        "nl": "Leer en oefen alles wat je nodig hebt voor je rol in de social media hub: "
        "webcare, crisiscommunicatie, personal branding, engagement en recruitment.",
        "en": "Learn and practise everything your role in the social media hub asks of "
        "you: webcare, crisis communication, personal branding, engagement and recruitment.",
    },
}
CATALOGUE = {
    "title": {"nl": "Cursussen", "en": "Courses"},
    "intro": {
        "nl": "<p>Kies een onderwerp en begin wanneer het jou uitkomt.</p>",
        "en": "<p>Pick a topic and start whenever it suits you.</p>",
    },
}

DEMO_USERS = [
    ("learner@example.org", "Sanne de Vries", "nl"),
    ("manager@example.org", "Mehmet Yilmaz", "nl"),
    ("hr@example.org", "Ingrid Bakker", "nl"),
    ("editor@example.org", "Joost van Dam", "nl"),
    ("moderator@example.org", "Fatima El Amrani", "nl"),
]
HALF_DONE_COURSE = "webcare-basis"
# Wagtail names the workflow it makes for the Moderators group, and its one
# task, in English; a workflow has one name, and the demo's editors read
# Dutch ("Stuur door naar Goedkeuring door moderatoren").
WAGTAIL_WORKFLOW = "Moderators approval"
WORKFLOW = "Goedkeuring door moderatoren"


def _publish(page):
    page.save_revision(log_action=False).publish(log_action=False)


def _child(parent, model, slug, locale, translation_of=None, **fields):
    """The child of that slug and locale under parent, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if existing:
        return existing
    page = model(slug=slug, locale=locale, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    _publish(page)
    return page


def _translated_pages(parent_by_language, model, slug, fields_for):
    """A page in Dutch and its English translation; fields_for(language) gives the fields."""
    pages = {}
    for language in LANGUAGES:
        pages[language] = _child(
            parent_by_language[language],
            model,
            slug,
            Locale.objects.get(language_code=language),
            translation_of=pages.get("nl"),
            **fields_for(language),
        )
    return pages


def _homes():
    root = Page.get_first_root_node()
    # Wagtail's installation page holds the slug "home"; the demo home replaces it.
    for page in Page.objects.child_of(root).filter(content_type__model="page"):
        page.delete()
    homes = {}
    for language in LANGUAGES:
        homes[language] = _child(
            root,
            HomePage,
            # Siblings need distinct slugs; a root page's slug is not in any URL.
            "home" if language == "nl" else f"home-{language}",
            Locale.objects.get(language_code=language),
            translation_of=homes.get("nl"),
            title=HOME["title"][language],
            intro=HOME["intro"][language],
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=homes["nl"],
            is_default_site=True,
            site_name="Hub Academy",
        )
    elif site.root_page_id != homes["nl"].pk:
        site.root_page = homes["nl"]
        site.site_name = "Hub Academy"
        site.save()
    return homes


def _topics():
    topics = {}
    for entry in TOPICS:
        original = None
        for language in LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            topic = Topic.objects.filter(slug=entry["slug"], locale=locale).first()
            if topic is None:
                topic = Topic(
                    slug=entry["slug"],
                    name=entry[language],
                    description=entry["description"][language],
                    locale=locale,
                )
                if original is not None:
                    topic.translation_key = original.translation_key
                topic.save()
            original = original or topic
            topics[entry["slug"], language] = topic
    return topics


def _block(raw, language, *path):
    """One content block as Wagtail's raw stream data in one language."""
    kind = raw["type"]
    block_id = stable_id(*path)
    if kind == "text":
        value = raw["html"][language]
    elif kind == "callout":
        value = {
            "kind": raw["kind"],
            "title": raw["title"][language],
            "text": raw["text"][language],
        }
    elif kind == "scenario":
        value = {
            "channel": raw["channel"],
            **{
                key: raw[key][language]
                for key in (
                    "title",
                    "author",
                    "situation",
                    "task",
                    "guidance",
                    "model_answer",
                )
            },
        }
    elif kind == "quiz":
        value = {
            "title": raw["title"][language],
            "intro": raw["intro"][language],
            "questions": [
                {
                    "type": "item",
                    "id": stable_id(*path, "q", q_index),
                    "value": {
                        "text": question["text"][language],
                        "kind": question["kind"],
                        "choices": [
                            {
                                "type": "item",
                                "id": stable_id(*path, "q", q_index, "c", c_index),
                                "value": {
                                    "text": choice["text"][language],
                                    "correct": choice["correct"],
                                    "explanation": choice["explanation"][language],
                                },
                            }
                            for c_index, choice in enumerate(question["choices"])
                        ],
                    },
                }
                for q_index, question in enumerate(raw["questions"])
            ],
        }
    else:
        raise ValueError(f"Unknown demo block type {kind!r}")
    return {"type": kind, "id": block_id, "value": value}


def _courses(catalogues, topics):
    courses = {}
    for course in COURSES:
        pages = _translated_pages(
            catalogues,
            CoursePage,
            course["slug"],
            lambda language, course=course: {
                "title": course["title"][language],
                "summary": course["summary"][language],
                "topic": topics[course["topic"], language],
                "level": course["level"],
                "estimated_minutes": course["estimated_minutes"],
                "pass_mark": course["pass_mark"],
                "learning_objectives": [
                    {
                        "type": "objective",
                        "id": stable_id(course["slug"], "objective", index),
                        "value": objective[language],
                    }
                    for index, objective in enumerate(course["objectives"])
                ],
            },
        )
        for module in course["modules"]:
            _translated_pages(
                pages,
                ModulePage,
                module["slug"],
                lambda language, module=module, course=course: {
                    "title": module["title"][language],
                    "intro": module["intro"][language],
                    "estimated_minutes": module["minutes"],
                    "body": [
                        _block(raw, language, course["slug"], module["slug"], index)
                        for index, raw in enumerate(module["body"])
                    ],
                },
            )
        courses[course["slug"]] = pages["nl"]
    return courses


def _users(password: str):
    User = get_user_model()
    users = {}
    for email, name, language in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"name": name, "language": language}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        users[email] = user
    # Editors may keep the topics (a migration of courses grants it).
    users["editor@example.org"].groups.add(Group.objects.get(name="Editors"))
    # Editors submit; the moderator approves and publishes (the moderators'
    # workflow on every page, _workflow).
    users["moderator@example.org"].groups.add(Group.objects.get(name="Moderators"))
    return users


def _workflow():
    """Wagtail's moderation workflow and its task, named in Dutch."""
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW).update(name=WORKFLOW)
    Task.objects.filter(name=WAGTAIL_WORKFLOW).update(name=WORKFLOW)


def _half_done(learner, course: CoursePage):
    """Finish the first half of a course's modules the way a learner would."""
    services.enrol(user=learner, course=course)
    modules = list(course.get_modules())
    for module in modules[: len(modules) // 2]:
        work_through(learner, module, token_prefix="demo")


def _statement(language):
    return {
        key: value[language] if isinstance(value, dict) else value
        for key, value in STATEMENT.items()
    }


@transaction.atomic
def seed(password: str) -> dict:
    """Create whatever of the demo is missing; return the demo users."""
    homes = _homes()
    catalogues = _translated_pages(
        homes,
        CourseIndexPage,
        "courses",
        lambda language: {
            "title": CATALOGUE["title"][language],
            "intro": CATALOGUE["intro"][language],
        },
    )
    _translated_pages(homes, AccessibilityStatementPage, "toegankelijkheid", _statement)
    topics = _topics()
    courses = _courses(catalogues, topics)
    users = _users(password)
    _workflow()
    seed_hub(users, password)
    seed_certificates(users)
    _half_done(users["learner@example.org"], courses[HALF_DONE_COURSE])
    return users
