"""General rules of round 5 (corpus 48, 51, 54 and 57 moved to the tuning set), each on a made-up document or a
made-up reading:
footnotes only at a page's foot, contents entries that name their page, fields that are no contents titles,
headings between a numbered table's rows, codes such as "AB-1", label words such as "Resultaat" with the
responsibility line above the text, "Partijen:" lines, field lines that end a party name, and parties named
beside known parties in an opening sentence, wrapped responsibility lines, and the choice between two readings
that differ (the one that finds more without a break in its numbering)."""

import pytest

from driehoek.importer import extract, parties, proposal, reading, structure


def _outline(result) -> dict[str, list[str]]:
    return {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}


def _who(result) -> dict[str, list[str]]:
    return {a["number"]: a["responsible"] for t in result.set["themes"] for a in t["agreements"]}


def test_a_footnote_stands_at_a_pages_foot_and_is_no_numbered_heading_or_table_row():
    page_one = "Inleiding\n\nWe bouwen meer 1.\n\n\n1  De cijfers zijn van 2025.\n"
    page_two = "2  Wonen\n\nDe gemeente bouwt.\n1    | De gemeente bouwt 10 woningen. | gemeente\nMeer tekst.\n" * 1
    page_three = "3  Zorg\n\n12  Deze regel staat midden op de pagina, met tekst eronder.\n" + "Tekst.\n" * 12
    document = extract.clean([page_one, page_two, page_three])
    assert document.footnotes == ["1 De cijfers zijn van 2025."]
    assert "2 Wonen" in document.lines and "3 Zorg" in document.lines  # headings stay
    assert any(line.startswith("1 De gemeente bouwt 10 woningen.") for line in document.lines)  # a table row stays
    assert any(line.startswith("12 Deze regel staat midden") for line in document.lines)  # body text below it
    assert "We bouwen meer." in document.lines  # the marker goes with its footnote


def test_contents_entries_that_name_their_page_are_skipped():
    lines = [
        "Inhoud",
        "",
        "Hoofdstuk 1  Inleiding    blz. 2",
        "Hoofdstuk 2  Wonen    blz. 3",
        "Hoofdstuk 3  Zorg    pagina 4",
        "",
        "1  Inleiding",
        "Tekst.",
    ]
    document = extract.clean(["\n".join(lines)])
    assert not any("blz." in line or "pagina 4" in line for line in document.lines)
    assert "1 Inleiding" in document.lines


def test_fields_that_recur_are_no_contents_page():
    rows = "Afspraak {n}: De gemeente doet {n}.\nBetrokken: corporaties\nGereed: 2027\nTrekker: gemeente.\n"
    document = extract.clean(["Wonen\n\n" + "".join(rows.format(n=n) for n in range(1, 4))])
    assert sum(1 for line in document.lines if line == "Trekker: gemeente.") == 3
    assert sum(1 for line in document.lines if line == "Gereed: 2027") == 3


NUMBERED_TABLE_WITH_THEME_ROWS = """Afspraken 2026 gemeente Proefdorp, Woonstichting Lindehof en
Huurdersvereniging De Spil

Nr   | Afspraak                                | Trekker   | Betrokken | Gereed
-----+-----------------------------------------+-----------+-----------+-------
I Wonen
1    | Lindehof bouwt 12 woningen aan de       | Lindehof  | gemeente  | 2027
     | Dorpsstraat.                            |           |           |
2    | De gemeente wijst een locatie aan.      | gemeente  | Lindehof  | 2026
II Zorg |                                         |           |           |
3    | De Spil houdt een enquête onder de      | De Spil   |           | 2026
     | huurders.                               |           |           |

Woonstichting Lindehof tekent.
"""


