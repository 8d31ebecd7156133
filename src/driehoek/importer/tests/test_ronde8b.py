"""Round 8 B of the importer (docs/importer.md, docs/adr/0203): made-up snippets with fictional names."""

from driehoek.importer import mark_matrix, parties, proposal, shapes, table_themes, title_block

from . import helpers

_read = helpers.read


HEADER = (
    "Nr   | Afspraak                                         | Trekker     | Gereed\n"
    "-----+--------------------------------------------------+-------------+-------\n"
)


def _row(number: str, text: str, who: str, when: str) -> str:
    return f"{number:<4} | {text:<48} | {who:<11} | {when}\n"


# One table over three pages, its header repeated, a caption on each page and themes as rows inside it.
ONE_TABLE = (
    "Woonafspraken Beekdal 2026-2028\n\n"
    "Gemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging\nDe Wilg · Bewonersraad Esdoorn\n\n"
    "1 Inleiding\n\nDe afspraken staan in één tabel, gegroepeerd naar thema. Per afspraak staat de trekker.\n\n"
    "2 Wat we samen willen\n\nIedereen in Beekdal woont betaalbaar en goed, in een buurt waar hij zich thuis voelt.\n\n"
    "Tabel 1 – Afspraken 2026-2028\n\n"
    + HEADER
    + "Huren en lasten\n"
    + _row("1", "Lindehof houdt de huren onder de aftoppingsgrens.", "Lindehof", "2026")
    + _row("2", "De gemeente en Lindehof maken een schuldenaanpak.", "gemeente", "2027")
    + "\fVervolg tabel 1 – Afspraken 2026-2028\n\n"
    + HEADER
    + _row("3", "De Wilg geeft elk jaar advies over de huren.", "De Wilg", "jaarlijks")
    + "Nieuwbouw en grond\n"
    + _row("4", "Lindehof bouwt ten minste 40 sociale huurwoningen.", "Lindehof", "2028")
    + _row("5", "De gemeente levert de grond voor 40 woningen.", "gemeente", "2026")
    + "\fVervolg tabel 1 – Afspraken 2026-2028\n\n"
    + HEADER
    + "Zorg, welzijn en buurt\n"
    + _row("6", "Lindehof en de gemeente openen een huiskamer.", "Lindehof", "2027")
    + _row("7", "Alle partijen lopen elk jaar een wijkschouw.", "partijen", "jaarlijks")
    + "\f3 Monitoring\n\nDe gemeente bundelt elk jaar de stand van zaken in één overzicht voor het overleg.\n\n"
    "4 Ondertekening\n\nBeekdal, 1 december 2025\n"
)


def test_theme_rows_inside_a_table_over_pages_are_the_themes_and_its_captions_are_none():
    read = _read(ONE_TABLE)
    assert [(title, number) for title, number, _who in read] == [
        ("Huren en lasten", "1"),
        ("Huren en lasten", "2"),
        ("Huren en lasten", "3"),
        ("Nieuwbouw en grond", "4"),
        ("Nieuwbouw en grond", "5"),
        ("Zorg, welzijn en buurt", "6"),  # a title that lists with commas is a row too
        ("Zorg, welzijn en buurt", "7"),
    ]
    # The lead column says who: the table is read to its last row, not into the chapter after it.
    assert read[1][2] == ["Gemeente Beekdal"]
    assert read[5][2] == ["Woonstichting Lindehof"]


def test_titles_above_the_tables_stay_headings_and_one_row_inside_is_no_theme_row():
    marks = table_themes.Marks()
    page = ["Woonlasten"]
    marks.heading(page, "Woonlasten")  # a title above a new table's header: a plain str
    marks.heading(page, table_themes.inside("II Wonen", header_next=False))  # numbered: the readings know it
    marks.apply()
    assert page == ["Woonlasten"]
    one = ["Tabel 2 – Afspraken", "", "Huren"]
    marks = table_themes.Marks()
    marks.header_at(one[:1])
    marks.heading(one, table_themes.inside("Huren", header_next=False))
    marks.apply()
    assert one == ["Tabel 2 – Afspraken", "", "Huren"]  # a single row inside: left as it is


def test_captions_and_comma_lists():
    assert table_themes.is_caption("Vervolg tabel 3 – Afspraken")
    assert table_themes.is_caption("Tabel 2: Afspraken per thema")
    assert not table_themes.is_caption("Tabellen en figuren")
    assert not table_themes.is_caption("Betaalbaarheid")
    assert shapes.comma_list("Wonen, welzijn en zorg")
    assert shapes.comma_list("Zorg, welzijn & leefbaarheid")
    assert not shapes.comma_list("De gemeente, de corporaties en de huurders spreken af dat zij samen werken")
    assert not shapes.comma_list("Betaalbaarheid")


