"""The Dutch catalogues ship complete, and the compiled files match them."""

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"))


def parse_po(path):
    """Entries of a .po file as dicts of keyword to text, with their flags."""
    entries, entry, key = [], {"flags": set()}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, text = line.partition(" ")
            entry[key] = ast.literal_eval(text)
    return entries


def test_every_app_ships_dutch():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert {"cms", "courses", "lms", "certification"} <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-5])
def test_catalogue_is_complete_and_compiled(path):
    entries = [entry for entry in parse_po(path) if entry["msgid"]]
    assert entries
    untranslated = [
        entry["msgid"]
        for entry in entries
        if "fuzzy" in entry["flags"]
        or not all(value for key, value in entry.items() if key.startswith("msgstr"))
    ]
    assert not untranslated, f"{path}: {untranslated}"
    with path.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in entries:
        if "msgid_plural" in entry:
            assert (
                catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                == entry["msgstr[0]"]
            )
        else:
            context = entry.get("msgctxt")
            found = (
                catalogue.pgettext(context, entry["msgid"])
                if context
                else catalogue.gettext(entry["msgid"])
            )
            assert found == entry["msgstr"], (
                f"{path} is not compiled: run make messages"
            )
