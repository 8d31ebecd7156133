"""A meeting in Debian's chromium: plan it from the cycle, its agenda, draft minutes, a correction by
the tenant association, final minutes."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.cycle.models import Verslag
from driehoek.register.models import Afsprakenset
from driehoek.register.seeds import load_aa_en_hunze

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def kader(live_server):
    load_aa_en_hunze()
    for username, party, rol in [
        ("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
        ("anton", "Algemene Huurdersvereniging WOON", User.Rol.INVULLER),
    ]:
        User.objects.create_user(username, password=PASSWORD, partij=Partij.objects.get(naam=party), rol=rol)
    return Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")


def test_meeting_agenda_minutes_correction_final(page: Page, live_server, kader):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    log_in(page, base, "sanne")
    page.goto(f"{base}/sets/{kader.slug}/")
    page.get_by_role("link", name="Jaarcyclus en overleggen").click()
    page.get_by_label("Jaar").select_option("2027")
    page.get_by_role("button", name="Jaar plannen").click()
    expect(page.get_by_role("heading", name="2027")).to_be_visible()
    expect(page.locator("tr", has_text="Bestuurlijk overleg voor 1 april")).to_contain_text("31 maart 2027")
    page.screenshot(path=ARTIFACTS / "cyclus-2027.png", full_page=True)

    page.locator("tr", has_text="Bestuurlijk overleg voor 1 april").get_by_role("link", name="Overleg plannen").click()
    page.get_by_label("Datum en tijd").fill("2027-03-22T14:00")
    page.get_by_label("Plaats").fill("Gemeentehuis Gieten")
    page.get_by_role("button", name="Overleg plannen").click()
    agenda = page.locator("ol.agenda")
    expect(agenda).to_contain_text("Vaststellen evaluatie voorgaande jaar")
    expect(agenda).to_contain_text("Leefbaarheid")

    page.get_by_role("textbox", name="Verslag", exact=True).fill(
        "1. Opening door de wethouder.\n\n2. De evaluatie 2026 is besproken."
    )
    page.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_role("button", name=re.compile("Ter controle aan de andere partijen")).click()
    expect(page.locator("#verslag-kop + p")).to_contain_text("ter controle en aanvulling")
    meeting_url = page.url

    log_in(page, base, "anton")
    page.goto(meeting_url)
    expect(page.get_by_role("button", name="Verslag opslaan")).to_have_count(0)
    page.get_by_label("Correctie of aanvulling van uw partij").fill("Namens AH WOON waren twee bestuursleden aanwezig.")
    page.get_by_role("button", name="Correctie doorgeven").click()
    expect(page.locator(".reactions")).to_contain_text("Namens AH WOON waren twee bestuursleden aanwezig.")

    log_in(page, base, "sanne")
    page.goto(meeting_url)
    correction = page.locator(".reaction", has_text="twee bestuursleden")
    correction.get_by_label("overnemen", exact=True).check()
    correction.get_by_role("button", name="Vastleggen").click()
    expect(page.locator(".reaction", has_text="twee bestuursleden")).to_contain_text("overgenomen")
    text = page.get_by_role("textbox", name="Verslag", exact=True)
    expect(text).to_have_value(re.compile(r"Correctie van [^\n]+: Namens AH WOON waren twee bestuursleden aanwezig\."))
    text.fill(text.input_value() + "\n\n3. Aanwezig namens AH WOON: twee bestuursleden.")
    page.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_role("button", name="Verslag definitief maken").click()
    expect(page.locator("#verslag-kop + p")).to_contain_text("definitief")
    expect(page.get_by_role("button", name="Verslag opslaan")).to_have_count(0)
    expect(page.locator(".minutes")).to_contain_text("Aanwezig namens AH WOON: twee bestuursleden.")
    page.screenshot(path=ARTIFACTS / "overleg-verslag-definitief.png", full_page=True)

    verslag = Verslag.objects.get()
    # draft, round, correction worked in, edit, final
    assert verslag.status == Verslag.Status.DEFINITIEF and verslag.history.count() == 5
