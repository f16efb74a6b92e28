"""The demo's course files: one TOML file per course and language, paired by
cms.demo.content into one bilingual course."""

import pytest

from cms.demo import content

DUTCH = """\
slug = "webcare-basis"
level = "beginner"
pass_mark = 70
title = "Webcare: de basis"
objectives = ["Je reageert op tijd."]

[[modules]]
slug = "wat-is-webcare"

[[modules.body]]
type = "text"
html = '''
<h2>Klantcontact</h2>
<p>Webcare is klantcontact
  op sociale media.</p>
<ul>
  <li>Vragen</li>
</ul>
'''
"""
ENGLISH = (
    DUTCH.replace("Webcare: de basis", "Webcare: the basics")
    .replace("Je reageert op tijd.", "You reply in time.")
    .replace("Klantcontact", "Customer contact")
    .replace("Webcare is klantcontact", "Webcare is customer contact")
    .replace("op sociale media", "on social media")
    .replace("Vragen", "Questions")
)


def write_course(folder, dutch=DUTCH, english=ENGLISH):
    (folder / "webcare-basis.nl.toml").write_text(dutch)
    (folder / "webcare-basis.en.toml").write_text(english)


@pytest.fixture
def one_course(monkeypatch):
    monkeypatch.setattr(content, "COURSE_SLUGS", ("webcare-basis",))


def test_the_languages_are_paired_into_bilingual_texts(tmp_path, one_course):
    write_course(tmp_path)
    [course] = content.load_courses(tmp_path)
    assert course["slug"] == "webcare-basis" and course["pass_mark"] == 70
    assert course["title"] == {"nl": "Webcare: de basis", "en": "Webcare: the basics"}
    assert course["objectives"] == [
        {"nl": "Je reageert op tijd.", "en": "You reply in time."}
    ]
    block = course["modules"][0]["body"][0]
    assert block["type"] == "text"
    assert block["html"]["en"] == (
        "<h2>Customer contact</h2><p>Webcare is customer contact on social media.</p>"
        "<ul><li>Questions</li></ul>"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('level = "beginner"', 'level = "advanced"'),
        ("pass_mark = 70", "pass_mark = 80"),
        ('type = "text"', 'type = "callout"'),
        ('objectives = ["You reply in time."]', "objectives = []"),
        ('[[modules]]\nslug = "wat-is-webcare"', '[[modules]]\nslug = "what-is"'),
    ],
)
def test_a_translation_must_keep_the_structure(tmp_path, one_course, old, new):
    assert old in ENGLISH
    write_course(tmp_path, english=ENGLISH.replace(old, new))
    with pytest.raises(ValueError, match="webcare-basis"):
        content.load_courses(tmp_path)


def test_a_course_file_outside_the_catalogue_order_is_refused(tmp_path, one_course):
    write_course(tmp_path)
    (tmp_path / "extra.nl.toml").write_text(DUTCH)
    with pytest.raises(ValueError, match="extra"):
        content.load_courses(tmp_path)


def test_every_demo_course_has_a_file_in_each_language():
    files = {path.name for path in content.FOLDER.glob("*.toml")}
    assert files == {
        f"{name}.{language}.toml"
        for name in ("topics", *content.COURSE_SLUGS)
        for language in content.LANGUAGES
    }
    assert [course["slug"] for course in content.COURSES] == list(content.COURSE_SLUGS)
    assert all(
        set(topic) == {"slug", "nl", "en", "description"} for topic in content.TOPICS
    )
