import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from courses.blocks import ModuleBodyBlock, QuestionBlock
from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.factories import choice, make_course, quiz_block, text_block


class PageTypeRulesTests(WagtailPageTestCase):
    def test_catalogue_holds_courses_only(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CourseIndexPage, {Page, HomePage})

    def test_course_holds_modules_only(self):
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})

    def test_module_is_a_leaf_below_a_course(self):
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})


def test_question_needs_a_correct_answer_and_single_means_one():
    block = QuestionBlock()
    none_right = block.to_python(
        {"text": "?", "kind": "single", "choices": [choice("a"), choice("b")]}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(none_right)
    two_right = block.to_python(
        {
            "text": "?",
            "kind": "single",
            "choices": [choice("a", True), choice("b", True)],
        }
    )
    with pytest.raises(ValidationError):
        block.clean(two_right)
    two_right["kind"] = "multiple"
    assert block.clean(two_right)


def test_every_block_has_an_icon_a_template_and_a_preview():
    for name, child in ModuleBodyBlock().child_blocks.items():
        assert child.meta.icon, name
        assert child.meta.template, name
        assert child.get_description(), name


@pytest.mark.django_db
def test_module_pages_render_every_block_type(client, catalogue):
    course = make_course(catalogue, bodies=[[text_block("<p>Hello</p>"), quiz_block()]])
    module = course.get_modules().get()
    response = client.get(module.url)
    assert response.status_code == 200
    assert "Hello" in response.content.decode()
    assert "Quiz" in response.content.decode()


@pytest.mark.django_db
def test_catalogue_filters_by_topic(client, catalogue):
    from tests.factories import TopicFactory

    webcare, crisis = TopicFactory(slug="webcare"), TopicFactory(slug="crisis")
    make_course(catalogue, title="Answering posts", topic=webcare)
    make_course(catalogue, title="When it burns", topic=crisis)
    page = client.get(catalogue.url).content.decode()
    assert "Answering posts" in page and "When it burns" in page
    page = client.get(catalogue.url + "?topic=crisis").content.decode()
    assert "Answering posts" not in page and "When it burns" in page


@pytest.mark.django_db
def test_a_module_says_where_it_stands_and_leads_back_after_the_last(
    client, course, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    modules = list(course.get_modules())
    assert len(modules) == 3
    second = client.get(modules[1].url).content.decode()
    assert "Module 2 of 3" in second
    outline = second.split('id="outline-heading"')[1].split("</nav>")[0]
    for module in modules:
        assert module.title in outline
    assert f'<span aria-current="page">{modules[1].title}</span>' in outline
    assert f'href="{modules[2].url}" rel="next"' in second

    last = client.get(modules[2].url).content.decode()
    assert "Module 3 of 3" in last and 'rel="next"' not in last
    assert f'href="{course.url}">Back to the course: {course.title}' in last
