"""The signing journey in Debian's chromium on a small jaarprogramma 2027 under the Aa en Hunze
Kaderafspraken: the secretary marks the text final, all six parties approve and sign (each types a
code of their authenticator app), the secretary makes the package and records the submission, and
the public page shows the signed agreements. Every click a party makes is counted."""

import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import User
from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.core.tests.test_accessibility import _violations
from driehoek.register.models import Afsprakenset

from .helpers import SIGNERS, decision_pdf, make_jaarprogramma, make_signers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
BODY = {"gemeente": None, "corporatie": "Raad van Commissarissen", "huurdersorganisatie": "ledenvergadering"}


@pytest.fixture
def programma(live_server):
    kader = kader_with_users([("sanne", "Gemeente Aa en Hunze", User.Rol.SECRETARIS)])
    signers = make_signers()
    for user in signers.values():
        app_of(user)  # each signatory has an authenticator app: the attestation of the signature
    return make_jaarprogramma(kader), signers


class Clicks:
    """Counts what a person clicks or chooses (links, buttons, a choice in a list, a file)."""

    def __init__(self):
        self.count = Counter()
        self.who = ""

    def click(self, locator):
        self.count[self.who] += 1
        locator.click()

    def choose(self, locator, label):
        self.count[self.who] += 1
        locator.select_option(label=label)

    def file(self, locator, path):
        self.count[self.who] += 1
        locator.set_input_files(path)


def shot(page: Page, name: str) -> None:
    page.screenshot(path=ARTIFACTS / f"ondertekening-{name}.png", full_page=True)


def test_all_six_parties_approve_and_sign_and_the_secretary_submits(page: Page, live_server, programma, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    s, signers = programma
    base = live_server.url
    besluit = tmp_path / "besluit.pdf"
    besluit.write_bytes(decision_pdf())
    c = Clicks()

    # The secretary marks the text final; the deadline offered is 15 December.
    c.who = "secretaris"
    log_in(page, base, "sanne")
    c.click(page.get_by_role("link", name="Jaarprogramma 2027"))
    c.click(page.get_by_role("link", name="Ondertekening"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Goedkeuren, ondertekenen en indienen")
    expect(page.get_by_label("Ondertekend uiterlijk")).to_have_value(re.compile(r"-12-15$"))
    shot(page, "01-secretaris-tekst-definitief")
    c.click(page.get_by_role("button", name="Tekst definitief maken"))
    expect(page.locator(".lead")).to_contain_text("akkoord per partij")
    shot(page, "02-akkoord-per-partij")

    for step, (username, _party, name, function, place) in enumerate(SIGNERS, start=3):
        user = signers[username]
        c.who = user.partij.korte_naam
        log_in(page, base, username)
        task = page.get_by_role("link", name=re.compile(f"Goedkeuring van {re.escape(user.partij.naam)} vastleggen"))
        expect(task).to_be_visible()
        if step == 3:
            shot(page, "03-startpagina-taak")
        c.click(task)
        body = BODY[user.partij.soort]
        if body:
            c.choose(page.get_by_label("Goedgekeurd door"), body)
        c.file(page.get_by_label("Besluit (PDF, PNG of JPEG)"), besluit)
        c.click(page.get_by_role("button", name="Goedkeuring vastleggen"))
        expect(page.get_by_role("heading", name=f"Ondertekenen namens {user.partij.naam}")).to_be_visible()
        expect(page.get_by_label("Naam zoals gedrukt")).to_have_value(name)
        page.get_by_label("Functie").fill(function)
        page.get_by_label("Plaats").fill(place)
        page.get_by_label("Code uit uw authenticator-app").fill(next_code(User.objects.get(pk=user.pk)))
        shot(page, f"{step:02d}-{username}-ondertekenen")
        if step == 3:
            assert _violations(page) == []
        c.click(page.get_by_role("button", name="Ondertekenen"))
        expect(page.get_by_role("heading", name="Handtekening intrekken")).to_be_visible()

    s.refresh_from_db()
    assert s.status == Afsprakenset.Status.ONDERTEKEND
    shot(page, "09-ondertekend")

    # The secretary makes the package, downloads it and records the submission.
    c.who = "secretaris"
    log_in(page, base, "sanne")
    c.click(page.get_by_role("link", name=re.compile("Indienen bij de minister")))
    c.click(page.get_by_role("button", name="Indieningspakket maken"))
    with page.expect_download() as download:
        c.click(page.get_by_role("link", name="Pakket downloaden (PDF)"))
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    shot(page, "10-pakket-gemaakt")
    c.click(page.get_by_role("button", name="Indiening vastleggen"))
    expect(page.get_by_role("heading", name="Ingediend")).to_be_visible()
    shot(page, "11-ingediend")
    assert _violations(page) == []
    s.refresh_from_db()
    assert s.status == Afsprakenset.Status.INGEDIEND

    # The public sees the signed agreements, without logging in.
    page.context.clear_cookies()
    page.goto(f"{base}/openbaar/{s.slug}/afspraken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarprogramma 2027")
    expect(page.get_by_role("heading", name=re.compile("Afspraak 1:"))).to_be_visible()
    expect(page.locator("main")).to_contain_text(s.afspraken.get(nummer="11").tekst.split(".")[0])
    expect(page.get_by_role("table")).to_contain_text("F. Voorzitter")
    shot(page, "12-openbaar")
    assert _violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "13-openbaar-telefoon")

    report = ARTIFACTS / "ondertekening-klikken.txt"
    report.write_text("\n".join(f"{who}: {n}" for who, n in c.count.items()) + "\n", encoding="utf-8")
    # Per party: the task link, (the body), the decision file, two buttons; log-in not counted.
    for username, *_rest in SIGNERS:
        party = signers[username].partij
        assert c.count[party.korte_naam] == (5 if BODY[party.soort] else 4)
