from django.db import models
from django.db.models import Count, F, Func, OuterRef, Q, Subquery


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
                filter=Q(module_progress__module__live=True),
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
