"""What a learner writes is kept as text with a few inline marks, nothing more."""

import bleach

ALLOWED_TAGS = frozenset({"b", "strong", "i", "em", "u", "br"})


def sanitise_answer(text: str) -> str:
    """Strip every tag and attribute outside the allow-list; escape the rest."""
    cleaned = bleach.clean(
        text, tags=ALLOWED_TAGS, attributes={}, protocols=[], strip=True
    )
    return cleaned.replace("\r\n", "\n").strip()
