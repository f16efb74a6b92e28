"""export_person and erase_person: the same requests from the command line."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry

from certification import data_requests
from certification.models import Certificate
from tests.factories import UserFactory
from tests.hr.conftest import EMAIL, NAME, OTHER_EMAIL

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("identifier", ["id", EMAIL, EMAIL.upper(), OTHER_EMAIL])
def test_export_person_finds_a_person_by_id_or_any_address(subject, identifier):
    identifier = str(subject.pk) if identifier == "id" else identifier
    document = json.loads(run("export_person", identifier))
    assert document["profile"]["name"] == NAME
    assert document["certificates"]


def test_export_person_writes_a_file(subject, tmp_path):
    target = tmp_path / "person.json"
    assert run("export_person", EMAIL, "-o", str(target)) == ""
    assert json.loads(target.read_text(encoding="utf-8"))["profile"]["email"] == EMAIL


@pytest.mark.parametrize("command", [["export_person"], ["erase_person", "--yes"]])
def test_an_unknown_person_is_a_clear_error(hub, command):
    with pytest.raises(CommandError, match="Nobody has the id or email address"):
        run(command[0], "nobody@example.org", *command[1:])
    with pytest.raises(CommandError, match="Nobody"):
        run(command[0], "987654", *command[1:])


def test_erase_person_wants_yes_and_changes_nothing_without_it(subject):
    logged = ModelLogEntry.objects.count()
    with pytest.raises(CommandError, match="--yes"):
        run("erase_person", EMAIL)
    subject.refresh_from_db()
    assert (subject.name, subject.email, subject.is_active) == (NAME, EMAIL, True)
    assert not Certificate.objects.revoked().exists()
    assert ModelLogEntry.objects.count() == logged


def test_erase_person_erases(subject):
    output = run("erase_person", str(subject.pk), "--yes")
    assert f"#{subject.pk}" in output and NAME not in output
    subject.refresh_from_db()
    assert data_requests.is_erased(subject)
    assert Certificate.objects.get(holder=subject).revocation_reason == "erased"
    erasure = ModelLogEntry.objects.get(action="cms.erase_person")
    assert erasure.user is None  # the command acts as the system


def test_erase_person_refuses_twice_and_administrators(subject):
    run("erase_person", EMAIL, "--yes")
    with pytest.raises(CommandError, match="already been erased"):
        run("erase_person", str(subject.pk), "--yes")
    admin = UserFactory(is_superuser=True)
    with pytest.raises(CommandError, match="administrator"):
        run("erase_person", admin.email, "--yes")
    admin.refresh_from_db()
    assert admin.is_active
    assert ModelLogEntry.objects.filter(action="cms.erase_person").count() == 1
