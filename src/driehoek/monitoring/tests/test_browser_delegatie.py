"""Issue 20 item 2 in Debian's chromium: Woonborg, the lead of "aantal opgeleverde woningen", lets
De Volmacht fill it in; De Volmacht finds it in its inbox one click from log-in and enters the
value; Woonborg still sees who fills it and since when, and keeps the voorzet."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import User
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.core.tests.test_accessibility import _violations
from driehoek.monitoring.models import Delegatie, Indicatorwaarde

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def aa_en_hunze(live_server):
    return kader_with_users(
        [
            ("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
            ("wim", "Woonborg", User.Rol.INVULLER),
            ("vera", "Woningstichting De Volmacht", User.Rol.INVULLER),
        ]
    )


def test_the_lead_delegates_and_the_co_holder_fills_it_from_its_inbox(page: Page, live_server, aa_en_hunze):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    indicator = aa_en_hunze.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]

    # Woonborg, the trekker, opens agreement 1 from its inbox and hands the indicator to De Volmacht.
    page.set_viewport_size(DESKTOP)
    log_in(page, base, "wim")
    page.get_by_role("link", name=re.compile(r"^Afspraak 1: waarden invullen")).click()
    page.get_by_text("Een indicator laten invullen door een mede-actiehouder").click()
    choice = page.get_by_role("group", name=re.compile("Wie vult “aantal opgeleverde woningen"))
    expect(choice.get_by_label("Woonborg (trekker)")).to_be_checked()
    choice.get_by_label("De Volmacht").check()
    page.screenshot(path=ARTIFACTS / "delegeren-keuze-desktop.png", full_page=True)
    page.locator(f"#wie-vult-in-{indicator.pk}").get_by_role("button", name="Invuller opslaan").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("De Volmacht vult “aantal opgeleverde")
    article = page.locator(f"#indicator-{indicator.pk}")
    expect(article).to_contain_text("De Volmacht vult in")
    expect(article).to_contain_text("gedelegeerd door wim (Woonborg)")
    expect(page.locator("#voorzet-kop")).to_have_text("Voorzet maken")  # the voorzet stays with Woonborg
    page.screenshot(path=ARTIFACTS / "delegeren-gedelegeerd-desktop.png", full_page=True)
    assert _violations(page) == []
    page.set_viewport_size(PHONE)
    page.screenshot(path=ARTIFACTS / "delegeren-gedelegeerd-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert Delegatie.objects.get(indicator=indicator).partij.korte_naam == "De Volmacht"

    # De Volmacht: the indicator is a task in its inbox, one click from log-in; it fills the value.
    page.set_viewport_size(PHONE)
    log_in(page, base, "vera")
    page.screenshot(path=ARTIFACTS / "delegeren-inbox-volmacht-375.png", full_page=True)
    page.get_by_role("link", name="Afspraak 1: waarden invullen", exact=True).click()
    article = page.locator(f"#indicator-{indicator.pk}")
    expect(article.locator("details.waarde-invoer")).to_have_attribute("open", "")
    expect(page.get_by_text("Een indicator laten invullen door een mede-actiehouder")).to_have_count(0)
    article.get_by_label("Waarde", exact=True).fill("7")
    article.get_by_label("Eenheid").fill("woningen")
    page.get_by_role("button", name="Waarden opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("1 waarde is opgeslagen.")
    page.screenshot(path=ARTIFACTS / "delegeren-ingevuld-volmacht-375.png", full_page=True)
    assert _violations(page) == []
    value = Indicatorwaarde.objects.get(indicator=indicator, jaar=2026)
    assert (value.waarde, value.partij.korte_naam) == (Decimal(7), "De Volmacht")

    # The task is gone from De Volmacht's inbox.
    page.goto(base + "/")
    expect(page.get_by_role("link", name="Afspraak 1: waarden invullen", exact=True)).to_have_count(0)
