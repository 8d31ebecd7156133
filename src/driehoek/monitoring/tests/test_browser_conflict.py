"""No lost updates, as two people see it: Woonborg and De Volmacht open the same agreement in two
browsers, both change the voorzet and then the same indicator value; the second save is refused
and shows who changed it, when, and what is stored now, with the person's own input kept."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.monitoring import services
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde
from driehoek.register.models import Afsprakenset
from driehoek.register.seeds import load_aa_en_hunze

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture
def two_corporations(live_server):
    load_aa_en_hunze()
    for username, first, last, party, rol in [
        ("sanne", "Sanne", "Secretaris", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
        ("wim", "Wim", "Woonborg", "Woonborg", User.Rol.INVULLER),
        ("vera", "Vera", "Volmacht", "Woningstichting De Volmacht", User.Rol.INVULLER),
    ]:
        partij = Partij.objects.get(naam=party)
        User.objects.create_user(username, password=PASSWORD, first_name=first, last_name=last, partij=partij, rol=rol)
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    services.start_year(User.objects.get(username="sanne"), kader, 2026)
    return kader


def test_the_second_save_is_refused_and_shows_the_first(browser: Browser, live_server, two_corporations):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    agreement = f"{base}/sets/{two_corporations.slug}/monitoring/2026/afspraken/5/"
    wim = browser.new_context().new_page()
    vera = browser.new_context().new_page()
    log_in(wim, base, "wim")
    log_in(vera, base, "vera")

    # Both open the agreement and write a voorzet; Wim saves first.
    for page in (wim, vera):
        page.goto(agreement)
    wim.get_by_label("groen", exact=True).check()
    wim.get_by_label("Toelichting", exact=True).fill("Genoeg woningen onder de aftoppingsgrens.")
    vera.get_by_label("oranje", exact=True).check()
    vera.get_by_label(re.compile(r"^\(a\) oranje: vertraagde uitvoering")).check()
    vera.get_by_label("Toelichting", exact=True).fill("De inventarisatie is nog niet af.")
    wim.get_by_role("button", name="Voorzet opslaan").click()
    expect(wim.locator(".status-line")).to_contain_text("groen")
    vera.get_by_role("button", name="Voorzet opslaan").click()
    conflict = vera.locator("section", has=vera.locator("#voorzet-kop")).locator(".conflict")
    expect(conflict).to_contain_text("Wim Woonborg (Woonborg) heeft dit intussen gewijzigd")
    expect(conflict).to_contain_text("groen — Genoeg woningen onder de aftoppingsgrens.")
    expect(vera.locator("#id_voorzet-toelichting")).to_have_value("De inventarisatie is nog niet af.")
    conflict.scroll_into_view_if_needed()
    vera.screenshot(path=ARTIFACTS / "conflict-voorzet.png")
    b = Beoordeling.objects.get(afspraak__afsprakenset=two_corporations, afspraak__nummer="5", jaar=2026)
    assert (b.kleur, b.toelichting, b.history.count()) == ("groen", "Genoeg woningen onder de aftoppingsgrens.", 2)

    # Both fill in the same indicator; Wim saves first again.
    for page in (wim, vera):
        page.goto(agreement)
    for page, number in ((wim, "40"), (vera, "42")):
        indicator = page.locator("article.indicator", has_text="inventarisatie bezit eerste aftoppingsgrens")
        indicator.get_by_label("Waarde", exact=True).fill(number)
        indicator.get_by_label("Eenheid").fill("woningen")
    wim.get_by_role("button", name="Waarden opslaan").click()
    expect(wim.locator(".messages, [role=status]").first).to_contain_text("is opgeslagen")
    vera.get_by_role("button", name="Waarden opslaan").click()
    conflict = vera.locator("article.indicator .conflict")
    expect(conflict).to_contain_text("Wim Woonborg (Woonborg) heeft dit intussen gewijzigd")
    expect(conflict).to_contain_text("40 woningen")
    expect(vera.locator("article.indicator").get_by_label("Waarde", exact=True)).to_have_value("42")
    conflict.scroll_into_view_if_needed()
    vera.screenshot(path=ARTIFACTS / "conflict-indicatorwaarde.png")
    value = Indicatorwaarde.objects.get(indicator__afspraak=b.afspraak, jaar=2026)
    assert (value.waarde, value.versie, value.history.count()) == (40, 1, 1)

    # Having seen Wim's figure, Vera saves hers deliberately: now it is stored, on top of his.
    vera.get_by_role("button", name="Waarden opslaan").click()
    expect(vera.locator(".messages, [role=status]").first).to_contain_text("is opgeslagen")
    value.refresh_from_db()
    assert (value.waarde, value.versie, value.history.count()) == (42, 2, 2)
