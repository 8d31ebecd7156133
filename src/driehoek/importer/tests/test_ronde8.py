"""Round 8 of the importer (docs/importer.md): made-up snippets with fictional names."""

from driehoek.importer import extract, proposal, set_facts, structure


def _read(text: str) -> list[tuple[str, str, str, str]]:
    result = proposal.propose("proef.txt", text.encode())
    return [
        (t["title"], a["number"], a.get("title", ""), a["text"][:30])
        for t in result.set["themes"]
        for a in t["agreements"]
    ]


TITLED_LEAVES = (
    "Prestatieafspraken 2026\n\nGemeente Proefveen en Woonstichting Brinkhof\n\n"
    "1 Inleiding\n\nBrinkhof verhuurt 900 woningen in Proefveen.\n\n"
    "2 Afspraken 2026\n\nElke afspraak heeft een nummer en een korte titel.\n\n"
    "2.1 Betaalbaarheid\n\n"
    "2.1.1 Huurverhoging\nBrinkhof verhoogt de huren in 2026 met niet meer dan de inflatie.\n\n"
    "2.1.2 Vroeg erbij\nDe gemeente en Brinkhof delen signalen van betalingsachterstanden,\n"
    "zodat een huurder na 6 weken hulp krijgt.\n\n"
    "2.2 Nieuwbouw\n\n"
    "2.2.1 De Molenweg\nBrinkhof bouwt in 2027 ten minste 30 huurwoningen aan de Molenweg.\n\n"
    "2.2.2 Kavels\nDe gemeente verkoopt in 2026 twee kavels aan Brinkhof.\n\n"
    "3 Overleg\n\nDe wethouder en de bestuurder spreken elkaar vier keer per jaar.\n\n"
    "Bijlage Stand van de afspraken 2025\n\n"
    "Oud nr | Afspraak 2025                                  | Stand\n"
    "-------+------------------------------------------------+----------\n"
    "1.4    | Brinkhof bouwt 24 woningen aan de Dorpsstraat. | vervallen\n"
    "2.9    | De gemeente opent een ontmoetingsplek.         | vervallen\n"
)


def test_numbered_titles_each_over_one_paragraph_are_titled_agreements_and_an_annex_holds_none():
    assert _read(TITLED_LEAVES) == [
        ("Betaalbaarheid", "2.1.1", "Huurverhoging", "Brinkhof verhoogt de huren in "),
        ("Betaalbaarheid", "2.1.2", "Vroeg erbij", "De gemeente en Brinkhof delen "),
        ("Nieuwbouw", "2.2.1", "De Molenweg", "Brinkhof bouwt in 2027 ten min"),
        ("Nieuwbouw", "2.2.2", "Kavels", "De gemeente verkoopt in 2026 t"),
    ]


LISTING_TITLE = (
    "Prestatieafspraken 2026\n\nGemeente Proefveen en Woonstichting Brinkhof\n\n"
    "1. Inleiding\n\nBrinkhof verhuurt 900 woningen in Proefveen.\n\n"
    "2. Betaalbaarheid\n\nDe huren blijven betaalbaar voor wie weinig verdient.\n\n"
    "Nr     Afspraak                                            Trekker        Gereed\n"
    "2.1    Brinkhof verhoogt de huren in 2026 met niet meer    Brinkhof       2026\n"
    "       dan de inflatie.\n"
    "2.2    De gemeente houdt de woonlasten in 2026 gelijk.     gemeente       2026\n\n\n"
    "3. Wonen, welzijn en zorg\n\n"
    "Het aantal ouderen groeit; we bouwen daarom dicht bij huis.\n\n"
    "Nr     Afspraak                                            Trekker        Gereed\n"
    "3.1    Brinkhof bouwt in 2027 ten minste 20                Brinkhof       2027\n"
    "       levensloopgeschikte woningen.\n"
    "3.2    De gemeente opent in 2026 een loket voor wonen en   gemeente       2026\n"
    "       zorg.\n"
)


def test_a_short_title_that_lists_with_a_comma_is_a_theme():
    lines = extract.read("proef.txt", LISTING_TITLE.encode()).lines
    read = structure.parse(lines, {})  # the line reading alone
    assert [(t.number, t.title, [a.number for a in t.agreements]) for t in read.themes] == [
        ("2", "Betaalbaarheid", ["2.1", "2.2"]),
        ("3", "Wonen, welzijn en zorg", ["3.1", "3.2"]),
    ]


