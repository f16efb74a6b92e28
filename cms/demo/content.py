"""Demo courses for seed_demo: original Dutch content with English translations.

The text lives in courses/, one TOML file per course and language, so that an
editor or translator can work on it without reading Python; this module pairs
the languages into the bilingual shape seeding expects, where every text is a
{"nl": ..., "en": ...} dict.
"""

import re
import tomllib
from pathlib import Path

FOLDER = Path(__file__).with_name("courses")
LANGUAGES = ("nl", "en")
# The catalogue's order; seeding creates the pages in it.
COURSE_SLUGS = (
    "webcare-basis",
    "crisiscommunicatie-hub",
    "linkedin-voor-gemeentemedewerkers",
    "inwoners-betrekken-online",
    "werven-via-sociale-media",
)
# Strings under these keys are the same in every language; any other string
# is text, translated in each file.
SHARED = frozenset({"slug", "topic", "level", "type", "kind", "channel"})


def _rich_text(html: str) -> str:
    """The files keep one element a line; the stored HTML has no line breaks."""
    html = re.sub(r">\s*\n\s*<", "><", html.strip())
    return re.sub(r"\s*\n\s*", " ", html)


def _pair(versions: dict, where: str, key: str | None = None):
    """One value from each language's file, joined into the bilingual shape."""
    first = versions[LANGUAGES[0]]
    if any(type(value) is not type(first) for value in versions.values()):
        raise ValueError(f"{where}: the languages disagree on the kind of value")
    if isinstance(first, dict):
        if any(value.keys() != first.keys() for value in versions.values()):
            raise ValueError(f"{where}: the languages have different keys")
        return {
            name: _pair(
                {lang: value[name] for lang, value in versions.items()},
                f"{where}.{name}",
                name,
            )
            for name in first
        }
    if isinstance(first, list):
        if any(len(value) != len(first) for value in versions.values()):
            raise ValueError(f"{where}: the languages have different lengths")
        return [
            _pair(
                {lang: value[i] for lang, value in versions.items()},
                f"{where}[{i}]",
                key,
            )
            for i in range(len(first))
        ]
    if isinstance(first, str) and key not in SHARED:
        if key == "html":
            return {lang: _rich_text(versions[lang]) for lang in LANGUAGES}
        return {lang: versions[lang] for lang in LANGUAGES}
    if any(value != first for value in versions.values()):
        raise ValueError(f"{where}: {key} must be the same in every language")
    return first


def _load(name: str, folder: Path) -> dict:
    """The file name.<language>.toml of each language, paired."""
    versions = {}
    for language in LANGUAGES:
        with (folder / f"{name}.{language}.toml").open("rb") as file:
            versions[language] = tomllib.load(file)
    return _pair(versions, name)


def load_courses(folder: Path = FOLDER) -> list[dict]:
    """The demo courses in catalogue order, each text in every language."""
    on_disk = {path.name.split(".")[0] for path in folder.glob("*.toml")}
    if unlisted := on_disk - {"topics", *COURSE_SLUGS}:
        raise ValueError(f"Course files not in COURSE_SLUGS: {sorted(unlisted)}")
    courses = [_load(slug, folder) for slug in COURSE_SLUGS]
    for slug, course in zip(COURSE_SLUGS, courses, strict=True):
        if course["slug"] != slug:
            raise ValueError(f"{slug}: the files hold the course {course['slug']}")
    return courses


def load_topics(folder: Path = FOLDER) -> list[dict]:
    """The demo topics, each with its name under the language's code."""
    return [
        {"slug": topic["slug"], **topic["name"], "description": topic["description"]}
        for topic in _load("topics", folder)["topics"]
    ]


TOPICS = load_topics()
COURSES = load_courses()
