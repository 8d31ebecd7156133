"""Issue 7's journey in Debian's chromium: a municipality's secretary reads in a PDF, corrects an
agreement beside the source text, accepts, and finds the new concept set in the register."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.browser import PASSWORD, log_in
from driehoek.core.tests.test_accessibility import _violations
from driehoek.register.models import Gemeente

from .helpers import pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def _read_in(page: Page, live_server, username: str, gemeente: str, document: Path, *, linked: bool = True) -> None:
    """The municipality's secretary `username` logs in and reads in `document` (the municipality
    linked to its party by the administrator, unless `linked` is false)."""
    partij, _new = Partij.objects.get_or_create(
        naam=f"Gemeente {gemeente}", defaults={"korte_naam": "Gemeente", "soort": "gemeente"}
    )
    if linked:
        partij.gemeenten.add(Gemeente.objects.get_or_create(naam=gemeente)[0])
    User.objects.create_user(username, password=PASSWORD, partij=partij, rol=User.Rol.SECRETARIS)
    log_in(page, live_server.url, username)
    page.get_by_role("link", name="Document inlezen").click()
    page.get_by_label("Afsprakendocument (PDF of tekstbestand)").set_input_files(str(document))
    page.get_by_role("button", name="Inlezen").click()


def test_read_in_correct_and_accept_a_document(page: Page, live_server, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    gemeente = Partij.objects.create(naam="Gemeente Kranenmeer", korte_naam="Gemeente", soort="gemeente")
    gemeente.gemeenten.add(Gemeente.objects.create(naam="Kranenmeer"))  # linked by the administrator
    User.objects.create_user("kees", password=PASSWORD, partij=gemeente, rol=User.Rol.SECRETARIS)
    document = tmp_path / "kaderafspraken-kranenmeer.pdf"
    document.write_bytes(pdf("kranenmeer"))

    log_in(page, live_server.url, "kees")
    page.get_by_role("link", name="Document inlezen").click()
    assert _violations(page) == []
    page.get_by_label("Afsprakendocument (PDF of tekstbestand)").set_input_files(str(document))
    page.get_by_role("button", name="Inlezen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Concept uit kaderafspraken-kranenmeer.pdf")
    expect(page.locator(".facts")).to_contain_text("6 afspraken in 2 thema's")
    expect(page.locator(".importer-source")).to_contain_text("Lindehof voegt in de looptijd netto 90")
    page.screenshot(path=ARTIFACTS / "importer-concept.png", full_page=True)
    page.locator("#afspraak-2\\.1 summary").click()
    assert _violations(page) == []  # WCAG 2.1 A and AA, with an agreement's forms open
    page.locator("#afspraak-2\\.1").screenshot(path=ARTIFACTS / "importer-afspraak-open.png")

    agreement = page.locator("#afspraak-2\\.2")
    agreement.locator("summary").click()
    agreement.get_by_label("Tekst", exact=True).fill(
        "De gemeente wijst uiterlijk 2029 vier locaties aan voor flexwoningen."
    )
    agreement.get_by_label("Woonstichting Lindehof").check()
    agreement.get_by_role("button", name="Afspraak opslaan").click()
    expect(page.locator(".messages")).to_contain_text("Het concept is bijgewerkt")
    expect(page.locator("#afspraak-2\\.2 summary")).to_contain_text("vier locaties")
    expect(page.locator("#afspraak-2\\.2 summary")).to_contain_text("Gemeente Kranenmeer, Woonstichting Lindehof")

    page.get_by_role("button", name="Concept aanvaarden").click()
    expect(page.locator(".messages")).to_contain_text("De set staat als concept in het register")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kaderafspraken 2028-2032")
    page.screenshot(path=ARTIFACTS / "importer-aanvaard.png", full_page=True)

    page.get_by_role("link", name="Mijn afspraken").first.click()
    expect(page.get_by_role("link", name=re.compile("Kaderafspraken 2028-2032"))).to_be_visible()


def test_unsure_guesses_are_shown_and_unchanged_forms_change_nothing(page: Page, live_server, tmp_path):
    """Issue 17 point 4: the reviewer sees what the importer was unsure of, with its sentence; the theme
    and indicator forms, submitted unchanged, leave the draft as it was."""
    from driehoek.importer.models import Brondocument

    document = tmp_path / "proefdorp.txt"
    document.write_text(
        "Prestatieafspraken 2026 gemeente Proefdorp en woonstichting Voorbeeld\n\nBESCHIKBAARHEID\n"
        "Richtingen: we bouwen voor starters.\n\nAFSPRAKEN\n"
        "1. Er komen 12 woningen bij aan de Dorpsstraat.\n"
        "2. De gemeente organiseert in 2026 minimaal 3 bijeenkomsten.\n",
        encoding="utf-8",
    )
    _read_in(page, live_server, "pien", "Proefdorp", document, linked=False)
    stored = Brondocument.objects.get().set

    first = page.locator("li[id^='afspraak-']").first
    first.locator("summary").click()
    expect(first.locator(".importer-unsure").first).to_contain_text("Geen partij genoemd")
    expect(first.locator(".importer-unsure blockquote").first).to_contain_text("Er komen 12 woningen")
    assert _violations(page) == []
    first.screenshot(path=ARTIFACTS / "importer-onzeker.png")
    first.get_by_role("button", name="Indicatoren opslaan").click()
    expect(page.locator(".messages")).to_contain_text("Het concept is bijgewerkt")

    page.get_by_text("Thema verbeteren of opnieuw nummeren").first.click()
    page.get_by_role("button", name="Thema opslaan").first.click()
    expect(page.locator(".messages")).to_contain_text("Het concept is bijgewerkt")
    assert Brondocument.objects.get().set == stored


def test_where_two_readings_differ_the_review_screen_says_so_beside_the_source(page: Page, live_server, monkeypatch):
    """Where the outline and the line rules read a document's themes otherwise, the screen says the
    readings differ, and the source stands beside the draft. Since round 5 both readings read the
    Kaderafspraken alike, and no tuning document is read otherwise; so the outline's reading is made to
    group the last theme's agreements under the theme before it (which readings are taken, and when
    the screen says so: test_outline.py)."""
    from driehoek.importer import structure

    original = structure.parse_outline

    def regrouped(*args, **kwargs):
        outline = original(*args, **kwargs)
        *_before, previous, last = outline.themes
        previous.agreements.extend(last.agreements)
        last.agreements.clear()  # a theme without agreements is no theme (Structure.themes)
        return outline

    monkeypatch.setattr(structure, "parse_outline", regrouped)
    ARTIFACTS.mkdir(exist_ok=True)
    source = Path(settings.BASE_DIR) / "data" / "aa-en-hunze" / "bron" / "kaderafspraken-2026-2031.txt"
    _read_in(page, live_server, "anna", "Aa en Hunze", source)

    expect(page.locator(".importer-notes")).to_contain_text("Twee lezingen van de indeling van dit document")
    expect(page.locator(".importer-notes")).to_contain_text("controleer de indeling naast de brontekst")
    expect(page.locator(".importer-source")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("19 afspraken")
    assert _violations(page) == []
    page.screenshot(path=ARTIFACTS / "importer-twee-lezingen.png", full_page=False)
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path=ARTIFACTS / "importer-twee-lezingen-375.png", full_page=False)


def test_a_layout_no_rule_knows_is_read_by_its_shapes_and_the_review_screen_says_so(page: Page, live_server, tmp_path):
    """A document whose agreements carry a label word no rule knows ("Opdracht 1 – ...") gives no agreements to
    the line and outline readings; the shape reading reads them (docs/adr/0195), and the screen says that the
    layout was not recognised, with the source beside the draft."""
    from .test_vormen import UNKNOWN_WORD

    ARTIFACTS.mkdir(exist_ok=True)
    document = tmp_path / "woonafspraken-beekdal.txt"
    document.write_text(UNKNOWN_WORD, encoding="utf-8")
    _read_in(page, live_server, "bram", "Beekdal", document)

    expect(page.locator(".importer-notes")).to_contain_text("De indeling van dit document is niet herkend")
    expect(page.locator(".importer-notes")).to_contain_text("Controleer de indeling naast de brontekst")
    expect(page.locator(".importer-source")).to_contain_text("Opdracht 4 – Lindehof houdt ten minste 80%")
    expect(page.locator(".facts")).to_contain_text("5 afspraken in 2 thema's")
    assert _violations(page) == []
    page.screenshot(path=ARTIFACTS / "importer-vormen.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path=ARTIFACTS / "importer-vormen-375.png", full_page=False)
