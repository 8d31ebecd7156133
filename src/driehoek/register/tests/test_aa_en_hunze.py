"""The first real data set, loaded by make setup, checked against the source documents and
against the structure described in ../shared/seeds/README.md."""

from decimal import Decimal

import pytest

from django.conf import settings

from driehoek.register.fidelity import INTERRUPTED, locate, normalised_source, register_texts, sentences
from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Indicator
from driehoek.register.seeds import aa_en_hunze_files

pytestmark = pytest.mark.django_db

SET_2022 = "aa-en-hunze-prestatieafspraken-2022"
SET_2026 = "aa-en-hunze-kaderafspraken-2026-2031"
GEMEENTE, WOONBORG, VOLMACHT, WOONZORG = (
    "Gemeente Aa en Hunze",
    "Woonborg",
    "Woningstichting De Volmacht",
    "Woonzorg Nederland",
)
AH_WOON, DEELMACHT = "Algemene Huurdersvereniging WOON", "Huurdersvereniging De Deelmacht"
CORPORATIES = [WOONBORG, VOLMACHT, WOONZORG]
HUURDERS = [AH_WOON, DEELMACHT]

GEZ, PP, DK = "gezamenlijk", "per_partij", "doorkijk"
CORP_SECTIE = "Prestaties Woonborg en De Volmacht"
DOORKIJK = "Doorkijk naar 2023 en verder"
# theme -> [(section, first, last, kind)], from the seeds README's table
STRUCTURE_2022 = {
    "3": [("", 1, 8, GEZ)],
    "4.1": [("Gezamenlijke afspraken", 9, 10, GEZ), (CORP_SECTIE, 11, 19, PP), ("Prestaties gemeente", 20, 21, PP)],
    "4.2": [("Gezamenlijke prestaties", 22, 28, GEZ), (CORP_SECTIE, 29, 33, PP), (DOORKIJK, 34, 34, DK)],
    "4.3": [
        (CORP_SECTIE, 35, 41, PP),
        ("Prestaties gemeente", 42, 42, PP),
        ("Prestaties AH WOON en De Deelmacht", 43, 44, PP),
        (DOORKIJK, 45, 45, DK),
    ],
    "4.4": [
        ("Gezamenlijke prestaties", 46, 53, GEZ),
        (CORP_SECTIE, 54, 55, PP),
        ("Prestaties gemeente", 56, 57, PP),
        (DOORKIJK, 58, 58, DK),
    ],
    "4.5": [
        ("Gezamenlijke prestaties", 59, 61, GEZ),
        (CORP_SECTIE, 62, 65, PP),
        ("Prestaties gemeente", 66, 68, PP),
        ("Prestaties AH WOON en De Deelmacht", 69, 69, PP),
        (DOORKIJK, 70, 70, DK),
    ],
    "4.6": [("De Volmacht en Woonborg", 71, 71, PP), ("Prestaties gemeente", 72, 72, PP)],
    "4.7": [
        ("Gezamenlijke prestaties", 73, 74, GEZ),
        (CORP_SECTIE, 75, 79, PP),
        ("Prestaties gemeente", 80, 82, PP),
        ("Prestaties De Deelmacht en AH WOON", 83, 84, PP),
        (DOORKIJK, 85, 85, DK),
    ],
}
THEMES_2022 = {
    "3": "Samenwerking",
    "4.1": "Betaalbaarheid",
    "4.2": "Beschikbaarheid",
    "4.3": "Kwaliteit van de woningvoorraad",
    "4.4": "Huisvesting bijzondere doelgroepen",
    "4.5": "Wonen en zorg",
    "4.6": "Kleine kernen",
    "4.7": "Leefbaarheid",
}
THEMES_2026 = {
    "3": ("Beschikbaarheid", 1, 4),
    "4": ("Betaalbaarheid", 5, 6),
    "5": ("Duurzaamheid", 7, 10),
    "6": ("Leefbaarheid", 11, 14),
    "7": ("Wonen, welzijn en zorg", 15, 19),
}

