"""General rules of reading, each on a made-up document that no corpus document is: a contents page
without leaders, paragraphs that open alike as agreements, brackets naming parties, a heading wrapped
over two lines, a party marked as the lead, and field lines that are no names. Each rule is read by the
structure-first reading alone as well as by the proposal (both readings)."""

from driehoek.importer import extract, parties, proposal, structure


def _outline(document: str):
    doc = extract.read("proef.txt", document.encode())
    found, _signing = parties.find(doc.text)
    aliases = {alias.lower(): p.name for p in found for alias in p.aliases}
    return structure.parse_outline(doc.lines, aliases), found


def _agreements(document: str) -> list[dict]:
    result = proposal.propose("proef.txt", document.encode())
    return [a | {"theme": t["title"]} for t in result.set["themes"] for a in t["agreements"]]


CONTENTS = (
    "Woonafspraken Proefdorp 2026\n\nGemeente Proefdorp | Woonstichting Kernhof | Huurdersvereniging De Lamp\n\n"
    "Inhoud\n\nDeel 1 – Inleiding          2\nDeel 2 – Wonen               3\nDeel 3 – Zorg                4\n"
    "Ondertekening                5\n\f"
    "Deel 1 – Inleiding\n\nDit zijn de afspraken van de gemeente, Kernhof en De Lamp.\n\n"
    "Deel 2 – Wonen\n\nActie 1:\nKernhof bouwt in 2026 ten minste 40 woningen in het dorp.\nWie: corporaties\n"
    "Looptijd: 2026\n\nActie 2:\nDe gemeente levert de grond voor de woningen aan de Molenweg.\n"
    "Wie: gemeente (trekker), corporaties denken mee\nLooptijd: 2026\n\n"
    "Deel 3 – Zorg\n\nActie 3:\nDe Lamp houdt elk jaar twee spreekuren over wonen met zorg.\nWie: De Lamp\n"
    "Looptijd: 2026\n\nOndertekening\n\nGemeente Proefdorp, wethouder\nWoonstichting Kernhof, directeur\n"
)


def test_a_contents_page_without_leaders_is_skipped_in_text_and_as_a_pdf_gives_it_without_page_numbers():
    for document in (CONTENTS, CONTENTS.replace("          2", "").replace("               3", "")):
        parsed, found = _outline(document.replace("                4", "").replace("                5", ""))
        themes = {t.title: [a.number for a in t.agreements] for t in parsed.themes}
        assert themes == {"Wonen": ["1", "2"], "Zorg": ["3"]}
    agreements = _agreements(CONTENTS)
    assert [(a["theme"], a["number"]) for a in agreements] == [("Wonen", "1"), ("Wonen", "2"), ("Zorg", "3")]


def test_the_party_marked_as_lead_is_responsible_and_a_field_line_is_no_party():
    found, _signing = parties.find(CONTENTS)
    names = sorted(p.name for p in found)
    assert names == ["Gemeente Proefdorp", "Huurdersvereniging De Lamp", "Woonstichting Kernhof"]
    agreements = _agreements(CONTENTS)
    assert [a["responsible"] for a in agreements] == [
        ["Woonstichting Kernhof"],
        ["Gemeente Proefdorp"],
        ["Huurdersvereniging De Lamp"],
    ]


FORMULA = (
    "Jaarafspraken 2026\n\nGemeente Proefdorp en Woonstichting Kernhof\n\n"
    "§ 1 Inleiding\n\nDeze afspraken maken de gemeente Proefdorp en Woonstichting Kernhof samen. Iedere afspraak\n"
    "begint met dezelfde woorden.\n\n"
    "§ 2 Nieuwbouw\n\nIn het dorp is vraag naar kleine woningen.\n\n"
    "Wij spreken af dat Kernhof in 2026 start\nmet de bouw van 24 appartementen. (Kernhof)\n\n"
    "Wij spreken af dat de gemeente voor 1 mei\neen besluit neemt over het schoolterrein.\n(gemeente)\n\n"
    "§ 3 Leefbaarheid en\nbewonersinvloed\n\n"
    "Wij spreken af dat de gemeente en Kernhof\ntwee keer per jaar door het dorp lopen. (gemeente,\nKernhof)\n"
    "Wij spreken af dat Kernhof in 2026 ten minste\n€ 40.000 beschikbaar stelt voor buurtinitiatieven.\n(Kernhof)\n\n"
    "Ondertekening\n\nNamens Woningstichting Kernhof: de heer B. Aa, directeur\n"
)


