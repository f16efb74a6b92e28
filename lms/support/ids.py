"""Ids from URLs, forms and query strings, kept to what a key column holds.

No backend stores a key beyond a 64-bit signed integer, and SQLite cannot
even bind a larger number: Django refuses one for plain integer lookups, but
a lookup through a one-to-one key (a course page's id) or an ``in`` lookup
raises OverflowError. So a larger number is no id at all: a URL with one
matches nothing (404) and a form or a filter refuses it (400).
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def out_of_range(value) -> bool:
    """Whether value is a whole number, such as "1e30" is not, beyond MAX_ID.

    Anything that is no whole number is left to the field that reads it.
    """
    try:
        number = int(str(value).strip())
    except ValueError:
        return False
    return not -MAX_ID - 1 <= number <= MAX_ID


class IdConverter:
    """``<lms_id:pk>`` in a route: 1 to 19 digits, at most MAX_ID; else no match."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            # A ValueError means "this route does not match": a 404.
            raise ValueError("beyond the 64-bit range of ids")
        return number

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "lms_id")
