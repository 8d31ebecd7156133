"""The shape reading (docs/adr/0195): a document tells its own layout by the line shapes it repeats. Each rule on
made-up snippets with fictional names that no corpus document has: the marks and their shapes, numbers that follow
each other, and whole small documents read by the shape reading alone and by the proposal."""

import pytest

from driehoek.importer import extract, parties, proposal, structure
from driehoek.importer.line_marks import follows, mark


@pytest.mark.parametrize(
    ("line", "shape", "number"),
    [
        ("3. De gemeente bouwt woningen.", "9.", "3"),
        ("2.1 Kernhof bouwt in 2026.", "9.9", "2.1"),
        ("12) De Lamp houdt spreekuren.", "9)", "12"),
        ("(4) De gemeente levert grond.", "(9)", "4"),
        ("Afspraak 4: Kernhof bouwt.", "afspraak 9", "4"),
        ("Opdracht 2.3 – De gemeente levert grond.", "opdracht 9.9", "2.3"),
        ("A1 Kernhof bouwt in 2026.", "A9", "A1"),
        ("QR-2 Kernhof bouwt in 2026.", "A-9", "QR-2"),
        ("3b. De gemeente levert grond.", "9a.", "3b"),
        ("b) Kernhof bouwt in 2026.", "a)", "b"),
        ("IV Wonen en zorg", "I", "4"),
        ("• bouwt in 2026 ten minste 40 woningen", "•", ""),
        ("– houdt spreekuren", "–", ""),
    ],
)
def test_a_lines_mark_and_its_shape(line, shape, number):
    m = mark(line)
    assert m is not None
    assert (m.shape, m.number) == (shape, number)


@pytest.mark.parametrize(
    "line",
    [
        "40 woningen in het dorp aan de Molenweg.",  # a sentence wrapped before a figure
        "2026 wordt een jaar van bouwen.",  # a year opening a sentence
        "– – 15",  # a matrix cell
        "De gemeente bouwt.",
        "",
    ],
)
def test_a_line_without_a_mark(line):
    assert mark(line) is None


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("3. Tekst", "4. Tekst", True),
        ("3. Tekst", "5. Tekst", False),
        ("2.3 Tekst", "2.4 Tekst", True),
        ("2.3 Tekst", "3.1 Tekst", True),  # the next theme's first
        ("2.3 Tekst", "3.2 Tekst", False),
        ("4. Tekst", "1. Tekst", False),  # a new start: a run of its own
        ("A3 Tekst", "B1 Tekst", True),
        ("QR-3 Tekst", "QR-4 Tekst", True),
        ("QR-3 Tekst", "ST-1 Tekst", False),  # a new code: a run of its own
        ("2b. Tekst", "2c. Tekst", True),
        ("2c. Tekst", "3a. Tekst", True),
        ("c) Tekst", "d) Tekst", True),
        ("• Tekst", "• Tekst", True),
    ],
)
def test_one_number_follows_another(before, after, expected):
    assert follows(mark(before), mark(after)) is expected


def _shapes(document: str):
    doc = extract.read("proef.txt", document.encode())
    found, _signing = parties.find(doc.text)
    aliases = {alias.lower(): p.name for p in found for alias in p.aliases}
    parsed = structure.parse_shapes(doc.lines, aliases)
    return {t.title: [a.number for a in t.agreements] for t in parsed.themes}


