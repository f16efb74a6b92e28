"""The completion and overdue reports against the organisation of conftest.py."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse

from lms.reports.queries import CompletionFigures
from tests.reports.pages import table_rows

pytestmark = pytest.mark.django_db

COMPLETION = reverse("hub_reports_completion")
OVERDUE = reverse("hub_reports_overdue")

# Columns of the page: person, units, roles, course, assigned, due, status,
# completed on, best score.
PERSON, UNITS, ROLES, COURSE, STATUS, SCORE = 0, 1, 2, 3, 6, 8


def rows_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK, response.content[:2000]
    return response, table_rows(response)


def people_courses(rows):
    return sorted((row[PERSON], row[COURSE]) for row in rows)


@pytest.mark.parametrize(
    ("kind", "figures", "people"),
    [
        (
            "hr",
            CompletionFigures(rows=9, completed=3, exempt=1, overdue=3),
            {
                "Anna Webcare",
                "Dirk Left",
                "Eva Erased",
                "Fenna Twofold",
                "Learner Marketing",
                "Learner Webcare",
            },
        ),
        (
            "manager",
            CompletionFigures(rows=5, completed=2, exempt=1, overdue=1),
            {"Anna Webcare", "Fenna Twofold", "Learner Webcare"},
        ),
        (
            "other_manager",
            CompletionFigures(rows=3, completed=0, exempt=0, overdue=1),
            {"Fenna Twofold", "Learner Marketing"},
        ),
    ],
)
def test_completion_figures_and_rows_in_the_viewers_scope(
    viewer, kind, figures, people
):
    response, rows = rows_of(viewer(kind), COMPLETION)
    assert response.context["figures"] == figures
    assert len(rows) == figures.rows
    assert {row[PERSON] for row in rows} == people


def test_completion_rate_leaves_exempt_rows_out():
    assert CompletionFigures(rows=9, completed=3, exempt=1, overdue=3).percent == 38
    assert CompletionFigures(rows=5, completed=2, exempt=1, overdue=1).percent == 50
    assert CompletionFigures(rows=8, completed=1).percent == 13  # 12.5
    assert CompletionFigures(rows=1, completed=0, exempt=1).percent is None
    assert CompletionFigures().percent is None


def test_each_row_shows_units_roles_status_and_best_score(viewer):
    _response, rows = rows_of(viewer("hr"), COMPLETION)
    by_key = {(row[PERSON], row[COURSE]): row for row in rows}
    learner_a = by_key["Learner Webcare", "Webcare basics"]
    assert learner_a[UNITS] == "Night shift"
    assert learner_a[ROLES] == "Webcare agent"
    assert learner_a[STATUS] == "Completed"
    assert learner_a[SCORE] == "85%"
    assert by_key["Learner Webcare", "Crisis basics"][STATUS] == "Overdue"
    assert by_key["Anna Webcare", "Webcare basics"][SCORE] == "70%"
    assert by_key["Anna Webcare", "Crisis basics"][STATUS] == "Exempt"
    assert by_key["Fenna Twofold", "Crisis basics"][STATUS] == "In progress"
    assert by_key["Fenna Twofold", "Crisis basics"][UNITS] == "Marketing, Webcare"
    assert by_key["Learner Marketing", "Crisis basics"][STATUS] == "Not started"
    assert by_key["Learner Marketing", "Crisis basics"][ROLES] == (
        "Content creator, Webcare agent"
    )
    # People who left or were erased stay in HR's totals, without units.
    assert by_key["Dirk Left", "Webcare basics"][UNITS] == ""
    assert by_key["Eva Erased", "Webcare basics"][STATUS] == "Completed"


def test_a_manager_sees_only_the_units_and_roles_of_their_scope(viewer):
    _response, rows = rows_of(viewer("manager"), COMPLETION)
    fenna = next(row for row in rows if row[PERSON] == "Fenna Twofold")
    # Fenna is also a Webcare agent in Marketing, which is not the manager's.
    assert fenna[UNITS] == "Webcare"
    assert fenna[ROLES] == ""


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "hr",
            [
                ("Hub/Marketing", CompletionFigures(3, 0, 0, 1), 0),
                ("Hub/Webcare", CompletionFigures(3, 1, 1, 0), 50),
                ("Hub/Webcare/Night shift", CompletionFigures(2, 1, 0, 1), 50),
            ],
        ),
        (
            "manager",
            [
                ("Hub/Webcare", CompletionFigures(3, 1, 1, 0), 50),
                ("Hub/Webcare/Night shift", CompletionFigures(2, 1, 0, 1), 50),
            ],
        ),
    ],
)
def test_completion_rate_per_unit(viewer, kind, expected):
    response, _rows = rows_of(viewer(kind), COMPLETION)
    per_unit = [
        (entry.label, entry.figures, entry.figures.percent)
        for entry in response.context["per_unit"]
    ]
    assert per_unit == expected
    chart = response.context["chart"]
    assert [(bar.label, bar.percent) for bar in chart.bars] == [
        (label, percent) for label, _figures, percent in expected
    ]
    assert [bar.width for bar in chart.bars][-1] == 150
    page = response.content.decode()
    assert 'role="img"' in page
    assert "<caption" in page


def test_the_chart_keeps_to_the_unit_filtered_on(viewer, org):
    response, _rows = rows_of(viewer("hr"), COMPLETION, unit=org.hub.team.pk)
    assert [entry.label for entry in response.context["per_unit"]] == [
        "Hub/Webcare/Night shift"
    ]


def test_the_chart_counts_only_members_in_the_role_filtered_on(viewer, org):
    """Someone in Webcare without the role does not count there."""
    response, _rows = rows_of(viewer("hr"), COMPLETION, role=org.hub.role.pk)
    rows = {entry.label: entry.figures.rows for entry in response.context["per_unit"]}
    assert rows["Hub/Webcare"] == 2


def completion_filters(org):
    """(query, the (person, course) rows expected), worked out by hand."""
    today = org.today

    def day(offset):
        return str(today + timedelta(days=offset))

    a, b = "Webcare basics", "Crisis basics"
    learner, anna, fenna = "Learner Webcare", "Anna Webcare", "Fenna Twofold"
    outsider, dirk, eva = "Learner Marketing", "Dirk Left", "Eva Erased"
    return [
        (
            {"unit": org.hub.spoke.pk},
            [(anna, a), (anna, b), (fenna, b), (learner, a), (learner, b)],
        ),
        ({"unit": org.hub.team.pk}, [(learner, a), (learner, b)]),
        ({"unit": org.hub.other_spoke.pk}, [(fenna, b), (outsider, a), (outsider, b)]),
        (
            {"unit": org.hub.root.pk},
            [
                (anna, a),
                (anna, b),
                (fenna, b),
                (learner, a),
                (learner, b),
                (outsider, a),
                (outsider, b),
            ],
        ),
        (
            {"role": org.hub.role.pk},
            [
                (anna, a),
                (anna, b),
                (fenna, b),
                (learner, a),
                (learner, b),
                (outsider, a),
                (outsider, b),
            ],
        ),
        ({"role": org.content_creator.pk}, [(outsider, a), (outsider, b)]),
        # One membership must match both: Fenna is an agent in Marketing only.
        (
            {"unit": org.hub.spoke.pk, "role": org.hub.role.pk},
            [(anna, a), (anna, b), (learner, a), (learner, b)],
        ),
        (
            {"course": org.course_b.pk},
            [(anna, b), (fenna, b), (learner, b), (outsider, b)],
        ),
        ({"status": "overdue"}, [(dirk, a), (learner, b), (outsider, a)]),
        ({"status": "completed"}, [(anna, a), (eva, a), (learner, a)]),
        ({"status": "exempt"}, [(anna, b)]),
        ({"status": "in_progress"}, [(fenna, b)]),
        ({"status": "not_started"}, [(outsider, b)]),
        (
            {"due_from": day(-5), "due_to": day(0)},
            [(anna, b), (learner, b), (outsider, a)],
        ),
        # The extended due date counts, not the original one (T-3).
        ({"due_from": day(15), "due_to": day(25)}, [(anna, a)]),
        ({"due_to": day(-10)}, [(dirk, a), (eva, a)]),
        ({"assigned_from": day(-120), "assigned_to": day(-90)}, [(dirk, a), (eva, a)]),
        (
            {"assigned_from": day(0)},
            [
                (anna, a),
                (anna, b),
                (fenna, b),
                (learner, a),
                (learner, b),
                (outsider, a),
                (outsider, b),
            ],
        ),
    ]


def test_every_completion_filter(viewer, org):
    client = viewer("hr")
    for query, expected in completion_filters(org):
        params = {
            key.replace("_from", "_from").replace("_to", "_to")
            if key.startswith(("due_", "assigned_"))
            else key: value
            for key, value in query.items()
        }
        response, rows = rows_of(client, COMPLETION, **params)
        assert people_courses(rows) == sorted(expected), query
        assert response.context["figures"].rows == len(expected), query


def test_filters_combine_and_sort(viewer, org):
    _response, rows = rows_of(
        viewer("hr"),
        COMPLETION,
        course=org.course_a.pk,
        status="overdue",
        ordering="-effective_due",
    )
    assert [(row[PERSON]) for row in rows] == ["Learner Marketing", "Dirk Left"]


def test_filter_choices_stay_in_the_managers_scope(viewer, org):
    response, _rows = rows_of(viewer("manager"), COMPLETION)
    form = response.context["filters"].form
    assert list(form.fields["unit"].queryset) == [org.hub.spoke, org.hub.team]
    assert list(form.fields["role"].queryset) == [org.hub.role]


@pytest.mark.parametrize(
    "query",
    [
        lambda org: {"unit": org.hub.other_spoke.pk},
        lambda org: {"role": org.content_creator.pk},
    ],
)
def test_a_manager_cannot_filter_outside_their_scope(viewer, org, query):
    response = viewer("manager").get(COMPLETION, query(org))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert table_rows(response) == []
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"due_from": "yesterday"},
        {"assigned_to": "2026-13-45"},
        {"course": "abc"},
    ],
)
def test_bad_filter_input_is_a_clear_error_not_everything(viewer, query):
    client = viewer("hr")
    response = client.get(COMPLETION, query)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert table_rows(response) == []
    assert "These filters could not be applied" in response.content.decode()
    # The fragment that filtering swaps in says the same, with a 200.
    fragment = client.get(reverse("hub_reports_completion_results"), query)
    assert fragment.status_code == HTTPStatus.OK
    assert "These filters could not be applied" in fragment.content.decode()


@pytest.mark.parametrize(
    ("kind", "overdue", "people"),
    [
        (
            "hr",
            [
                ("Dirk Left", "Webcare basics"),
                ("Learner Marketing", "Webcare basics"),
                ("Learner Webcare", "Crisis basics"),
            ],
            3,
        ),
        ("manager", [("Learner Webcare", "Crisis basics")], 1),
        ("other_manager", [("Learner Marketing", "Webcare basics")], 1),
    ],
)
def test_overdue_report(viewer, kind, overdue, people):
    response, rows = rows_of(viewer(kind), OVERDUE)
    assert people_courses(rows) == overdue
    assert {row[STATUS] for row in rows} == {"Overdue"}
    assert response.context["overdue_count"] == len(overdue)
    assert response.context["people_count"] == people


def test_overdue_report_is_filtered_by_unit_and_sorted_by_due_date(viewer, org):
    _response, rows = rows_of(viewer("hr"), OVERDUE, unit=org.hub.root.pk)
    # Oldest due first: outsider (T-2) after learner (T-5).
    assert [row[PERSON] for row in rows] == ["Learner Webcare", "Learner Marketing"]
    _response, rows = rows_of(viewer("hr"), OVERDUE, status="completed")
    assert len(rows) == 3  # no status filter here: the parameter is ignored
