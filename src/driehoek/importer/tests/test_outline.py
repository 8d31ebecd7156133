"""The structure-first reading (outline.py) and the choice between the two readings (reading.py), each on a
made-up document: themes at the level whose headings hold the items, one kind of item per theme, party
headings of any wording, enumerations that are no agreements, a listing of the agreements that is none,
and the review screen's note where the readings differ."""

import pytest

from driehoek.importer import blocks, extract, parties, proposal, reading, structure
from driehoek.importer.shapes import Afspraak, Hoofdstuk, Structure


def _read(document: str):
    doc = extract.read("proef.txt", document.encode())
    found, _signing = parties.find(doc.text)
    aliases = {alias.lower(): p.name for p in found for alias in p.aliases}
    return structure.parse_outline(doc.lines, aliases), aliases, doc


def _themes(parsed) -> dict[str, list[str]]:
    return {t.title: [a.number for a in t.agreements] for t in parsed.themes}


HEAD = (
    "Prestatieafspraken 2026\n\nGemeente Proefdorp · Woonstichting Kernhof · Huurdersvereniging De Lamp\n\n"
    "1 Inleiding\n\nDeze afspraken maken we samen. Bij het opstellen hebben we de volgende stappen gezet:\n\n"
    "1. Kernhof bracht een bod uit op de woonvisie.\n2. De Lamp gaf een reactie op het bod.\n\n"
)


def test_themes_are_the_level_that_splits_the_agreements_and_parts_of_a_theme_lie_below():
    document = HEAD + (
        "Ruimte om te wonen\n\nOpgave: er zijn 300 woningen nodig.\n\nNieuwbouw\n\n"
        "Wat doet de gemeente?\n\n– Zorgt in 2026 voor bouwgrond voor 60 woningen.\n\n"
        "Inzet corporaties\n\n– Starten in 2026 de bouw van 110 woningen.\n\n"
        "Doorstroming\n\nGezamenlijk\n\n– Starten een proef met een verhuiscoach.\n\n"
        "Wonen en zorg\n\nOpgave: er komen ouderen bij.\n\nUitstroom\n\n"
        "Wat doet de gemeente?\n\n– Opent in 2026 een steunpunt in het dorpshuis.\n"
    )
    parsed, _aliases, _doc = _read(document)
    assert _themes(parsed) == {"Ruimte om te wonen": ["1.1", "1.2", "1.3"], "Wonen en zorg": ["2.1"]}
    lamp = next(t for t in parsed.themes if t.title == "Ruimte om te wonen").agreements
    assert [a.by_heading for a in lamp] == [True, True, True]  # the enumeration in the introduction is none


