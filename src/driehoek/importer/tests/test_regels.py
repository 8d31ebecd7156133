"""The small rules: targets in a sentence, responsibility from a sentence, repairs of extraction damage."""

import pytest

from driehoek.importer import extract, targets
from driehoek.importer.parties import Partij
from driehoek.importer.verantwoordelijken import Matcher


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("De corporatie houdt minimaal 85% van haar bezit betaalbaar.", (85, None, "%", "ten_minste", None)),
        ("De huursom stijgt met maximaal 1% boven inflatie in 2027.", (1, None, "%", "ten_hoogste", 2027)),
        (
            "We voegen t/m 2031 netto 120-140 sociale huurwoningen toe.",
            (120, 140, "sociale huurwoningen", "tussen", 2031),
        ),
        ("Zij verkopen circa 4 tot 6 woningen per jaar.", (4, 6, "woningen", "tussen", None)),
        ("De huur wordt afgetopt op € 678 (prijspeil 2021).", (678, None, "euro", "ten_hoogste", None)),
        ("Een energie-index tussen 1,41 en 1,80 in 2025.", (1.41, 1.8, "energie-index", "tussen", 2025)),
        ("Dit overleg vindt minimaal twee keer per jaar plaats.", (2, None, "keer per jaar", "ten_minste", None)),
        ("Het budget is ten minste € 50.000 per jaar, uiterlijk 2028.", (50000, None, "euro", "ten_minste", 2028)),
        (
            "Een 6-tal levensloopgeschikte woningen aan de Naweg.",
            (6, None, "levensloopgeschikte woningen", "circa", None),
        ),
    ],
)
def test_a_target_in_a_sentence(sentence, expected):
    found = targets.in_sentence(sentence)
    assert len(found) == 1, found
    t = found[0]
    assert (t["value"], t["value_max"], t["unit"], t["comparator"], t["year"]) == expected
    assert t["source_text"] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Woonborg heeft 397 woningen in de gemeente.",
        "In 2026 maken we een plan.",
        "Totaal -17",
        "Zie afspraak 13 bij het thema leefbaarheid.",
    ],
)
def test_no_target_in_a_fact_or_a_year(sentence):
    assert targets.in_sentence(sentence) == []


@pytest.fixture
def matcher():
    return Matcher(
        [
            Partij("Gemeente Zuiderhaven", "Gemeente", "gemeente", {"Gemeente Zuiderhaven"}),
            Partij("Stichting Havenwoning", "Havenwoning", "corporatie", {"Stichting Havenwoning", "Havenwoning"}),
            Partij("Huurdersraad Kade", "Huurdersraad Kade", "huurdersorganisatie", {"Huurdersraad Kade"}),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Havenwoning vraagt advies bij Huurdersraad Kade.", ["Stichting Havenwoning"]),
        ("De gemeente informeert de corporaties en huurdersorganisaties ieder kwartaal.", ["Gemeente Zuiderhaven"]),
        ("Havenwoning werkt samen met de gemeente aan een plan.", ["Stichting Havenwoning", "Gemeente Zuiderhaven"]),
        ("Havenwoning heeft 40 woningen in de gemeente.", ["Stichting Havenwoning"]),
        ("De corporaties bouwen. De huurdersorganisaties worden geïnformeerd.", ["Stichting Havenwoning"]),
    ],
)
def test_parties_named_as_actors(matcher, text, expected):
    assert matcher.mentions(text) == expected


def test_partijen_or_we_in_the_opening_means_everyone(matcher):
    everyone = {"Gemeente Zuiderhaven", "Stichting Havenwoning", "Huurdersraad Kade"}
    assert set(matcher.responsible("We onderzoeken samen de kansen.", [], "gezamenlijk", [])) == everyone
    assert set(matcher.responsible("Partijen overleggen jaarlijks.", [], "gezamenlijk", [])) == everyone
    # A later "we" does not make a named actor's agreement everybody's.
    assert matcher.responsible("De gemeente maakt een plan. Dit doen we in 2027.", [], "", []) == [
        "Gemeente Zuiderhaven"
    ]
    # Nobody named: the section's parties, then the table's actiehouders.
    assert matcher.responsible("Het plan komt er in 2027.", ["Huurdersraad Kade"], "per_partij", []) == [
        "Huurdersraad Kade"
    ]
    assert matcher.responsible("Het plan komt er.", [], "", ["Stichting Havenwoning"]) == ["Stichting Havenwoning"]


def test_repairs_of_extraction_damage():
    pages = [
        "Kopregel van het document\nDe woning-\nvoorraad groeit.¹ Zie de twee-\nonder-één kap.\n3",
        "Kopregel van het document\nBron Stichting Havenwoning\n1  Een voetnoot.\nDe tekst gaat door.\n4",
        "Kopregel van het document\nNog een pagina.\n5",
        "Kopregel van het document\nLaatste pagina.\n6",
    ]
    document = extract.clean(pages)
    text = document.text
    assert "woningvoorraad groeit." in text and "twee-onder-één kap" in text
    assert "Kopregel" not in text and "Bron Stichting" not in text
    assert document.footnotes == ["1 Een voetnoot."]
    assert not any(line.strip() in {"3", "4", "5", "6"} for line in document.lines)
