"""The bod in Debian's chromium: Woonborg submits its bod for Aa en Hunze; AH WOON reacts with formal
advice; Woonborg answers; the municipality reacts; the figures page shows the planned numbers as
coming from the bod. A screenshot of each step goes to test-artifacts/."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.core.tests.test_accessibility import _violations
from driehoek.register.models import Gemeente
from driehoek.register.seeds import load_aa_en_hunze

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def aa_en_hunze(live_server):
    load_aa_en_hunze()
    for username, party in [
        ("wim", "Woonborg"),
        ("anton", "Algemene Huurdersvereniging WOON"),
        ("gerda", "Gemeente Aa en Hunze"),
    ]:
        User.objects.create_user(
            username, password=PASSWORD, partij=Partij.objects.get(naam=party), rol=User.Rol.INVULLER
        )
    return Gemeente.objects.get(naam="Aa en Hunze")


def shot(page: Page, name: str) -> None:
    """A screenshot of the step, and the page through axe-core (WCAG 2.1 A and AA)."""
    page.screenshot(path=ARTIFACTS / f"bod-{name}.png", full_page=True)
    assert _violations(page) == [], name


def test_bod_submitted_reacted_answered_and_in_the_figures(page: Page, live_server, aa_en_hunze):
    ARTIFACTS.mkdir(exist_ok=True)
    base, today = live_server.url, date.today()
    jaar = today.year + 1

    # Woonborg starts its bod; a deadline in the past is refused.
    log_in(page, base, "wim")
    page.get_by_role("link", name="Bod", exact=True).click()
    page.get_by_role("link", name="Aa en Hunze").click()
    page.get_by_label("Bod voor het jaar").fill(str(jaar))
    page.get_by_label("In te dienen uiterlijk").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Bod beginnen").click()
    expect(page.locator(".error-summary")).to_contain_text("ligt in het verleden")
    shot(page, "1-termijn-in-het-verleden")
    page.get_by_label("In te dienen uiterlijk").fill((today + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Bod beginnen").click()

    # The five-year table, a text, an attachment; then submit.
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Bod {jaar} van Woonborg")
    page.get_by_label(f"Nieuwbouw sociale huur, {jaar} (woningen)").fill("12")
    page.get_by_label(f"Nieuwbouw sociale huur, {jaar + 1} (woningen)").fill("20")
    page.get_by_label(f"Verkoop, {jaar} (woningen)").fill("3")
    page.get_by_label(f"Verbeterd, van label E, F of G, {jaar} (woningen)").fill("40")
    page.get_by_label(f"Huurbeleid: gemiddelde huurverhoging, {jaar} (%)").fill("4,5")
    page.get_by_label("Beschikbaarheid").fill("Twaalf sociale huurwoningen in Gieten, twintig in Rolde.")
    page.get_by_label("Reacties uiterlijk").fill((today + timedelta(days=50)).isoformat())
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".utrecht-alert, .messages, [role=status]").first).to_contain_text("opgeslagen")
    page.get_by_label("Bijlage (pdf").set_input_files(
        {"name": "bod-woonborg.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Bijlage toevoegen").click()
    expect(page.get_by_role("link", name="bod-woonborg.pdf")).to_be_visible()
    shot(page, "2-invullen")
    page.get_by_role("button", name="Opslaan en indienen").click()
    expect(page.locator(".panel").first).to_contain_text("ingediend, wacht op reacties")
    shot(page, "3-ingediend")

    # AH WOON finds the work on its start page and gives formal advice.
    log_in(page, base, "anton")
    page.get_by_role("link", name=f"Reageren op het bod {jaar} van Woonborg (Aa en Hunze)").click()
    page.get_by_label("Uw reactie").fill("Wij vragen ook nieuwbouw in Annen, voor ouderen.")
    page.get_by_label("Dit is ons formele advies onder de Overlegwet").check()
    page.get_by_role("button", name="Reactie opslaan").click()
    reactie = page.locator("article", has_text="Algemene Huurdersvereniging WOON")
    expect(reactie).to_contain_text("formeel advies (Overlegwet)")
    shot(page, "4-reactie-ah-woon")

    # Woonborg answers.
    log_in(page, base, "wim")
    page.get_by_role("link", name=f"Reacties op het bod {jaar} voor Aa en Hunze beantwoorden").click()
    reactie = page.locator("article", has_text="Algemene Huurdersvereniging WOON")
    reactie.get_by_label("Antwoord van de corporatie").fill("We onderzoeken een locatie in Annen voor 2029.")
    reactie.get_by_role("button", name="Antwoord opslaan").click()
    expect(page.locator("article", has_text="Algemene Huurdersvereniging WOON")).to_contain_text(
        "Antwoord van Woonborg: We onderzoeken een locatie in Annen"
    )
    shot(page, "5-antwoord-woonborg")

    # The municipality reacts.
    log_in(page, base, "gerda")
    page.get_by_role("link", name=f"Reageren op het bod {jaar} van Woonborg (Aa en Hunze)").click()
    expect(page.get_by_label("Dit is ons formele advies onder de Overlegwet")).to_have_count(0)
    page.get_by_label("Uw reactie").fill("De gemeente steunt de aantallen en zoekt mee naar een locatie in Annen.")
    page.get_by_role("button", name="Reactie opslaan").click()
    expect(page.locator(".panel").first).to_contain_text("gereageerd, wacht op antwoord van de corporatie")
    shot(page, "6-reactie-gemeente")

    # The figures page shows the bod's planned numbers, marked as from the bod.
    page.goto(f"{base}/cijfers/gemeenten/{aa_en_hunze.pk}/")
    section = page.locator("section", has=page.get_by_role("heading", name="Gepland volgens het bod"))
    expect(section).to_contain_text("uit het bod")
    row = section.get_by_role("row", name="Nieuwbouw sociale huur")
    expect(row).to_contain_text("12")
    expect(row).to_contain_text("20")
    section.screenshot(path=ARTIFACTS / "bod-7-cijfers.png")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.url.replace(f"/cijfers/gemeenten/{aa_en_hunze.pk}/", "/bod/"))
    page.get_by_role("link", name="Aa en Hunze").click()
    shot(page, "8-lijst-telefoon")
