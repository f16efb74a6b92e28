# Tables show a date with its month abbreviated ("12 Oct 2026"), as in Dutch,
# rather than Django's American "10/12/2026".
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
