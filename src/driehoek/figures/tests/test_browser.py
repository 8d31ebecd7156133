"""Issue 5's journey in Debian's chromium: a corporation uploads a unit register and a plan list and
sees the computed figures, charts and the linked indicator in the monitoringstabel."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD
from driehoek.monitoring import services as monitoring

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_upload_register_and_plans_then_see_the_figures(page: Page, live_server, aa_en_hunze_loaded, kader, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    secretaris = User.objects.create_user(
        "sanne", password=PASSWORD, partij=Partij.objects.get(naam="Gemeente Aa en Hunze"), rol="secretaris"
    )
    monitoring.start_year(secretaris, kader, 2026)
    User.objects.create_user("wim", password=PASSWORD, partij=Partij.objects.get(naam="Woonborg"), rol="invuller")
    register = tmp_path / "register.csv"
    register.write_text(
        "eigen_id;kern;kale_huur;energielabel;bestemming\n"
        + "".join(f"WB-{i};Annen;{500 + i * 10},00;{'E' if i % 7 == 0 else 'B'};doorexploiteren\n" for i in range(40)),
        encoding="utf-8",
    )
    plans = tmp_path / "plannen.csv"
    plans.write_text(
        "naam;kern;status;bruto;sloop;jaar;opleverdatum\n"
        "Zuid Es;Gieten;opgeleverd;14;2;2026;2026-10-01\n"
        "Naweg;Rolde;hard;6;0;2027;\n",
        encoding="utf-8",
    )

    base = live_server.url
    page.goto(base + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("wim")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Kaderafspraken 2026-2031").click()
    page.get_by_role("link", name="Cijfers van Aa en Hunze").click()
    expect(page.locator(".check--warn").first).to_contain_text(
        "het document noemt 161, maar de rijen tellen op tot 218"
    )

    # The 2026 aftoppingsgrenzen are not known yet (data/referentie), so the register is of 2025.
    for soort, path, peildatum in (("woningregister", register, "2025-12-31"), ("plannen", plans, "2026-12-31")):
        page.get_by_role("link", name="Cijfers aanleveren").click()
        page.get_by_label("Wat levert u aan?").select_option(soort)
        page.get_by_label("Peildatum").fill(peildatum)
        page.get_by_label("Bestand (CSV of Excel .xlsx)").set_input_files(str(path))
        page.get_by_role("button", name="Controleren en aanleveren").click()
        expect(page.locator(".messages")).to_contain_text("rijen aangeleverd en verwerkt")

    expect(page.locator("table", has_text="Woonborg, 31 december 2025")).to_contain_text(
        "tot en met de tweede aftoppingsgrens"
    )
    expect(page.locator("svg.chart").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "cijfers-aa-en-hunze.png", full_page=True)

    page.goto(f"{base}/sets/{kader.slug}/monitoring/2026/tabel/")
    expect(page.locator("tr", has_text="aantal opgeleverde woningen")).to_contain_text("12 woningen")
    page.goto(f"{base}/sets/{kader.slug}/monitoring/2026/afspraken/1/")
    expect(page.locator("article.indicator", has_text="aantal opgeleverde woningen")).to_contain_text(
        re.compile("Berekend door Driehoek uit de aanleveringen")
    )
