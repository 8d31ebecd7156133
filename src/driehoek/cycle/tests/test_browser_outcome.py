"""In Debian's chromium: the secretary sets the vote rule, AH WOON sees it on the ballot, the vote
closes and the assessment takes the decided light; Woonborg checks an ongoing commitment. Each page
through axe-core, with a screenshot in test-artifacts/."""

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings
from django.utils import timezone

from driehoek.accounts.models import User
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.core.tests.test_accessibility import _violations
from driehoek.cycle import services
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def shot(page: Page, name: str) -> None:
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
    assert _violations(page) == [], name


@pytest.fixture
def kader(live_server):
    return kader_with_users(
        [
            ("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
            ("wim", "Woonborg", User.Rol.INVULLER),
            ("vera", "Woningstichting De Volmacht", User.Rol.INVULLER),
            ("anton", "Algemene Huurdersvereniging WOON", User.Rol.INVULLER),
            ("dirk", "Huurdersvereniging De Deelmacht", User.Rol.INVULLER),
        ]
    )


def test_vote_rule_ballot_outcome_and_yearly_check(page: Page, live_server, kader):
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url
    people = {u.username: u for u in User.objects.all()}
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["wim"], b, kleur="groen", toelichting="Op koers.")
    monitoring.respond(people["anton"], b, soort="niet_akkoord", toelichting="Niets opgeleverd.")
    b.refresh_from_db()
    geschil = services.report_dispute(
        people["anton"], kader, onderwerp="Afspraak 1, 2026", omschrijving="Groen of oranje?", beoordeling=b
    )
    deadline = timezone.localdate() + timedelta(days=3)
    services.appoint_moderator(people["sanne"], geschil, moderator="Mr. J. de Vries", deadline=deadline)
    services.plan_meeting(people["sanne"], kader, soort="ao", titel="AO najaar")

    log_in(page, base, "sanne")
    page.goto(f"{base}/sets/{kader.slug}/geschillen/")
    page.get_by_label("één stem per soort partij (gemeente, corporaties, huurdersorganisaties)").check()
    page.get_by_role("button", name="Stemregel vastleggen").click()
    expect(page.get_by_text("Stemregel van deze set:")).to_be_visible()
    expect(page.locator("main")).to_contain_text("één stem per soort partij")
    shot(page, "geschil-1-stemregel")
    services.open_vote(
        people["sanne"], geschil, ["Groen", "Oranje (a): de oplevering loopt uit"], today=deadline + timedelta(days=1)
    )

    log_in(page, base, "anton")
    page.goto(f"{base}/sets/{kader.slug}/geschillen/{geschil.pk}/")
    expect(page.locator("form", has_text="Stemmen namens")).to_contain_text("één stem per soort partij")
    shot(page, "geschil-2-stembiljet")
    page.get_by_label("Oranje (a): de oplevering loopt uit").check()
    page.get_by_role("button", name="Stem uitbrengen").click()
    oranje = "Oranje (a): de oplevering loopt uit"
    # Per kind: the corporations green, the tenant associations and the municipality orange: 1 against 2.
    for who, option in (("wim", "Groen"), ("vera", "Groen"), ("dirk", oranje), ("sanne", oranje)):
        stemming = geschil.stemmingen.get()
        services.cast_vote(people[who], stemming, stemming.opties.get(tekst=option))

    log_in(page, base, "sanne")
    page.goto(f"{base}/sets/{kader.slug}/geschillen/{geschil.pk}/")
    page.get_by_role("button", name="Stemming sluiten en tellen").click()
    expect(page.locator(".outcome").first).to_contain_text("Besloten bij stemming: Oranje (a)")
    expect(page.locator("main")).to_contain_text("Uitkomst van het geschil")
    shot(page, "geschil-3-uitkomst")
    page.goto(f"{base}/sets/{kader.slug}/afspraken/1/")
    expect(page.locator("section", has_text="Geschillen")).to_contain_text("Besloten bij stemming")
    b.refresh_from_db()
    assert (b.kleur, b.reden) == ("oranje", "a")

    log_in(page, base, "wim")
    page.goto(f"{base}/sets/{kader.slug}/monitoring/2026/lopend/")
    first = page.locator("article").first
    first.get_by_label("loopt nog").check()
    first.get_by_label("Opmerking").fill("Loopt volgens plan.")
    first.get_by_role("button", name="Stand opslaan").click()
    expect(page.locator("article").first).to_contain_text("Loopt volgens plan.")
    shot(page, "lopend-1-check")
    page.goto(f"{base}/sets/{kader.slug}/monitoring/2026/tabel/")
    expect(page.locator("table", has_text="Lopende afspraken en doelen bij een thema")).to_contain_text("loopt nog")
