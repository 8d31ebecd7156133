import csv
import io
import time

import pdfplumber
import pytest
from openpyxl import load_workbook

from django.urls import reverse

from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling
from driehoek.register.tests.test_aa_en_hunze import MONITORINGSTABEL
from driehoek.reports import exports

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(kader, people, year_2026):
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(
        people["woonborg"], b1, kleur="oranje", reden="a", toelichting='=HYPERLINK("http://x") schuift door'
    )
    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen", toelichting="- inventarisatie klaar")
    return kader


def test_xlsx_cell_by_cell(assessed):
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(assessed, 2026)))
    overview = book.worksheets[0]
    assert [c.value for c in overview[1]] == exports.HEADER
    body = [[c.value for c in row] for row in overview.iter_rows(min_row=2)]
    col = {header: i for i, header in enumerate(exports.HEADER)}  # by name: columns may be added
    assert [
        (r[col["Afspraak"]].split(".")[0], r[col["Indicator"]], r[col["Jaar"]].split(" (")[0], r[col["Actiehouder"]])
        for r in body
    ] == [(n, d, y, a) for n, d, y, a in MONITORINGSTABEL]
    first = overview[2]
    light, toelichting = first[col["Beoordeling voortgang"]], first[col["Toelichting"]]
    assert light.value == "oranje (a): vertraagde uitvoering" and light.fill.start_color.rgb.endswith("FFE2B3")
    assert toelichting.value == '=HYPERLINK("http://x") schuift door' and toelichting.data_type == "s"  # not a formula
    assert overview.freeze_panes == "A2" and overview.auto_filter.ref.startswith("A1:")
    assert [s.title for s in book.worksheets[1:]] == [
        "3 Beschikbaarheid",
        "4 Betaalbaarheid",
        "5 Duurzaamheid",
        "6 Leefbaarheid",
        "7 Wonen, welzijn en zorg",
    ]
    assert book.worksheets[2].max_row == 1 + 3  # Betaalbaarheid: agreements 5 and 6, three rows


def test_csv_neutralises_formulas(assessed):
    rows = list(csv.reader(io.StringIO(exports.csv_bytes(assessed, 2026).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == exports.HEADER and len(rows) == 31
    toelichting = exports.HEADER.index("Toelichting")
    assert rows[1][toelichting].startswith("'=HYPERLINK") and rows[11][toelichting] == "'- inventarisatie klaar"


def test_pdf_holds_every_agreement_and_light(assessed):
    start = time.perf_counter()
    pdf = exports.pdf_bytes(assessed, 2026)
    elapsed = time.perf_counter() - start
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
        pages = len(document.pages)
        landscape = document.pages[0].width > document.pages[0].height
    flat = " ".join(text.split())
    assert landscape and f"pagina 1 van {pages}" in flat
    for number in range(1, 20):
        assert f"{number}. " in flat
    from driehoek.reports.tests.test_every_export import _pdf_columns

    lights = _pdf_columns(pdf)[exports.HEADER.index("Beoordeling voortgang")]  # wrapped in its column
    assert "oranje(a):vertraagdeuitvoering" in lights and "groen" in lights and "nognietbeoordeeld" in lights
    assert "Woonzorg Nederland" in flat  # the parties
    print(f"PDF of the monitoringstabel: {pages} pages in {elapsed:.2f} s")


def test_downloads_follow_the_policy(client, assessed, people):
    client.force_login(people["ahwoon"])
    for fmt in ("xlsx", "csv", "pdf"):
        response = client.get(reverse("reports:monitoringstabel", args=[assessed.slug, 2026, fmt]))
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("reports:monitoringstabel", args=[assessed.slug, 2026, "xlsx"])).status_code == 404


def test_publishing_shows_only_adopted_lights_and_no_names(client, kader, people, year_2026):
    from datetime import date

    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen", toelichting="Inventarisatie afgerond.")
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        monitoring.respond(people[who], b5, soort="akkoord")
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b1, kleur="rood", reden="a", toelichting="CONCEPT-TEKST")
    url = reverse("reports:openbaar", args=[kader.slug, 2026])
    assert client.get(url).status_code == 404  # not published
    client.force_login(people["secretaris"])
    publish = reverse("reports:publiceren", args=[kader.slug, 2026])
    client.post(publish)
    assert client.get(url).status_code == 404  # nothing adopted yet: nothing published
    b5.refresh_from_db()
    monitoring.adopt(people["secretaris"], b5, datum=date(2027, 3, 20), orgaan="Bestuurlijk overleg")
    client.force_login(people["woonborg"])
    assert client.post(publish).status_code == 403
    client.force_login(people["secretaris"])
    assert client.post(publish).status_code == 302
    client.logout()
    html = client.get(url).content.decode()
    assert "groen" in html and "Inventarisatie afgerond." in html and "Netto toevoegingen sociale huur" in html
    assert "CONCEPT-TEKST" not in html and "rood" not in html  # a voorzet is a draft
    title = html.split("<title>")[1].split("</title>")[0]
    assert "openbare monitor" in title and "<" not in title  # the figures belong in the page, not its title
    assert html.count('id="cijfers-kop"') == 1
    for person in people.values():
        assert person.get_full_name() not in html and person.email not in html  # no personal data


def test_national_overview(client, kader, people, year_2026, django_assert_max_num_queries):
    from datetime import date

    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen")
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        monitoring.respond(people[who], b5, soort="akkoord")
    monitoring.adopt(people["secretaris"], Beoordeling.objects.get(pk=b5.pk), datum=date(2027, 3, 20), orgaan="BO")
    client.force_login(people["ahwoon"])
    with django_assert_max_num_queries(20):
        response = client.get(reverse("reports:landelijk"))
    (row,) = response.context["rows"]
    assert row.gemeente.naam == "Aa en Hunze" and row.gemeente.provincie == "Drenthe" and len(row.sets) == 2
    assert {c.korte_naam for c in row.corporations} == {"Woonborg", "De Volmacht", "Woonzorg Nederland"}
    assert row.lights == {"groen": 1} and (row.target, row.target_year) == (120, 2031)
    assert response.context["theme_lights"] == [("Betaalbaarheid", [1, 0, 0, 0])]
    assert row.light_counts == [("groen", 1)]
    assert client.get(reverse("reports:landelijk"), {"provincie": "Zeeland"}).context["rows"] == []
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("reports:landelijk")).context["rows"] == []
    client.logout()
    public = client.get(reverse("reports:landelijk_openbaar"))
    assert public.status_code == 200 and public.context["rows"] == []  # nothing published yet
    client.force_login(people["secretaris"])
    client.post(reverse("reports:publiceren", args=[kader.slug, 2026]))
    client.logout()
    (row,) = client.get(reverse("reports:landelijk_openbaar")).context["rows"]
    assert row.lights == {"groen": 1} and [s.titel for s in row.sets] == ["Kaderafspraken 2026-2031"]
