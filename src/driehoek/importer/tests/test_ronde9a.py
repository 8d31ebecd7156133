"""Round 9 A of the importer (docs/importer.md, docs/adr/0209): made-up snippets with fictional names."""

from driehoek.importer import lead_fields, proposal

GEMEENTE, LINDEHOF, ESDOORN, WILG = (
    "Gemeente Beekdal",
    "Woonstichting Lindehof",
    "Woningcorporatie Esdoorn",
    "Huurdersvereniging De Wilg",
)
OPENING = (
    "Woonafspraken Beekdal 2026\n\n"
    "1 Inleiding\n\n"
    "Deze afspraken zijn gesloten tussen de gemeente Beekdal, Woonstichting Lindehof, Woningcorporatie Esdoorn en "
    "Huurdersvereniging De Wilg.\n\n"
)


SIGNING = (
    "Ondertekening\n\nAldus overeengekomen en ondertekend te Beekdal op 1 december 2025.\n\n"
    "Gemeente Beekdal\nA. de Vries, wethouder\n\nWoonstichting Lindehof\nB. Jansen, directeur-bestuurder\n\n"
    "Woningcorporatie Esdoorn\nC. Bakker, bestuurder\n\nHuurdersvereniging De Wilg\nD. Visser, voorzitter\n"
)


def _read(text: str) -> dict:
    return proposal.propose("proef.txt", text.encode()).set


def _who(text: str) -> list[tuple[str, list[str]]]:
    return [(a["number"], a["responsible"]) for t in _read(text)["themes"] for a in t["agreements"]]


FIELDS = (
    OPENING + "2 Nieuwbouw\n\n"
    "Afspraak 1: Lindehof en Esdoorn bouwen samen ten minste 80 sociale huurwoningen.\n"
    "Regie: corporaties | Samen met: gemeente\n\n"
    "Afspraak 2: De gemeente wijst twee bouwlocaties aan.\n"
    "Regie: gemeente | Samen met: Lindehof, De Wilg\n\n"
    "3 Betaalbaarheid\n\n"
    "Afspraak 3: De huren stijgen niet meer dan de inflatie.\n"
    "Actiehouder: corporaties · Betrokken: De Wilg · Termijn: 1 juli 2026\n\n"
    "Afspraak 4: Partijen onderzoeken een fonds voor woonlasten.\n"
    "Actiehouder: gemeente · Betrokken: Esdoorn, De Wilg\n\n"
    "Afspraak 5: Esdoorn meldt een huurachterstand na 30 dagen.\n"
    "Actiehouder: Esdoorn · Termijn: doorlopend\n\n"
    "4 " + SIGNING
)


def test_a_responsibility_line_of_several_fields_names_only_the_lead_familys_parties():
    assert _who(FIELDS) == [
        ("1", [LINDEHOF, ESDOORN]),  # "Samen met: gemeente" helps
        ("2", [GEMEENTE]),
        ("3", [LINDEHOF, ESDOORN]),  # "Betrokken" works with them; "Termijn" names nobody
        ("4", [GEMEENTE]),  # "Partijen onderzoeken": the line says who leads
        ("5", [ESDOORN]),
    ]


def test_the_fields_of_a_responsibility_line():
    part = lead_fields.responsible_part
    assert part("corporaties | Samen met: gemeente") == "corporaties"
    assert part("gemeente · Betrokken: X, Y · Termijn: 1 oktober 2026") == "gemeente"
    assert part("X; Partners: Y") == "X"
    assert part("gemeente – Ondersteuning: De Wilg") == "gemeente"
    # A further field of the lead family names responsible parties too, wherever it stands.
    assert part("gemeente · Betrokken: X · Eigenaar: Y") == "gemeente, Y"
    # A remark in brackets is no name; a bracket that marks the lead stays for agreement_facts.stated.
    assert part("Lindehof (de gemeente geeft de vergunning snel af)") == "Lindehof"
    assert part("gemeente (trekker), corporaties denken mee") == "gemeente (trekker), corporaties denken mee"
    assert part("gemeente, De Wilg") == "gemeente, De Wilg"
    assert part("HV Beekdal, Samen Thuis") == "HV Beekdal, Samen Thuis"  # a name that opens with "Samen"


def test_a_remark_in_brackets_after_the_lead_is_no_party():
    text = (
        OPENING + "2 Nieuwbouw\n\n"
        "2a Splitsen\n"
        "Lindehof splitst 12 grote eengezinswoningen in appartementen.\n"
        "Aan zet: Lindehof (de gemeente geeft de omgevingsvergunning snel af)\n\n"
        "2b Overlast\n"
        "Meldingen van overlast worden binnen een week besproken.\n"
        "Aan zet: Esdoorn (De Wilg denkt mee over de aanpak)\n\n"
        "3 " + SIGNING
    )
    assert _who(text) == [("2a", [LINDEHOF]), ("2b", [ESDOORN])]


def test_what_goes_on_from_earlier_years_is_no_part_of_the_agreement_above_it():
    text = (
        OPENING + "2 Leefbaarheid\n\n"
        "2a Lindehof opent een buurtkamer in elk dorp.\n"
        "Actiehouder: Lindehof · Termijn: 2026\n\n"
        "2b De Wilg werft 5 nieuwe vrijwilligers voor het spreekuur.\n"
        "Actiehouder: De Wilg · Betrokken: corporaties · Termijn: 2026\n\n"
        "Dit loopt door uit het vorige akkoord:\n\n"
        "– De corporaties plaatsen rookmelders bij elke mutatie.\n"
        "– De gemeente betaalt de cursus voor vrijwilligers.\n\n"
        "3 " + SIGNING
    )
    theme = _read(text)["themes"][0]
    assert [a["number"] for a in theme["agreements"]] == ["2a", "2b"]
    assert theme["agreements"][1]["text"] == "De Wilg werft 5 nieuwe vrijwilligers voor het spreekuur."
    assert theme["agreements"][1]["responsible"] == [WILG]
    assert theme["lopende_afspraken"] == [
        "De corporaties plaatsen rookmelders bij elke mutatie.",
        "De gemeente betaalt de cursus voor vrijwilligers.",
    ]


