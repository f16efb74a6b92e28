"""The learner's own pages and actions. Every action is a POST for the signed-in
person only: no URL names another learner, so none can be read or written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.layout import page_context
from courses.models import CoursePage, ModulePage
from lms.calendar import views as calendar
from lms.learning import services
from lms.learning.progress import learning_overview


def _live_page(model, pk):
    # The models have no subclasses: specific() would only fetch them again.
    return get_object_or_404(model.objects.live().public(), pk=pk)


def _rerender_with_error(request, module, block_id, error):
    """Show the module again with the error beside the block, changing nothing.

    The form's action ends in the anchor of the block's error summary, so
    the browser shows the block and focuses the summary, which links to each
    field at fault.
    """
    request.lms_errors = {block_id: error}
    response = module.serve(request)
    response.status_code = 400
    return response


@login_required
def my_learning(request):
    return TemplateResponse(
        request,
        "lms/my_learning.html",
        {
            **learning_overview(request.user),
            **calendar.section(request),
            **page_context(),
        },
    )


@require_POST
@login_required
def enrol(request, course_id):
    course = _live_page(CoursePage, course_id)
    try:
        services.self_enrol(user=request.user, course=course)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(course.url)
    messages.success(
        request, _("You are enrolled in %(course)s.") % {"course": course.title}
    )
    first = course.get_modules().first()
    return redirect(first.url if first else course.url)


@require_POST
@login_required
def complete_module(request, module_id):
    module = _live_page(ModulePage, module_id)
    try:
        services.complete_module(user=request.user, module=module)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(module.url)
    messages.success(request, _("Module completed."))
    following = module.get_next_module()
    return redirect(following.url if following else module.get_course().url)


def quiz_answers(post) -> dict[str, list[str]]:
    """A quiz form's answers: question id to the chosen answer ids."""
    return {key[2:]: post.getlist(key) for key in post if key.startswith("q-")}


@require_POST
@login_required
def submit_quiz(request, module_id, block_id):
    module = _live_page(ModulePage, module_id)
    try:
        attempt = services.submit_quiz(
            user=request.user,
            module=module,
            block_id=block_id,
            answers=quiz_answers(request.POST),
            token=request.POST.get("token", ""),
        )
    except ValidationError as error:
        return _rerender_with_error(request, module, block_id, error)
    if attempt.passed:
        messages.success(
            request,
            _("You passed with %(score)d%%.") % {"score": attempt.score_percent},
        )
    else:
        messages.warning(
            request,
            _("You scored %(score)d%%; read the explanations and try again.")
            % {"score": attempt.score_percent},
        )
    return redirect(f"{module.url}#block-{block_id}")


@require_POST
@login_required
def submit_scenario(request, module_id, block_id):
    module = _live_page(ModulePage, module_id)
    try:
        services.submit_scenario(
            user=request.user,
            module=module,
            block_id=block_id,
            text=request.POST.get("text", ""),
            token=request.POST.get("token", ""),
        )
    except ValidationError as error:
        return _rerender_with_error(request, module, block_id, error)
    messages.success(request, _("Your answer has been submitted."))
    return redirect(f"{module.url}#block-{block_id}")
