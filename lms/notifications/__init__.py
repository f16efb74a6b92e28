"""Email notifications about assignments and reviewed answers."""
