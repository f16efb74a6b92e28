"""Events that other apps (certification) listen to; lms knows nothing of them."""

from django.dispatch import Signal

# Sent once per enrolment when its course becomes completed, after the commit.
# Arguments: enrolment, user, course.
course_completed = Signal()

# Sent after a person is enrolled in a course. Arguments: enrolment, created.
learner_enrolled = Signal()

# Sent after the commit that created assignments. Arguments: assignment_ids.
training_assigned = Signal()

# Sent by lms_daily after its own steps, with today; each receiver does its
# part of the day's work (safe to run twice) and returns a summary line.
daily_run = Signal()

# Sent in the transaction that uses an invitation's link: the person has
# shown they read mail at their address. Arguments: user, how ("password",
# "link" or "sign_in").
invitation_accepted = Signal()
