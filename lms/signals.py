"""Events that other apps (certification) listen to; lms knows nothing of them."""

from django.dispatch import Signal

# Sent once per enrolment when its course becomes completed, after the commit.
# Arguments: enrolment, user, course.
course_completed = Signal()

# Sent after a person is enrolled in a course. Arguments: enrolment, created.
learner_enrolled = Signal()

# Sent after the commit that created assignments. Arguments: assignment_ids.
training_assigned = Signal()