CGH = "corporaties, gemeente en huurdersverenigingen"
# Every row of the MONITORINGSTABEL in chapter 8, in the document's order:
# (agreement, indicator, years, actiehouders as printed)
MONITORINGSTABEL = [
    ("1", "aantal opgeleverde woningen", "2026-2031", "corporaties"),
    ("1", "aangewezen locaties", "2026-2031", CGH),
    ("1", "harde en zachte woningbouwplannen", "2026-2031", CGH),
    ("2", "inventarisatie potentieel geschikt", "2026", "corporaties"),
    ("2", "bezoeken of bespreken goede voorbeelden van andere gemeenten", "2026", CGH),
    ("2", "aantal gesplitste woningen", "2027-2031", "corporaties"),
    ("3", "inventarisatie potentieel vastgoed inclusief prioritering", "2026-2031", "corporaties, gemeente"),
    ("4", "inventarisatie instrumentenkoffer", "2026-2027", CGH),
    ("4", "toepassen instrumentenkoffer", "2028-2030", CGH),
    ("4", "aantal doorgestroomde huishoudens (met behulp van de instrumentenkoffer)", "2028-2030", "corporaties"),
    ("5", "inventarisatie bezit eerste aftoppingsgrens", "2026", "corporaties"),
    ("6", "inventarisatie maken en evalueren", "2026", CGH),
    ("6", "kwalitatief oordeel", "2026-2031", CGH),
    ("7", "aantal verduurzaamde woningen per jaar (conform verduurzamingsprogramma)", "2026-2031", "corporaties"),
    ("7", "betrokkenheid (opstellen) warmteprogramma", "2026", CGH),
    ("8", "onderzoeken subsidiemogelijkheden Nij Begun", "2026-2031", "corporaties"),
    ("9", "organisatie jaarlijks overleg", "2026-2031", "gemeente"),
    ("10", "aantal en aandeel projecten waarin biobased en circulair gewerkt is", "2026-2031", "gemeente"),
    ("11", "kwalitatief oordeel beschikbaarheid aanspreekpunt", "2026-2031", CGH),
    ("12", "aantal succesvolle projecten en beschrijving", "2026-2031", CGH),
    ("12", "pilot betrokkenheid huurdersverengiingen", "2026", CGH),
    ("13", "onderzoek voldoende ontmoetingsruimte", "2026", CGH),
    ("13", "onderzoeken noodzaak meenemen ontmoetingsruimte in nieuwe ontwikkelingen", "2026-2031", "corporaties"),
    ("14", "leefbaarheidsronde voor één dorp of wijk per jaar", "2026-2031", CGH),
    ("15", "kwalitatief oordeel", "2026-2031", "gemeente"),
    ("16", "werkafspraken WMO-aanpassingen", "2026", "corporaties, gemeente, huurdersverenigingen"),
    ("17", "(ontwikkeling) aantallen levensloopbestendige woningen", "2026", "gemeente, corporaties"),
    ("18", "kwalitatief oordeel", "2026-2031", "gemeente"),
    ("19", "convenant", "2026", "gemeente"),
    ("19", "evaluatie gebruik convenant door professionals", "2030", "gemeente, corporaties, huurdersverenigingen"),
]
GROUPS = {"corporaties": CORPORATIES, "gemeente": [GEMEENTE], "huurdersverenigingen": HUURDERS}


def _expand(label: str) -> list[str]:
    words = label.replace(" en ", ", ").split(", ")
    return [name for word in words for name in GROUPS[word]]


def _names(parties) -> list[str]:
    return [p.naam for p in parties]


def test_both_sets_are_loaded_with_their_parties():
    s2022 = Afsprakenset.objects.get(slug=SET_2022)
    s2026 = Afsprakenset.objects.get(slug=SET_2026)
    assert (s2022.soort, s2022.eerste_jaar, s2022.laatste_jaar, s2022.status) == (
        "prestatieafspraken",
        2022,
        2022,
        "ondertekend",
    )
    assert (s2026.soort, s2026.eerste_jaar, s2026.laatste_jaar) == ("kaderafspraken", 2026, 2031)
    assert s2022.gemeente.naam == s2026.gemeente.naam == "Aa en Hunze"
    assert s2022.gemeente.cbs_code == "GM1680"
    assert _names(s2022.partijen.order_by("deelnames__volgorde")) == [GEMEENTE, WOONBORG, AH_WOON, VOLMACHT, DEELMACHT]
    assert s2026.partijen.count() == 6
    # One party record per organisation, shared by both sets.
    assert s2022.partijen.get(naam=WOONBORG) == s2026.partijen.get(naam=WOONBORG)


def test_2022_signatories():
    s2022 = Afsprakenset.objects.get(slug=SET_2022)
    signed = [(o.partij.naam, o.persoon, o.functie, str(o.datum), o.plaats) for o in s2022.ondertekenaars.all()]
    assert len(signed) == 5
    assert (GEMEENTE, "H. Heijerman", "Wethouder Volkshuisvesting", "2021-12-06", "Gieten") in signed
    assert (VOLMACHT, "J. Boekholt", "Directeur-bestuurder", "2021-12-06", "Gieten") in signed
    assert {s[0] for s in signed} == {GEMEENTE, WOONBORG, AH_WOON, VOLMACHT, DEELMACHT}


