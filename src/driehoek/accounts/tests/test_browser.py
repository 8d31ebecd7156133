"""A secretaris sets up two-factor log-in in the browser, as a person would, and logs in with it."""

from base64 import b32decode

import pytest
from django_otp.oath import hotp
from playwright.sync_api import Page, expect

from django.conf import settings
from django.utils import timezone

from driehoek.accounts.models import User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.core.tests.test_accessibility import _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enrolment_then_log_in_with_the_code(page: Page, live_server, user_factory):
    user_factory(username="sanne", rol=User.Rol.SECRETARIS, is_staff=True, password=PASSWORD)
    page.goto(live_server.url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name="QR-code met de sleutel voor uw authenticator-app")).to_be_visible()
    assert _violations(page) == []  # axe-core, WCAG 2.1 A and AA
    page.screenshot(path=str(settings.BASE_DIR / "test-artifacts" / "tweestaps-instellen.png"), full_page=True)
    # The person types the key into their app; the app shows the code of this half minute.
    key = b32decode(page.locator("#sleutel").inner_text().replace(" ", ""))
    page.get_by_label("Code", exact=True).fill(f"{hotp(key, int(timezone.now().timestamp()) // 30):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw reservecodes")
    expect(page.locator(".backup-codes li")).to_have_count(10)
    assert _violations(page) == []
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn afspraken")
    response = page.goto(live_server.url + "/beheer/")  # the admin is the administrator's (docs/adr/0085)
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Websitebeheer")

    page.context.clear_cookies()  # the second time: password, then the code page
    page.goto(live_server.url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap: code invullen")
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("Deze code klopt niet of is al gebruikt")).to_be_visible()
    assert _violations(page) == []
    page.wait_for_timeout(1100)  # after a wrong code django-otp makes the next attempt wait a second
    log_in(page, live_server.url, "sanne")
