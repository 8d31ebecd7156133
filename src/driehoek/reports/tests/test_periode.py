import io
from datetime import date
from decimal import Decimal

import pdfplumber
import pytest
from openpyxl import load_workbook

from django.conf import settings
from django.urls import reverse

from driehoek.jaarprogramma import adopt, services
from driehoek.jaarprogramma.tests.helpers import adopt_2026
from driehoek.monitoring import services as monitoring
from driehoek.reports import periode

pytestmark = pytest.mark.django_db
ARTIFACTS = settings.BASE_DIR / "test-artifacts"


@pytest.fixture
def two_years(kader, people):
    """2026 adopted (agreement 1 oranje, 12 homes), a 2027 programme with yearly target 30, and 2027
    monitoring with 24 homes."""
    adopt_2026(kader, people)
    programma = services.start(
        people["secretaris"], kader, 2027, reacties_uiterlijk=date(2026, 12, 1), today=date(2026, 11, 1)
    )
    adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO")
    monitoring.start_year(people["secretaris"], kader, 2027)
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    monitoring.save_value(people["woonborg"], indicator, 2027, waarde=Decimal(24), eenheid="woningen")
    return kader


def test_gather_gives_every_year_lights_targets_and_lessons(two_years):
    data = periode.gather(two_years)
    assert data["years"] == [2026, 2027, 2028, 2029, 2030, 2031]
    part = next(p for _t, parts in data["sections"] for p in parts if p.afspraak.nummer == "1")
    assert [(y, b.kleur if b else None) for y, b in part.lights][:2] == [(2026, "oranje"), (2027, "")]
    line = part.targets[0]
    assert line.indicator.omschrijving == "aantal opgeleverde woningen"
    assert line.reached == Decimal(36) and line.met is False  # 36 of at least 120
    assert line.per_year[2027][0] == Decimal(24)
    assert line.per_year[2027][1].doel_tekst.startswith("ten minste 20")  # the phasing's share, adopted
    assert part.lessons == [(2026, "Twee projecten schoven door naar 2027; we versnellen de locatie in Gieten.")]


def test_pdf_is_a4_and_every_word_stays_inside_the_page(two_years):
    pdf = periode.pdf(two_years)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "periode-evaluatie.pdf").write_bytes(pdf)  # to look at
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
        for page in document.pages:
            assert (round(page.width), round(page.height)) == (842, 595)  # A4 landscape, in points
            for word in page.extract_words():
                assert word["x0"] >= 0 and word["x1"] <= page.width, word
                assert word["top"] >= 0 and word["bottom"] <= page.height, word
    assert "Periode-evaluatie" in text
    assert "versnellen de locatie in Gieten" in text
    assert "ten minste 20" in text


def test_xlsx_has_lights_targets_and_lessons(two_years):
    book = load_workbook(io.BytesIO(periode.xlsx(two_years)))
    assert book.sheetnames == ["Lichten", "Doelen en resultaat", "Lessen per jaar"]
    lights = list(book["Lichten"].values)
    assert lights[0][:4] == ("Thema", "Afspraak", "2026", "2027")
    row = next(r for r in lights if str(r[1]).startswith("1."))
    assert row[2].startswith("oranje (a)")
    targets = list(book["Doelen en resultaat"].values)
    first = next(r for r in targets if r[1] == "aantal opgeleverde woningen")
    assert first[3] == 36 and first[4] == "nee"
    assert list(book["Lessen per jaar"].values)[1][:2] == (
        "1. Toevoegen van netto 180 sociale huurwoningen in de periode t/m 2040, 120-140 tot 2031",
        2026,
    )


def test_pages_for_the_parties_only(client, two_years, people):
    url = reverse("reports:periode", args=[two_years.slug])
    client.force_login(people["ahwoon"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Beoordelingen over de jaren" in response.content.decode()
    assert client.get(reverse("reports:periode_bestand", args=[two_years.slug, "xlsx"])).status_code == 200
    assert client.get(reverse("reports:periode_bestand", args=[two_years.slug, "doc"])).status_code == 404
    client.force_login(people["buitenstaander"])
    assert client.get(url).status_code == 404