def test_2022_themes_sections_and_numbers_as_in_the_document():
    s2022 = Afsprakenset.objects.get(slug=SET_2022)
    assert [(t.nummer, t.titel) for t in s2022.themas.all()] == list(THEMES_2022.items())
    afspraken = list(s2022.afspraken.select_related("thema"))
    assert [a.nummer for a in afspraken] == [str(n) for n in range(1, 86)]
    for theme, sections in STRUCTURE_2022.items():
        for section, first, last, kind in sections:
            for number in range(first, last + 1):
                a = afspraken[number - 1]
                assert (a.thema.nummer, a.sectie, a.soort) == (theme, section, kind), f"afspraak {number}"
    for thema in s2022.themas.exclude(nummer="3"):
        assert thema.doel and thema.richtingen, f"thema {thema.nummer} mist doel of richtingen"


def test_2022_responsible_parties_follow_section_and_sentence():
    s2022 = Afsprakenset.objects.get(slug=SET_2022)

    def responsible(number):
        return _names(s2022.afspraken.get(nummer=number).verantwoordelijken_lijst)

    assert responsible("9") == [GEMEENTE, WOONBORG, AH_WOON, VOLMACHT, DEELMACHT]
    assert responsible("12") == [VOLMACHT]
    assert responsible("16") == [WOONBORG, AH_WOON]
    assert responsible("20") == [GEMEENTE]
    assert set(responsible("83")) == {AH_WOON, DEELMACHT}
    for afspraak in s2022.afspraken.filter(sectie="Prestaties gemeente"):
        assert responsible(afspraak.nummer)[0] == GEMEENTE
    assert all(a.verantwoordelijkheden.exists() for a in s2022.afspraken.all())


def test_2026_themes_agreements_and_ongoing_commitments():
    s2026 = Afsprakenset.objects.get(slug=SET_2026)
    for nummer, (titel, first, last) in THEMES_2026.items():
        thema = s2026.themas.get(nummer=nummer)
        assert thema.titel == titel
        assert thema.richtingen_label == "Uitgangspunten" and thema.richtingen
        assert [a.nummer for a in thema.afspraken.all()] == [str(n) for n in range(first, last + 1)]
        assert thema.lopende_afspraken.exists(), f"thema {nummer} mist 'Dit doen we al'"
    assert s2026.afspraken.count() == 19
    assert s2026.afspraken.get(nummer="17").soort == "procesafspraak"
    assert s2026.afspraken.get(nummer="1").titel.startswith("Toevoegen van netto 180 sociale huurwoningen")


def test_2026_every_monitoringstabel_row_with_its_actiehouders():
    indicators = Indicator.objects.filter(afspraak__afsprakenset__slug=SET_2026).order_by(
        "afspraak__volgorde", "volgorde"
    )
    rows = [(i.afspraak.nummer, i.omschrijving, i.jaren, i.actiehouders_label) for i in indicators]
    assert rows == MONITORINGSTABEL
    for indicator, (_n, _d, _y, label) in zip(indicators, MONITORINGSTABEL, strict=True):
        assert _names(indicator.actiehouders_lijst) == _expand(label), indicator.omschrijving
        assert indicator.soort in Indicator.Soort.values


def _target(slug, number, **filters):
    return Doelstelling.objects.get(afspraak__afsprakenset__slug=slug, afspraak__nummer=number, **filters)


def test_targets_named_in_the_issue():
    t = _target(SET_2026, "1", vergelijking="tussen")
    assert (t.waarde, t.waarde_max, t.jaar) == (Decimal(120), Decimal(140), 2031)
    assert t.indicator.omschrijving == "aantal opgeleverde woningen"
    t = _target(SET_2026, "1", jaar=2040)
    assert t.waarde == Decimal(180) and "180" in t.brontekst
    t = _target(SET_2022, "12")
    assert (t.waarde, t.eenheid, t.vergelijking) == (Decimal(85), "%", "ten_minste")
    assert "tweede aftoppingsgrens" in t.brontekst
    assert sorted(
        d.waarde for d in Doelstelling.objects.filter(afspraak__afsprakenset__slug=SET_2022, afspraak__nummer="17")
    ) == [
        Decimal(10),
        Decimal(10),
        Decimal(80),
    ]
    t = _target(SET_2022, "52")
    assert (t.waarde, t.vergelijking) == (Decimal(5), "ten_hoogste")
    # Targets that the documents state outside a numbered agreement belong to their theme.
    t = Doelstelling.objects.get(thema__afsprakenset__slug=SET_2026, thema__nummer="3")
    assert (t.waarde, t.eenheid, t.vergelijking) == (Decimal(30), "%", "ten_minste")
    t = Doelstelling.objects.get(thema__afsprakenset__slug=SET_2026, thema__nummer="5", jaar=2028)
    assert "E, F of G" in t.brontekst and (t.waarde, t.vergelijking) == (Decimal(0), "ten_hoogste")
    t = Doelstelling.objects.get(thema__afsprakenset__slug=SET_2022, thema__nummer="4.4")
    assert (t.waarde, t.vergelijking) == (Decimal(20), "ten_hoogste") and "circa 20%" in t.brontekst


