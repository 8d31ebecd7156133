"""A person's journey through the register, in Debian's chromium."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.register.seeds import load_aa_en_hunze

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def huurder(live_server):
    load_aa_en_hunze()
    user = User.objects.create_user(
        "anton",
        password="een-lang-wachtwoord-2026",
        first_name="Anton",
        last_name="Huurder",
        partij=Partij.objects.get(naam="Algemene Huurdersvereniging WOON"),
    )
    return user


def test_log_in_search_and_open_agreement_5(page: Page, live_server, huurder):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill("anton")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-2026")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn afspraken")
    page.get_by_role("link", name="Kaderafspraken 2026-2031").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kaderafspraken 2026-2031")

    page.get_by_label("Zoeken in de tekst").fill("aftoppingsgrens")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status").filter(has_text="gevonden")).to_contain_text("voor “aftoppingsgrens”")
    expect(page.locator("mark").first).to_have_text(re.compile("aftoppingsgrens", re.I))
    expect(page.locator("#afspraak-1")).to_have_count(0)
    page.screenshot(path=ARTIFACTS / "register-zoeken-aftoppingsgrens.png", full_page=True)

    page.get_by_role("link", name=re.compile(r"^Afspraak 5: ")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afspraak 5: Voldoende woningen beschikbaar")
    expect(page.get_by_role("table")).to_contain_text("inventarisatie bezit eerste aftoppingsgrens")
    expect(page.get_by_role("table")).to_contain_text(["Woonzorg", "Nederland"][0])
    page.screenshot(path=ARTIFACTS / "register-afspraak-5.png", full_page=True)


def test_a_set_of_another_party_stays_hidden(page: Page, live_server, huurder):
    huurder.partij = Partij.objects.get(naam="Woonzorg Nederland")
    huurder.save()
    page.goto(live_server.url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anton")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-2026")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Prestatieafspraken 2022")).to_have_count(0)
    response = page.goto(live_server.url + "/sets/aa-en-hunze-prestatieafspraken-2022/")
    assert response.status == 404
