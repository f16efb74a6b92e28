"""A person's lms records for a personal-data request: export and erasure."""