HEAD = (
    "Woonafspraken Beekdal 2026\n\nGemeente Beekdal, Woonstichting Lindehof en Huurdersvereniging De Wilg\n\n"
    "Inleiding\n\nDeze afspraken maken de gemeente Beekdal, Woonstichting Lindehof en Huurdersvereniging De Wilg "
    "samen.\n\n"
)
UNKNOWN_WORD = HEAD + (
    "Nieuwbouw\n\n"
    "Opdracht 1 – Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\nTrekker: Lindehof\n\n"
    "Opdracht 2 – De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\nTrekker: gemeente\n\n"
    "Opdracht 3 – De Wilg houdt in 2026 twee bijeenkomsten over de nieuwbouw met huurders.\nTrekker: De Wilg\n\n"
    "Betaalbaarheid\n\n"
    "Opdracht 4 – Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\nTrekker: Lindehof\n\n"
    "Opdracht 5 – De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\nTrekker: gemeente\n\n"
    "Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_a_label_word_no_rule_knows_is_read_from_its_repetition_with_a_note_on_the_review_screen():
    assert _shapes(UNKNOWN_WORD) == {"Nieuwbouw": ["1", "2", "3"], "Betaalbaarheid": ["4", "5"]}
    for only in ("lines", "outline"):  # neither of the other readings reads it
        with pytest.raises(ValueError):
            proposal.propose("proef.txt", UNKNOWN_WORD.encode(), only=only)
    result = proposal.propose("proef.txt", UNKNOWN_WORD.encode())
    read = [(t["title"], a["number"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    assert read == [
        ("Nieuwbouw", "1", ["Woonstichting Lindehof"]),
        ("Nieuwbouw", "2", ["Gemeente Beekdal"]),
        ("Nieuwbouw", "3", ["Huurdersvereniging De Wilg"]),
        ("Betaalbaarheid", "4", ["Woonstichting Lindehof"]),
        ("Betaalbaarheid", "5", ["Gemeente Beekdal"]),
    ]
    assert any("regelvorm die zich herhaalt" in note for note in result.notes)


THROUGH = HEAD.replace("samen.\n\n", "samen. Zo kwamen ze tot stand:\n\n") + (
    "1. Lindehof bracht in juli een bod uit op de woonvisie van de gemeente.\n"
    "2. De Wilg gaf in september een reactie op dat bod van Lindehof.\n\n"
    "Nieuwbouw\n\n"
    "1. Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "2. De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "Betaalbaarheid\n\n"
    "3. Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "4. De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\n"
)


def test_numbered_through_the_document_the_longest_run_is_the_agreements_and_an_earlier_list_none():
    assert _shapes(THROUGH) == {"Nieuwbouw": ["1", "2"], "Betaalbaarheid": ["3", "4"]}


CODES = HEAD + (
    "Nieuwbouw\n\nNB-1 Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "NB-2 De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "Betaalbaarheid\n\nBT-1 Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "BT-2 De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\n"
)


def test_codes_before_the_numbers_start_again_at_one_per_theme():
    assert _shapes(CODES) == {"Nieuwbouw": ["NB-1", "NB-2"], "Betaalbaarheid": ["BT-1", "BT-2"]}


PARTY_LEAD_INS = HEAD + (
    "Nieuwbouw\n\nWat doen de corporaties:\n- bouwen in 2026 ten minste 40 sociale huurwoningen in het dorp;\n"
    "- verkopen geen sociale huurwoningen in de looptijd van deze afspraken.\n"
    "Wat doet de gemeente:\n- levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "Betaalbaarheid\n\nSamen:\n- voorkomen huisuitzettingen door vroegsignalering in het hele dorp.\n"
    "Wat doet De Wilg:\n- houdt elk jaar twee spreekuren over huurtoeslag en woonlasten.\n"
)


def test_bullets_under_lead_ins_naming_parties_or_a_group_are_theirs():
    assert _shapes(PARTY_LEAD_INS) == {"Nieuwbouw": ["1.1", "1.2", "1.3"], "Betaalbaarheid": ["2.1", "2.2"]}
    doc = extract.read("proef.txt", PARTY_LEAD_INS.encode())
    found, _signing = parties.find(doc.text)
    aliases = {alias.lower(): p.name for p in found for alias in p.aliases}
    parsed = structure.parse_shapes(doc.lines, aliases)
    sections = [(a.section, a.by_heading) for t in parsed.themes for a in t.agreements]
    assert sections == [
        ("Wat doen de corporaties", True),
        ("Wat doen de corporaties", True),
        ("Wat doet de gemeente", True),
        ("Samen", True),
        ("Wat doet De Wilg", True),
    ]


TABLE_THEMES = HEAD + (
    "Afsprakentabel\n\nII Nieuwbouw\n\n"
    "Afspraak 1: Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "Betrokken: De Wilg\nGereed: 2026\nTrekker: Lindehof.\n"
    "Afspraak 2: De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n"
    "Gereed: 2026\nTrekker: gemeente.\n\n"
    "Afsprakentabel (vervolg)\n\nIII Betaalbaarheid\n\n"
    "Afspraak 3: Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "Betrokken: gemeente\nTrekker: Lindehof.\n"
)


def test_a_title_continued_recurs_and_the_responsibility_line_stands_among_the_fields():
    assert _shapes(TABLE_THEMES) == {"Nieuwbouw": ["1", "2"], "Betaalbaarheid": ["3"]}
    doc = extract.read("proef.txt", TABLE_THEMES.encode())
    parsed = structure.parse_shapes(doc.lines, {})
    assert [a.lead for t in parsed.themes for a in t.agreements] == ["Lindehof", "gemeente", "Lindehof"]


GOAL_WRAPPED = HEAD + (
    "Nieuwbouw\nDoel: genoeg woningen voor iedereen in het dorp.\nVan de woningen van Lindehof heeft nu\n"
    "42% een label A; dat moet beter.\n\n"
    "a) Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "b) De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "Betaalbaarheid\n\n"
    "a) Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "b) De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\n"
)


def test_a_line_going_on_with_a_figure_is_no_heading_and_letters_start_again_per_theme():
    assert _shapes(GOAL_WRAPPED) == {"Nieuwbouw": ["1.a", "1.b"], "Betaalbaarheid": ["2.a", "2.b"]}


def _reading(groups: list[list[int]], numbers: list[list[str]] | None = None):
    from driehoek.importer.shapes import Afspraak, Hoofdstuk, Structure

    chapters = []
    for k, starts in enumerate(groups, start=1):
        chapter = Hoofdstuk(number=str(k), title=f"Thema {k}", start=starts[0] - 1)
        labels = numbers[k - 1] if numbers else [str(s) for s in starts]
        chapter.agreements = [Afspraak(n, "", [], s, [(s, "Tekst")]) for n, s in zip(labels, starts, strict=True)]
        chapters.append(chapter)
    return Structure(chapters, double_spaced=False)


def test_where_the_two_readings_differ_the_one_the_shapes_read_alike_is_taken_with_the_note():
    from driehoek.importer.reading import _or_shapes

    line, outline = _reading([[10, 20], [30, 40]]), _reading([[10, 20, 30, 40]])
    shapes = _reading([[10, 20, 30, 40]])
    chosen, doubt = _or_shapes(line, ["verschillen"], shapes, line, outline)
    assert chosen is outline and doubt == ["verschillen"]
    chosen, doubt = _or_shapes(line, ["verschillen"], _reading([[10, 20], [30, 40]]), line, outline)
    assert chosen is line and doubt == ["verschillen"]


@pytest.mark.parametrize(
    ("chosen_groups", "chosen_numbers", "taken"),
    [
        ([[5]], [["1"]], True),  # next to nothing found
        ([[10, 20, 30]], [["1", "2", "3"]], True),  # all inside the shape reading, which reads twice as many
        ([[11, 21, 31, 41]], [["1", "7", "3", "9"]], True),  # numbering broken at every agreement
        ([[11, 21, 31, 41]], [["1", "2", "3", "4"]], False),  # a sound reading of other lines stays
    ],
)
def test_the_shape_reading_is_taken_only_over_a_weak_reading_and_says_so(chosen_groups, chosen_numbers, taken):
    from driehoek.importer.reading import _or_shapes

    chosen = _reading(chosen_groups, chosen_numbers)
    shapes = _reading([[10, 20, 30, 40], [50, 60, 70, 80]], [["1", "2", "3", "4"], ["5", "6", "7", "8"]])
    result, notes = _or_shapes(chosen, [], shapes, chosen, chosen)
    assert (result is shapes) is taken
    assert bool(notes) is taken


NUMBERED_AMID_BULLETS = HEAD + (
    "Nieuwbouw\n\nDit doen we al:\n"
    + "".join(f"• lopende inzet nummer {k} voor het dorp en de kernen\n" for k in range(9))
    + "\n1. Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "2. De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "Betaalbaarheid\n\nRichtingen:\n"
    + "".join(f"• richting nummer {k} voor betaalbare woningen\n" for k in range(9))
    + "\n3. Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "4. De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\n"
)


def test_bullets_that_outnumber_sound_numbered_agreements_do_not_replace_them():
    # Under principles and ongoing commitments ("Richtingen", "Dit doen we al") bullets are no agreements.
    assert _shapes(NUMBERED_AMID_BULLETS) == {"Nieuwbouw": ["1", "2"], "Betaalbaarheid": ["3", "4"]}
    result = proposal.propose("proef.txt", NUMBERED_AMID_BULLETS.encode())
    assert [a["number"] for t in result.set["themes"] for a in t["agreements"]] == ["1", "2", "3", "4"]
    assert not any("regelvorm" in note for note in result.notes)


def _many(units: int) -> list[str]:
    lines = ["Woonafspraken Beekdal 2026", ""]
    for theme in range(units // 20):
        lines += [f"Thema nummer {theme + 1}", ""]
        lines += [
            f"Opdracht {theme * 20 + k + 1} – Lindehof bouwt in 2027 ten minste {k + 5} woningen.\n" for k in range(20)
        ]
    return lines


def test_the_shape_reading_takes_time_in_proportion_to_the_document():
    import time

    def seconds(units: int) -> float:
        lines = _many(units)
        best = None
        for _ in range(2):
            started = time.process_time()
            parsed = structure.parse_shapes(lines, {})
            best = min(best or 1e9, time.process_time() - started)
        assert sum(len(t.agreements) for t in parsed.themes) == units
        return best

    small, large = seconds(800), seconds(1600)
    assert large < 5.0
    assert large / small < 3.0, f"1600 eenheden duren {large / small:.1f} keer zo lang als 800 (lineair is 2)"


NO_BLANK_LINES = HEAD.replace("\n\n", "\n") + (
    "2 Afspraken\n2.1 Nieuwbouw\nDoel: genoeg woningen voor iedereen in het dorp.\n"
    "1. Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "2. De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n"
    "2.2 Betaalbaarheid\n"
    "3. Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "4. De gemeente en Lindehof voorkomen huisuitzettingen door vroegsignalering.\n"
)


def test_without_blank_lines_a_heading_under_a_heading_still_stands_apart():
    assert _shapes(NO_BLANK_LINES) == {"Nieuwbouw": ["1", "2"], "Betaalbaarheid": ["3", "4"]}
