"""Small helpers that the lms features share."""
