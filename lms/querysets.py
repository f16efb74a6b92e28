from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
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

        live_modules = ModulePage.objects.filter(
            live=True,
            depth=OuterRef("course__depth") + 1,
            path__startswith=OuterRef("course__path"),
        )
        return self.annotate(
            modules_total=Subquery(
                live_modules.order_by()
                .annotate(n=Func(F("pk"), function="COUNT"))
                .values("n")[:1],
                output_field=models.IntegerField(),
            ),
            modules_done=Count(
                "module_progress",
                filter=Q(
                    module_progress__module__live=True,
                    module_progress__cycle=F("cycle"),
                ),
                distinct=True,
            ),
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
        return self.model.objects.filter(managers=user).with_subtrees()


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

    def with_status(self, today):
        """Annotate effective_due, completed_at, is_exempt and status for a date.

        status is one of completed, exempt, overdue, in_progress, not_started.
        """
        from lms.models import DueDateExtension, Enrolment, Exemption

        enrolment = Enrolment.objects.filter(
            user=OuterRef("user"), course=OuterRef("course")
        )
        latest_extension = DueDateExtension.objects.filter(
            assignment=OuterRef("pk")
        ).order_by("-created_at", "-pk")
        queryset = self.annotate(
            effective_due=Coalesce(
                Subquery(latest_extension.values("due_on")[:1]), F("due_on")
            ),
            completed_at=Coalesce(
                F("fulfilled_at"),
                Subquery(
                    enrolment.filter(status="completed").values("completed_at")[:1]
                ),
            ),
            is_exempt=Exists(Exemption.objects.filter(assignment=OuterRef("pk"))),
            has_started=Exists(enrolment.filter(module_progress__cycle=F("cycle"))),
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