def test_a_responsibility_line_near_the_top_is_no_title_block():
    from driehoek.importer import title_block

    assert title_block.names("Woonafspraken\n\nRegie: corporaties | Samen met: gemeente\n") == []
    assert title_block.names("Gemeente Beekdal · Woonstichting Lindehof · Huurdersvereniging De Wilg\n") == [
        "Gemeente Beekdal",
        "Woonstichting Lindehof",
        "Huurdersvereniging De Wilg",
    ]


# A matrix of marks with the parties' names cut short in its header, as a narrow annex table has them.
NARROW = (
    OPENING + "2 Nieuwbouw\n\n"
    "Afspraken\n\n"
    "1. De corporaties bouwen samen 80 woningen op grond die de gemeente levert.\n\n"
    "2. De gemeente stelt een nieuwe urgentieregeling op.\n\n"
    "3. De Wilg en Lindehof houden elk jaar een huurdersavond.\n\n"
    "3 " + SIGNING + "\n"
    "Bijlage 2 Verantwoordelijken per afspraak\n\n"
    "Nr  | Gem.  | Lindeh. | Esd.  | Wilg\n"
    "----+-------+---------+-------+-----\n"
    "1   |       | X       | X     |\n"
    "2   | X     |         |       |\n"
    "3   |       | X       |       | X\n"
)


def test_a_matrix_whose_header_cuts_the_names_short_says_who():
    assert _who(NARROW) == [("1", [LINDEHOF, ESDOORN]), ("2", [GEMEENTE]), ("3", [LINDEHOF, WILG])]


def test_a_matrix_with_a_column_that_is_no_party_of_the_document_leaves_the_text_to_say_who():
    # "Wijkteam" is no party of the document, nor is "Ov.": the text says who, not a matrix half read
    # (row 3 would give Lindehof alone).
    from_text = _who(NARROW.split("Bijlage")[0])
    assert from_text[2] == ("3", [WILG, LINDEHOF])
    for column in ("Wijkteam", "Ov."):
        header = f"Nr  | Gemeente | Lindehof | Esdoorn | {column}\n"
        text = NARROW.replace("Nr  | Gem.  | Lindeh. | Esd.  | Wilg\n", header)
        assert _who(text) == from_text
        # The review screen says why.
        notes = proposal.propose("proef.txt", text.encode()).notes
        assert f"Een tabel met kruisjes is niet gebruikt voor wie verantwoordelijk is: {column} is geen partij" in (
            " ".join(notes)
        )
        assert not any("gelezen uit een tabel met kruisjes" in note for note in notes)


def test_the_lead_family_has_more_words_than_trekker():
    text = (
        OPENING + "2 Nieuwbouw\n\n"
        "Afspraak 1: Er komen ten minste 80 sociale huurwoningen bij.\n"
        "Eerstverantwoordelijke: corporaties; Ondersteunend: gemeente\n\n"
        "Afspraak 2: Er komt een fonds voor woonlasten.\n"
        "Initiatiefnemer: De Wilg – Partners: gemeente, Lindehof\n\n"
        "Afspraak 3: Elk dorp krijgt een huurdersavond.\n"
        "Kartrekker: gemeente, Betrokken partijen: corporaties, De Wilg\n\n"
        "3 " + SIGNING
    )
    assert _who(text) == [("1", [LINDEHOF, ESDOORN]), ("2", [WILG]), ("3", [GEMEENTE])]
    assert [a["text"] for t in _read(text)["themes"] for a in t["agreements"]][0] == (
        "Er komen ten minste 80 sociale huurwoningen bij."
    )


def test_a_party_marked_as_a_helper_is_not_responsible():
    part = lead_fields.responsible_part
    assert part("gemeente, corporaties (ondersteunend)") == "gemeente"
    assert part("gemeente en De Wilg (betrokken)") == "gemeente"
    assert part("gemeente / betrokken: corporaties") == "gemeente"
    assert part("X (ondersteunend)") == "X"  # a line that names helpers only still names them
    text = (
        OPENING + "2 Nieuwbouw\n\n"
        "Afspraak 1: Er komt een fonds voor woonlasten.\n"
        "Trekker: gemeente, De Wilg (adviserend)\n\n"
        "Afspraak 2: Elk dorp krijgt een huurdersavond.\n"
        "Trekker: De Wilg / Ondersteuning: corporaties\n\n"
        "3 " + SIGNING
    )
    assert _who(text) == [("1", [GEMEENTE]), ("2", [WILG])]


def test_a_field_that_helps_or_says_when_may_come_before_the_lead():
    text = (
        OPENING + "2 Nieuwbouw\n\n"
        "Afspraak 1: Er komt een fonds voor woonlasten.\n"
        "Samen met: corporaties | Regie: gemeente\n\n"
        "Afspraak 2: Elk dorp krijgt een huurdersavond.\n"
        "Termijn: 2027 · Trekker: De Wilg · Betrokken: Lindehof\n\n"
        "3 " + SIGNING
    )
    agreements = [a for t in _read(text)["themes"] for a in t["agreements"]]
    assert [(a["number"], a["responsible"]) for a in agreements] == [("1", [GEMEENTE]), ("2", [WILG])]
    assert agreements[0]["text"] == "Er komt een fonds voor woonlasten."