def test_a_numbered_table_with_theme_lines_between_its_rows():
    result = proposal.propose("proef.txt", NUMBERED_TABLE_WITH_THEME_ROWS.encode())
    assert _outline(result) == {"Wonen": ["1", "2"], "Zorg": ["3"]}
    assert _who(result) == {
        "1": ["Woonstichting Lindehof"],
        "2": ["Gemeente Proefdorp"],
        "3": ["Huurdersvereniging De Spil"],
    }
    first = result.set["themes"][0]["agreements"][0]["text"]
    assert first.startswith("Lindehof bouwt 12 woningen aan de Dorpsstraat.")


CODED_TABLES = """Afspraken 2026 gemeente Proefdorp, Woonstichting Lindehof en Huurdersvereniging De Spil

Thuis in het dorp

Nr    | Onderwerp  | Afspraak                              | Verantwoordelijke | Jaar
------+------------+---------------------------------------+-------------------+-----
TD-1  | Nieuwbouw  | Lindehof bouwt 12 woningen.           | Lindehof          | 2027
TD-2  | Grond      | De gemeente levert een kavel.         | gemeente          | 2026

Lage woonlasten

Nr    | Onderwerp  | Afspraak                              | Verantwoordelijke | Jaar
------+------------+---------------------------------------+-------------------+-----
LW-1  | Huur       | Lindehof verhoogt de huur met ten     | Lindehof          | 2026
      |            | hoogste 3%.                           |                   |
"""


def test_tables_whose_rows_carry_letter_codes_per_theme():
    result = proposal.propose("proef.txt", CODED_TABLES.encode())
    assert _outline(result) == {"Thuis in het dorp": ["TD-1", "TD-2"], "Lage woonlasten": ["LW-1"]}
    assert _who(result)["TD-2"] == ["Gemeente Proefdorp"]


RESULTS_WITH_WHO_ABOVE = """Afspraken 2026 gemeente Proefdorp

Gemeente Proefdorp · Woonstichting Lindehof · Huurdersvereniging De Spil

1 Inleiding

Dit zijn de afspraken.

2 Wonen

Resultaat 2.1
Wie: Lindehof
Lindehof bouwt 12 woningen aan de Dorpsstraat.
Looptijd: 2026-2027

Resultaat 2.2
Partijen: gemeente, De Spil
We houden samen een woonavond.
Looptijd: 2026

3 Zorg

Resultaat 3.1
Wie: corporaties
Huurders boven de 75 krijgen een huisbezoek.
Looptijd: doorlopend
"""


@pytest.mark.parametrize("only", ["", "outline"])
def test_result_labels_with_the_responsibility_line_above_the_text_and_partijen_lines(only):
    result = proposal.propose("proef.txt", RESULTS_WITH_WHO_ABOVE.encode(), only=only)
    assert _outline(result) == {"Wonen": ["2.1", "2.2"], "Zorg": ["3.1"]}
    assert _who(result) == {
        "2.1": ["Woonstichting Lindehof"],
        "2.2": ["Gemeente Proefdorp", "Huurdersvereniging De Spil"],
        "3.1": ["Woonstichting Lindehof"],
    }
    text = result.set["themes"][0]["agreements"][0]["text"]
    assert text.startswith("Lindehof bouwt 12 woningen") and "Wie:" not in text
    # "Wie: corporaties" over "Huurders boven ...": the field ends at its line, no party "Huurders".
    assert {p["name"] for p in result.set["parties"]} == {
        "Gemeente Proefdorp",
        "Woonstichting Lindehof",
        "Huurdersvereniging De Spil",
    }


def test_a_field_line_ends_at_its_line_for_the_party_finder():
    text = (
        "Afspraken 2026 gemeente Proefdorp en woningcorporaties Lindehof en Ravenhof.\n\n"
        "Wie: corporaties\nBij elk project.\n"
    )
    names = {p.name for p in parties.find(text)[0]}
    assert "Bij" not in names and not any(n.startswith("Bij ") for n in names)


