"""The yearly-programme journey of issue 14 in Debian's chromium: the secretary starts jaarprogramma
2027 from the adopted 2026 evaluation, AH WOON proposes a stricter yearly target for agreement 1,
Woonborg answers niet akkoord with a reason, AH WOON revises, all agree, the secretary adopts, and in
the 2027 monitoring agreement 1's suggestion uses the yearly target. A screenshot of every step."""

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import User
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.jaarprogramma.models import Jaarprogramma, Voorstel
from driehoek.register.models import Afsprakenset, Jaardoel

from .helpers import adopt_2026

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
USERS = [
    ("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
    ("gerda", "Gemeente Aa en Hunze", User.Rol.INVULLER),
    ("wim", "Woonborg", User.Rol.INVULLER),
    ("vera", "Woningstichting De Volmacht", User.Rol.INVULLER),
    ("zoe", "Woonzorg Nederland", User.Rol.INVULLER),
    ("anton", "Algemene Huurdersvereniging WOON", User.Rol.INVULLER),
    ("dirk", "Huurdersvereniging De Deelmacht", User.Rol.INVULLER),
]


@pytest.fixture
def aa_en_hunze(live_server):
    kader = kader_with_users(USERS)
    people = {
        key: User.objects.get(username=name)
        for key, name in (
            ("secretaris", "sanne"),
            ("gemeente", "gerda"),
            ("woonborg", "wim"),
            ("volmacht", "vera"),
            ("woonzorg", "zoe"),
            ("ahwoon", "anton"),
            ("deelmacht", "dirk"),
        )
    }
    adopt_2026(kader, people)  # agreement 1: oranje (a), 12 homes delivered in 2026
    return kader


def shot(page: Page, name: str) -> None:
    page.screenshot(path=ARTIFACTS / f"jaarprogramma-{name}.png", full_page=True)


def test_jaarprogramma_2027_with_a_stricter_yearly_target(page: Page, live_server, aa_en_hunze):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    kader = aa_en_hunze

    # 1. The secretary starts jaarprogramma 2027; a deadline in the past is refused first.
    log_in(page, base, "sanne")
    page.get_by_role("link", name="Kaderafspraken 2026-2031").click()
    page.get_by_role("link", name="Jaarprogramma's").click()
    page.get_by_label("Jaar van het programma").select_option("2027")
    page.get_by_label("Reacties van de partijen uiterlijk").fill((date.today() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Jaarprogramma starten").click()
    expect(page.locator(".error-summary")).to_contain_text("ligt in het verleden")
    page.get_by_label("Reacties van de partijen uiterlijk").fill((date.today() + timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Jaarprogramma starten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaarprogramma 2027")
    first_row = page.locator("table tbody tr").first
    expect(first_row).to_contain_text("1.")
    expect(first_row).to_contain_text("oranje")
    expect(first_row).to_contain_text("versnellen de locatie in Gieten")
    shot(page, "1-gestart")

    # 2. AH WOON proposes a stricter yearly target for agreement 1: 35 instead of the phasing's 20.
    log_in(page, base, "anton")
    page.goto(f"{base}/sets/{kader.slug}/jaarprogramma/2027/afspraken/1/")
    indicator = page.locator("article.indicator", has_text="aantal opgeleverde woningen")
    expect(indicator).to_contain_text("ten minste 20")
    indicator.get_by_text("Een ander jaardoel voorstellen").click()
    indicator.get_by_label("Jaardoel", exact=True).fill("35")
    indicator.get_by_label("Toelichting").fill("Inhalen wat in 2026 achterbleef.")
    indicator.get_by_role("button", name="Jaardoel voorstellen").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("Uw voorstel is opgeslagen")
    shot(page, "2-voorstel-ahwoon")

    # 3. Woonborg answers niet akkoord; without a reason it is refused.
    log_in(page, base, "wim")
    page.goto(f"{base}/sets/{kader.slug}/jaarprogramma/2027/")
    expect(page.get_by_role("heading", name=re.compile("Wacht op de reactie van Woonborg"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Jaardoel: aantal opgeleverde woningen")).first.click()
    expect(page.locator("#wat-kop + p")).to_contain_text("ten minste 35")
    page.get_by_label("niet akkoord").check()
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Geef de reden")
    page.get_by_label("niet akkoord").check()
    page.get_by_label("Reden").fill("35 haalt de planning niet: de hard plannen voor 2027 zijn 26 woningen.")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".reactions")).to_contain_text("Woonborg: niet akkoord")
    shot(page, "3-niet-akkoord-woonborg")
    voorstel_url = page.url

    # 4. AH WOON revises to 30.
    log_in(page, base, "anton")
    page.goto(voorstel_url)
    revise = page.locator("form", has=page.get_by_role("button", name="Herzien voorstel indienen"))
    revise.get_by_label("Jaardoel", exact=True).fill("30")
    revise.get_by_label("Toelichting").fill("30: wat de harde plannen met één versneld project halen.")
    revise.get_by_role("button", name="Herzien voorstel indienen").click()
    expect(page.locator(".status-line")).to_contain_text("versie 2")
    expect(page.locator("#wat-kop + p")).to_contain_text("ten minste 30")
    shot(page, "4-herzien-ahwoon")

    # 5. All other parties agree with version 2.
    for username in ("wim", "gerda", "vera", "zoe", "dirk"):
        log_in(page, base, username)
        page.goto(voorstel_url)
        page.get_by_label("akkoord", exact=True).check()
        page.get_by_role("button", name="Reactie versturen").click()
        expect(page.locator(".messages, [role=status]").first).to_contain_text("Uw reactie is opgeslagen")
    expect(page.locator(".status-line")).to_contain_text("aangenomen")
    shot(page, "5-aangenomen")
    voorstel = Voorstel.objects.get()
    assert (voorstel.status, voorstel.revisie, voorstel.waarde) == ("aangenomen", 2, Decimal(30))

    # 6. The secretary adopts; the programme is a set under the framework with the yearly target.
    log_in(page, base, "sanne")
    page.goto(f"{base}/sets/{kader.slug}/jaarprogramma/2027/")
    expect(page.locator("table tbody tr").first).to_contain_text("ten minste 30")
    page.get_by_role("button", name="Vaststellen").click()
    expect(page.locator(".status-line")).to_contain_text("Vastgesteld op")
    shot(page, "6-vastgesteld")
    programma = Jaarprogramma.objects.get()
    nieuw = programma.programma
    assert (nieuw.soort, nieuw.bovenliggende_set_id, nieuw.status) == (
        Afsprakenset.Soort.JAARPROGRAMMA,
        kader.pk,
        Afsprakenset.Status.CONCEPT,
    )
    doel = Jaardoel.objects.get(jaar=2027, afsprakenset=nieuw)
    assert (doel.waarde, doel.indicator.omschrijving) == (Decimal(30), "aantal opgeleverde woningen")
    page.get_by_role("link", name="Het jaarprogramma in het register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarprogramma 2027")
    shot(page, "7-in-het-register")

    # 7. In the 2027 monitoring, agreement 1's suggestion follows the yearly target.
    page.goto(f"{base}/sets/{kader.slug}/monitoring/")
    page.get_by_label("Jaar").select_option("2027")
    page.get_by_role("button", name="Monitoring starten").click()
    log_in(page, base, "wim")
    page.goto(f"{base}/sets/{kader.slug}/monitoring/2027/afspraken/1/")
    indicator = page.locator("article.indicator", has_text="aantal opgeleverde woningen")
    indicator.get_by_label("Waarde", exact=True).fill("24")
    indicator.get_by_label("Eenheid").fill("woningen")
    page.get_by_role("button", name="Waarden opslaan").click()
    suggestion = page.locator("section", has=page.locator("#suggestie-kop"))
    # 12 + 24 = 36 delivered; phasing: 2027 = 30, the other five years share 90 (18 each): 48 expected.
    expect(suggestion).to_contain_text("volgens de jaardoelen")
    expect(suggestion).to_contain_text("verwacht: 48")
    expect(suggestion).to_contain_text("oranje")
    expect(suggestion).to_contain_text("2027: ten minste 30")
    shot(page, "8-suggestie-2027")
    page.goto(f"{base}/sets/{kader.slug}/monitoring/2027/tabel/")
    expect(page.locator(".jaardoel").first).to_contain_text("Jaardoel 2027: ten minste 30")
    shot(page, "9-monitoringstabel-2027")

    # 8. The period evaluation (on request, before the last year) shows the years and the lessons.
    page.goto(f"{base}/sets/{kader.slug}/")
    page.get_by_role("link", name="Periode-evaluatie").click()
    expect(page.locator(".periode-lichten")).to_contain_text("oranje (a)")
    expect(page.locator("dl.lessen").first).to_contain_text("versnellen de locatie in Gieten")
    shot(page, "10-periode-evaluatie")
