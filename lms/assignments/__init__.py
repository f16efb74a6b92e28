"""Training assignments, with their exemptions and extensions."""
