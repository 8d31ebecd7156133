"""Learning from other municipalities, in Debian's chromium: AH WOON opens agreement 4
(doorstroming) and sees similar agreements elsewhere with their lights; the secretary searches the
country for "doorstroming senioren"; a weak agreement shows what it lacks and a stronger example."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.register.models import Gemeente
from driehoek.register.seeds import load_aa_en_hunze
from driehoek.vergelijken import services

from .test_vergelijken import DOORSTROMING, _set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
KADER = "aa-en-hunze-kaderafspraken-2026-2031"


@pytest.fixture
def country(live_server, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}}}  # fmt: skip
    load_aa_en_hunze()
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")
    User.objects.create_user(
        "ahwoon", password=PASSWORD, partij=Partij.objects.get(naam="Algemene Huurdersvereniging WOON")
    )
    User.objects.create_user("secretaris", password=PASSWORD, partij=gemeente, rol=User.Rol.SECRETARIS)
    _set(
        "noorderveld-2025", Gemeente.objects.create(naam="Noorderveld", provincie="Groningen"), DOORSTROMING,
        published_years=[2025, 2026], lights=[(2025, "groen"), (2026, "groen")],
    )  # fmt: skip
    _set(
        "westerhoeve-2025", Gemeente.objects.create(naam="Westerhoeve", provincie="Utrecht"),
        "We bevorderen de doorstroming: senioren krijgen voorrang op gelijkvloerse woningen en hulp bij de verhuizing.",
        published_years=[2026], lights=[(2026, "oranje")],
    )  # fmt: skip
    services.build_index()


def test_similar_agreements_search_and_smart(page: Page, live_server, country):
    ARTIFACTS.mkdir(exist_ok=True)
    log_in(page, live_server.url, "ahwoon")
    page.goto(f"{live_server.url}/sets/{KADER}/afspraken/4/")
    lijst = page.locator("#vergelijkbaar-lijst")
    expect(lijst).to_contain_text("Noorderveld")
    expect(lijst).to_contain_text("Westerhoeve")
    expect(lijst.locator(".stoplicht").first).to_be_visible()
    expect(lijst).to_contain_text("goed voorbeeld")
    lijst.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "vergelijken-afspraak-4.png", full_page=True)

    # A weak agreement: what it lacks, and a more concrete one elsewhere.
    page.goto(f"{live_server.url}/sets/aa-en-hunze-prestatieafspraken-2022/afspraken/19/")
    smart = page.locator(".smart")
    expect(smart).to_contain_text("vaag")
    expect(smart).to_contain_text("Noem een aantal, percentage of op te leveren resultaat.")
    page.screenshot(path=ARTIFACTS / "vergelijken-smart-zwak.png", full_page=True)

    log_in(page, live_server.url, "secretaris")
    page.get_by_role("link", name="Afspraken elders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraken zoeken in heel Nederland")
    page.get_by_label("Zoekwoorden").fill("doorstroming senioren")
    page.get_by_role("button", name="Zoeken").click()
    resultaten = page.locator(".vergelijkbaar")
    expect(resultaten).to_contain_text("Noorderveld")
    expect(resultaten).to_contain_text("Westerhoeve")
    page.screenshot(path=ARTIFACTS / "vergelijken-zoeken.png", full_page=True)
    page.get_by_role("link", name="Noorderveld · afspraak 1").click()
    expect(page).to_have_url(f"{live_server.url}/openbaar/noorderveld-2025/2026/#t-" + page.url.split("#t-")[-1])


def test_a_weak_proposal_in_the_yearly_programme_shows_what_it_lacks_and_a_stronger_example(
    page: Page, live_server, country
):
    from datetime import date, timedelta

    from driehoek.jaarprogramma import services as programmes
    from driehoek.register.models import Afsprakenset

    kader = Afsprakenset.objects.get(slug=KADER)
    secretaris = User.objects.get(username="secretaris")
    programmes.start(secretaris, kader, 2027, reacties_uiterlijk=date.today() + timedelta(days=14))
    ahwoon = User.objects.get(username="ahwoon")
    ahwoon.rol = User.Rol.INVULLER
    ahwoon.save()

    log_in(page, live_server.url, "ahwoon")
    page.goto(f"{live_server.url}/sets/{KADER}/jaarprogramma/2027/")
    page.get_by_text("Een nieuwe afspraak voorstellen namens").click()
    page.get_by_label("Tekst van de afspraak").fill("We gaan in gesprek over de doorstroming van senioren.")
    page.get_by_role("button", name="Hoe concreet is deze tekst?").click()
    toets = page.locator("#smart-toets")
    expect(toets).to_contain_text("0 van 5")
    expect(toets).to_contain_text("Noem een aantal, percentage of op te leveren resultaat.")
    expect(toets).to_contain_text("Een concreter voorbeeld elders")
    expect(toets).to_contain_text("Noorderveld")
    toets.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "vergelijken-voorstel-smart.png", full_page=True)
