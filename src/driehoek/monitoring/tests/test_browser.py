"""The journey of issue 3 in Debian's chromium: a corporation fills in an indicator and makes a
voorzet, the tenant association disagrees, the municipality agrees, and the table shows it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import User
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def aa_en_hunze(live_server):
    return kader_with_users(
        [
            ("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
            ("gerda", "Gemeente Aa en Hunze", User.Rol.INVULLER),
            ("wim", "Woonborg", User.Rol.INVULLER),
            ("anton", "Algemene Huurdersvereniging WOON", User.Rol.INVULLER),
        ]
    )


def test_voorzet_reactions_and_the_monitoringstabel(page: Page, live_server, aa_en_hunze):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    agreement = f"{base}/sets/{aa_en_hunze.slug}/monitoring/2026/afspraken/1/"

    # Woonborg fills in "aantal opgeleverde woningen" and makes the voorzet "oranje (a)".
    log_in(page, base, "wim")
    page.get_by_role("link", name="Kaderafspraken 2026-2031").click()
    page.get_by_role("link", name="Monitoring en beoordelingen").click()
    page.get_by_role("link", name="2026", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Wat wacht op Woonborg"))).to_be_visible()
    page.goto(agreement)
    indicator = page.locator("article.indicator", has_text="aantal opgeleverde woningen")
    indicator.get_by_label("Waarde", exact=True).fill("12")
    indicator.get_by_label("Eenheid").fill("woningen")
    indicator.get_by_label("Bron").fill("Opleveringslijst Woonborg")
    page.get_by_role("button", name="Waarden opslaan").click()  # in place (htmx), no page reload
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("is opgeslagen")
    expect(page.locator("#suggestie-kop")).to_be_visible()

    page.get_by_label("oranje", exact=True).check()
    page.get_by_label(re.compile(r"^\(a\) oranje: vertraagde uitvoering")).check()
    page.get_by_role("button", name="Voorzet opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Licht oranje toe")  # toelichting is required
    page.get_by_label("Toelichting", exact=True).fill("Twee projecten in Gieten schuiven door stikstof naar 2027.")
    page.get_by_role("button", name="Voorzet opslaan").click()
    expect(page.locator(".status-line")).to_contain_text("oranje (a): vertraagde uitvoering")
    page.screenshot(path=ARTIFACTS / "monitoring-voorzet-woonborg.png", full_page=True)

    # AH WOON disagrees, with a reason, and cannot edit the voorzet.
    log_in(page, base, "anton")
    page.goto(agreement)
    expect(page.get_by_role("button", name="Voorzet opslaan")).to_have_count(0)
    expect(
        page.locator("article.indicator", has_text="aantal opgeleverde woningen").get_by_role("button")
    ).to_have_count(0)
    reaction = page.locator("form", has=page.get_by_role("button", name="Reactie versturen"))
    reaction.get_by_label("niet akkoord").check()
    reaction.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".error-summary")).to_contain_text("Geef de reden")
    reaction.get_by_label("niet akkoord").check()
    reaction.get_by_label("Toelichting", exact=True).fill("De vertraging raakt ook de plannen in Rolde.")
    reaction.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".reactions")).to_contain_text("Algemene Huurdersvereniging WOON: niet akkoord")

    # The municipality agrees.
    log_in(page, base, "gerda")
    page.goto(agreement)
    page.get_by_label("akkoord", exact=True).check()
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator(".reactions")).to_contain_text("Gemeente Aa en Hunze: akkoord")
    expect(page.locator(".status-line")).to_contain_text("in bespreking")

    # The monitoringstabel and the focus list show it.
    page.goto(f"{base}/sets/{aa_en_hunze.slug}/monitoring/2026/tabel/")
    row = page.locator("tr", has_text="aantal opgeleverde woningen")
    expect(row).to_contain_text("oranje (a): vertraagde uitvoering")
    expect(row).to_contain_text("Twee projecten in Gieten")
    expect(row).to_contain_text("12 woningen")
    expect(page.locator("table.monitoringstabel tbody tr")).to_have_count(30)
    page.screenshot(path=ARTIFACTS / "monitoring-tabel-2026.png", full_page=True)
    page.get_by_role("link", name="Focuslijst").click()
    expect(page.locator(".focus-list")).to_contain_text("Afspraak 1")
    page.get_by_role("link", name="Dashboard").click()
    page.screenshot(path=ARTIFACTS / "monitoring-dashboard-2026.png", full_page=True)

    b = Beoordeling.objects.get(afspraak__afsprakenset=aa_en_hunze, afspraak__nummer="1", jaar=2026)
    assert (b.kleur, b.reden, b.status) == ("oranje", "a", Status.IN_BESPREKING)
    assert Indicatorwaarde.objects.get(indicator__afspraak=b.afspraak, jaar=2026).waarde == 12
    assert sorted(b.reacties.values_list("partij__korte_naam", "soort")) == [
        ("AH WOON", "niet_akkoord"),
        ("Gemeente", "akkoord"),
    ]