AMBITIONS_AND_PARTY_HEADINGS = (
    "Jaarafspraken wonen 2026\n\n"
    "Inleiding\n\n"
    "Gemeente Proefveen, Woonbaken Oosterzand (hierna: Woonbaken) en Huurdersvereniging De Esch\n"
    "(hierna: De Esch) maken elk jaar afspraken over het wonen in de gemeente.\n\n"
    "Genoeg woningen\n\n"
    "Onze ambities:\n\n"
    "1. tot 2030 komen er in Proefveen 80 sociale huurwoningen bij;\n"
    "2. jongeren vinden een woning in hun eigen dorp.\n\n"
    "Dat doen we samen:\n"
    "– Maken in 2026 een dorpenplan voor elk dorp.\n"
    "Dat doet Woonbaken:\n"
    "– Start in 2026 met de bouw van 28 sociale huurwoningen.\n"
    "Dat doet de gemeente:\n"
    "– Wijst in 2026 een locatie aan voor woningbouw.\n\n"
    "Hoe houden we zicht op de voortgang?\n\n"
    "Partijen komen in 2026 drie keer bij elkaar. In het overzicht staan ook lopende afspraken,\n"
    "zoals:\n\n"
    "– de huisvesting van statushouders;\n"
    "– het gezamenlijke woonruimteverdeelsysteem.\n"
)


def test_ambitions_are_no_agreements_party_headings_say_who_and_a_question_title_ends_the_list():
    result = proposal.propose("proef.txt", AMBITIONS_AND_PARTY_HEADINGS.encode()).set
    parties = {p["name"]: (p["short_name"], p["kind"]) for p in result["parties"]}
    # Named only in the opening sentence, with its short name in brackets: a party, its kind from its words.
    assert parties["Woonbaken Oosterzand"] == ("Woonbaken", "corporatie")
    read = [(a["text"][:20], a["responsible"]) for t in result["themes"] for a in t["agreements"]]
    assert read == [
        ("Maken in 2026 een do", ["Gemeente Proefveen", "Huurdersvereniging De Esch", "Woonbaken Oosterzand"]),
        ("Start in 2026 met de", ["Woonbaken Oosterzand"]),
        ("Wijst in 2026 een lo", ["Gemeente Proefveen"]),
    ]
    assert result["themes"][0]["title"] == "Genoeg woningen"


def test_a_frame_chapter_standing_apart_is_a_heading_whatever_its_number():
    lines = extract.read("proef.txt", FRAME_AFTER_THEMES.encode()).lines
    read = structure.parse(lines, {})
    texts = [" ".join(t for _i, t in a.lines) for c in read.themes for a in c.agreements]
    assert texts[-1] == "De gemeente opent in 2026 een loket voor wonen en zorg."
    assert "Monitoring" in [c.title for c in read.chapters]


FRAME_AFTER_THEMES = (
    "Prestatieafspraken 2026\n\n"
    "1 Inleiding\n\nDe afspraken staan in hoofdstuk 2.\n\n"
    "2 De afspraken\n\n"
    "3 Betaalbaarheid\n\n"
    "3.1 Brinkhof verhoogt de huren in 2026 met niet meer dan de inflatie.\n"
    "3.2 De gemeente houdt de woonlasten in 2026 gelijk.\n\n"
    "4 Wonen en zorg\n\n"
    "4.1 Brinkhof bouwt in 2027 ten minste 20 levensloopgeschikte woningen.\n"
    "4.2 De gemeente opent in 2026 een loket voor wonen en zorg.\n\n"
    "3 Monitoring\n\n"
    "Elke trekker meldt vóór 1 maart de stand van zijn afspraken.\n"
)


def test_the_period_after_the_municipalitys_name_in_the_title():
    """Found walking the review screen: "prestatieafspraken X 2026-2029" was read as 2029 alone."""
    flat = (
        "Samenwerkingsovereenkomst prestatieafspraken Proefveen aan de Vecht 2026-2029 Getekend op 9 december 2025. "
        "In 2029 evalueren partijen de afspraken; in 2029 begint de volgende ronde."
    )
    assert set_facts.kind_and_period(flat, "proef.pdf") == ("prestatieafspraken", 2026, 2029)
    # Words in lower case between are no name: "prestatieafspraken zijn in 2023 geëvalueerd" names no period.
    evaluated = "De prestatieafspraken zijn in 2023 geëvalueerd. Jaarprogramma 2026."
    assert set_facts.kind_and_period(evaluated, "x.txt") == ("jaarprogramma", 2026, 2026)


def test_a_numbered_title_after_a_lettered_chapter_is_read_without_error():
    """Found by test_eigenschappen (Hypothesis) after the merge: a chapter lettered "A" and then a numbered title."""
    lines = ["Thema A – Betaalbaar wonen", "", "Afspraak A1: De gemeente houdt de lasten gelijk.", ""]
    lines.append("2 Wonen en zorg")
    read = structure.parse(lines, {})
    assert [c.title for c in read.chapters][0] == "Betaalbaar wonen"
