"""The benchmark's Wagtail pages, created the proper way (revisions,
publishing): a home page, the catalogue, 12 courses of 8 modules.

Modules 4 and 8 of every course end with a quiz; the others are reading
only, so that a learner can complete them with one post (the throughput
scenario).
"""

import uuid
from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, ModulePage, Topic

COURSES = 12
MODULES_PER_COURSE = 8
# Positions (0-based) of the modules that hold a quiz.
QUIZ_POSITIONS = (3, 7)
TOPICS = ["Webcare", "Crisiscommunicatie", "Engagement", "Personal branding"]

PARAGRAPH = (
    "<p>Een inwoner stelt een vraag onder een bericht van de gemeente. "
    "Reageer binnen de servicenorm, noem je voornaam en verwijs naar de "
    "juiste afdeling als je het antwoord zelf niet weet. Houd de toon "
    "vriendelijk en zakelijk, ook als de vraag dat niet is.</p>"
)


@dataclass(frozen=True)
class QuizSpec:
    """What a synthetic quiz attempt needs to know of a module's quiz."""

    block_id: str
    # question id -> (correct choice id, a wrong choice id)
    questions: dict[str, tuple[str, str]]


def _id(*parts) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "bench/" + "/".join(map(str, parts))))


def _quiz(course: int, module: int) -> tuple[dict, QuizSpec]:
    questions, spec = [], {}
    for q in range(3):
        right, wrong = _id(course, module, q, "right"), _id(course, module, q, "wrong")
        question_id = _id(course, module, q)
        spec[question_id] = (right, wrong)
        questions.append(
            {
                "type": "item",
                "id": question_id,
                "value": {
                    "text": f"Vraag {q + 1}: wat doe je als eerste?",
                    "kind": "single",
                    "choices": [
                        {
                            "type": "item",
                            "id": right,
                            "value": {
                                "text": "Reageren binnen de servicenorm.",
                                "correct": True,
                                "explanation": "Snel en persoonlijk.",
                            },
                        },
                        {
                            "type": "item",
                            "id": wrong,
                            "value": {
                                "text": "Het bericht verbergen.",
                                "correct": False,
                                "explanation": "Dat wekt wantrouwen.",
                            },
                        },
                    ],
                },
            }
        )
    block_id = _id(course, module, "quiz")
    block = {
        "type": "quiz",
        "id": block_id,
        "value": {"title": "Test je kennis", "intro": "", "questions": questions},
    }
    return block, QuizSpec(block_id=block_id, questions=spec)


def _body(course: int, module: int) -> tuple[list, QuizSpec | None]:
    body = [
        {"type": "text", "id": _id(course, module, "text"), "value": PARAGRAPH * 4},
        {
            "type": "callout",
            "id": _id(course, module, "callout"),
            "value": {
                "kind": "tip",
                "title": "Tip",
                "text": "Noem altijd je voornaam onder een reactie.",
            },
        },
        {"type": "text", "id": _id(course, module, "more"), "value": PARAGRAPH * 2},
    ]
    if module not in QUIZ_POSITIONS:
        return body, None
    block, spec = _quiz(course, module)
    return [*body, block], spec


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


@dataclass
class Content:
    home: HomePage
    courses: list[CoursePage]
    # per course, its modules in order
    modules: list[list[ModulePage]]
    # module id -> its quiz
    quizzes: dict[int, QuizSpec]


def build_content() -> Content:
    """The home page, the catalogue, the topics and the courses with modules."""
    locale = Locale.get_default()
    root = Page.get_first_root_node()
    # Wagtail's installation page holds the slug "home".
    for page in Page.objects.child_of(root):
        page.delete()
    home = HomePage(
        title="Hub Academy",
        slug="home",
        locale=locale,
        intro="Leer en oefen alles wat je rol in de social media hub vraagt.",
    )
    root.add_child(instance=home)
    home.save_revision(log_action=False).publish(log_action=False)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Hub Academy",
    )
    catalogue = _publish(
        home,
        CourseIndexPage(
            title="Cursussen", slug="courses", locale=locale, intro="<p>Kies.</p>"
        ),
    )
    topics = [
        Topic.objects.create(
            name=name, slug=name.lower().replace(" ", "-"), locale=locale
        )
        for name in TOPICS
    ]
    courses, modules, quizzes = [], [], {}
    for c in range(COURSES):
        course = _publish(
            catalogue,
            CoursePage(
                title=f"Cursus {c + 1:02d}: webcare en crisis",
                slug=f"cursus-{c + 1:02d}",
                locale=locale,
                topic=topics[c % len(topics)],
                summary="Wat je leert, hoe lang het duurt en wat je oefent.",
                learning_objectives=[
                    {"type": "objective", "id": _id(c, "o", i), "value": f"Doel {i}"}
                    for i in range(3)
                ],
                estimated_minutes=90,
                self_enrolment=True,
            ),
        )
        course_modules = []
        for m in range(MODULES_PER_COURSE):
            body, quiz = _body(c, m)
            module = _publish(
                course,
                ModulePage(
                    title=f"Module {m + 1}",
                    slug=f"module-{m + 1}",
                    locale=locale,
                    intro="Wat deze module behandelt.",
                    estimated_minutes=10,
                    body=body,
                ),
            )
            course_modules.append(module)
            if quiz is not None:
                quizzes[module.pk] = quiz
        courses.append(course)
        modules.append(course_modules)
    return Content(home=home, courses=courses, modules=modules, quizzes=quizzes)


def load_content() -> Content:
    """The pages of a benchmark database built earlier (--reuse)."""
    home = HomePage.objects.get(slug="home")
    courses = list(CoursePage.objects.order_by("path"))
    modules = [list(course.get_modules()) for course in courses]
    # The ids are derived from the positions, so the quizzes are as built.
    quizzes = {
        module.pk: _quiz(c, m)[1]
        for c, course_modules in enumerate(modules)
        for m, module in enumerate(course_modules)
        if m in QUIZ_POSITIONS
    }
    return Content(home=home, courses=courses, modules=modules, quizzes=quizzes)
