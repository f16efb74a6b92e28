"""A learner's own learning: enrolment, progress, answers and My learning."""
