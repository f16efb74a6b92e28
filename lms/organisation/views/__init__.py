"""The Hub screens of the organisation: units, roles, people, team progress."""
