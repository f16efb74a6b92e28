"""HR invites a new colleague from their screen; the colleague opens the
mail's link in another browser, chooses a password and lands on My
learning, turns on an authenticator app; the link then no longer works."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail

from lms.models import Invitation, OrgUnit
from lms.organisation import services as organisation
from tests.e2e.conftest import log_in
from tests.factories import UserFactory
from tests.totp import totp

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PASSWORD = "a brand new passphrase 42"


def test_hr_invites_a_person_who_sets_a_password(demo, page, axe, page_errors):
    newcomer = UserFactory(name="Noor Nieuw", email="noor@example.org")
    newcomer.set_unusable_password()
    newcomer.save()
    organisation.join_role(user=newcomer, unit=OrgUnit.objects.get(name="Webcare"))

    log_in(page, demo, "hr@example.org", f"/admin/hub/people/{newcomer.pk}/")
    assert page.get_by_text("Is nog nooit ingelogd.").is_visible()
    page.get_by_role("link", name="Een uitnodiging sturen").click()
    page.wait_for_url(f"{demo}/admin/hub/people/{newcomer.pk}/invite/")
    axe(page)
    page.get_by_role("button", name="De uitnodiging sturen").click()
    page.wait_for_url(f"{demo}/admin/hub/people/{newcomer.pk}/")
    assert page.get_by_text(
        "De uitnodiging is verstuurd naar noor@example.org"
    ).is_visible()
    assert page.get_by_text("Uitgenodigd op").is_visible()

    [message] = [m for m in mail.outbox if m.to == ["noor@example.org"]]
    link = re.search(r"https?://\S+/learn/invitations/\S+/", message.body).group(0)
    link = demo + link[link.index("/learn/") :]

    # The colleague, in a browser of their own.
    other = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL"
    )
    visitor = other.new_page()
    visitor.goto(link)
    assert "/continue/" in visitor.url  # the token is out of the address bar
    assert visitor.get_by_role("heading", name="Welkom, Noor Nieuw").is_visible()
    axe(visitor)
    visitor.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW_PASSWORD)
    visitor.get_by_label("Nieuw wachtwoord bevestigen").fill(NEW_PASSWORD)
    visitor.get_by_role("button", name="Wachtwoord instellen en beginnen").click()
    visitor.wait_for_url(f"{demo}/learn/")
    assert visitor.get_by_text("Je wachtwoord is ingesteld").is_visible()

    newcomer.refresh_from_db()
    assert newcomer.check_password(NEW_PASSWORD)
    assert Invitation.objects.get(user=newcomer).accepted_at is not None

    # She turns on an authenticator app: the link confirmed her address,
    # which allauth asks for first.
    visitor.goto(f"{demo}/accounts/2fa/totp/activate/")
    if "/accounts/reauthenticate/" in visitor.url:
        visitor.fill("input[name=password]", NEW_PASSWORD)
        visitor.locator("main form button[type=submit]").click()
        visitor.wait_for_url(f"{demo}/accounts/2fa/totp/activate/")
    secret = visitor.input_value("#authenticator_secret")
    visitor.fill("input[name=code]", totp(secret))
    visitor.locator("main form button[type=submit]").click()
    visitor.wait_for_url(f"{demo}/accounts/2fa/recovery-codes/")
    assert Authenticator.objects.filter(
        user=newcomer, type=Authenticator.Type.TOTP
    ).exists()

    # The link again, in a third browser: it has been used.
    third = page.context.browser.new_context(locale="nl-NL").new_page()
    response = third.goto(link)
    assert response.status == 410
    assert third.get_by_text("Hij is al gebruikt").is_visible()
    axe(third)
    other.close()
