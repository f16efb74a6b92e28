from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from courses.blocks import INTERACTIVE_BLOCK_TYPES, ModuleBodyBlock
from courses.layout import page_context


class Topic(TranslatableMixin, models.Model):
    """A subject area such as webcare or crisis communication (a snippet)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="courses_topic_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name


class LearnerPage(Page):
    """A page of the plugins: rendered inside the host's base template."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **page_context()}


class CourseIndexPage(LearnerPage):
    """The catalogue: every live course below it, filterable by topic."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    # Any page by default: the host site decides where its catalogue goes
    # and may narrow it with a setting (the demo site: its home page).
    parent_page_types = getattr(settings, "COURSES_CATALOGUE_PARENT_PAGE_TYPES", None)
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = (
            CoursePage.objects.live()
            .public()
            .child_of(self)
            .select_related("topic")
            .order_by("title")
        )
        topics = Topic.objects.filter(
            locale=self.locale, courses__in=courses
        ).distinct()
        query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
        if query:
            courses = courses.filter(
                models.Q(title__icontains=query) | models.Q(summary__icontains=query)
            )
        selected = request.GET.get("topic", "")
        if selected:
            # Only a topic of the list: anything else (a null character
            # included, which PostgreSQL cannot compare) matches no course.
            known = {topic.slug: topic.pk for topic in topics}
            courses = (
                courses.filter(topic_id=known[selected])
                if selected in known
                else courses.none()
            )
        context.update(
            courses=courses, topics=topics, selected_topic=selected, query=query
        )
        return context

    def route(self, request, path_components):
        # The course as its own model, with its topic, in one query: Wagtail's
        # route takes two (the page, then its specific row) and the template a
        # third for the topic.
        if path_components:
            course = (
                CoursePage.objects.child_of(self)
                .select_related("topic")
                .filter(slug=path_components[0])
                .first()
            )
            if course is not None:
                course._cached_parent_obj = self  # the breadcrumb's parent
                return course.route(request, path_components[1:])
        return super().route(request, path_components)


class CoursePage(LearnerPage):
    """A course: what it teaches, how long it takes, and its modules below it."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="courses",
        null=True,
        blank=True,
    )
    summary = models.TextField(_("summary"), max_length=500)
    learning_objectives = StreamField(
        [
            (
                "objective",
                blocks.CharBlock(label=_("Objective"), max_length=300, icon="tick"),
            )
        ],
        verbose_name=_("learning objectives"),
        blank=True,
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=30, validators=[MinValueValidator(1)]
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level, default=Level.BEGINNER
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The quiz score, in percent, that a learner needs to pass."),
    )
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Learners may enrol themselves; otherwise only by assignment."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("level"), FieldPanel("estimated_minutes")],
            heading=_("About the course"),
        ),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("self_enrolment")],
            heading=_("Taking part"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("level"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_canonical(self) -> "CoursePage":
        """The first-created translation: where learner records point.

        Stable whatever locales are added later, unlike "the default locale's".
        """
        return (
            CoursePage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
            or self
        )

    def get_modules(self):
        """The live modules of this course in tree order."""
        return ModulePage.objects.live().child_of(self).order_by("path")

    def route(self, request, path_components):
        # The module as its own model in one query, as CourseIndexPage.route.
        if path_components:
            module = (
                ModulePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if module is not None:
                module._cached_parent_obj = self  # its course, without a query
                return module.route(request, path_components[1:])
        return super().route(request, path_components)


class ModulePage(LearnerPage):
    """A module: the unit of progress, with reading, quizzes and scenarios."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MinValueValidator(1)]
    )
    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_course(self) -> CoursePage:
        parent = getattr(self, "_cached_parent_obj", None)  # set by routing
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.parent_of(self).get()

    def get_canonical(self) -> "ModulePage":
        """This module's translation under the course's original: where records point."""
        return self.get_canonical_with_course()[0]

    def get_canonical_with_course(self) -> tuple["ModulePage", CoursePage]:
        """This module's canonical translation and the course's (get_canonical).

        One query when the module is the original already, as it mostly is.
        """
        parent_path = self.path[: -self.steplen]
        course = (
            CoursePage.objects.filter(
                translation_key__in=CoursePage.objects.filter(path=parent_path).values(
                    "translation_key"
                )
            )
            .order_by("pk")
            .first()
        )
        if course is None:
            raise CoursePage.DoesNotExist("A module's parent is a course.")
        if course.path == parent_path:
            return self, course
        return self.get_translation_or_none(course.locale_id) or self, course

    def interactive_blocks(self):
        """The quiz and scenario blocks a learner must finish, in order."""
        return [
            block for block in self.body if block.block_type in INTERACTIVE_BLOCK_TYPES
        ]

    def find_block(self, block_id: str, block_type: str):
        """The block of that id and type, or None."""
        for block in self.body:
            if block.id == block_id and block.block_type == block_type:
                return block
        return None

    def get_next_module(self) -> "ModulePage | None":
        """The next live module of the same course, or None after the last."""
        return (
            ModulePage.objects.live()
            .sibling_of(self)
            .filter(path__gt=self.path)
            .order_by("path")
            .only("id", "path", "title", "url_path")
            .first()
        )

    def get_outline(self) -> "ModuleOutline":
        """The live modules of this module's course, in one query: where this
        one stands among them ("module 2 of 3"), and the ones on either side."""
        modules = list(
            ModulePage.objects.live()
            .sibling_of(self)
            .order_by("path")
            .only("id", "path", "title", "url_path")
        )
        index_ = next((i for i, page in enumerate(modules) if page.pk == self.pk), None)
        return ModuleOutline(modules=modules, index=index_)


@dataclass(frozen=True)
class ModuleOutline:
    """A course's modules as a module page shows them."""

    modules: list
    index: int | None  # of the module shown; None when it is not live

    @property
    def position(self) -> int | None:
        return None if self.index is None else self.index + 1

    @property
    def previous(self):
        if not self.index:
            return None
        return self.modules[self.index - 1]

    @property
    def following(self):
        if self.index is None or self.index + 1 >= len(self.modules):
            return None
        return self.modules[self.index + 1]

    @property
    def is_last(self) -> bool:
        return self.index is not None and self.index + 1 == len(self.modules)
