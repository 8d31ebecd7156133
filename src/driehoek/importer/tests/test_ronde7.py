"""Round 7 of the importer (docs/importer.md): made-up snippets with fictional names."""

from driehoek.importer import parties, proposal

from . import helpers

_read = helpers.read


PARTY_LIST = (
    "Woonafspraken Beekdal 2026\n\n"
    "1 Inleiding\n\n"
    "De afspraken zijn gemaakt door:\n\n"
    "1. Gemeente Beekdal, hierna: de gemeente;\n"
    "2. Woonstichting Lindehof, hierna: Lindehof;\n"
    "3. Esdoorn Wonen, hierna: Esdoorn;\n"
    "4. Huurdersvereniging De Wilg, hierna: De Wilg.\n\n"
    "Lindehof en Esdoorn samen noemen we de corporaties. De nummering loopt door.\n\n"
    "2 Nieuwbouw\n\nDoel: genoeg sociale huurwoningen in elk dorp.\n\n"
    "1. De corporaties bouwen in 2026 ten minste 40 sociale huurwoningen in het dorp.\n"
    "2. De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.\n\n"
    "3 Betaalbaarheid\n\nDoel: huurders houden genoeg over.\n\n"
    "3. Esdoorn houdt ten minste 80% van de woningen onder de aftoppingsgrens.\n"
    "4. De Wilg geeft in maart 2026 advies over de huuraanpassing.\n\n"
    "4 Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_a_list_in_the_introduction_is_no_agreements_and_its_short_names_give_parties_with_their_kind():
    found, _signing = parties.find(PARTY_LIST)
    kinds = {p.name: (p.short_name, p.kind) for p in found}
    assert kinds["Esdoorn Wonen"] == ("Esdoorn", "corporatie")  # no organisation word, but "Wonen" says the kind
    assert _read(PARTY_LIST) == [
        ("Nieuwbouw", "1", ["Woonstichting Lindehof", "Esdoorn Wonen"]),
        ("Nieuwbouw", "2", ["Gemeente Beekdal"]),
        ("Betaalbaarheid", "3", ["Esdoorn Wonen"]),
        ("Betaalbaarheid", "4", ["Huurdersvereniging De Wilg"]),
    ]


def test_a_defining_list_needs_a_kind_in_the_name():
    found, _signing = parties.find("Inleiding\n\n1. Het Rijk, hierna: het Rijk;\n2. Beekdal Post, hierna: Post.\n")
    assert not any(p.name in ("Het Rijk", "Beekdal Post") for p in found)


TABLE_TWO_LEVELS = (
    "Woonafspraken Beekdal 2026\n\nGemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging De Wilg\n\n"
    "1 Inleiding\n\nDeze afspraken maken de gemeente Beekdal, Woonstichting Lindehof en Huurdersvereniging De Wilg "
    "samen.\n\n"
    "2 De afspraken\n\n"
    "Nr     | Afspraak                                                | Trekker   | Gereed\n"
    "-------+---------------------------------------------------------+-----------+-------\n"
    "2 Wonen, bouwen en verhuizen\n"
    "2.1 Nieuwbouw\n"
    "2.1.1  | Lindehof bouwt in 2026 ten minste 40 sociale            | Lindehof  | 2026\n"
    "       | huurwoningen in het dorp.                               |           |\n"
    "2.1.2  | De gemeente levert in 2026 de grond voor 40 woningen    | gemeente  | 2026\n"
    "       | aan de Molenweg.                                        |           |\n"
    "2.2 Verhuizen\n"
    "2.2.1  | Lindehof helpt ouderen bij een verhuizing naar een      | Lindehof  | 2027\n"
    "       | kleinere woning.                                        |           |\n"
    "3 Betaalbaarheid\n"
    "3.1 Huren\n"
    "3.1.1  | De Wilg geeft elk jaar advies over de huuraanpassing    | De Wilg   | 2026\n"
    "       | van Lindehof.                                           |           |\n"
    "3.2 Schulden\n"
    "3.2.1  | De gemeente benadert elk gemeld huishouden met een      | gemeente  | 2026\n"
    "       | betalingsachterstand binnen vijf werkdagen.             |           |\n\n\n"
    "4 Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_three_deep_numbers_in_a_table_with_two_levels_of_titles_take_the_theme_a_level_up():
    assert _read(TABLE_TWO_LEVELS) == [
        ("Wonen, bouwen en verhuizen", "2.1.1", ["Woonstichting Lindehof"]),
        ("Wonen, bouwen en verhuizen", "2.1.2", ["Gemeente Beekdal"]),
        ("Wonen, bouwen en verhuizen", "2.2.1", ["Woonstichting Lindehof"]),
        ("Betaalbaarheid", "3.1.1", ["Huurdersvereniging De Wilg"]),
        ("Betaalbaarheid", "3.2.1", ["Gemeente Beekdal"]),
    ]


def test_two_deep_themes_with_their_own_numbering_stay_themes():
    text = TABLE_TWO_LEVELS.replace("2.1.1  |", "1      |").replace("2.1.2  |", "2      |")
    text = text.replace("2.2.1  |", "3      |").replace("3.1.1  |", "4      |").replace("3.2.1  |", "5      |")
    assert [title for title, _n, _r in _read(text)] == ["Nieuwbouw", "Nieuwbouw", "Verhuizen", "Huren", "Schulden"]


OPENING_ALIKE = (
    "Woonafspraken Beekdal 2026\n\nGemeente Beekdal, Woonstichting Lindehof en Huurdersvereniging De Wilg\n\n"
    "Vooraf\n\nDeze afspraken maken de gemeente Beekdal, Woonstichting Lindehof en Huurdersvereniging De Wilg "
    "samen. Achter elke afspraak staat wie haar uitvoert.\n\n"
    "Hoofdstuk 1 – Nieuwbouw\n\n"
    "Het dorp groeit.\n\n"
    "Wij spreken af dat Lindehof in 2026 ten minste 40 sociale\nhuurwoningen bouwt. (Lindehof)\n\n"
    "Wij spreken af dat er een regeling komt voor jongeren\nuit het dorp. (trekker: gemeente; Lindehof)\n\n"
    "Hoofdstuk 2 – Betaalbaarheid\n\n"
    "Wij spreken af dat de huren in 2026 niet meer stijgen dan\nde inflatie. (Lindehof)\n\n"
    "Wij spreken af dat huurders hulp krijgen bij het invullen van formulieren. (De Wilg,\ngemeente)\n\n"
    "Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_paragraphs_that_open_alike_are_agreements_with_their_party_in_brackets():
    assert _read(OPENING_ALIKE) == [
        ("Nieuwbouw", "1.1", ["Woonstichting Lindehof"]),
        ("Nieuwbouw", "1.2", ["Gemeente Beekdal"]),  # a trekker before the semicolon leads alone
        ("Betaalbaarheid", "2.1", ["Woonstichting Lindehof"]),
        ("Betaalbaarheid", "2.2", ["Huurdersvereniging De Wilg", "Gemeente Beekdal"]),  # brackets over two lines
    ]


def test_paragraphs_open_alike_only_three_times_or_more():
    from driehoek.importer.line_marks import openings

    lines = ["", "Wij spreken af dat A gebeurt.", "", "Wij spreken af dat B gebeurt.", "", "Iets anders hier."]
    marks = [None] * len(lines)
    openings(lines, marks, set())
    assert marks == [None] * len(lines)
    lines += ["Wij spreken af dat C gebeurt."]  # after a finished sentence: a new paragraph
    marks = [None] * len(lines)
    openings(lines, marks, set())
    assert [k for k, m in enumerate(marks) if m] == [1, 3, 6]
    assert marks[1].shape == "¶ wij spreken af" and not marks[1].values


def test_a_heading_wrapped_in_a_narrow_pdf_column_is_read_whole():
    from driehoek.importer import shape_reading

    class Type:  # a PDF's type: the heading's two lines are set bold
        def larger(self, line):
            return line.startswith("Hoofdstuk") or line in ("nieuwbouw", "betaalbaarheid")

        bold = larger

    text = OPENING_ALIKE.replace("Hoofdstuk 1 – Nieuwbouw", "Hoofdstuk 1 – Wonen en\nnieuwbouw")
    text = text.replace("Hoofdstuk 2 – Betaalbaarheid", "Hoofdstuk 2 – Wonen en\nbetaalbaarheid").replace("\n\n", "\n")
    lines = text.split("\n")
    structure = shape_reading.read(lines, lambda _text: [], {}, type_=Type())
    assert [(t.title, len(t.agreements)) for t in structure.themes] == [
        ("Wonen en nieuwbouw", 2),
        ("Wonen en betaalbaarheid", 2),
    ]
    assert lines == text.split("\n")  # the caller's lines are left as they were


WHO_DOES_WHAT = (
    "Woonafspraken Beekdal 2026\n\nGemeente Beekdal\nWoonstichting Lindehof\nEsdoorn Wonen\n"
    "Huurdersvereniging De Wilg\n\n"
    "Inleiding\n\nDeze afspraken maken de gemeente Beekdal, Woonstichting Lindehof, Esdoorn Wonen en "
    "Huurdersvereniging De Wilg. Lindehof en Esdoorn heten samen de corporaties. Per opgave staat in de tabel wie "
    "wat doet; noemt een vak een partij, dan doet alleen die het. Zo werkt ook Esdoorn mee.\n\n"
    "Nieuwbouw en verhuur\n\n"
    "Opgave      | Gemeente                  | Corporaties                  | Huurdersorganisaties\n"
    "------------+---------------------------+------------------------------+---------------------\n"
    "Nieuwbouw   | Levert in 2026 de grond   | Bouwen samen ten minste 40   | Denken mee over de\n"
    "            | voor 40 woningen.         | sociale huurwoningen.        | plattegronden.\n"
    "Verhuur     | –                         | Esdoorn verhuurt 25% van de  | –\n"
    "            |                           | woningen met voorrang aan    |\n"
    "            |                           | jongeren uit het dorp.       |\n\n"
    "Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_a_table_whose_columns_are_the_parties_gives_an_agreement_per_cell_with_its_column_as_party():
    result = proposal.propose("proef.txt", WHO_DOES_WHAT.encode())
    read = [(t["title"], a["text"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    corporations = ["Woonstichting Lindehof", "Esdoorn Wonen"]
    assert [(title, text.split(" Opgave:")[0], who) for title, text, who in read] == [
        ("Nieuwbouw en verhuur", "Levert in 2026 de grond voor 40 woningen.", ["Gemeente Beekdal"]),
        ("Nieuwbouw en verhuur", "Bouwen samen ten minste 40 sociale huurwoningen.", corporations),
        ("Nieuwbouw en verhuur", "Denken mee over de plattegronden.", ["Huurdersvereniging De Wilg"]),
        # A cell that names one party: that party, not the column's group.
        (
            "Nieuwbouw en verhuur",
            "Esdoorn verhuurt 25% van de woningen met voorrang aan jongeren uit het dorp.",
            ["Esdoorn Wonen"],
        ),
    ]


def test_a_table_of_party_columns_with_short_cells_is_no_table_of_agreements():
    from driehoek.importer import party_columns

    lines = ["Kern | Gemeente | Corporaties | Huurders", "Noord | 12 | 40 | 3", "Zuid | 8 | 22 | 1"]
    assert party_columns.header(lines[0]) is not None
    assert party_columns.convert(lines, 0) is None


CODED = (
    "Prestatieafspraken 2026\n\nGemeente Beekdal en Woonstichting Lindehof\n\n"
    "Inleiding\n\nDeze afspraken maken de gemeente Beekdal en Woonstichting Lindehof.\n\n"
    "Leeswijzer\n\nAchter elke afspraak staat wie haar uitvoert: [B] staat voor de gemeente, [L] voor\n"
    "Lindehof en [B, L] voor beide samen.\n\n"
    "Thema 1 · Nieuwbouw\n\n"
    "Opgave. Er zijn te weinig woningen.\n\n"
    "LA-01 Lindehof start in 2026 met de bouw\nvan 60 sociale huurwoningen. [L]\n\n"
    "LA-02 Er komt een regeling voor jongeren. [B]\n\n"
    "Thema 2 · Betaalbaarheid\n\n"
    "LA-03 Huurders met een achterstand krijgen binnen 14 dagen\nbezoek. [B, L]\n\n"
    "LA-04 De huren stijgen in 2026 niet meer dan de inflatie. [L]\n\n"
    "Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_codes_for_the_parties_are_read_from_the_documents_own_legend():
    from driehoek.importer import party_codes

    assert party_codes.legend(CODED, {"gemeente": "Gemeente Beekdal", "lindehof": "Woonstichting Lindehof"}) == {
        "B": "gemeente",
        "L": "Lindehof",
    }
    assert _read(CODED) == [
        ("Nieuwbouw", "LA-01", ["Woonstichting Lindehof"]),
        ("Nieuwbouw", "LA-02", ["Gemeente Beekdal"]),
        ("Betaalbaarheid", "LA-03", ["Gemeente Beekdal", "Woonstichting Lindehof"]),
        ("Betaalbaarheid", "LA-04", ["Woonstichting Lindehof"]),
    ]


def test_codes_without_a_legend_stay_as_written():
    from driehoek.importer import party_codes

    lines = ["Het label [B] geldt voor 40 woningen."]
    assert party_codes.expand(lines, {"gemeente": "Gemeente Beekdal"}) == lines


def test_a_heading_word_with_a_number_and_a_middle_dot():
    from driehoek.importer.line_marks import mark

    found = mark("Thema 2 · Betaalbare woonlasten")
    assert (found.shape, found.number, found.rest) == ("thema 9", "2", "Betaalbare woonlasten")
