"""The hub's organisation: units, roles, memberships and who sees whom."""
