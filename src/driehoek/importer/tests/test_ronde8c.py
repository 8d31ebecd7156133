"""Round 8 C of the importer (docs/importer.md): PDFs whose text layer has no blank lines, made here with
WeasyPrint from made-up snippets with fictional names. The same snippet as a text file reads right already."""

from html import escape

from driehoek.importer import proposal

BOLD = "font-weight: bold"


def _pdf(blocks: list[tuple[str, str]], heading: str = BOLD) -> bytes:
    """A PDF of headings ("h"), bold titles ("t") and paragraphs ("p", lines joined with <br>), no blank lines
    in its text layer: paragraphs are set apart by margins, as a word processor does."""
    from weasyprint import HTML

    tags = {"h": "h2", "t": "h3", "p": "p"}
    body = "".join(
        f"<{tags[kind]}>{'<br>'.join(escape(x) for x in text.split(chr(10)))}</{tags[kind]}>" for kind, text in blocks
    )
    html = (
        "<html><head><style>@page { size: A4; margin: 2cm } body { font: 10pt 'DejaVu Sans' }"
        f" h2 {{ font-size: 14pt; {heading}; margin: 12pt 0 6pt }} h3 {{ font-size: 10pt; {heading}; margin: 8pt 0 0 }}"
        " p { margin: 0 0 6pt }</style></head><body>" + body + "</body></html>"
    )
    return HTML(string=html).write_pdf()


def _agreements(result) -> list[tuple[str, str, str, list[str]]]:
    return [
        (t["title"], a["number"], a.get("title", ""), a["responsible"])
        for t in result.set["themes"]
        for a in t["agreements"]
    ]


TITLED = [
    ("p", "Prestatieafspraken Proefveen 2026"),
    ("p", "Gemeente Proefveen, Woonstichting Brinkhof en Huurdersvereniging De Linde"),
    ("h", "1 Inleiding"),
    (
        "p",
        "In Proefveen is Woonstichting Brinkhof de enige corporatie. Huurdersvereniging De Linde behartigt de "
        "belangen van de huurders.",
    ),
    ("h", "2 Betaalbaar wonen"),
    ("p", "Opgave: veel huurders hebben een laag inkomen."),
    ("t", "2a Huurbeleid"),
    ("p", "Brinkhof verhoogt de huren in 2026 met niet meer dan de inflatie.\nAan zet: Brinkhof"),
    ("t", "2b Geldzorgen"),
    ("p", "De gemeente geeft een folder uit over toeslagen en schuldhulp.\nAan zet: gemeente"),
    ("t", "2c Voorraad"),
    ("p", "Van alle huurwoningen heeft ten minste 80% een lage huur.\nAan zet: Brinkhof"),
    ("h", "3 Samenwerking"),
    ("p", "De partijen overleggen vier keer per jaar over de voortgang."),
]


def test_bold_numbered_titles_over_their_agreements_do_not_end_the_agreements_in_a_pdf():
    """ "2b Geldzorgen" set bold after "2a"'s responsibility line is the next titled agreement, not a title
    that ends the agreements (a text file sets it apart with a blank line, a PDF's text layer has none)."""
    expected = [
        ("Betaalbaar wonen", "2a", "Huurbeleid", ["Woonstichting Brinkhof"]),
        ("Betaalbaar wonen", "2b", "Geldzorgen", ["Gemeente Proefveen"]),
        ("Betaalbaar wonen", "2c", "Voorraad", ["Woonstichting Brinkhof"]),
    ]
    text = "\n\n".join(text for _kind, text in TITLED)
    assert _agreements(proposal.propose("proef.txt", text.encode())) == expected
    assert _agreements(proposal.propose("proef.pdf", _pdf(TITLED))) == expected


OPENING = [
    ("p", "Jaarafspraken wonen 2026"),
    ("h", "Inleiding"),
    (
        "p",
        "Gemeente Proefveen, Brinkhof Wonen (hierna: Brinkhof) en Huurdersvereniging De Linde (hierna: De Linde)\n"
        "maken elk jaar afspraken over het wonen in de gemeente.",
    ),
    ("h", "Genoeg woningen"),
    ("p", "Onze ambitie: genoeg huurwoningen in elk dorp."),
    ("t", "Dat doen we samen:"),
    ("p", "– Maken in 2026 een dorpenplan."),
    ("t", "Dat doet Brinkhof:"),
    ("p", "– Start in 2026 met de bouw van 20 huurwoningen.\n– Levert in 2026 acht starterswoningen op."),
    ("t", "Dat doet de gemeente:"),
    ("p", "– Wijst in 2026 een locatie aan voor woningbouw."),
]


