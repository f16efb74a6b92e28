"""A learner's private calendar feed (ICS): the due dates of their open
assignments and, through the ``register_lms_calendar_events`` hook, what the
apps above lms add (certification: the expiry of each certificate in force).
"""
