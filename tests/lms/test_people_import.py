import io
from http import HTTPStatus
from textwrap import dedent

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms.models import (
    OrgUnit,
    Role,
    RoleMembership,
    RoleRequirement,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from lms.people_import import (
    ImportRejected,
    apply_import,
    parse_people_csv,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()

HEADER = "email,name,employee_number,unit,roles,manager_email\n"

GOOD = HEADER + dedent(
    """\
    ann@example.org,Ann de Vries,1001,Hub/Webcare,Webcare agent,boss@example.org
    bob@example.org,Bob Jansen,1002,Hub/Webcare,webcare agent; Crisis lead,ann@example.org
    carla@example.org,Carla Smit,,Hub,,
    """
)

# Line 8 is left empty: it is skipped, and still counted.
BAD = HEADER + dedent(
    """\
    ok@example.org,Okay,1,Hub/Webcare,Webcare agent,
    ,No Email,2,Hub,,
    not-an-email,Bad,3,Hub,,
    OK@example.org,Again,4,Hub,,
    new@example.org,,5,Hub,,
    e@example.org,E,6,,,

    f@example.org,F,7,Hub//Webcare,,
    g@example.org,G,8,Hub,Webcare lead,
    h@example.org,H,9,Hub,,nobody@example.org
    i@example.org,I,10,Hub,,not-an-email
    j@example.org,J,11,Hub,,,extra
    k@example.org,K,{long},Hub,,
    l@example.org,L,1,Hub,,
    """
).format(long="9" * 51)

BAD_LINES = {
    3: "the email address is missing",
    4: "'not-an-email' is not a valid email address",
    5: "OK@example.org is also on line 2",
    6: "the name is missing, and new@example.org is a new person",
    7: "the unit is missing",
    9: "the unit 'Hub//Webcare' has an empty part",
    10: "unknown role 'Webcare lead'",
    11: "the manager nobody@example.org is neither a known person nor in this file",
    12: "the manager email 'not-an-email' is not a valid email address",
    13: "expected 6 columns, found 7",
    14: "the employee number is longer than 50 characters",
    15: "employee number 1 is also on line 2",
}


@pytest.fixture
def roles(course):
    """'Webcare agent' requires the course; 'Crisis lead' requires nothing."""
    agent = Role.objects.create(name="Webcare agent")
    RoleRequirement.objects.create(role=agent, course=course, due_within_days=14)
    return {"agent": agent, "lead": Role.objects.create(name="Crisis lead")}


@pytest.fixture
def boss(db):
    return UserFactory(email="boss@example.org", name="The Boss")


@pytest.fixture
def write_file(tmp_path):
    """Save a text as a UTF-8 file and give its path, for the command."""

    def write(text):
        file = tmp_path / "people.csv"
        file.write_text(text, encoding="utf-8")
        return str(file)

    return write


def row_counts():
    """The number of rows in every table, many-to-many tables included."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
    }


def import_text(text, by=None):
    plan = parse_people_csv(text, create_units=True)
    assert plan.errors == []
    return apply_import(plan, by=by)


def test_a_good_file_creates_people_units_memberships_and_managers(roles, boss):
    result = import_text(GOOD, by=boss)

    assert result.counts() == {
        "people_created": 3,
        "names_updated": 0,
        "employee_numbers_updated": 0,
        "units_created": 2,
        "memberships_created": 4,
        "managers_added": 2,
    }
    hub = OrgUnit.objects.get(depth=1, name="Hub")
    webcare = OrgUnit.objects.get(name="Webcare")
    assert webcare.get_parent() == hub
    ann, bob, carla = (
        User.objects.get(email=f"{name}@example.org")
        for name in ["ann", "bob", "carla"]
    )
    assert ann.name == "Ann de Vries"
    assert not ann.has_usable_password()
    current = RoleMembership.objects.current()
    assert set(current.filter(user=bob).values_list("unit", "role")) == {
        (webcare.pk, roles["agent"].pk),
        (webcare.pk, roles["lead"].pk),
    }
    assert set(current.filter(user=carla).values_list("unit", "role")) == {
        (hub.pk, None)
    }
    # The role's required course is assigned, as when placing someone by hand.
    assert set(
        TrainingAssignment.objects.current().values_list("user__email", flat=True)
    ) == {"ann@example.org", "bob@example.org"}
    assert set(webcare.managers.all()) == {boss, ann}
    assert result.employee_numbers == {
        "ann@example.org": "1001",
        "bob@example.org": "1002",
    }
    assert set(
        get_user_model()
        .objects.exclude(employee_number="")
        .values_list("email", "employee_number")
    ) == {("ann@example.org", "1001"), ("bob@example.org", "1002")}
    entry = ModelLogEntry.objects.get(action="lms.import_people")
    assert entry.object_id == str(hub.pk)
    assert entry.user == boss
    assert entry.data["people_created"] == 3


def test_importing_the_same_file_again_changes_nothing(roles, boss):
    import_text(GOOD)
    before = row_counts()
    log_entries = ModelLogEntry.objects.count()

    result = import_text(GOOD)

    assert result.changes.is_empty
    assert set(result.counts().values()) == {0}
    after = row_counts()
    # Only the import's own audit-log entry is new.
    assert after.pop("wagtailcore.ModelLogEntry") == log_entries + 1
    before.pop("wagtailcore.ModelLogEntry")
    assert after == before


def test_an_existing_person_keeps_their_account_and_gets_the_new_name(roles, boss):
    ann = UserFactory(email="Ann@Example.org", name="Ann")

    result = import_text(GOOD)

    ann.refresh_from_db()
    assert ann.name == "Ann de Vries"
    assert ann.has_usable_password()
    assert result.counts()["people_created"] == 2
    assert result.counts()["names_updated"] == 1
    assert User.objects.filter(email__iexact="ann@example.org").count() == 1


def test_an_existing_unit_is_found_by_its_path(roles, boss):
    hub = organisation.create_unit(name="Hub")
    organisation.create_unit(name="Webcare", parent=hub)
    organisation.create_unit(name="Webcare")  # another top unit: not the one

    result = import_text(GOOD)

    assert result.changes.new_units == []
    assert OrgUnit.objects.filter(name="Webcare").count() == 2
    assert RoleMembership.objects.filter(unit__path__startswith=hub.path).count() == 4


def test_a_file_with_bad_rows_writes_nothing_and_names_every_bad_line(
    roles, boss, write_file
):
    before = row_counts()

    plan = parse_people_csv(BAD, create_units=True)

    assert plan.bad_lines == sorted(BAD_LINES)
    for line, reason in BAD_LINES.items():
        messages = [error.message for error in plan.errors if error.line == line]
        assert any(reason in message for message in messages), (line, messages)
    with pytest.raises(ImportRejected):
        apply_import(plan)
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_people", write_file(BAD), "--create-units", stderr=stderr)
    assert "line 10: unknown role 'Webcare lead'" in stderr.getvalue()
    for line in BAD_LINES:
        assert f"line {line}: " in stderr.getvalue()
    assert "line 2: " not in stderr.getvalue()
    assert row_counts() == before


def test_a_crash_half_way_writes_nothing(roles, boss, monkeypatch):
    before = row_counts()

    def fail(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(organisation, "join_role", fail)
    with pytest.raises(RuntimeError):
        import_text(GOOD)

    assert row_counts() == before


def test_the_command_imports_and_reports(roles, boss, write_file):
    stdout = io.StringIO()

    call_command("import_people", write_file(GOOD), "--create-units", stdout=stdout)

    assert User.objects.filter(email="ann@example.org").exists()
    assert "ann@example.org (Ann de Vries, employee number 1001)" in stdout.getvalue()
    assert "it does not end memberships" in stdout.getvalue()


def test_a_dry_run_writes_nothing_and_reports_the_changes(roles, boss, write_file):
    before = row_counts()
    stdout = io.StringIO()

    call_command(
        "import_people",
        write_file(GOOD),
        "--dry-run",
        "--create-units",
        stdout=stdout,
    )

    report = stdout.getvalue()
    assert row_counts() == before
    assert "Dry run" in report
    assert "Hub/Webcare" in report
    assert "bob@example.org as Crisis lead in Hub/Webcare" in report
    assert "carla@example.org as a member of Hub" in report
    assert "boss@example.org manages Hub/Webcare" in report


def test_the_command_exits_non_zero_on_bad_rows(roles, boss, write_file):
    with pytest.raises(CommandError, match="nothing has been imported"):
        call_command("import_people", write_file(BAD), stderr=io.StringIO())


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        ((HEADER + "zoë@example.org,Zoë,,Hub,,\n").encode("latin-1"), 2, "not UTF-8"),
        (
            b"email;name;employee_number;unit;roles;manager_email\n",
            1,
            "separate the columns with commas",
        ),
        (b"email,name,unit\nann@example.org,Ann,Hub\n", 1, "the header must be"),
        (b"", 1, "the file is empty"),
        (HEADER.encode(), 2, "no people"),
        (
            (HEADER + 'ann@example.org,"Ann "de" Vries",,Hub,,\n').encode(),
            2,
            "cannot be read",
        ),
    ],
    ids=["latin-1", "semicolons", "header", "empty", "header-only", "bad-quotes"],
)
def test_a_bad_file_gets_a_clear_error(roles, data, line, reason):
    plan = parse_people_csv(data)

    assert [error.line for error in plan.errors] == [line]
    assert reason in plan.errors[0].message
    assert plan.changes.is_empty


def test_a_byte_order_mark_and_quoted_lines_are_accepted(roles):
    text = HEADER + '"dirk@example.org","Dirk\nde Boer",,Hub,,\nbad,E,,Hub,,\n'

    plan = parse_people_csv(b"\xef\xbb\xbf" + text.encode(), create_units=True)

    # The quoted name spans two lines, so the bad row is line 4.
    assert [(error.line, error.message) for error in plan.errors] == [
        (4, "'bad' is not a valid email address")
    ]


def test_checking_a_file_takes_the_same_queries_whatever_its_size(
    roles, boss, django_assert_num_queries
):
    import_text(GOOD)
    rows = "".join(
        f"p{n}@example.org,Person {n},{n},Hub/Webcare,Webcare agent,ann@example.org\n"
        for n in range(50)
    )
    # People, units, roles, current memberships and managers: one query each.
    with django_assert_num_queries(5):
        plan = parse_people_csv(GOOD + rows)
    assert plan.errors == []
    assert len(plan.changes.new_people) == 50


# The admin upload


@pytest.fixture
def import_url():
    return reverse("hub_people_import:index")


@pytest.fixture
def hub_manager(db):
    manager = UserFactory(email="manager@example.org", name="Hub Manager")
    manager.language = "en"
    manager.save(update_fields=["language"])
    manager.groups.add(Group.objects.get(name="Hub managers"))
    organisation.create_unit(name="Hub").managers.add(manager)
    return manager


def upload(text, **data):
    return {"file": SimpleUploadedFile("people.csv", text.encode(), "text/csv"), **data}


def test_a_hub_manager_checks_then_imports_a_file(
    client, import_url, hub_manager, roles, boss
):
    # A manager may name as a manager only people they see.
    organisation.join_role(user=boss, unit=OrgUnit.objects.get(name="Hub"))
    client.force_login(hub_manager)
    assert client.get(import_url).status_code == HTTPStatus.OK
    before = row_counts()

    response = client.post(import_url, upload(GOOD, dry_run="on", create_units="on"))

    assert response.status_code == HTTPStatus.OK
    assert row_counts() == before
    page = response.content.decode()
    assert "ann@example.org" in page
    assert 'name="csv_text"' in page
    assert '<input type="hidden" name="create_units" value="on">' in page
    confirm_text = response.context["confirm_text"]
    assert confirm_text == GOOD

    response = client.post(import_url, {"csv_text": confirm_text, "create_units": "on"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["applied"]
    assert User.objects.filter(email="ann@example.org").exists()
    assert OrgUnit.objects.get(name="Webcare").get_parent().name == "Hub"
    entry = ModelLogEntry.objects.get(action="lms.import_people")
    assert entry.user == hub_manager


def test_the_upload_reports_bad_lines_and_writes_nothing(
    client, import_url, hub_manager, roles, boss
):
    client.force_login(hub_manager)
    before = row_counts()

    response = client.post(import_url, upload(BAD, create_units="on"))  # no dry run

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert row_counts() == before
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "<caption>" in page
    assert {error.line for error in response.context["errors"]} == set(BAD_LINES)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("zoë".encode("latin-1"), "not UTF-8"),
        (b"mail,naam\n", "the header must be"),
    ],
)
def test_the_upload_explains_a_bad_file(
    client, import_url, hub_manager, content, reason
):
    client.force_login(hub_manager)

    response = client.post(
        import_url, {"file": SimpleUploadedFile("people.csv", content, "text/csv")}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert reason in response.content.decode()


def test_the_upload_refuses_a_file_over_the_limit(client, import_url, hub_manager):
    client.force_login(hub_manager)

    response = client.post(import_url, {"csv_text": "x" * (2 * 1024 * 1024 + 1)})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "larger than" in response.content.decode()


def test_a_hub_manager_imports_only_into_their_units(
    client, import_url, hub_manager, roles
):
    client.force_login(hub_manager)
    text = HEADER + "x@example.org,X,,Elsewhere/Team,,\ny@example.org,Y,,Hub/New,,\n"

    response = client.post(import_url, upload(text, create_units="on"))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert [(error.line, error.message) for error in response.context["errors"]] == [
        (2, "you do not manage the unit 'Elsewhere/Team'")
    ]
    assert not User.objects.filter(email__in=["x@example.org", "y@example.org"])


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_the_upload_is_refused_to_others(client, import_url, roles, boss, who):
    if who == "learner":
        client.force_login(UserFactory())
    before = row_counts()

    for response in [
        client.get(import_url),
        client.post(import_url, upload(GOOD)),
        client.post(import_url, {"csv_text": GOOD}),
    ]:
        assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.FORBIDDEN}
    assert row_counts() == before


def test_a_learner_with_admin_access_is_still_refused(client, import_url, roles):
    learner = UserFactory()
    learner.groups.add(Group.objects.get(name="HR"))  # reads, may not import
    client.force_login(learner)

    response = client.post(import_url, upload(GOOD))

    assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.FORBIDDEN}
    assert not User.objects.filter(email="ann@example.org").exists()


def test_a_hub_manager_cannot_touch_someone_outside_their_units(
    client, import_url, hub_manager, roles
):
    outsider = UserFactory(email="out@example.org", name="Outsider")
    client.force_login(hub_manager)
    before = row_counts()
    refused = (
        "out@example.org cannot be imported into your units; ask an "
        "administrator to place this person"
    )

    # Neither a new name, nor a place in the manager's unit, nor a number.
    for line in ["out@example.org,Someone Else,,Hub,,", "out@example.org,,E-1,Hub,,"]:
        response = client.post(import_url, upload(HEADER + line + "\n"))

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert [(e.line, e.message) for e in response.context["errors"]] == [
            (2, refused)
        ]
        assert "Outsider" not in response.content.decode()
    assert row_counts() == before
    outsider.refresh_from_db()
    assert (outsider.name, outsider.employee_number) == ("Outsider", "")


def test_a_hub_manager_names_only_their_own_people_as_managers(
    import_url, hub_manager, roles
):
    UserFactory(email="out@example.org", name="Outsider")
    text = HEADER + dedent(
        """\
        ann@example.org,Ann,,Hub,,out@example.org
        bob@example.org,Bob,,Hub,,nobody@example.org
        carla@example.org,Carla,,Hub,,ann@example.org
        dave@example.org,Dave,,Hub,,manager@example.org
        """
    )

    plan = parse_people_csv(text, for_user=hub_manager)

    # An outsider and an unknown address get the same answer.
    assert [(error.line, error.message) for error in plan.errors] == [
        (
            2,
            "the manager out@example.org is neither one of the people in your "
            "units nor in this file",
        ),
        (
            3,
            "the manager nobody@example.org is neither one of the people in your "
            "units nor in this file",
        ),
    ]


def test_a_hub_manager_updates_the_people_of_their_units(
    client, import_url, hub_manager, roles
):
    hub = OrgUnit.objects.get(name="Hub")
    member = UserFactory(email="member@example.org", name="Member")
    organisation.join_role(user=member, unit=hub)
    client.force_login(hub_manager)

    response = client.post(
        import_url, upload(HEADER + "member@example.org,Member Two,E-7,Hub,,\n")
    )

    assert response.status_code == HTTPStatus.OK
    member.refresh_from_db()
    assert (member.name, member.employee_number) == ("Member Two", "E-7")


def test_the_report_speaks_the_managers_language(
    client, import_url, hub_manager, roles
):
    hub_manager.language = "nl"
    hub_manager.save(update_fields=["language"])
    client.force_login(hub_manager)
    text = HEADER + "g@example.org,G,,Hub,Webcare lead,\n"

    response = client.post(import_url, upload(text))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "onbekende rol &#x27;Webcare lead&#x27;" in response.content.decode()


def test_a_new_employee_number_is_announced_before_it_is_written(roles, boss):
    text = HEADER + "boss@example.org,The Boss,E-42,Hub,,\n"

    plan = parse_people_csv(text, create_units=True)

    assert not plan.changes.is_empty
    assert plan.changes.counts()["employee_numbers_updated"] == 1
    assert ("Changed employee numbers", ["boss@example.org: employee number E-42"]) in (
        plan.changes.sections()
    )
    apply_import(plan)
    boss.refresh_from_db()
    assert boss.employee_number == "E-42"


# Units are created only on request, and a near miss is pointed out


@pytest.fixture
def webcare(db):
    hub = organisation.create_unit(name="Hub")
    return organisation.create_unit(name="Webcare", parent=hub)


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("hub/webcaer", "hub/webcare", True),  # two letters swapped
        ("hub/webcar", "hub/webcare", True),  # one left out
        ("hub/webcarre", "hub/webcare", True),  # one too many
        ("hub/webcave", "hub/webcare", True),  # one changed
        ("hub/webcare", "hub/webcare", False),
        ("hub/wbcaer", "hub/webcare", False),
        ("hub/marketing", "hub/webcare", False),
    ],
)
def test_one_edit_apart(first, second, apart):
    from lms.people_import import one_edit_apart

    assert one_edit_apart(first, second) is apart
    assert one_edit_apart(second, first) is apart


def test_a_mistyped_unit_is_an_error_that_names_the_unit_meant(roles, webcare):
    before = row_counts()
    text = HEADER + dedent(
        """\
        ann@example.org,Ann,,Hub/Webcaer,,
        bob@example.org,Bob,,Hub/Webcare/Nacht,,
        carla@example.org,Carla,,Hub/Marketing,,
        """
    )

    plan = parse_people_csv(text)

    assert [(error.line, error.message) for error in plan.errors] == [
        (
            2,
            "there is no unit 'Hub/Webcaer': did you mean 'Hub/Webcare'? To "
            "create it, choose to create units that do not exist",
        ),
        (
            3,
            "there is no unit 'Hub/Webcare/Nacht'; to create it, choose to "
            "create units that do not exist",
        ),
        (
            4,
            "there is no unit 'Hub/Marketing'; to create it, choose to create "
            "units that do not exist",
        ),
    ]
    with pytest.raises(ImportRejected):
        apply_import(plan)
    assert row_counts() == before


def test_units_are_created_when_asked_and_a_near_miss_is_pointed_out(roles, webcare):
    text = HEADER + dedent(
        """\
        ann@example.org,Ann,,Hub/Webcaer/Nacht,,
        bob@example.org,Bob,,Hub/Marketing,,
        """
    )

    plan = parse_people_csv(text, create_units=True)

    assert plan.errors == []
    assert plan.changes.new_units == [
        "Hub/Webcaer",
        "Hub/Webcaer/Nacht",
        "Hub/Marketing",
    ]
    assert plan.changes.look_alike_units == {"Hub/Webcaer": "Hub/Webcare"}
    assert (
        "New units",
        [
            "Hub/Webcaer (did you mean Hub/Webcare?)",
            "Hub/Webcaer/Nacht",
            "Hub/Marketing",
        ],
    ) in plan.changes.sections()
    apply_import(plan)
    assert OrgUnit.objects.get(name="Webcaer").get_parent() == webcare.get_parent()


def test_the_command_creates_units_only_when_asked(roles, webcare, write_file):
    text = HEADER + "ann@example.org,Ann,,Hub/Webcaer,,\n"
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_people", write_file(text), stderr=stderr)
    assert "did you mean 'Hub/Webcare'?" in stderr.getvalue()
    assert not OrgUnit.objects.filter(name="Webcaer").exists()

    stdout = io.StringIO()
    call_command("import_people", write_file(text), "--create-units", stdout=stdout)
    assert "Hub/Webcaer (did you mean Hub/Webcare?)" in stdout.getvalue()
    assert OrgUnit.objects.filter(name="Webcaer").exists()


def test_the_upload_creates_units_only_when_ticked_and_lists_them_first(
    client, import_url, hub_manager, roles
):
    hub = OrgUnit.objects.get(name="Hub")
    organisation.create_unit(name="Webcare", parent=hub)
    client.force_login(hub_manager)
    text = HEADER + "ann@example.org,Ann,,Hub/Webcaer,,\n"
    page = client.get(import_url).content.decode()
    assert 'name="create_units"' in page

    response = client.post(import_url, upload(text, dry_run="on"))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "did you mean &#x27;Hub/Webcare&#x27;?" in response.content.decode()

    before = row_counts()
    response = client.post(import_url, upload(text, dry_run="on", create_units="on"))

    assert response.status_code == HTTPStatus.OK
    assert row_counts() == before
    page = response.content.decode()
    assert "Hub/Webcaer: did you mean Hub/Webcare?" in page
    assert ("New units", ["Hub/Webcaer (did you mean Hub/Webcare?)"]) in (
        response.context["sections"]
    )
    # Confirming without the choice carried along creates nothing.
    response = client.post(import_url, {"csv_text": text})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not OrgUnit.objects.filter(name="Webcaer").exists()
    response = client.post(import_url, {"csv_text": text, "create_units": "on"})
    assert response.status_code == HTTPStatus.OK
    assert OrgUnit.objects.get(name="Webcaer").get_parent() == hub


def test_the_import_screen_offers_a_template_that_imports_as_it_is(client, hub):
    from lms.people_import import COLUMNS, parse_people_csv

    client.force_login(hub.manager)
    screen = client.get(reverse("hub_people_import:index")).content.decode()
    url = reverse("hub_people_import:template")
    assert f'href="{url}"' in screen
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    # Its example lines use a unit and a role of this site, in the manager's
    # scope: the file checks without an error.
    plan = parse_people_csv(text.encode(), for_user=hub.manager, create_units=False)
    assert plan.errors == [] and len(text.splitlines()) == 3


def test_a_manager_is_pointed_only_to_units_of_their_own(hub):
    """A look-alike in another spoke is not named: its name is not theirs."""
    text = HEADER + "ann@example.org,Ann,,Hub/Marketnig,,\n"
    plan = parse_people_csv(text, for_user=hub.manager, create_units=False)
    assert plan.errors and all("Marketing" not in e.message for e in plan.errors)
    # HR sees every unit: the same line names the unit meant.
    plan = parse_people_csv(text, for_user=hub.hr, create_units=False)
    assert any("did you mean 'Hub/Marketing'" in e.message for e in plan.errors)
