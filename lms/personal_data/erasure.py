"""What erasing a person writes in place of their data, and how it reads.

The markers are stored as written here, whatever the language of the
screen that erased the person, so that they stay recognisable; screens show
them in the reader's language through ``readable``.
"""

import re

from django.utils.translation import gettext

# What replaces a text that was the person's own, or only about them.
ERASED_TEXT = "[erased]"
# The reason recorded for what erasure revoked.
ERASED_REASON = "erased"
_ERASED_NAME = re.compile(r"\bErased person #(\d+)\b")


def erased_name(number: int) -> str:
    """The stored name of an erased person: names nobody, only a number."""
    return f"Erased person #{number}"


def readable(text: str) -> str:
    """A stored text in the reader's language where erasure wrote it."""
    if text == ERASED_TEXT:
        return gettext("[erased]")
    if text == ERASED_REASON:
        return gettext("erased")
    return readable_names(text)


def readable_names(text: str) -> str:
    """A name, or a text naming people, with erased people's names in the
    reader's language."""
    if "#" not in text:
        return text
    return _ERASED_NAME.sub(
        lambda match: gettext("Erased person #%(number)s") % {"number": match.group(1)},
        text,
    )