def test_an_opening_sentence_under_a_heading_without_a_blank_line_names_its_parties():
    """In a PDF's text layer the heading "Inleiding" runs straight into the opening sentence: the heading is no
    part of the sentence's first item, so "Brinkhof Wonen" beside two named parties is a party too, and the
    party heading "Dat doet Brinkhof:" gives its bullets their responsible party."""
    result = proposal.propose("proef.pdf", _pdf(OPENING))
    assert sorted(p["name"] for p in result.set["parties"]) == [
        "Brinkhof Wonen",
        "Gemeente Proefveen",
        "Huurdersvereniging De Linde",
    ]
    assert [(a["text"][:12], sorted(a["responsible"])) for t in result.set["themes"] for a in t["agreements"]] == [
        ("Maken in 202", ["Brinkhof Wonen", "Gemeente Proefveen", "Huurdersvereniging De Linde"]),
        ("Start in 202", ["Brinkhof Wonen"]),
        ("Levert in 20", ["Brinkhof Wonen"]),
        ("Wijst in 202", ["Gemeente Proefveen"]),
    ]


LISTING = [
    ("p", "Prestatieafspraken Proefveen 2026"),
    ("p", "Gemeente Proefveen, Woonstichting Brinkhof en Huurdersvereniging De Linde"),
    ("h", "1. Inleiding"),
    (
        "p",
        "In Proefveen is Woonstichting Brinkhof de enige corporatie. Huurdersvereniging De Linde behartigt de "
        "belangen van de huurders.",
    ),
    ("h", "2. Betaalbaarheid"),
    ("p", "De huren blijven betaalbaar voor wie weinig verdient."),
    ("p", "Afspraak 2.1: Brinkhof verhoogt de huren in 2026 met niet meer dan de inflatie.\nTrekker: Brinkhof."),
    ("p", "Afspraak 2.2: De gemeente houdt de woonlasten in 2026 gelijk.\nTrekker: gemeente."),
    ("h", "3. Wonen, welzijn en zorg"),
    ("p", "Het aantal ouderen groeit. We bouwen daarom dicht bij huis."),
    ("p", "Afspraak 3.1: Brinkhof bouwt in 2027 ten minste 20 levensloopgeschikte woningen.\nTrekker: Brinkhof."),
    ("p", "Afspraak 3.2: De gemeente opent in 2026 een loket voor wonen en zorg.\nTrekker: gemeente."),
]


def test_a_short_title_that_lists_with_commas_is_a_heading_where_the_pdf_sets_it_as_one():
    """ "3. Wonen, welzijn en zorg" with the paragraph straight under it (no blank line in a PDF's text layer)
    is a heading: the PDF's type, larger and bold, says so where the text file's blank line does."""
    expected = [
        ("Betaalbaarheid", "2.1", "", ["Woonstichting Brinkhof"]),
        ("Betaalbaarheid", "2.2", "", ["Gemeente Proefveen"]),
        ("Wonen, welzijn en zorg", "3.1", "", ["Woonstichting Brinkhof"]),
        ("Wonen, welzijn en zorg", "3.2", "", ["Gemeente Proefveen"]),
    ]
    text = "\n\n".join(text for _kind, text in LISTING)
    assert _agreements(proposal.propose("proef.txt", text.encode())) == expected
    pdf = _pdf(LISTING)
    assert _agreements(proposal.propose("proef.pdf", pdf)) == expected
    assert _agreements(proposal.propose("proef.pdf", pdf, only="lines")) == expected  # the line rules, too


WITHOUT_BLANKS = (
    "Prestatieafspraken Proefveen 2026\n"
    "Gemeente Proefveen, Woonstichting Brinkhof en Huurdersvereniging De Linde\n"
    "Hoofdstuk 1 – Inleiding\n"
    "In Proefveen is Woonstichting Brinkhof de enige corporatie. Huurdersvereniging De Linde behartigt de\n"
    "belangen van de huurders.\n"
    "Hoofdstuk 2 – Genoeg woningen\n"
    "Er zijn te weinig huurwoningen.\n"
    "Wij spreken af dat Brinkhof in 2026 ten minste 20 woningen bouwt. (Brinkhof)\n"
    "Wij spreken af dat de gemeente in 2026 twee kavels levert. (gemeente)\n"
    "Hoofdstuk 3 – Betaalbaar wonen\n"
    "Veel huurders hebben een laag inkomen.\n"
    "Wij spreken af dat Brinkhof de huren in 2026 met niet meer dan de inflatie verhoogt. (Brinkhof)\n"
    "Wij spreken af dat de gemeente een folder over toeslagen uitgeeft.\n[gemeente]\n"
    "Hoofdstuk 4 – Samen leven\n"
    "De kernen blijven leefbaar.\n"
    "Wij spreken af dat we elk jaar in elke kern een schouw houden. (gemeente; Brinkhof)\n"
    "Wij spreken af dat De Linde in 2026 drie bewonersavonden houdt. (De Linde)\n"
)


def test_a_heading_after_a_sentence_closed_by_its_parties_in_brackets_stands_apart_without_blank_lines():
    """Text as a PDF's text layer gives it, no blank lines: "... verhoogt. (Brinkhof)" is a finished sentence
    with its parties after it (or its parties on a line of their own), so the heading under it stands apart."""
    expected = [("Genoeg woningen", 2), ("Betaalbaar wonen", 2), ("Samen leven", 2)]
    for only in ("", "shapes"):  # the reading chosen, and the shape reading on its own
        result = proposal.propose("proef.txt", WITHOUT_BLANKS.encode(), only=only)
        assert [(t["title"], len(t["agreements"])) for t in result.set["themes"]] == expected