def test_a_title_block_name_wrapped_after_its_organisation_word_onto_a_line_of_names():
    text = (
        "Woonafspraken Beekdal\n\nGemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging\n"
        "De Wilg · Bewonersraad Esdoorn\n\nInleiding\n"
    )
    assert title_block.names(text) == [
        "Gemeente Beekdal",
        "Woonstichting Lindehof",
        "Huurdersvereniging De Wilg",
        "Bewonersraad Esdoorn",
    ]
    found, _signing = parties.find(ONE_TABLE)
    assert "Huurdersvereniging" not in {p.name for p in found}


# Who is responsible stands in an annex: a matrix of marks, the parties as columns.
MATRIX = (
    "Woonafspraken Beekdal 2026-2028\n\n"
    "Inleiding\n\n"
    "Partijen zijn de gemeente Beekdal, Woonbedrijf Lindehof (Lindehof), Woonstichting Esdoorn (Esdoorn) en "
    "Huurdersvereniging Beekdal (HV Beekdal). In de tekst staat wat we afspreken; wie voor een afspraak "
    "verantwoordelijk is, staat in bijlage 1.\n\f"
    "1 Nieuwbouw\n\nHet dorp groeit tot 2030 met ruim 200 huishoudens.\n\n"
    "1.1 In de periode 2026-2028 worden ten minste 80 sociale huurwoningen opgeleverd.\n\n"
    "1.2 De grond voor sociale huur wordt verkocht tegen een vaste prijs van € 20.000 per woning.\n\n"
    "1.3 Er komt een onderzoek naar woningdelen; de uitkomsten liggen er vóór de zomer van 2026.\n\n"
    "2 Betaalbaarheid\n\nVeel huishoudens in een huurwoning hebben een laag inkomen.\n\n"
    "2.1 De huren stijgen in 2026, 2027 en 2028 niet meer dan de inflatie.\n\n"
    "2.2 Huurders krijgen elk jaar vóór 1 juli een heldere afrekening van de servicekosten.\n\n"
    "2.3 Het fonds voor woonlasten blijft bestaan met jaarlijks ten minste € 50.000.\n\f"
    "3 Leefbaarheid\n\nBewoners geven hun buurt gemiddeld een 7,1.\n\n"
    "3.1 In elk dorp wordt eens per jaar een schouw gehouden, samen met bewoners.\n\n"
    "3.2 In elk complex met meer dan 40 woningen is een contactpersoon namens de huurders.\n\n"
    "Ondertekening\n\nBeekdal, 1 december 2025\n\n"
    "Gemeente Beekdal, A. de Vries, wethouder\nWoonbedrijf Lindehof, B. Jansen, bestuurder\n"
    "Woonstichting Esdoorn, C. Bakker, bestuurder\nHuurdersvereniging Beekdal, D. Smit, voorzitter\n\f"
    "Bijlage 1 Verantwoordelijkheden per afspraak\n\n"
    "Nr    | Onderwerp        | Gemeente | Lindehof | Esdoorn | HV Beekdal\n"
    "------+------------------+----------+----------+---------+-----------\n"
    "1.1   | Nieuwbouw        |          | x        | x       |\n"
    "1.2   | Grondprijs       | x        |          |         |\n"
    "1.3   | Woningdelen      | x        |          |         |\n"
    "2.1  | Huurbeleid       |          | x        | x       |\n"
    "2.2  | Servicekosten    |          | x        |         | x\n"
    "2.3  | Fonds            | x        |          |         |\n"
    "3.1 | Schouw           | x        | x        | x       |\n"
    "3.2 | Contactpersonen  |          |          |         | x\n"
)


def test_a_matrix_of_marks_in_an_annex_says_who_carries_each_agreement():
    read = _read(MATRIX)
    # The review screen says where the responsible parties came from.
    notes = proposal.propose("proef.txt", MATRIX.encode()).notes
    assert "Wie verantwoordelijk is voor 8 afspraken, gelezen uit een tabel met kruisjes" in notes
    lindehof, esdoorn, hv = "Woonbedrijf Lindehof", "Woonstichting Esdoorn", "Huurdersvereniging Beekdal"
    assert [(number, who) for _theme, number, who in read] == [
        ("1.1", [lindehof, esdoorn]),
        ("1.2", ["Gemeente Beekdal"]),
        ("1.3", ["Gemeente Beekdal"]),
        ("2.1", [lindehof, esdoorn]),
        ("2.2", [lindehof, hv]),
        ("2.3", ["Gemeente Beekdal"]),
        ("3.1", ["Gemeente Beekdal", lindehof, esdoorn]),
        ("3.2", [hv]),
    ]
    found, _signing = parties.find(MATRIX)  # the header's last two names are no party of their own
    assert sorted(p.name for p in found) == [
        "Gemeente Beekdal",
        "Huurdersvereniging Beekdal",
        "Woonbedrijf Lindehof",
        "Woonstichting Esdoorn",
    ]


