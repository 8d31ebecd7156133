"""General rules learnt from corpus-30, 33 and 36 (moved to the tuning set), each on a made-up snippet:
numbering schemes of any kind, names taken within one line, a proper word of a name as its short name,
a signing list with unquoted short names."""

import pytest

from driehoek.importer import numbering, parties, proposal


def _outline(result) -> dict[str, list[str]]:
    return {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}


@pytest.mark.parametrize(
    ("heads", "first", "second", "third"),
    [
        (("2 Wonen", "3 Zorg"), "2a.", "2b.", "3a."),
        (("2 Wonen", "3 Zorg"), "2.a", "2.b", "3.a"),
        (("2 Wonen", "3 Zorg"), "(1)", "(2)", "(3)"),
        (("Thema A – Wonen", "Thema B – Zorg"), "A.1", "A.2", "B.1"),
    ],
)
def test_numbering_schemes_letters_and_brackets(heads, first, second, third):
    document = (
        "Afspraken 2026 gemeente Proefdorp\n\n1 Inleiding\nDit zijn de afspraken.\n\n"
        f"{heads[0]}\nAfspraken\n{first} De gemeente bouwt 10 woningen.\n{second} De gemeente koopt 2 panden.\n\n"
        f"{heads[1]}\nAfspraken\n{third} De gemeente opent een loket.\n"
    )
    themes = _outline(proposal.propose("proef.txt", document.encode()))
    strip = [n.strip("().") for n in (first, second, third)]
    assert themes == {"Wonen": strip[:2], "Zorg": strip[2:]}


def test_successors_count_on_the_last_part_and_start_a_theme_afresh():
    assert "2d" in numbering.successors("2c", "2", False, None)
    assert "3a" in numbering.successors("2c", "3", True, None)
    assert "A.4" in numbering.successors("A.3", "A", False, None)
    assert "5" not in numbering.successors("4e", "4", False, 4)  # a chapter "5 ..." after "4e" is no agreement


