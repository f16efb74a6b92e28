from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.models import ModulePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    person = UserFactory()
    person.groups.add(Group.objects.get(name="Editors"))
    client.force_login(person)
    return person


def test_editor_edits_and_previews_a_module(client, editor, course):
    module = course.get_modules()[1]
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).status_code
        == HTTPStatus.OK
    )
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[module.pk]))
    assert preview.status_code == HTTPStatus.OK
    assert "Quiz" in preview.content.decode()


def test_editor_adds_a_module_to_a_course(client, editor, course):
    url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    assert client.get(url).status_code == HTTPStatus.OK


def test_every_block_previews_in_the_picker(client, editor):
    blocks = ModulePage._meta.get_field("body").stream_block.child_blocks
    expected = {
        "quiz": "Test je kennis",
        "scenario": "Een boze bewoner",
        "callout": "Tip",
    }
    for name, block in blocks.items():
        assert block.is_previewable, name
        response = client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == HTTPStatus.OK, name
        assert expected.get(name, "") in response.content.decode()


def test_learner_has_no_admin(client, user):
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == HTTPStatus.FOUND
