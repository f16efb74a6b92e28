"""Test data: users with factory_boy, pages built the way editors build them."""

import uuid

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, ModulePage, Topic


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)


def block_id() -> str:
    return str(uuid.uuid4())


def choice(text, correct=False, explanation="Because."):
    return {
        "type": "item",
        "id": block_id(),
        "value": {"text": text, "correct": correct, "explanation": explanation},
    }


def question(text="Which?", kind="single", choices=None):
    choices = choices or [choice("Right", True), choice("Wrong"), choice("Also wrong")]
    return {
        "type": "item",
        "id": block_id(),
        "value": {"text": text, "kind": kind, "choices": choices},
    }


def quiz_block(*questions, title="Quiz"):
    questions = questions or (question(),)
    return {
        "type": "quiz",
        "id": block_id(),
        "value": {"title": title, "intro": "", "questions": list(questions)},
    }


def scenario_block(title="An angry post"):
    return {
        "type": "scenario",
        "id": block_id(),
        "value": {
            "title": title,
            "channel": "twitter",
            "author": "@angry",
            "situation": "The bins have not been emptied for three weeks!",
            "task": "Write a reply.",
            "guidance": "Acknowledge and act.",
            "model_answer": "Sorry to hear that; we will send someone today.",
        },
    }


def text_block(html="<p>Read this.</p>"):
    return {"type": "text", "id": block_id(), "value": html}


def correct_answers(block_value) -> dict[str, list[str]]:
    """The right answers to every question of a quiz block value."""
    return {
        q.id: [c.id for c in q.value["choices"].bound_blocks if c.value["correct"]]
        for q in block_value["questions"].bound_blocks
    }


def wrong_answers(block_value) -> dict[str, list[str]]:
    return {
        q.id: [
            next(
                c.id for c in q.value["choices"].bound_blocks if not c.value["correct"]
            )
        ]
        for q in block_value["questions"].bound_blocks
    }


def make_catalogue(parent, slug="courses", locale=None, **fields):
    page = CourseIndexPage(title=fields.pop("title", "Courses"), slug=slug, **fields)
    if locale is not None:
        page.locale = locale
    return parent.add_child(instance=page)


def make_course(catalogue, bodies=None, slug=None, **fields):
    """A live course with one module per body (a list of raw blocks)."""
    bodies = (
        bodies
        if bodies is not None
        else [[text_block()], [quiz_block()], [scenario_block()]]
    )
    slug = slug or f"course-{uuid.uuid4().hex[:8]}"
    course = catalogue.add_child(
        instance=CoursePage(
            title=fields.pop("title", slug.title()),
            slug=slug,
            summary=fields.pop("summary", "A course."),
            **fields,
        )
    )
    for index, body in enumerate(bodies, start=1):
        course.add_child(
            instance=ModulePage(
                title=f"Module {index}", slug=f"module-{index}", body=body
            )
        )
    return course
