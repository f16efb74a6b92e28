from django.db import models
from django.db.models import (
    Case,
    Exists,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from treebeard.mp_tree import MP_NodeManager, MP_NodeQuerySet


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        """Enrolments still in progress."""
        return self.filter(status="active")

    def completed(self):
        """Enrolments whose course is completed."""
        return self.filter(status="completed")

    def with_progress(self):
        """Annotate modules_total and modules_done, counting live modules only."""
        from courses.models import ModulePage
        from lms.models import ModuleProgress

        live_modules = ModulePage.objects.filter(
            live=True,
            depth=OuterRef("course__depth") + 1,
            path__startswith=OuterRef("course__path"),
        )
        # Subqueries, not a join and Count: no GROUP BY over every column.
        done = ModuleProgress.objects.filter(
            enrolment=OuterRef("pk"), cycle=OuterRef("cycle"), module__live=True
        )
        return self.annotate(
            modules_total=_count(live_modules),
            modules_done=_count(done),
        )

    def with_next_module(self):
        """Annotate next_module_id: the first live module of the course, in
        tree order, not done in this cycle (None once all are, or completed)."""
        from courses.models import ModulePage
        from lms.models import ModuleProgress

        done = ModuleProgress.objects.filter(
            enrolment=OuterRef(OuterRef("pk")),
            cycle=OuterRef(OuterRef("cycle")),
            module=OuterRef("pk"),
        )
        following = (
            ModulePage.objects.filter(
                live=True,
                depth=OuterRef("course__depth") + 1,
                path__startswith=OuterRef("course__path"),
            )
            .exclude(Exists(done))
            .order_by("path")
            .values("pk")[:1]
        )
        return self.annotate(
            next_module_id=Case(When(status="active", then=Subquery(following)))
        )


def _count(queryset):
    """COUNT(*) of a queryset, as a subquery."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1],
        output_field=models.IntegerField(),
    )


class QuizAttemptQuerySet(models.QuerySet):
    def for_block(self, enrolment, module, block_id: str):
        """Attempts at one quiz block, newest first."""
        return self.filter(enrolment=enrolment, module=module, block_id=block_id)

    def passed(self):
        """Attempts that reached the course's pass mark."""
        return self.filter(passed=True)


class ScenarioSubmissionQuerySet(models.QuerySet):
    def waiting(self):
        """Answers that no manager has reviewed yet."""
        return self.filter(status="submitted")

    def approved(self):
        """Answers a manager approved."""
        return self.filter(status="approved")


def _subtree_q(units, prefix=""):
    """Q matching the units (by path) and everything below them."""
    condition = Q(pk__in=[])
    for unit in units:
        condition |= Q(**{f"{prefix}path__startswith": unit.path})
    return condition


class OrgUnitQuerySet(MP_NodeQuerySet):
    def with_subtrees(self):
        """These units and every unit below them."""
        from lms.models import OrgUnit

        return OrgUnit.objects.filter(_subtree_q(list(self.only("path"))))

    def managed_by(self, user):
        """The units a person manages, with everything below them."""
        # One lazy condition (a unit whose path starts with a managed unit's),
        # not a query for the managed paths first: screens use it several
        # times a request, mostly as a subquery.
        managed = self.model.objects.filter(
            managers=user,
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
        return self.model.objects.filter(Exists(managed))


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):
    def get_queryset(self):
        # treebeard's manager builds its own queryset class; use ours instead.
        return OrgUnitQuerySet(self.model, using=self._db).order_by("path")


class RoleMembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships that have not ended (by a date, if given)."""
        if on is None:
            return self.filter(ended_on__isnull=True)
        return self.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on
        )

    def in_units(self, units):
        """Memberships in the given units (a queryset of OrgUnit)."""
        return self.filter(unit__in=units)


class TrainingAssignmentQuerySet(models.QuerySet):
    def current(self):
        """Assignments neither withdrawn nor closed by a new round of the course."""
        return self.filter(withdrawn_at__isnull=True, fulfilled_at__isnull=True)

    def with_course_title(self):
        """Annotate course_title: the course's title in the active language."""
        from courses.localization import localized_title

        return self.annotate(course_title=localized_title("course"))

    def with_reason(self):
        """Load what asked for each assignment (its role or certification),
        for reason_text: a query per kind, whatever the number of rows."""
        return self.prefetch_related("reason_object")

    def with_status(self, today):
        """Annotate effective_due, completed_at, is_exempt and status for a date.

        status is one of completed, exempt, overdue, in_progress, not_started.
        The person's enrolment in the course is joined as ``status_enrolment``,
        for further annotations about it (the reports' best score).
        """
        from lms.models import DueDateExtension, Exemption, ModuleProgress

        # The person's enrolment in the course (at most one) is joined, not
        # looked up by correlated subqueries: each annotation below would
        # repeat those subqueries inside status, for every row.
        queryset = self.alias(
            status_enrolment=FilteredRelation(
                "user__enrolments",
                condition=Q(user__enrolments__course=F("course")),
            )
        )
        extensions = DueDateExtension.objects.filter(assignment=OuterRef("pk"))
        latest_extension = extensions.order_by("-created_at", "-pk")
        queryset = queryset.annotate(
            # Few assignments have an extension: asking whether there is one
            # (a lookup the database hashes once) spares the others the search
            # for the latest.
            effective_due=Case(
                When(
                    Exists(extensions),
                    then=Subquery(latest_extension.values("due_on")[:1]),
                ),
                default=F("due_on"),
                output_field=models.DateField(),
            ),
            completed_at=Coalesce(
                F("fulfilled_at"),
                Case(
                    When(
                        status_enrolment__status="completed",
                        then=F("status_enrolment__completed_at"),
                    )
                ),
            ),
            is_exempt=Exists(Exemption.objects.filter(assignment=OuterRef("pk"))),
        ).alias(
            # Only status needs it: not selected.
            has_started=Exists(
                ModuleProgress.objects.filter(
                    enrolment=OuterRef("status_enrolment__pk"),
                    cycle=OuterRef("status_enrolment__cycle"),
                )
            ),
        )
        return queryset.annotate(
            status=Case(
                When(completed_at__isnull=False, then=Value("completed")),
                When(is_exempt=True, then=Value("exempt")),
                When(effective_due__lt=today, then=Value("overdue")),
                When(has_started=True, then=Value("in_progress")),
                default=Value("not_started"),
                output_field=models.CharField(),
            )
        )

    def open(self, today):
        """Current assignments not yet completed nor exempted."""
        return (
            self.current()
            .with_status(today)
            .exclude(status__in=["completed", "exempt"])
        )