def test_party_headings_name_the_responsible_parties_and_their_lists_may_end_in_semicolons():
    document = HEAD + (
        "Beschikbaarheid\n\nDoel: genoeg woningen.\n\nDe gemeente zet in op\n\n"
        "• het versnellen van de procedure voor het plan Zuid;\n\n• het beschikbaar stellen van een locatie.\n\n"
        "Kernhof\n\n• levert in 2026 ten minste 70 woningen op;\n\n• bouwt 12 tijdelijke woningen.\n\n"
        "Betaalbaarheid\n\nDoel: lage lasten.\n\nKernhof\n\n• verlaagt de huur van 40 woningen.\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    agreements = [a for t in result.set["themes"] for a in t["agreements"]]
    assert [a["responsible"] for a in agreements] == [
        ["Gemeente Proefdorp"],
        ["Gemeente Proefdorp"],
        ["Woonstichting Kernhof"],
        ["Woonstichting Kernhof"],
        ["Woonstichting Kernhof"],
    ]
    assert {p["name"]: p["kind"] for p in result.set["parties"]} == {
        "Gemeente Proefdorp": "gemeente",
        "Woonstichting Kernhof": "corporatie",
        "Huurdersvereniging De Lamp": "huurdersorganisatie",
    }


def test_a_listing_of_the_agreements_in_an_annex_and_a_party_list_are_no_agreements():
    document = (
        "Prestatieafspraken 2026\n\nDe partijen zijn:\n\n• Gemeente Proefdorp (de gemeente);\n"
        "• Woonstichting Kernhof (Kernhof).\n\n"
        "I. Beschikbaarheid\n\na) De gemeente wijst in 2026 twee locaties aan.\n→ Verantwoordelijk: gemeente\n\n"
        "b) Kernhof bouwt 40 woningen.\n→ Verantwoordelijk: Kernhof\n\n"
        "II. Betaalbaarheid\n\nc) Kernhof verlaagt de huur van 30 woningen.\n→ Verantwoordelijk: Kernhof\n\n"
        "Bijlage A\n\na) Twee locaties aangewezen in 2026 door de gemeente\n"
        "b) Veertig woningen gebouwd door Kernhof\nc) Dertig huren verlaagd door Kernhof\n"
    )
    parsed, _aliases, _doc = _read(document)
    assert _themes(parsed) == {"Beschikbaarheid": ["a", "b"], "Betaalbaarheid": ["c"]}
    assert [a.lead for t in parsed.themes for a in t.agreements] == ["gemeente", "Kernhof", "Kernhof"]


def test_a_number_that_goes_on_with_a_sentence_over_a_column_break_is_no_item():
    lines = ["2 Wonen", "", "Afspraak 3", "Kernhof realiseert tot en met 2026 circa", "40 flexwoningen voor starters."]
    found = blocks.blocks(lines)
    assert [(b.kind, b.number) for b in found] == [("heading", "2"), ("item", "3")]
    assert found[1].lines[-1][1] == "40 flexwoningen voor starters."


def _structure(*themes: list[int]) -> Structure:
    chapters = []
    for k, starts in enumerate(themes):
        chapter = Hoofdstuk(number=str(k + 1), title=f"Thema {k + 1}", start=100 * k)
        chapter.agreements = [Afspraak(str(s), "", [], s) for s in starts]
        chapters.append(chapter)
    return Structure(chapters, double_spaced=False)


@pytest.mark.parametrize(
    ("by_line", "by_outline", "taken", "doubt"),
    [
        ([[1, 2], [3]], [[1, 2], [3]], "line", False),  # the same: the line reading, which carries more
        ([[1, 2], [3, 4]], [[1, 2], [3]], "line", False),  # the lines found more
        ([[1, 2]], [[1, 2], [3]], "outline", False),  # the outline found more: a layout the rules do not know
        ([[1, 2], [3]], [[1], [2, 3]], "line", True),  # the same agreements under other themes
        ([[1, 2], [5]], [[1, 2], [3]], "line", True),  # other agreements
    ],
)
def test_which_reading_is_taken_and_when_the_review_screen_says_the_readings_differ(
    monkeypatch, by_line, by_outline, taken, doubt
):
    readings = {"line": _structure(*by_line), "outline": _structure(*by_outline)}
    monkeypatch.setattr(structure, "parse", lambda *a, **k: readings["line"])
    monkeypatch.setattr(structure, "parse_outline", lambda *a, **k: readings["outline"])
    chosen, notes = reading.read([], {})
    assert chosen is readings[taken]
    assert bool(notes) == doubt
    if doubt:
        assert "controleer de indeling naast de brontekst" in notes[0]


def test_numbered_agreements_under_a_party_heading_get_its_party():
    document = HEAD + (
        "2 Nieuwe woningen\n\nDat doet Woonstichting Kernhof:\n\n"
        "3. Kernhof levert in 2026 ten minste 40 woningen op, met de gemeente als grondeigenaar.\n\n"
        "Dat doet de gemeente Proefdorp:\n\n4. De gemeente geeft de vergunning binnen zes maanden af.\n\n"
        "Dat doen we samen:\n\n5. We maken voor 1 juli 2026 een lijst van locaties.\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    assert [(a["number"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]] == [
        ("3", ["Woonstichting Kernhof"]),
        ("4", ["Gemeente Proefdorp"]),
        ("5", ["Gemeente Proefdorp", "Woonstichting Kernhof", "Huurdersvereniging De Lamp"]),
    ]


def test_where_both_read_the_same_agreements_the_outline_says_who_where_the_lines_do_not(monkeypatch):
    by_line, by_outline = _structure([1, 2]), _structure([1, 2])
    heading = by_outline.themes[0].agreements[0]
    heading.by_heading, heading.section, heading.section_parties = True, "Dat doet X", ["X"]
    by_outline.themes[0].agreements[1].lead = "gemeente"
    by_line.themes[0].agreements[1].lead = "corporaties"  # the line reading's own responsibility line stays
    monkeypatch.setattr(structure, "parse", lambda *a, **k: by_line)
    monkeypatch.setattr(structure, "parse_outline", lambda *a, **k: by_outline)
    chosen, notes = reading.read([], {})
    first, second = chosen.themes[0].agreements
    assert chosen is by_line and notes == []
    assert (first.by_heading, first.section, first.section_parties) == (True, "Dat doet X", ["X"])
    assert second.lead == "corporaties"
