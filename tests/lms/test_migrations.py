"""Migrations that change existing records, run on data made before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import make_course, text_block

BEFORE_CYCLES = [("lms", "0003_hub_groups")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolment_cycles_keep_earlier_completions(catalogue, user, other_user):
    course = make_course(catalogue, bodies=[[text_block()]])
    module_id = course.get_modules().get().pk
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_CYCLES)
    old = executor.loader.project_state(BEFORE_CYCLES).apps
    Enrolment = old.get_model("lms", "Enrolment")
    completed = Enrolment.objects.create(
        user_id=user.pk,
        course_id=course.pk,
        status="completed",
        completed_at=timezone.now(),
    )
    Enrolment.objects.create(user_id=other_user.pk, course_id=course.pk)
    old.get_model("lms", "ModuleProgress").objects.create(
        enrolment=completed, module_id=module_id
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from lms.models import CourseCompletion, Enrolment, ModuleProgress

    history = CourseCompletion.objects.get()
    assert (history.enrolment_id, history.cycle) == (completed.pk, 1)
    assert history.completed_at == completed.completed_at
    assert set(Enrolment.objects.values_list("cycle", flat=True)) == {1}
    assert ModuleProgress.objects.get().cycle == 1
