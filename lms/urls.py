from django.urls import path

from lms.calendar import views as calendar
from lms.invitations import views as invitations
from lms.learning import views as learner

app_name = "lms"

urlpatterns = [
    path("", learner.my_learning, name="my_learning"),
    path("courses/<lms_id:course_id>/enrol/", learner.enrol, name="enrol"),
    path(
        "modules/<lms_id:module_id>/complete/",
        learner.complete_module,
        name="complete_module",
    ),
    path(
        "modules/<lms_id:module_id>/quiz/<str:block_id>/",
        learner.submit_quiz,
        name="submit_quiz",
    ),
    path(
        "modules/<lms_id:module_id>/scenario/<str:block_id>/",
        learner.submit_scenario,
        name="submit_scenario",
    ),
    path(
        "invitations/<lms_id:pk>/<str:token>/",
        invitations.invitation,
        name="invitation",
    ),
    path("calendar/address/", calendar.address, name="calendar_address"),
    path("calendar/<str:token>.ics", calendar.feed, name="calendar_feed"),
]
