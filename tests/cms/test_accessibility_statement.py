"""The accessibility statement: /toegankelijkheid/ in the reader's language,
editable as a page, linked from every page's footer."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from cms.demo.seeding import _statement
from cms.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db

URL = "/toegankelijkheid/"


@pytest.fixture
def statement(home_page, locales):
    english_home = home_page.copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    pages = {}
    for language, home in (("nl", home_page), ("en", english_home)):
        page = AccessibilityStatementPage(
            slug="toegankelijkheid", locale=locales[language], **_statement(language)
        )
        if language == "en":
            page.translation_key = pages["nl"].translation_key
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[language] = page
    return pages


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("nl", "Toegankelijkheidsverklaring", "Bekende tekortkomingen"),
        ("en", "Accessibility statement", "Known gaps"),
    ],
)
def test_the_statement_speaks_the_readers_language(
    client, statement, settings, language, title, heading
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html and heading in html
    # The parts Dutch public bodies publish: standard, status, date, contact.
    assert "WCAG 2.2 AA" in html
    assert "mailto:toegankelijkheid@example.org" in html
    assert response.context["page"].locale.language_code == language


def test_every_page_links_to_it_in_the_footer(client, statement, course):
    for url in ("/", course.url, reverse("certification:verify_start")):
        html = client.get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert f'href="{URL}"' in footer, url


def test_its_text_is_edited_in_the_admin(client, statement, hub):
    client.force_login(hub.editor)
    page = statement["nl"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for field in ("standard", "status", "testing", "known_gaps", "contact_email"):
        assert f'name="{field}"' in html, field