def test_a_party_named_beside_known_parties_in_the_opening_sentence():
    text = (
        "Afspraken 2026\n\nWonen in Proefdorp, Akkerveld en Beekhoek\n\n"
        "Deze afspraken maken de gemeente Proefdorp, Woonstichting Lindehof, Esdoorn\nWonen, "
        "Huurdersvereniging De Spil en Zorgcoöperatie Ommezwaai met elkaar.\n\n"
        "Esdoorn Wonen bouwt. Woonstichting Lindehof sloopt. Huurdersvereniging De Spil adviseert.\n"
        "Zorgcoöperatie Ommezwaai helpt.\n"
    )
    found = {p.name: p.kind for p in parties.find(text)[0]}
    assert found.get("Esdoorn Wonen") == parties.CORPORATIE
    assert "Akkerveld" not in " ".join(found) and "Beekhoek" not in " ".join(found)  # villages: no parties


def test_a_known_name_run_on_into_the_next_paragraph_is_no_new_party():
    text = (
        "Afspraken 2026\nGemeente Proefdorp\n\nWoonstichting Lindehof, Stichting Esdoorn Wonen en\n"
        "Huurdersvereniging De Spil\n\nProefdorp Zorg, 1 mei 2025\n\n"
        "Woonstichting Lindehof bouwt. Stichting Esdoorn Wonen sloopt. Huurdersvereniging De Spil adviseert.\n"
    )
    names = {p.name for p in parties.find(text)[0]}
    assert not any("Proefdorp Zorg" in n for n in names)


WRAPPED_LEAD = """Afspraken 2026 gemeente Proefdorp

Gemeente Proefdorp · Woonstichting Lindehof · HBV Noordkant

1 Inleiding

Dit zijn de afspraken.

2 Wonen

Afspraak 2.1
Partijen: gemeente, Lindehof, HBV
Noordkant
We houden samen ten minste 2 woonavonden per jaar.

Afspraak 2.2
Wie: Lindehof
Lindehof bouwt 12 woningen aan de Dorpsstraat.

3 Zorg

Afspraak 3.1
Wie: gemeente
De gemeente opent in 2026 een loket voor ouderen.
"""


@pytest.mark.parametrize("only", ["", "outline", "lines"])
def test_a_responsibility_line_wrapped_inside_its_last_name(only):
    result = proposal.propose("proef.txt", WRAPPED_LEAD.encode(), only=only)
    assert _outline(result) == {"Wonen": ["2.1", "2.2"], "Zorg": ["3.1"]}
    assert _who(result)["2.1"] == ["Gemeente Proefdorp", "Woonstichting Lindehof", "HBV Noordkant"]
    assert result.set["themes"][0]["agreements"][0]["text"].startswith("We houden samen")


def test_a_title_block_name_wrapped_to_a_line_of_its_own_that_the_text_uses_whole():
    text = (
        "Afspraken 2026\nGemeente Proefdorp · Woonstichting Lindehof · Stichting Zorgkring\nProefdorp\n"
        "Vastgesteld op 1 mei 2025\n\nStichting Zorgkring Proefdorp levert zorg aan huis.\n"
    )
    names = {p.name for p in parties.find(text)[0]}
    assert "Stichting Zorgkring Proefdorp" in names and "Stichting Zorgkring" not in names


def _reading(*themes: tuple[str, list[tuple[str, int]]]):
    from driehoek.importer.shapes import Afspraak, Hoofdstuk, Structure

    chapters = []
    for title, numbers in themes:
        chapter = Hoofdstuk(number=numbers[0][0].split(".")[0] if "." in numbers[0][0] else "", title=title, start=0)
        chapter.agreements = [Afspraak(n, "", [], start, [(start, "tekst")]) for n, start in numbers]
        chapters.append(chapter)
    return Structure(chapters, double_spaced=False)