def test_paragraphs_that_open_alike_under_several_headings_are_agreements_with_parties_in_brackets():
    parsed, found = _outline(FORMULA)
    assert sorted(p.name for p in found) == ["Gemeente Proefdorp", "Woonstichting Kernhof"]
    assert {t.title: len(t.agreements) for t in parsed.themes} == {"Nieuwbouw": 2, "Leefbaarheid en bewonersinvloed": 2}
    agreements = _agreements(FORMULA)
    assert [a["number"] for a in agreements] == ["2.1", "2.2", "3.1", "3.2"]
    assert [a["responsible"] for a in agreements] == [
        ["Woonstichting Kernhof"],
        ["Gemeente Proefdorp"],
        ["Gemeente Proefdorp", "Woonstichting Kernhof"],
        ["Woonstichting Kernhof"],
    ]
    assert agreements[0]["text"] == "Wij spreken af dat Kernhof in 2026 start met de bouw van 24 appartementen."
    # As a PDF gives it: no blank lines between the paragraphs.
    parsed, _found = _outline("\n".join(line for line in FORMULA.splitlines() if line.strip()))
    assert {t.title: len(t.agreements) for t in parsed.themes} == {"Nieuwbouw": 2, "Leefbaarheid en bewonersinvloed": 2}


def test_an_opening_that_recurs_as_a_label_or_a_question_makes_no_agreements():
    document = "Afspraken 2026\n\nGemeente Proefdorp en Woonstichting Kernhof\n\n" + "".join(
        f"{k} Thema {k}\n\nStand van zaken: in het dorp staan {k}00 woningen en er komen er meer bij.\n\n"
        f"Wat willen we bereiken? Genoeg woningen voor jong en oud in het dorp.\n\n"
        f"{k}.1 Kernhof bouwt {k}0 woningen.\n\n"
        for k in (1, 2, 3)
    )
    parsed, _found = _outline(document)
    assert [len(t.agreements) for t in parsed.themes] == [1, 1, 1]


TABLE = (
    "Afspraken Proefdorp 2026-2029\n\nGemeente Proefdorp\n\nWoonstichting Kernhof, Huurdersraad Kernhof\n\n"
    "1 Inleiding\n\nPartijen zijn: Gemeente Proefdorp (de gemeente); Woonstichting Kernhof (Kernhof); Huurdersraad\n"
    "Kernhof.\n\n2 Overzicht van de afspraken\n\n"
    "Onderwerp   | Wat                                    | Wie          | Wanneer | Indicator\n"
    "------------+----------------------------------------+--------------+---------+----------\n"
    "1. Wonen\n"
    "Nieuwbouw   | Kernhof bouwt in de periode samen ten  | Kernhof      | 2027    | aantal\n"
    "            | minste 60 sociale huurwoningen.        |              |         | woningen\n"
    "Grond       | De gemeente reserveert grond voor 20   | gemeente     | 2026    | plan\n"
    "            | woningen.                              |              |         |\n"
    "2. Betaalbaarheid\n"
    "Huur        | Kernhof houdt de huurverhoging gelijk  | Kernhof      | 2026    | huur\n"
    "            | aan de inflatie.                       |              |         |\n"
    "\f"
    "Onderwerp   | Wat                                    | Wie          | Wanneer | Indicator\n"
    "------------+----------------------------------------+--------------+---------+----------\n"
    "Advies      | De Huurdersraad Kernhof geeft elk jaar | Huurdersraad | 2026    | advies\n"
    "            | een advies over de huur.               | Kernhof      |         |\n"
    "\n3 Ondertekening\n\nGemeente Proefdorp – wethouder\nHuurdersraad Kernhof – voorzitter\n"
)


def test_a_table_without_numbers_with_an_indicator_column_and_theme_rows_over_two_pages():
    agreements = _agreements(TABLE)
    assert [(a["theme"], a["number"]) for a in agreements] == [
        ("Wonen", "1"),
        ("Wonen", "2"),
        ("Betaalbaarheid", "3"),
        ("Betaalbaarheid", "4"),
    ]
    assert [a["responsible"] for a in agreements] == [
        ["Woonstichting Kernhof"],
        ["Gemeente Proefdorp"],
        ["Woonstichting Kernhof"],
        ["Huurdersraad Kernhof"],  # a tenants' council named after its corporation is a party of its own
    ]
    assert agreements[0]["text"].startswith("Kernhof bouwt in de periode samen ten minste 60 sociale huurwoningen.")