def test_every_target_quotes_its_own_text():
    for d in Doelstelling.objects.select_related("afspraak", "thema"):
        if d.afspraak:
            owner_text = d.afspraak.tekst + " " + d.afspraak.titel
        else:
            lopend = " ".join(d.thema.lopende_afspraken.values_list("tekst", flat=True))
            owner_text = " ".join([d.thema.doel, *d.thema.richtingen, lopend])
        assert d.brontekst.lstrip("•● ") in owner_text, d.brontekst


def test_references_are_links():
    a72 = Afspraak.objects.get(afsprakenset__slug=SET_2022, nummer="72")
    assert [a.nummer for a in a72.verwijzingen.all()] == ["34"]
    a17 = Afspraak.objects.get(afsprakenset__slug=SET_2026, nummer="17")
    assert [a.nummer for a in a17.verwijzingen.all()] == ["15"]


def test_tables_of_the_documents_are_kept_as_data():
    s2022 = Afsprakenset.objects.get(slug=SET_2022).brongegevens
    rows = {r["party"]: r for r in s2022["voorraad"]["rows"]}
    assert (rows[VOLMACHT]["homes"], rows[WOONBORG]["homes"]) == (1544, 395)
    assert s2022["voorraad"]["stated_total"] == {"homes": 1939, "expected_change": -17, "forecast": 1922}
    assert sum(r["homes"] for r in rows.values()) == s2022["voorraad"]["stated_total"]["homes"]
    assert (s2022["huurgrenzen"]["eerste_aftoppingsgrens"], s2022["huurgrenzen"]["liberalisatiegrens"]) == (633, 752)
    assert len(s2022["agenda"]) == 13
    assert {"2022-07-01", "2022-12-15"} <= {row["date"] for row in s2022["agenda"]}

    s2026 = Afsprakenset.objects.get(slug=SET_2026).brongegevens
    plans = s2026["woningbouwplannen"]
    assert [r["bruto"] for r in plans["rows"]] == [56, 62, 103]
    assert plans["rows"][0]["netto"] == 53 and plans["rows"][0]["sloop"] == 3
    assert plans["stated_total"] == {"bruto": 221, "netto": 161}
    # The document's net total does not follow from its rows; the data keeps what it says.
    assert sum(r["bruto"] for r in plans["rows"]) == 221
    assert s2026["inkomensgrenzen"]["eenpersoons"] == 46669
    assert s2026["huurgrenzen"]["eerste_aftoppingsgrens"] == 682.96


# Sentences that the extraction interrupts with other material (a footnote, a table); checked by
# hand against the PDF text, and listed so that a dropped phrase cannot pass as an interruption.
INTERRUPTED_SENTENCES = {
    "prestatieafspraken-2022.json": ["Voor 2022 geldt daarom dat de huursom met maximaal 1% boven inflatie"],
    "kaderafspraken-2026-2031.json": ["De partijen werken samen aan een ‘instrumentenkoffer’ voor doorstroming"],
}


@pytest.mark.parametrize("path", aa_en_hunze_files(), ids=lambda p: p.name)
def test_agreement_texts_are_the_agreed_wording(path):
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    source = settings.DATA_DIR / "aa-en-hunze" / data["sets"][0]["source_document"]["filename"]
    haystacks = normalised_source(source.read_text(encoding="utf-8"))
    missing, interrupted = [], []
    for label, text in register_texts(data):
        for sentence in sentences(text):
            found = locate(sentence, haystacks)
            if found is None:
                missing.append(f"{label}: {sentence}")
            elif found == INTERRUPTED:
                interrupted.append(sentence)
    assert missing == []
    expected = INTERRUPTED_SENTENCES[path.name]
    assert len(interrupted) == len(expected)
    for sentence, start in zip(interrupted, expected, strict=True):
        assert sentence.startswith(start)
