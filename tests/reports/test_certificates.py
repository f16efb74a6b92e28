"""The certificate reports against the organisation of conftest.py."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from certification.models import Certificate, Certification
from tests.reports.pages import table_rows

pytestmark = pytest.mark.django_db

CERTIFICATES = reverse("hub_reports_certificates")
EXPIRING = reverse("hub_reports_expiring")

# Columns of the page: person, units, roles, certification, issued, valid
# from, valid until, status.
PERSON, CERTIFICATION, UNTIL, STATUS = 0, 3, 6, 7


def rows_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == HTTPStatus.OK, response.content[:2000]
    return response, table_rows(response)


def holders(rows):
    return sorted((row[PERSON], row[CERTIFICATION]) for row in rows)


@pytest.mark.parametrize(
    "valid_until",
    [None, -400, -1, 0, 1, 29, 30, 31, 59, 60, 61, 400],
)
@pytest.mark.parametrize("window", [30, 60])
@pytest.mark.parametrize("revoked", [False, True])
@pytest.mark.parametrize("starts", [-500, 0, 1])
def test_the_sql_status_is_status_on(user, valid_until, window, revoked, starts):
    if valid_until is not None and valid_until < starts:
        pytest.skip("a period ends after it starts")
    today = date(2026, 3, 1)
    certification = Certification.objects.create(
        name=f"Window {window}", validity_months=12, renewal_window_days=window
    )
    Certification.objects.create(name="Other window", renewal_window_days=7)
    certificate = Certificate.objects.create(
        holder=user,
        certification=certification,
        valid_from=today + timedelta(starts),
        valid_until=None if valid_until is None else today + timedelta(valid_until),
        revoked_at=timezone.now() if revoked else None,
    )
    annotated = Certificate.objects.with_status(today).get()
    assert annotated.status == certificate.status_on(today)
    assert (
        Certificate.objects.with_status(today)
        .filter(status=certificate.status_on(today))
        .exists()
    )


@pytest.mark.parametrize(
    ("kind", "figures", "certificates"),
    [
        (
            "hr",
            {
                "total": 9,
                "valid": 2,
                "expiring": 4,
                "expired": 1,
                "revoked": 1,
                "pending": 1,
            },
            [
                ("Anna Webcare", "Crisis certified"),
                ("Anna Webcare", "Crisis certified"),
                ("Anna Webcare", "Webcare certified"),
                ("Dirk Left", "Webcare certified"),
                ("Eva Erased", "Webcare certified"),
                ("Fenna Twofold", "Crisis certified"),
                ("Learner Marketing", "Webcare certified"),
                ("Learner Webcare", "Crisis certified"),
                ("Learner Webcare", "Webcare certified"),
            ],
        ),
        (
            "manager",
            {
                "total": 6,
                "valid": 2,
                "expiring": 2,
                "expired": 1,
                "revoked": 0,
                "pending": 1,
            },
            [
                ("Anna Webcare", "Crisis certified"),
                ("Anna Webcare", "Crisis certified"),
                ("Anna Webcare", "Webcare certified"),
                ("Fenna Twofold", "Crisis certified"),
                ("Learner Webcare", "Crisis certified"),
                ("Learner Webcare", "Webcare certified"),
            ],
        ),
        (
            "other_manager",
            {
                "total": 2,
                "valid": 1,
                "expiring": 1,
                "expired": 0,
                "revoked": 0,
                "pending": 0,
            },
            [
                ("Fenna Twofold", "Crisis certified"),
                ("Learner Marketing", "Webcare certified"),
            ],
        ),
    ],
)
def test_certificate_figures_and_rows_in_the_viewers_scope(
    viewer, kind, figures, certificates
):
    response, rows = rows_of(viewer(kind), CERTIFICATES)
    assert response.context["figures"] == figures
    assert holders(rows) == certificates


def test_each_certificate_shows_its_status(viewer, org):
    _response, rows = rows_of(viewer("hr"), CERTIFICATES, ordering="valid_until")
    assert [(row[PERSON], row[STATUS]) for row in rows] == [
        ("Learner Webcare", "Expired"),
        ("Anna Webcare", "Expiring"),
        ("Eva Erased", "Expiring"),
        ("Anna Webcare", "Expiring"),
        ("Learner Marketing", "Expiring"),  # ends T+45, window 60
        ("Fenna Twofold", "Valid"),  # ends T+45, window 30
        ("Learner Webcare", "Valid"),
        ("Dirk Left", "Revoked"),
        ("Anna Webcare", "Not yet valid"),
    ]


def certificate_filters(org):
    today = org.today

    def day(offset):
        return str(today + timedelta(days=offset))

    w, c = "Webcare certified", "Crisis certified"
    learner, anna, fenna = "Learner Webcare", "Anna Webcare", "Fenna Twofold"
    outsider, dirk, eva = "Learner Marketing", "Dirk Left", "Eva Erased"
    return [
        (
            {"unit": org.hub.spoke.pk},
            [(anna, c), (anna, c), (anna, w), (fenna, c), (learner, c), (learner, w)],
        ),
        ({"unit": org.hub.other_spoke.pk}, [(fenna, c), (outsider, w)]),
        (
            {"role": org.hub.role.pk},
            [
                (anna, c),
                (anna, c),
                (anna, w),
                (fenna, c),
                (learner, c),
                (learner, w),
                (outsider, w),
            ],
        ),
        (
            {"unit": org.hub.spoke.pk, "role": org.hub.role.pk},
            [(anna, c), (anna, c), (anna, w), (learner, c), (learner, w)],
        ),
        (
            {"certification": org.crisis.pk},
            [(anna, c), (anna, c), (fenna, c), (learner, c)],
        ),
        (
            {"status": "expiring"},
            [(anna, c), (anna, w), (eva, w), (outsider, w)],
        ),
        ({"status": "valid"}, [(fenna, c), (learner, w)]),
        ({"status": "pending"}, [(anna, c)]),
        ({"status": "expired"}, [(learner, c)]),
        ({"status": "revoked"}, [(dirk, w)]),
        (
            {"issued_from": day(-500), "issued_to": day(-300)},
            [(dirk, w), (learner, c)],
        ),
        (
            {"valid_until_from": day(0), "valid_until_to": day(30)},
            [(anna, c), (anna, w), (eva, w)],
        ),
        ({"valid_until_to": day(0)}, [(learner, c)]),
    ]


def test_every_certificate_filter(viewer, org):
    client = viewer("hr")
    for query, expected in certificate_filters(org):
        response, rows = rows_of(client, CERTIFICATES, **query)
        assert holders(rows) == sorted(expected), query
        assert response.context["figures"]["total"] == len(expected), query


@pytest.mark.parametrize(
    ("kind", "days", "expected"),
    [
        # Anna's Crisis certificate (T+5) is renewed already: not listed.
        (
            "hr",
            None,
            [
                ("Eva Erased", "Webcare certified"),
                ("Anna Webcare", "Webcare certified"),
            ],
        ),
        (
            "hr",
            "30",
            [
                ("Eva Erased", "Webcare certified"),
                ("Anna Webcare", "Webcare certified"),
            ],
        ),
        ("hr", "0", []),
        ("hr", "10", [("Eva Erased", "Webcare certified")]),
        (
            "hr",
            "45",
            [
                ("Eva Erased", "Webcare certified"),
                ("Anna Webcare", "Webcare certified"),
                ("Learner Marketing", "Webcare certified"),
                ("Fenna Twofold", "Crisis certified"),
            ],
        ),
        ("manager", None, [("Anna Webcare", "Webcare certified")]),
        (
            "manager",
            "64",
            [
                ("Anna Webcare", "Webcare certified"),
                ("Fenna Twofold", "Crisis certified"),
                ("Learner Webcare", "Webcare certified"),
            ],
        ),
        ("other_manager", None, []),
    ],
)
def test_expiring_within_days(viewer, kind, days, expected):
    params = {} if days is None else {"days": days}
    response, rows = rows_of(viewer(kind), EXPIRING, **params)
    # Soonest first (ties by name).
    assert [(row[PERSON], row[CERTIFICATION]) for row in rows] == expected
    assert response.context["certificate_count"] == len(expected)
    assert response.context["days"] == int(days or 30)


def test_the_expiring_report_shows_30_days_by_default(viewer):
    response = viewer("hr").get(EXPIRING)
    form = response.context["filters"].form
    assert form["days"].value() == "30"
    # Not an active filter: it is where the report starts.
    assert response.context["view"].active_filters == []


def test_expiring_combines_with_other_filters(viewer, org):
    _response, rows = rows_of(
        viewer("hr"), EXPIRING, days="45", certification=org.webcare.pk
    )
    assert [row[PERSON] for row in rows] == [
        "Eva Erased",
        "Anna Webcare",
        "Learner Marketing",
    ]
    _response, rows = rows_of(viewer("hr"), EXPIRING, days="45", unit=org.hub.spoke.pk)
    assert [row[PERSON] for row in rows] == ["Anna Webcare", "Fenna Twofold"]


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("abc", "Enter the number of days as a whole number, such as 30."),
        ("1.5", "Enter the number of days as a whole number, such as 30."),
        ("-1", "The number of days cannot be negative."),
        ("100000", "Enter at most 3650 days."),
    ],
)
def test_bad_days_are_a_clear_error(viewer, days, message):
    client = viewer("hr")
    response = client.get(EXPIRING, {"days": days})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert message in page
    assert table_rows(response) == []
    fragment = client.get(reverse("hub_reports_expiring_results"), {"days": days})
    assert fragment.status_code == HTTPStatus.OK
    assert message in fragment.content.decode()
    export = client.get(EXPIRING, {"days": days, "export": "csv"})
    assert export.status_code == HTTPStatus.BAD_REQUEST
    assert not export.streaming


def test_erased_people_stay_in_hrs_totals(viewer, org):
    """Totals do not change when a person is erased (made inactive) later."""
    client = viewer("hr")
    before = rows_of(client, CERTIFICATES)[0].context["figures"]
    get_user_model().objects.filter(pk=org.anna.pk).update(is_active=False)
    assert rows_of(client, CERTIFICATES)[0].context["figures"] == before


def test_a_revoked_renewal_leaves_the_certificate_expiring(viewer, org):
    renewed, renewal = org.certificates[7], org.certificates[8]
    client = viewer("hr")
    _, rows = rows_of(client, EXPIRING)
    assert (renewed.holder.name, "Crisis certified") not in holders(rows)
    Certificate.objects.filter(pk=renewal.pk).update(
        revoked_at=timezone.now(), revocation_reason="Fraud"
    )
    _, rows = rows_of(client, EXPIRING)
    assert (renewed.holder.name, "Crisis certified") in holders(rows)
