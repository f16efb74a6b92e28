"""What a learner has done, assembled for pages in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from lms.models import (
    CourseCompletion,
    Enrolment,
    ModuleProgress,
    QuizAttempt,
    ScenarioSubmission,
    TrainingAssignment,
)


def _percent(done: int, total: int) -> int:
    return (done * 100 // total) if total else 0


def localized_pages(model, pages):
    """The translation of each page in the active language, else the page itself."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    locale = Locale.get_active()
    translations = {
        page.translation_key: page
        for page in model.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


@dataclass
class LearningItem:
    enrolment: Enrolment
    course: CoursePage
    percent: int
    resume: ModulePage | None = None


def learning_overview(user) -> dict:
    """My learning: courses in progress with a resume link, and completed ones."""
    enrolments = list(
        Enrolment.objects.filter(user=user).with_progress().select_related("course")
    )
    courses = [enrolment.course for enrolment in enrolments]
    active = [enrolment for enrolment in enrolments if not enrolment.is_completed]
    condition = Q()
    for enrolment in active:
        condition |= Q(
            path__startswith=enrolment.course.path, depth=enrolment.course.depth + 1
        )
    modules = (
        list(ModulePage.objects.live().filter(condition).order_by("path"))
        if active
        else []
    )
    done = set(
        ModuleProgress.objects.filter(
            enrolment__in=active, cycle=F("enrolment__cycle")
        ).values_list("enrolment_id", "module_id")
    )
    next_module = {}
    for enrolment in active:
        for module in modules:
            if (
                module.path.startswith(enrolment.course.path)
                and (enrolment.pk, module.pk) not in done
            ):
                next_module[enrolment.pk] = module
                break
    course_names = localized_pages(CoursePage, courses)
    module_names = localized_pages(ModulePage, list(next_module.values()))
    in_progress, completed = [], []
    for enrolment in enrolments:
        item = LearningItem(
            enrolment=enrolment,
            course=course_names[enrolment.course.pk],
            percent=_percent(enrolment.modules_done, enrolment.modules_total or 0),
        )
        if enrolment.is_completed:
            completed.append(item)
        else:
            module = next_module.get(enrolment.pk)
            item.resume = module_names[module.pk] if module else None
            in_progress.append(item)
    completed.sort(key=lambda item: item.enrolment.completed_at, reverse=True)
    assignments = _assigned_to(
        user, {item.enrolment.course_id: item for item in in_progress}
    )
    listed = {a.course_id for a in assignments["required"] + assignments["assigned"]}
    return {
        # Courses that are required or assigned show there, with their due date.
        "in_progress": [
            item for item in in_progress if item.enrolment.course_id not in listed
        ],
        "completed": completed,
        **assignments,
    }


def _assigned_to(user, items_by_course) -> dict:
    """Open assignments, overdue first, split into required for roles and other."""
    today = timezone.localdate()
    assignments = list(
        TrainingAssignment.objects.current()
        .filter(user=user)
        .with_status(today)
        .exclude(status__in=["completed", "exempt"])
        .select_related("course", "assigned_by")
    )
    assignments.sort(key=lambda a: (a.status != "overdue", a.effective_due))
    titles = localized_pages(
        CoursePage, [assignment.course for assignment in assignments]
    )
    for assignment in assignments:
        assignment.localized_course = titles[assignment.course.pk]
        assignment.item = items_by_course.get(assignment.course_id)
    return {
        "required": [
            a for a in assignments if a.source == TrainingAssignment.Source.ROLE
        ],
        "assigned": [
            a for a in assignments if a.source != TrainingAssignment.Source.ROLE
        ],
    }


@dataclass
class ModuleLine:
    page: ModulePage
    done: bool


@dataclass
class CourseProgress:
    enrolment: Enrolment | None
    modules: list[ModuleLine] = field(default_factory=list)

    @property
    def done_count(self) -> int:
        return sum(1 for line in self.modules if line.done)

    @property
    def percent(self) -> int:
        return _percent(self.done_count, len(self.modules))

    @property
    def resume(self) -> ModulePage | None:
        """The first module not yet done."""
        return next((line.page for line in self.modules if not line.done), None)


def _enrolment_for(user, translation_key):
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course__translation_key=translation_key)
        .select_related("course")
        .first()
    )


def course_progress(user, course: CoursePage) -> CourseProgress:
    """A course page's modules in the page's language, each ticked when done."""
    enrolment = _enrolment_for(user, course.translation_key)
    modules = list(
        course.get_modules().only(
            "id", "title", "path", "depth", "url_path", "translation_key", "locale_id"
        )
    )
    done_keys = set()
    if enrolment:
        done_keys = set(
            ModuleProgress.objects.filter(
                enrolment=enrolment, cycle=enrolment.cycle
            ).values_list("module__translation_key", flat=True)
        )
    lines = [
        ModuleLine(page=page, done=page.translation_key in done_keys)
        for page in modules
    ]
    return CourseProgress(enrolment=enrolment, modules=lines)


@dataclass
class BlockState:
    attempts: list[QuizAttempt] = field(default_factory=list)
    submissions: list[ScenarioSubmission] = field(default_factory=list)

    @property
    def latest(self):
        items = self.attempts or self.submissions
        return items[0] if items else None

    @property
    def best(self) -> QuizAttempt | None:
        return max(self.attempts, key=lambda attempt: attempt.score, default=None)

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)


@dataclass
class ModuleState:
    enrolment: Enrolment | None
    done: bool = False
    blocks: dict[str, BlockState] = field(default_factory=dict)

    def block(self, block_id: str) -> BlockState:
        return self.blocks.get(block_id) or BlockState()


def module_state(user, module: ModulePage) -> ModuleState:
    """A learner's enrolment, completion and answers for one module page."""
    course = CoursePage.objects.parent_of(module).only("translation_key").first()
    enrolment = _enrolment_for(user, course.translation_key) if course else None
    if enrolment is None:
        return ModuleState(enrolment=None)
    same_module = Q(
        module__translation_key=module.translation_key, cycle=enrolment.cycle
    )
    state = ModuleState(
        enrolment=enrolment,
        done=ModuleProgress.objects.filter(same_module, enrolment=enrolment).exists(),
    )
    for attempt in QuizAttempt.objects.filter(same_module, enrolment=enrolment):
        state.blocks.setdefault(attempt.block_id, BlockState()).attempts.append(attempt)
    for submission in ScenarioSubmission.objects.filter(
        same_module, enrolment=enrolment
    ).select_related("review__reviewer"):
        state.blocks.setdefault(submission.block_id, BlockState()).submissions.append(
            submission
        )
    return state


def completed_course_keys(user, translation_keys, since=None) -> set:
    """Which of the courses (by translation key) a person has completed, in any
    cycle, since a moment if given: a course re-opened for renewal still
    counts as completed before."""
    completions = CourseCompletion.objects.filter(
        enrolment__user=user, enrolment__course__translation_key__in=translation_keys
    )
    if since is not None:
        completions = completions.filter(completed_at__gte=since)
    return set(completions.values_list("enrolment__course__translation_key", flat=True))
