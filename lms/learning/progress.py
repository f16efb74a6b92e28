"""What a learner has done, assembled for pages in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from courses.localization import localized_pages
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


@dataclass
class LearningItem:
    enrolment: Enrolment
    course: Page  # the course page in the active language, to link to
    percent: int
    resume: Page | None = None


def learning_overview(user) -> dict:
    """My learning: courses in progress with a resume link, and completed ones.

    A fixed number of queries however many courses: the enrolments with their
    progress and next module, the open assignments (with what asked for them)
    and the pages to link to, in the reader's language.
    """
    enrolments = list(
        Enrolment.objects.filter(user=user).with_progress().with_next_module()
    )
    assignments = _open_assignments(user)
    # Courses and modules together: the links need only Page's own fields.
    pages = localized_pages(
        Page,
        [enrolment.course_id for enrolment in enrolments]
        + [enrolment.next_module_id for enrolment in enrolments]
        + [assignment.course_id for assignment in assignments],
    )
    in_progress, completed = [], []
    for enrolment in enrolments:
        item = LearningItem(
            enrolment=enrolment,
            course=pages[enrolment.course_id],
            percent=_percent(enrolment.modules_done, enrolment.modules_total or 0),
        )
        if enrolment.is_completed:
            completed.append(item)
        else:
            item.resume = pages.get(enrolment.next_module_id)
            in_progress.append(item)
    completed.sort(key=lambda item: item.enrolment.completed_at, reverse=True)
    items_by_course = {item.enrolment.course_id: item for item in in_progress}
    for assignment in assignments:
        assignment.localized_course = pages[assignment.course_id]
        assignment.item = items_by_course.get(assignment.course_id)
    listed = {assignment.course_id for assignment in assignments}
    return {
        # Courses that are required or assigned show there, with their due date.
        "in_progress": [
            item for item in in_progress if item.enrolment.course_id not in listed
        ],
        "completed": completed,
        # Work under way on a required or assigned course: the in-progress
        # section must not say that nothing is.
        "started_above": any(a.item for a in assignments),
        # Open assignments, split into required for roles and other.
        "required": [
            a for a in assignments if a.source == TrainingAssignment.Source.ROLE
        ],
        "assigned": [
            a for a in assignments if a.source != TrainingAssignment.Source.ROLE
        ],
    }


def _open_assignments(user) -> list[TrainingAssignment]:
    """A person's open assignments, overdue first, then by due date."""
    today = timezone.localdate()
    assignments = list(
        TrainingAssignment.objects.current()
        .filter(user=user)
        .with_status(today)
        .select_related("assigned_by")
        .with_reason()
    )
    # Filtered here, not in SQL: a WHERE on status would repeat its whole
    # expression, and a person has a handful of assignments.
    assignments = [a for a in assignments if a.status not in {"completed", "exempt"}]
    assignments.sort(key=lambda a: (a.status != "overdue", a.effective_due))
    return assignments


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


def _enrolment_for(user, translation_key, **annotations):
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course__translation_key=translation_key)
        .annotate(**annotations)
        .first()
    )


def course_progress(user, course: CoursePage) -> CourseProgress:
    """A course page's modules in the page's language, each ticked when done."""
    enrolment = _enrolment_for(user, course.translation_key)
    modules = course.get_modules().only(
        "id", "title", "path", "depth", "url_path", "translation_key", "locale_id"
    )
    if enrolment:
        # Progress points at the original modules: matched by translation key.
        modules = modules.annotate(
            done=Exists(
                ModuleProgress.objects.filter(
                    enrolment=enrolment,
                    cycle=enrolment.cycle,
                    module__translation_key=OuterRef("translation_key"),
                )
            )
        )
    lines = [
        ModuleLine(page=page, done=getattr(page, "done", False)) for page in modules
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
    if not user.is_authenticated:
        return ModuleState(enrolment=None)
    # Routing has the course at hand already (ModulePage.get_course).
    course = module.get_course()
    this_module = Q(module__translation_key=module.translation_key)
    enrolment = _enrolment_for(
        user,
        course.translation_key,
        module_done=Exists(
            ModuleProgress.objects.filter(
                this_module, enrolment=OuterRef("pk"), cycle=OuterRef("cycle")
            )
        ),
    )
    if enrolment is None:
        return ModuleState(enrolment=None)
    state = ModuleState(enrolment=enrolment, done=enrolment.module_done)
    same_module = this_module & Q(enrolment=enrolment, cycle=enrolment.cycle)
    # Only the kinds of block the page holds: a reading module asks for none.
    kinds = {block.block_type for block in module.interactive_blocks()}
    if "quiz" in kinds:
        for attempt in QuizAttempt.objects.filter(same_module):
            state.blocks.setdefault(attempt.block_id, BlockState()).attempts.append(
                attempt
            )
    if "scenario" in kinds:
        for submission in ScenarioSubmission.objects.filter(same_module).select_related(
            "review__reviewer"
        ):
            state.blocks.setdefault(
                submission.block_id, BlockState()
            ).submissions.append(submission)
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


# A catalogue card's state for the reader, from the most to the least pressing.
CATALOGUE_STATES = {
    "assigned": _("To do"),
    "in_progress": _("In progress"),
    "completed": _("Completed"),
    "held": _("Certified"),
}

# Apps that issue something for courses (certification) say what a person
# already holds through this hook: fn(user, courses) -> {translation key:
# sentence}. lms names no app above it.
COURSES_HELD_HOOK = "lms_courses_held"


def courses_held(user, courses) -> dict:
    """What a signed-in person already holds that each course leads to, by
    translation key: a sentence to show instead of an invitation to enrol."""
    if not user.is_authenticated or not courses:
        return {}
    held = {}
    for fn in hooks.get_hooks(COURSES_HELD_HOOK):
        for key, sentence in fn(user, courses).items():
            held.setdefault(key, sentence)
    return held


def catalogue_states(user, courses) -> dict:
    """What each course of a catalogue page is to a signed-in person, by
    translation key: completed, in progress, to do (assigned and not
    started), or certified (a certificate in force that the course leads to,
    without an enrolment, as an imported one); courses they have nothing to
    do with are left out. Three queries."""
    if not user.is_authenticated:
        return {}
    keys = [course.translation_key for course in courses]
    states = {
        key: "completed" if status == Enrolment.Status.COMPLETED else "in_progress"
        for key, status in Enrolment.objects.filter(
            user=user, course__translation_key__in=keys
        ).values_list("course__translation_key", "status")
    }
    assigned = TrainingAssignment.objects.current().filter(
        user=user, course__translation_key__in=keys
    )
    # Assigned people are enrolled: what is asked of them outranks "in
    # progress", not what they have already completed.
    for key in assigned.values_list("course__translation_key", flat=True):
        if states.get(key) != "completed":
            states[key] = "assigned"
    for key in courses_held(user, courses):
        states.setdefault(key, "held")
    return {key: (state, CATALOGUE_STATES[state]) for key, state in states.items()}
