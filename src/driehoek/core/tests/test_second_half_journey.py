"""Issue 14, "done when": the whole second half of a year for Aa en Hunze, 2026 to 2027, in Debian's
chromium, across the rooms built separately. Woonborg submits its bod for 2027 and AH WOON and the
gemeente react; the secretary starts jaarprogramma 2027 from the adopted 2026 evaluation; AH WOON
proposes a stricter yearly target for agreement 1, Woonborg answers niet akkoord with a reason, AH
WOON revises and all agree; the secretary adopts; all six parties approve and sign; the secretary
makes the package and records the submission; the public page shows the programme's agreements;
and in the 2027 monitoring agreement 1's suggestion uses the yearly target.

Everyone logs in through the form (the secretary and the bestuurders type a code of their app) and
finds the way through the links. Every click a party makes after logging in is counted; the table
goes to test-artifacts/second-half-klikken.txt, a screenshot of every step to second-half-NN-*.png."""

import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import User
from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.core.tests.browser import kader_with_users, log_in
from driehoek.jaarprogramma.models import Jaarprogramma, Voorstel
from driehoek.jaarprogramma.tests.helpers import adopt_2026
from driehoek.ondertekening.tests.helpers import SIGNERS, decision_pdf, make_signers
from driehoek.register.models import Afsprakenset, Jaardoel

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
PEOPLE = {
    "secretaris": "sanne",
    "gemeente": "gerda",
    "woonborg": "wim",
    "volmacht": "vera",
    "woonzorg": "zoe",
    "ahwoon": "anton",
    "deelmacht": "dirk",
}
BODY = {"gemeente": None, "corporatie": "Raad van Commissarissen", "huurdersorganisatie": "ledenvergadering"}


@pytest.fixture
def aa_en_hunze(live_server):
    """Aa en Hunze with its six parties, an invuller each, the secretary, a bestuurder per party
    with an authenticator app, and agreement 1's 2026 assessment adopted (oranje, 12 delivered)."""
    kader = kader_with_users(USERS)
    adopt_2026(kader, {key: User.objects.get(username=name) for key, name in PEOPLE.items()})
    for user in make_signers().values():
        app_of(user)  # the attestation of the signature
    return kader