def test_breaks_count_numbers_that_do_not_follow_the_one_before():
    assert reading.breaks(_reading(("Wonen", [("1", 1), ("2", 2)]), ("Zorg", [("3", 3)]))) == 0
    assert reading.breaks(_reading(("Wonen", [("2.1", 1), ("2.2", 2)]), ("Zorg", [("3.1", 3)]))) == 0
    assert reading.breaks(_reading(("Wonen", [("1", 1), ("3", 2)]), ("Zorg", [("7", 3)]))) == 2


def test_where_the_readings_differ_the_one_that_finds_more_without_a_break_is_taken(monkeypatch):
    lines = _reading(("Wonen", [("1", 10), ("3", 25)]))
    outline = _reading(("Wonen", [("1", 10), ("2", 20), ("3", 30)]))
    monkeypatch.setattr(structure, "parse", lambda *a, **k: lines)
    monkeypatch.setattr(structure, "parse_outline", lambda *a, **k: outline)
    chosen, doubt = reading.read(["x"], {})
    assert chosen is outline and doubt  # the review screen still says that the readings differ
    broken = _reading(("Wonen", [("1", 10), ("2", 20), ("5", 30)]))
    monkeypatch.setattr(structure, "parse_outline", lambda *a, **k: broken)
    chosen, doubt = reading.read(["x"], {})
    assert chosen is lines and doubt


def test_contents_entries_with_the_chapter_word_list_the_numbered_headings():
    lines = [
        "Inhoud",
        "Hoofdstuk 1 Inleiding",
        "Hoofdstuk 2 Wonen",
        "Hoofdstuk 3 Zorg",
        "1 Inleiding",
        "Tekst.",
        "2 Wonen",
    ]
    document = extract.clean(["\n".join(lines + ["Tekst.", "3 Zorg", "Tekst."])])
    assert not any(line.startswith("Hoofdstuk") for line in document.lines)
    assert {"1 Inleiding", "2 Wonen", "3 Zorg"} <= set(document.lines)


# A PDF's text: no blank lines, a field line closing each result, the next chapter's number right after it.
FIELDS_THEN_A_CHAPTER = """Afspraken 2026 gemeente Proefdorp
Gemeente Proefdorp · Woonstichting Lindehof · Huurdersvereniging De Spil
1 Inleiding
Dit zijn de afspraken.
2 Wonen
Resultaat 2.1
Wie: Lindehof
Lindehof bouwt 12 woningen aan de Dorpsstraat.
Looptijd: 2026
3 Zorg
Resultaat 3.1
Wie: gemeente
De gemeente opent in 2026 een loket voor ouderen.
Looptijd: eind 2027
"""


def test_a_short_field_line_closes_its_item_so_a_chapter_number_after_it_is_a_heading():
    result = proposal.propose("proef.txt", FIELDS_THEN_A_CHAPTER.encode(), only="outline")
    assert _outline(result) == {"Wonen": ["2.1"], "Zorg": ["3.1"]}


SPACED_TABLE = """Afspraken 2026 gemeente Proefdorp, Woonstichting Lindehof en Huurdersvereniging De Spil

Onderwerp   | Wat                                    | Wie       | Wanneer

------------+----------------------------------------+-----------+--------

1. Wonen

Nieuwbouw   | Lindehof bouwt 12 woningen aan de      | Lindehof  | 2027

            | Dorpsstraat.                           |           |

Grond       | De gemeente levert een kavel.          | gemeente  | 2026

2. Zorg

Loket       | De gemeente opent een loket.           | gemeente  | 2026

Woonstichting Lindehof tekent.
"""


def test_blank_lines_between_a_tables_rows_and_before_its_theme_rows_do_not_end_it():
    result = proposal.propose("proef.txt", SPACED_TABLE.encode())
    assert _outline(result) == {"Wonen": ["1", "2"], "Zorg": ["3"]}
    assert result.set["themes"][0]["agreements"][0]["text"].startswith("Lindehof bouwt 12 woningen aan de Dorpsstraat.")