def test_a_pdf_table_header_of_capitalised_column_names_all_but_one_known():
    from driehoek.importer import pdf_tables

    assert pdf_tables.pages_with_tables(["Tekst\nOnderwerp Wat Wie Wanneer Indicator\n1. Wonen"]) == [0]
    assert pdf_tables.pages_with_tables(["Dit is Wat Wie Wanneer zegt"]) == []


LONG_NAME = (
    "Woonafspraken Proefdorp 2026\n\n"
    "Gemeente Proefdorp – Woonstichting Kernhof – Huurdersvereniging\nWonen en Leven\nProefdorp en Beekdal\n\f"
    "Inleiding\n\nDit zijn de afspraken van de gemeente, Kernhof en Huurdersvereniging Wonen en Leven.\n\n"
    "Wonen\n\nOpgave: genoeg woningen.\n\nDe gemeente zet zich in voor:\n\n– het vinden van twee locaties.\n\n"
    "Wonen en Leven zet zich in voor:\n\n– een huurspreekuur in elke kern, ten minste 10 keer in 2026.\n\n"
    "Zorg\n\nOpgave: ouderen.\n\nKernhof zet zich in voor:\n\n– het aanpassen van 36 woningen.\n\n"
    "Ondertekening\n\nHuurdersvereniging Wonen en Leven, voorzitter\n"
)


def test_a_title_block_wrapped_after_an_organisation_word_and_a_lead_in_with_a_long_party_name():
    found, _signing = parties.find(LONG_NAME)
    names = [p.name for p in found]
    assert names == ["Gemeente Proefdorp", "Woonstichting Kernhof", "Huurdersvereniging Wonen en Leven"]
    agreements = _agreements(LONG_NAME)
    assert [a["responsible"] for a in agreements] == [
        ["Gemeente Proefdorp"],
        ["Huurdersvereniging Wonen en Leven"],
        ["Woonstichting Kernhof"],
    ]


def test_text_extracted_double_spaced_reads_as_the_same_outline():
    wrapped = (
        "Afspraken Proefdorp 2026\n\nGemeente Proefdorp · Woonstichting Kernhof · Huurdersvereniging De Lamp\n\n"
        "1 Wonen\n\nDoel: genoeg woningen voor jong en oud in het dorp en de\nkernen eromheen.\n\n"
        "1. Kernhof bouwt in 2026 ten minste 40 woningen in het\ndorp, waarvan 10 voor jongeren.\n"
        "Trekker: Kernhof\n\n2. De gemeente levert de grond voor de woningen aan de\nMolenweg.\nTrekker: gemeente\n\n"
        "2 Zorg\n\nDoel: ouderen blijven thuis wonen.\n\n3. De Lamp houdt elk jaar twee spreekuren over\n"
        "wonen met zorg.\nTrekker: De Lamp\n"
    )
    double = "\n".join(line + "\n" if line.strip() else line for line in wrapped.split("\n"))
    readings = []
    for document in (wrapped, double):
        parsed, _found = _outline(document)
        readings.append([(t.title, [(a.number, a.lead, len(a.lines)) for a in t.agreements]) for t in parsed.themes])
    assert readings[0] == readings[1]
    assert [t for t, _a in readings[0]] == ["Wonen", "Zorg"]


def test_without_blank_lines_a_title_under_a_heading_and_a_title_over_a_lead_in_are_headings():
    document = (
        "Afspraken Proefdorp 2026\nGemeente Proefdorp · Woonstichting Kernhof · Huurdersvereniging De Lamp\n\f"
        "Afspraken\nEen thuis voor iedereen\nOpgave: er zijn 300 woningen nodig.\nNieuwbouw\n"
        "Wat doet de gemeente?\n– Zorgt in 2026 voor grond.\n"
        "Wat doet Kernhof?\n– Bouwt in 2026 ten minste 40 woningen.\n"
        "Betaalbaar wonen\nOpgave: lage lasten.\nHuur\nWat doet Kernhof?\n– Verlaagt de huur van 40 woningen.\n"
    )
    parsed, _found = _outline(document)
    assert [(t.title, [a.section for a in t.agreements]) for t in parsed.themes] == [
        ("Een thuis voor iedereen", ["Wat doet de gemeente", "Wat doet Kernhof"]),
        ("Betaalbaar wonen", ["Wat doet Kernhof"]),
    ]