class Journey:
    """The page, who is at it, and what they clicked or chose (log-in not counted)."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        self.per_party: Counter = Counter()
        self.per_person: Counter = Counter()
        self.who = ""
        self.step = 0

    def log_in(self, username: str) -> None:
        self.who = username
        log_in(self.page, self.base, username)

    def _count(self) -> None:
        self.per_party[User.objects.get(username=self.who).partij.korte_naam] += 1
        self.per_person[self.who] += 1

    def click(self, locator) -> None:
        self._count()
        locator.click()

    def check(self, locator) -> None:
        self._count()
        locator.check()

    def choose(self, locator, label: str) -> None:
        self._count()
        locator.select_option(label=label)

    def file(self, locator, path) -> None:
        self._count()
        locator.set_input_files(path)

    def shot(self, name: str) -> None:
        self.step += 1
        self.page.screenshot(path=ARTIFACTS / f"second-half-{self.step:02d}-{name}.png", full_page=True)


def test_the_second_half_of_2026_for_aa_en_hunze(page: Page, live_server, aa_en_hunze, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    kader = aa_en_hunze
    j = Journey(page, live_server.url)
    today = date.today()

    # 1. Woonborg submits its bod for 2027; AH WOON reacts; the gemeente reacts.
    j.log_in("wim")
    j.click(page.get_by_role("link", name="Bod", exact=True))
    j.click(page.get_by_role("link", name="Aa en Hunze"))
    page.get_by_label("Bod voor het jaar").fill("2027")
    page.get_by_label("In te dienen uiterlijk").fill((today + timedelta(days=20)).isoformat())
    j.click(page.get_by_role("button", name="Bod beginnen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bod 2027 van Woonborg")
    page.get_by_label("Nieuwbouw sociale huur, 2027 (woningen)").fill("26")
    page.get_by_label("Nieuwbouw sociale huur, 2028 (woningen)").fill("20")
    page.get_by_label("Verbeterd, van label E, F of G, 2027 (woningen)").fill("40")
    page.get_by_label("Beschikbaarheid").fill("Zesentwintig sociale huurwoningen in 2027, waarvan twaalf in Gieten.")
    page.get_by_label("Reacties uiterlijk").fill((today + timedelta(days=50)).isoformat())
    j.click(page.get_by_role("button", name="Opslaan en indienen"))
    expect(page.locator(".panel").first).to_contain_text("ingediend, wacht op reacties")
    j.shot("bod-ingediend-woonborg")

    j.log_in("anton")
    j.click(page.get_by_role("link", name="Reageren op het bod 2027 van Woonborg (Aa en Hunze)"))
    page.get_by_label("Uw reactie").fill("Wij vragen ook nieuwbouw in Annen, voor ouderen.")
    j.check(page.get_by_label("Dit is ons formele advies onder de Overlegwet"))
    j.click(page.get_by_role("button", name="Reactie opslaan"))
    expect(page.locator("article", has_text="Algemene Huurdersvereniging WOON")).to_contain_text(
        "formeel advies (Overlegwet)"
    )
    j.shot("bod-reactie-ahwoon")

    j.log_in("gerda")
    j.click(page.get_by_role("link", name="Reageren op het bod 2027 van Woonborg (Aa en Hunze)"))
    page.get_by_label("Uw reactie").fill("De gemeente steunt de aantallen en zoekt mee naar een locatie in Annen.")
    j.click(page.get_by_role("button", name="Reactie opslaan"))
    expect(page.locator(".panel").first).to_contain_text("gereageerd, wacht op antwoord van de corporatie")
    expect(page.locator("article", has_text="Gemeente Aa en Hunze")).to_contain_text("locatie in Annen")
    j.shot("bod-reactie-gemeente")

    # 2. The secretary starts jaarprogramma 2027 from the adopted 2026 evaluation.
    j.log_in("sanne")
    j.click(page.get_by_role("link", name="Kaderafspraken 2026-2031"))
    j.click(page.get_by_role("link", name="Jaarprogramma's"))
    j.choose(page.get_by_label("Jaar van het programma"), "2027")
    page.get_by_label("Reacties van de partijen uiterlijk").fill((today + timedelta(days=10)).isoformat())
    j.click(page.get_by_role("button", name="Jaarprogramma starten"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jaarprogramma 2027")
    first_row = page.locator("table tbody tr").first
    expect(first_row).to_contain_text("1.")
    expect(first_row).to_contain_text("oranje")
    expect(first_row).to_contain_text("versnellen de locatie in Gieten")
    expect(first_row).to_contain_text("ten minste 20")
    j.shot("jaarprogramma-gestart")

    def to_the_programme(username: str) -> None:
        j.log_in(username)
        j.click(page.get_by_role("link", name="Kaderafspraken 2026-2031"))
        j.click(page.get_by_role("link", name="Jaarprogramma's"))
        j.click(page.get_by_role("link", name="Jaarprogramma 2027"))

    # 3. AH WOON proposes a stricter yearly target for agreement 1: 35 instead of the phasing's 20.
    to_the_programme("anton")
    j.click(page.locator("table tbody tr").first.get_by_role("link"))
    indicator = page.locator("article.indicator", has_text="aantal opgeleverde woningen")
    expect(indicator).to_contain_text("ten minste 20")
    j.click(indicator.get_by_text("Een ander jaardoel voorstellen"))
    indicator.get_by_label("Jaardoel", exact=True).fill("35")
    indicator.get_by_label("Toelichting").fill("Inhalen wat in 2026 achterbleef.")
    j.click(indicator.get_by_role("button", name="Jaardoel voorstellen"))
    expect(page.locator(".messages, [role=status]").first).to_contain_text("Uw voorstel is opgeslagen")
    j.shot("voorstel-ahwoon")

    # Woonborg answers niet akkoord with a reason.
    to_the_programme("wim")
    waiting = page.locator("section", has=page.get_by_role("heading", name="Wacht op de reactie van Woonborg"))
    j.click(waiting.get_by_role("link", name=re.compile("Jaardoel: aantal opgeleverde woningen")))
    expect(page.locator("#wat-kop + p")).to_contain_text("ten minste 35")
    j.check(page.get_by_label("niet akkoord"))
    page.get_by_label("Reden").fill("35 haalt de planning niet: de harde plannen voor 2027 zijn 26 woningen.")
    j.click(page.get_by_role("button", name="Reactie versturen"))
    expect(page.locator(".reactions")).to_contain_text("Woonborg: niet akkoord")
    expect(page.locator(".reactions")).to_contain_text("de harde plannen voor 2027 zijn 26 woningen")
    j.shot("niet-akkoord-woonborg")

    # AH WOON revises to 30: it finds its proposal from the programme's agreement 1.
    to_the_programme("anton")
    j.click(page.locator("table tbody tr").first.get_by_role("link"))
    j.click(page.get_by_role("link", name=re.compile("Jaardoel: aantal opgeleverde woningen")).first)
    revise = page.locator("form", has=page.get_by_role("button", name="Herzien voorstel indienen"))
    revise.get_by_label("Jaardoel", exact=True).fill("30")
    revise.get_by_label("Toelichting").fill("30: wat de harde plannen met één versneld project halen.")
    j.click(revise.get_by_role("button", name="Herzien voorstel indienen"))
    expect(page.locator(".status-line")).to_contain_text("versie 2")
    expect(page.locator("#wat-kop + p")).to_contain_text("ten minste 30")
    j.shot("herzien-ahwoon")

    # All other parties agree with version 2, each from their own waiting list.
    for username, party in (
        ("wim", "Woonborg"),
        ("gerda", "Gemeente Aa en Hunze"),
        ("vera", "Woningstichting De Volmacht"),
        ("zoe", "Woonzorg Nederland"),
        ("dirk", "Huurdersvereniging De Deelmacht"),
    ):
        to_the_programme(username)
        waiting = page.locator("section", has=page.get_by_role("heading", name=f"Wacht op de reactie van {party}"))
        j.click(waiting.get_by_role("link", name=re.compile("Jaardoel: aantal opgeleverde woningen")))
        j.check(page.get_by_label("akkoord", exact=True))
        j.click(page.get_by_role("button", name="Reactie versturen"))
        expect(page.locator(".messages, [role=status]").first).to_contain_text("Uw reactie is opgeslagen")
    expect(page.locator(".status-line")).to_contain_text("aangenomen")
    j.shot("aangenomen")
    voorstel = Voorstel.objects.get()
    assert (voorstel.status, voorstel.revisie, voorstel.waarde) == ("aangenomen", 2, Decimal(30))

    # The secretary adopts the programme: a set under the framework, with the yearly target.
    to_the_programme("sanne")
    expect(page.locator("table tbody tr").first).to_contain_text("ten minste 30")
    j.click(page.get_by_role("button", name="Vaststellen"))
    expect(page.locator(".status-line")).to_contain_text("Vastgesteld op")
    j.shot("vastgesteld")
    programma = Jaarprogramma.objects.get().programma
    assert (programma.soort, programma.bovenliggende_set_id, programma.status) == (
        Afsprakenset.Soort.JAARPROGRAMMA,
        kader.pk,
        Afsprakenset.Status.CONCEPT,
    )
    assert Jaardoel.objects.get(jaar=2027, afsprakenset=programma).waarde == Decimal(30)

    # 4. The secretary marks the text final; all six parties approve and sign; the package goes in.
    j.click(page.get_by_role("link", name="Het jaarprogramma in het register"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarprogramma 2027")
    j.click(page.get_by_role("link", name="Ondertekening"))
    expect(page.get_by_label("Ondertekend uiterlijk")).to_have_value(re.compile(r"-12-15$"))
    j.click(page.get_by_role("button", name="Tekst definitief maken"))
    expect(page.locator(".lead")).to_contain_text("akkoord per partij")
    j.shot("tekst-definitief")

    besluit = tmp_path / "besluit.pdf"
    besluit.write_bytes(decision_pdf())
    for username, _party, name, function, place in SIGNERS:
        user = User.objects.get(username=username)
        j.log_in(username)
        j.click(page.get_by_role("link", name=re.compile(f"Goedkeuring van {re.escape(user.partij.naam)} vastleggen")))
        expect(page.get_by_role("heading", level=1)).to_have_text("Goedkeuren, ondertekenen en indienen")
        expect(page.locator("main")).to_contain_text("Jaarprogramma 2027")
        if body := BODY[user.partij.soort]:
            j.choose(page.get_by_label("Goedgekeurd door"), body)
        j.file(page.get_by_label("Besluit (PDF, PNG of JPEG)"), besluit)
        j.click(page.get_by_role("button", name="Goedkeuring vastleggen"))
        expect(page.get_by_label("Naam zoals gedrukt")).to_have_value(name)
        page.get_by_label("Functie").fill(function)
        page.get_by_label("Plaats").fill(place)
        page.get_by_label("Code uit uw authenticator-app").fill(next_code(user))
        if username == "dir-woonborg":
            j.shot("ondertekenen-woonborg")
        j.click(page.get_by_role("button", name="Ondertekenen"))
        expect(page.get_by_role("heading", name="Handtekening intrekken")).to_be_visible()
    programma.refresh_from_db()
    assert programma.status == Afsprakenset.Status.ONDERTEKEND
    expect(page.locator(".lead")).to_contain_text("ondertekend")
    j.shot("ondertekend")

    j.log_in("sanne")
    j.click(page.get_by_role("link", name=re.compile("Indienen bij de minister")))
    j.click(page.get_by_role("button", name="Indieningspakket maken"))
    with page.expect_download() as download:
        j.click(page.get_by_role("link", name="Pakket downloaden (PDF)"))
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    j.click(page.get_by_role("button", name="Indiening vastleggen"))
    expect(page.get_by_role("heading", name="Ingediend")).to_be_visible()
    j.shot("ingediend")
    programma.refresh_from_db()
    assert programma.status == Afsprakenset.Status.INGEDIEND

    # 5. The public page shows the 2027 programme's agreements, to anyone with the link.
    public = page.get_by_role("link", name="Openbare pagina met de ondertekende afspraken").get_attribute("href")
    page.context.clear_cookies()
    j.who = "sanne"
    page.goto(live_server.url + public)
    expect(page.get_by_role("heading", level=1)).to_have_text("Jaarprogramma 2027")
    expect(page.get_by_role("heading", name=re.compile("Afspraak 1:"))).to_be_visible()
    agreement_1 = programma.afspraken.get(nummer="1")
    expect(page.locator("main")).to_contain_text(agreement_1.tekst.split(".")[0])
    expect(page.locator(".lead")).to_contain_text("ingediend bij de minister en de Autoriteit woningcorporaties op")
    expect(page.locator("li.agreement")).to_have_count(programma.afspraken.count())
    assert programma.afspraken.count() == kader.afspraken.count() == 19
    expect(page.get_by_role("table")).to_contain_text("F. Voorzitter")
    j.shot("openbaar")

    # 6. In the 2027 monitoring, agreement 1's suggestion follows the yearly target.
    j.log_in("sanne")
    j.click(page.get_by_role("link", name="Kaderafspraken 2026-2031"))
    j.click(page.get_by_role("link", name="Monitoring en beoordelingen"))
    j.choose(page.get_by_label("Jaar"), "2027")
    j.click(page.get_by_role("button", name="Monitoring starten"))
    j.shot("monitoring-2027-gestart")
    j.log_in("wim")
    j.click(page.get_by_role("link", name="Kaderafspraken 2026-2031"))
    j.click(page.get_by_role("link", name="Monitoring en beoordelingen"))
    j.click(page.get_by_role("link", name="2027", exact=True))
    j.click(page.get_by_role("link", name="Afspraak 1: aantal opgeleverde woningen"))
    indicator = page.locator("article.indicator", has_text="aantal opgeleverde woningen")
    indicator.get_by_label("Waarde", exact=True).fill("24")
    indicator.get_by_label("Eenheid").fill("woningen")
    j.click(page.get_by_role("button", name="Waarden opslaan"))
    suggestion = page.locator("section", has=page.locator("#suggestie-kop"))
    # 12 + 24 = 36 delivered; phasing: 2027 = 30, the other five years share 90 (18 each): 48 expected.
    expect(suggestion).to_contain_text("volgens de jaardoelen")
    expect(suggestion).to_contain_text("verwacht: 48")
    expect(suggestion).to_contain_text("oranje")
    expect(suggestion).to_contain_text("2027: ten minste 30")
    j.shot("suggestie-2027-woonborg")

    table = "\n".join(f"{party}: {n}" for party, n in sorted(j.per_party.items()))
    people = "\n".join(f"  {who}: {n}" for who, n in j.per_person.items())
    (ARTIFACTS / "second-half-klikken.txt").write_text(f"{table}\n\nper persoon:\n{people}\n", encoding="utf-8")
    print(f"\nKlikken per partij (na het inloggen):\n{table}\nper persoon:\n{people}")
    assert set(j.per_party) == {p.partij.korte_naam for p in User.objects.filter(username__in=[u for u, *_ in SIGNERS])}
