"""The permission matrix: every URL, as nine kinds of user, by GET and POST.

Each test is one kind and one method, so that xdist spreads them; each
request is isolated (tests/security/probe.py). A test collects every
mismatch before it fails. While a GET runs, and a POST that is refused, no
row may change except the lazy creations allowed below, by table.
"""

import pytest

from tests.security.outcomes import Outcome
from tests.security.policies import KINDS, METHODS
from tests.security.probe import send
from tests.security.samples import samples

pytestmark = pytest.mark.django_db

ALLOWED_LAZY_WRITES = {
    "INSERT django_session": "a session is made when a page first stores "
    "something in it (a message)",
    "UPDATE django_session": "allauth keeps a password-reset key in the session "
    "and redirects to a URL without it",
    "DELETE django_session": "allauth signs out whoever opens a confirmation link "
    "of another account (ConfirmEmailView.logout_other_user)",
    "INSERT wagtailusers_userprofile": "Wagtail makes an admin user's profile the "
    "first time it reads it (UserProfile.get_for_user)",
    "INSERT wagtailimages_rendition": "an image's renditions are made the first time "
    "they are shown",
    "INSERT wagtailadmin_editingsession": "Wagtail's edit forms note who has them open, "
    "to warn of concurrent editing",
    "INSERT wagtailcore_pagesubscription": "Wagtail's page edit form subscribes its "
    "user to the page's comment notifications",
    "INSERT account_emailaddress": "allauth records an account's email address the "
    "first time its email page opens",
    "INSERT certification_certificatesettings": "a site's certificate settings are "
    "made the first time they are read (BaseSiteSetting.for_site)",
    "INSERT certification_statuslistentry": "a certificate's place in the revocation "
    "status list is taken the first time its credential is signed",
    "UPDATE lms_calendarfeed": "a calendar feed notes when it was last fetched "
    "(at most once an hour)",
}
REFUSALS = {Outcome.LOGIN, Outcome.DENIED, Outcome.HIDDEN}


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("kind", KINDS)
def test_matrix(world, client_as, quiet_request_log, kind, method):
    client = client_as(kind)
    mismatches, writes = [], []
    for sample in samples(world.ids):
        result = send(
            client,
            method,
            sample.url,
            sample.data,
            run_deferred=method == "GET" or not sample.entry.allows(kind, method),
        )
        expected = sample.entry.expected(kind, method)
        if result.outcome != expected:
            mismatches.append(
                f"  {kind} {method} {sample.url} [{sample.name}, "
                f"{sample.entry.policy}]: got {result.describe()}, expected {expected}"
            )
        # Refused, or found bad (a form with errors): nothing may change.
        refused = (
            not sample.entry.allows(kind, method)
            or (result.outcome in REFUSALS and result.outcome != expected)
            or result.outcome == Outcome.BAD
        )
        if method == "GET" or refused:
            changed = sorted(set(result.writes) - ALLOWED_LAZY_WRITES.keys())
            if changed:
                writes.append(
                    f"  {kind} {method} {sample.url} [{sample.name}]: "
                    f"{result.outcome}, changed {', '.join(changed)}"
                )
    report = []
    if mismatches:
        report.append(
            f"{len(mismatches)} outcomes differ from tests/security/expectations.py:"
        )
        report.extend(mismatches)
    if writes:
        report.append(
            f"{len(writes)} requests changed rows they may not (a GET, or a "
            "refused POST; ALLOWED_LAZY_WRITES lists the exceptions):"
        )
        report.extend(writes)
    assert not report, "\n".join(report)