def test_a_signing_list_is_not_a_list_of_agreements_and_unquoted_short_names_count():
    document = (
        "Prestatieafspraken 2026\n\n1 Inleiding\n"
        "1. Gemeente Proefdorp, vertegenwoordigd door wethouder de heer A. Aal, hierna te noemen: de gemeente;\n"
        "2. Woonstichting Lindehof, vertegenwoordigd door mevrouw B. Baars, hierna te noemen: Lindehof;\n"
        "3. Huurdersbond Proefdorp, vertegenwoordigd door de heer C. Cos, hierna te noemen: de Huurdersbond.\n\n"
        "2 Wonen\n1. Lindehof bouwt 10 woningen.\nActiehouder: Lindehof\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    short = {p["name"]: (p["short_name"], p["kind"]) for p in result.set["parties"]}
    assert short == {
        "Gemeente Proefdorp": ("Gemeente", "gemeente"),
        "Woonstichting Lindehof": ("Lindehof", "corporatie"),
        "Huurdersbond Proefdorp": ("Huurdersbond", "huurdersorganisatie"),
    }
    assert _outline(result) == {"Wonen": ["1"]}


def test_a_name_ends_at_its_line_and_a_wrapped_part_of_a_longer_name_is_none():
    text = (
        "Afspraken 2026\nGemeente Proefdorp\n\nWoonstichting Beukhof en Huurdersvereniging Linde\nProefdorp\n\n"
        "Tussen de gemeente, Woonstichting Beukhof, Huurdersvereniging Linde en Huurdersraad Eiken Thuis.\n"
        "Huurdersraad Eiken\nThuis adviseert. Huurdersraad Eiken Thuis ondertekent.\n"
    )
    names = {p.name for p in parties.find(text)[0]}
    assert "Huurdersvereniging Linde" in names and "Huurdersvereniging Linde Proefdorp" not in names
    assert "Huurdersraad Eiken Thuis" in names and "Huurdersraad Eiken" not in names


def test_a_proper_word_of_a_name_used_alone_is_its_short_name():
    text = (
        "Afspraken 2026 tussen gemeente Proefdorp, Stichting Hazelaar Wonen en huurdersvereniging De Spil.\n"
        "Hazelaar bouwt. Hazelaar sloopt. Hazelaar verkoopt. Stichting Hazelaar Wonen tekent.\n"
    )
    found = {p.name: p for p in parties.find(text)[0]}
    assert found["Stichting Hazelaar Wonen"].short_name == "Hazelaar"


def test_a_table_is_read_by_its_header_words_in_any_column_order():
    document = (
        "Afspraken 2026 gemeente Proefdorp, woningstichting Lindehof en huurdersvereniging De Spil\n\n"
        "Wonen voor iedereen\nIedereen vindt binnen redelijke tijd een passende woning in het dorp.\n\n"
        "| Eigenaar | Gereed | Actie                          | Nr |\n"
        "|----------|--------|--------------------------------|----|\n"
        "| Lindehof | 2026   | Lindehof bouwt 12 woningen aan | 1  |\n"
        "|          |        | de Dorpsstraat.                |    |\n"
        "| gemeente | 2027   | De gemeente wijst een locatie  | 2  |\n"
        "|          |        | aan.                           |    |\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    (theme,) = result.set["themes"]
    assert theme["title"] == "Wonen voor iedereen"
    rows = [(a["number"], a["text"], a["responsible"]) for a in theme["agreements"]]
    assert rows[0][0] == "1" and rows[0][1].startswith("Lindehof bouwt 12 woningen aan de Dorpsstraat.")
    assert [r[2] for r in rows] == [["Lindehof"], ["Gemeente Proefdorp"]]


def test_an_unnumbered_title_over_its_introduction_and_agreements_is_a_theme():
    document = (
        "Afspraken 2026 gemeente Proefdorp\n\nBetaalbaar blijven\nHuurders houden genoeg over om van te leven.\n\n"
        "Afspraak 1: De gemeente verhoogt het budget.\nAfspraak 2: De gemeente opent een loket.\n\n"
        "Groen en zuinig\nDe woningen worden zuiniger en gezonder dan nu.\n\nAfspraak 3: De gemeente isoleert.\n"
    )
    themes = _outline(proposal.propose("proef.txt", document.encode()))
    assert themes == {"Betaalbaar blijven": ["1", "2"], "Groen en zuinig": ["3"]}


RESPONSIBILITY_AND_HEADINGS = """Prestatieafspraken 2026 gemeente Proefdorp

1 Inleiding
Deze afspraken maken de volgende partijen:
• de gemeente Proefdorp;
• Woningcorporatie Ravenhof;
• Stichting Beekwonen;
• Huurdersvereniging De Klink.

2 Wonen
Afspraken
1. Er komt een plan voor starters.
Lead: gemeente
2. Er komt een plan voor ouderen.
Uitvoering door: corporaties
3. Er komt een loket.
Wie doet het: De Klink
4. Er komt een tweede loket.
Eigenaar: Beekwonen, gemeente

Inzet van Ravenhof
• Bouwt 10 woningen extra.

Beekwonen zegt toe
• Verkoopt geen woningen.

Bijdrage van de gemeente
• Betaalt de grond.
"""


def test_responsibility_labels_party_headings_and_a_bullet_list_of_parties():
    result = proposal.propose("proef.txt", RESPONSIBILITY_AND_HEADINGS.encode())
    kinds = {p["name"]: p["kind"] for p in result.set["parties"]}
    assert kinds == {
        "Gemeente Proefdorp": "gemeente",
        "Woningcorporatie Ravenhof": "corporatie",
        "Stichting Beekwonen": "corporatie",
        "Huurdersvereniging De Klink": "huurdersorganisatie",
    }
    responsible = [a["responsible"] for t in result.set["themes"] for a in t["agreements"]]
    assert responsible == [
        ["Gemeente Proefdorp"],
        ["Woningcorporatie Ravenhof", "Stichting Beekwonen"],
        ["Huurdersvereniging De Klink"],
        ["Stichting Beekwonen", "Gemeente Proefdorp"],
        ["Woningcorporatie Ravenhof"],
        ["Stichting Beekwonen"],
        ["Gemeente Proefdorp"],
    ]
    texts = [a["text"] for t in result.set["themes"] for a in t["agreements"]]
    assert texts[0] == "Er komt een plan voor starters."  # the label left the text


@pytest.mark.parametrize(
    ("label", "numbers"),
    [("Afspraak", ["3a", "3b"]), ("Afspraak", ["3.a", "3.b"]), ("Actie", ["3.1", "3.2"]), ("Maatregel", ["3", "4"])],
)
def test_label_words_and_schemes_of_labelled_agreements(label, numbers):
    document = (
        "Afspraken 2026 gemeente Proefdorp\n\nHoofdstuk 3 Wonen\nDoel: genoeg woningen.\n\n"
        f"{label} {numbers[0]}\nDe gemeente bouwt 10 woningen.\n\n{label} {numbers[1]}: De gemeente koopt grond.\n"
    )
    assert _outline(proposal.propose("proef.txt", document.encode())) == {"Wonen": numbers}


def test_a_responsibility_label_in_brackets_at_an_agreements_end():
    document = (
        "Afspraken 2026 tussen gemeente Proefdorp en woningstichting Lindehof\n\n1 Wonen\nDoel: genoeg woningen.\n\n"
        "1. Partijen maken een plan voor starters. (Trekker: Lindehof)\n"
        "2. Partijen maken een plan voor ouderen en\nevalueren het in 2027 [wie: gemeente]\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    rows = [(a["text"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    assert rows == [
        ("Partijen maken een plan voor starters.", ["Lindehof"]),
        ("Partijen maken een plan voor ouderen en evalueren het in 2027", ["Gemeente Proefdorp"]),
    ]


def test_short_names_in_brackets_after_a_lead_in():
    text = (
        "Afspraken 2026 tussen de gemeente Proefdorp, Woonstichting Ravenhof Wonen (hierna: Ravenhof) en "
        "Huurdersvereniging De Klink (hierna te noemen ‘HV Klink’).\nRavenhof bouwt. De HV Klink adviseert.\n"
        "Woonstichting Ravenhof Wonen en Huurdersvereniging De Klink tekenen.\n"
    )
    short = {p.name: p.short_name for p in parties.find(text)[0]}
    assert short["Woonstichting Ravenhof Wonen"] == "Ravenhof"
    assert short["Huurdersvereniging De Klink"] == "HV Klink"


def test_a_responsibility_label_with_a_dash_and_a_heading_door_or_voor_a_party():
    document = (
        "Afspraken 2026 tussen gemeente Proefdorp en woningstichting Lindehof\n\n1 Wonen\nDoel: genoeg woningen.\n\n"
        "1. Partijen maken een plan voor starters.\nTrekker – Lindehof\n\n"
        "Door de gemeente\n• Levert de grond.\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    rows = [(a["text"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    assert rows == [
        ("Partijen maken een plan voor starters.", ["Lindehof"]),
        ("Levert de grond.", ["Gemeente Proefdorp"]),
    ]


@pytest.mark.parametrize("style", ["{r}. {t}", "Hoofdstuk {r} {t}"])
def test_chapters_numbered_in_roman_numerals(style):
    heads = [style.format(r=r, t=t) for r, t in (("I", "Inleiding"), ("II", "Wonen"), ("III", "Zorg"))]
    document = (
        f"Afspraken 2026 gemeente Proefdorp\n\n{heads[0]}\nDit zijn de afspraken.\n\n"
        f"{heads[1]}\nDoel: genoeg woningen.\n\n1. De gemeente bouwt.\n2. De gemeente koopt.\n\n"
        f"{heads[2]}\nDoel: goede zorg.\n\n3. De gemeente opent een loket.\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    assert {(t["number"], t["title"]): [a["number"] for a in t["agreements"]] for t in result.set["themes"]} == {
        ("2", "Wonen"): ["1", "2"],
        ("3", "Zorg"): ["3"],
    }


def test_a_piped_table_without_a_number_column_gives_rows_in_order():
    document = (
        "Afspraken 2026 gemeente Proefdorp, woningstichting Lindehof en huurdersvereniging De Spil\n\n"
        "1 Wonen\nDoel: genoeg woningen.\n\n"
        "| Afspraak                         | Wie      | Wanneer |\n"
        "|----------------------------------|----------|---------|\n"
        "| Lindehof bouwt 12 woningen aan   | Lindehof | 2026    |\n"
        "| de Dorpsstraat.                  |          |         |\n"
        "| De gemeente wijst een locatie    | gemeente | 2027    |\n"
        "| aan.                             |          |         |\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    rows = [
        (a["number"], a["text"].split("\n")[0], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]
    ]
    assert [r[0] for r in rows] == ["1", "2"]
    assert rows[0][1].startswith("Lindehof bouwt 12 woningen aan de Dorpsstraat.")
    assert [r[2] for r in rows] == [["Lindehof"], ["Gemeente Proefdorp"]]


def test_a_pdf_page_holds_a_table_by_its_header_words_in_any_order():
    from driehoek.importer import pdf_tables

    pages = ["Nr Wie Afspraak Gereed\n1 gemeente ...", "Afspraak Wie Wanneer\n...", "Wie doet wat in de afspraak\n..."]
    assert pdf_tables.pages_with_tables(pages) == [0, 1]
