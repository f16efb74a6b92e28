# Tables show a date with its month abbreviated: Dutch writes the
# abbreviation in lower case ("12 okt 2026"). Django's "M" capitalises it;
# "b" does not.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