def test_a_matrix_needs_marks_in_two_party_columns_and_leaves_the_text_own_lead():
    leads: dict[str, str] = {}
    words = ["Nr | Onderwerp | Gemeente | Lindehof", "1 | Nieuwbouw | veel | weinig", "2 | Huren | ja, deels | nee"]
    assert mark_matrix.convert(words, 0, leads) is None  # cells with words: no matrix of marks
    lines = ["Nr | Onderwerp | Gemeente | Lindehof", "1 | Nieuwbouw | | x", "2 | Huren | x | ✓"]
    out, after = mark_matrix.convert(lines, 0, leads)
    assert after == 3 and leads == {"1": "Lindehof", "2": "gemeente, Lindehof"}
    assert "Nieuwbouw (1): Lindehof" in out
    assert mark_matrix.on_page("Nr Onderwerp Gemeente Lindehof\n1 Nieuwbouw x\n2 Huren x x\n3 Zorg x")
    assert not mark_matrix.on_page("1. De gemeente bouwt.\n2. Lindehof bouwt.\n3. Esdoorn bouwt.")


def test_a_matrix_and_a_title_block_with_a_blank_line_after_every_line():
    spaced = "\n".join(line + "\n" if line.strip() else line for line in MATRIX.split("\n"))
    lindehof, esdoorn = "Woonbedrijf Lindehof", "Woonstichting Esdoorn"
    assert [(number, who) for _theme, number, who in _read(spaced)][:2] == [
        ("1.1", [lindehof, esdoorn]),
        ("1.2", ["Gemeente Beekdal"]),
    ]
    block = (
        "Gemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging\n\n"
        "De Wilg · Bewonersraad Esdoorn\n\nInleiding\n"
    )
    assert "Huurdersvereniging De Wilg" in title_block.names(block)


def test_an_aligned_matrix_without_pipes_is_read_at_its_header_columns():
    lines = [
        "Nr     Onderwerp          Gemeente   Lindehof   Esdoorn   HV Beekdal",
        "1.1    Nieuwbouw                     x          x",
        "1.2    Grondprijs         x",
        "",
        "2.1    Servicekosten                 x                    x",
        "",
        "Tot slot",
    ]
    leads: dict[str, str] = {}
    _out, after = mark_matrix.convert(lines, 0, leads)
    assert after == 5  # the blank line after the last row
    assert leads == {"1.1": "Lindehof, Esdoorn", "1.2": "gemeente", "2.1": "Lindehof, HV Beekdal"}
    # An aligned table of agreements with its lead column is no matrix of marks.
    table = [
        "Nr   Afspraak                          Trekker    Gereed",
        "1    Lindehof bouwt 40 woningen.       Lindehof   2026",
    ]
    assert mark_matrix.convert(table, 0, {}) is None


def test_theme_rows_inside_an_aligned_table_without_pipes():
    text = ONE_TABLE.replace(" | ", "   ").replace("-+-", "---")
    assert "|" not in text
    assert [(title, number) for title, number, _who in _read(text)] == [
        ("Huren en lasten", "1"),
        ("Huren en lasten", "2"),
        ("Huren en lasten", "3"),
        ("Nieuwbouw en grond", "4"),
        ("Nieuwbouw en grond", "5"),
        ("Zorg, welzijn en buurt", "6"),
        ("Zorg, welzijn en buurt", "7"),
    ]


def test_a_continuation_caption_is_no_theme_even_without_theme_rows():
    text = (
        "Woonafspraken Beekdal 2026\n\n"
        "Gemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging De Wilg\n\n"
        "1 Inleiding\n\nDe afspraken staan in één tabel. Per afspraak staat de trekker.\n\n"
        "2 Wonen en huren\n\nIedereen in Beekdal woont betaalbaar en goed.\n\n"
        "Tabel 1 – Afspraken\n\n"
        + HEADER
        + _row("1", "Lindehof houdt de huren onder de aftoppingsgrens.", "Lindehof", "2026")
        + _row("2", "De gemeente en Lindehof maken een schuldenaanpak.", "gemeente", "2027")
        + "\fVervolg tabel 1 – Afspraken\n\n"
        + HEADER
        + _row("3", "De Wilg geeft elk jaar advies over de huren.", "De Wilg", "jaarlijks")
        + _row("4", "Lindehof bouwt ten minste 40 sociale huurwoningen.", "Lindehof", "2028")
        + "\f3 Monitoring\n\nDe gemeente bundelt elk jaar de stand van zaken in één overzicht.\n"
    )
    assert {title for title, _number, _who in _read(text)} == {"Wonen en huren"}
