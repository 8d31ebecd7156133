"""General rules of the outline reading (round 5, toward reading the seeds without the line rules), each on a
made-up document read by the outline alone: a chapter whose agreements stand under its numbered parts gives way
to them beside a chapter that holds its own; the next part's heading after a sentence without an end; a numbered
list that goes on after bullets without a full stop; a sentence that announces the agreements ("de volgende
afspraken:"); a stray number between two that follow each other."""

from driehoek.importer import proposal

MIXED_CHAPTERS = """Prestatieafspraken 2026 gemeente Proefdorp

1 Inleiding

Dit zijn de afspraken van de gemeente Proefdorp en Woonstichting Lindehof. Woonstichting Lindehof tekent.

2 Samenwerking

Partijen werken al jaren samen en willen dat zo houden. Elke partij draagt bij vanuit haar eigen rol. Partijen
maken hierover de volgende afspraken:

1. Partijen overleggen vier keer per jaar over de voortgang.
2. Partijen delen hun jaarplannen voor 1 december.
3. Partijen evalueren de afspraken in 2027.
4. Partijen nodigen de huurders uit voor het overleg.

3 Prestatieafspraken

3.1 Betaalbaarheid

5. De gemeente verhoogt het budget voor schuldhulp in 2026.
6. Lindehof houdt de huurverhoging in 2026 onder de inflatie, met als streefhuur:
• 80% onder de eerste aftoppingsgrens
• 20% tussen de eerste en de tweede aftoppingsgrens
7. Lindehof biedt huurders met een betalingsachterstand binnen twee weken een gesprek aan

3.2 Beschikbaarheid

8. Lindehof bouwt in 2026 ten minste 20 woningen aan de Dorpsstraat.
1 Dit aantal staat ook in de woonvisie van 2024.
9. De gemeente levert in 2026 een bouwrijpe kavel voor 12 woningen, met het oog op de vraag van starters en
ouderen in de wijk
3.3 Leefbaarheid

10. Lindehof zet in 2026 een wijkbeheerder in voor de Dorpsstraat.
"""


def test_chapters_parts_sentences_bullets_and_strays_in_the_outline_reading():
    result = proposal.propose("proef.txt", MIXED_CHAPTERS.encode(), only="outline")
    themes = {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}
    assert themes == {
        "Samenwerking": ["1", "2", "3", "4"],  # announced by "de volgende afspraken:": agreements, not an enumeration
        "Betaalbaarheid": ["5", "6", "7"],  # "7." after bullets without a full stop
        "Beschikbaarheid": ["8", "9"],  # "1 Dit aantal ..." between 8 and 9: a stray, no agreement
        "Leefbaarheid": ["10"],  # "3.3 Leefbaarheid" after a sentence without an end: the next part's heading
    }


def test_both_readings_keep_the_line_readings_section_where_the_outline_reads_the_same():
    both = proposal.propose("proef.txt", MIXED_CHAPTERS.encode())
    lines = proposal.propose("proef.txt", MIXED_CHAPTERS.encode(), only="lines")
    who = [(a["number"], a["responsible"]) for t in both.set["themes"] for a in t["agreements"]]
    assert who == [(a["number"], a["responsible"]) for t in lines.set["themes"] for a in t["agreements"]]


CHAPTERS_IN_CAPITALS = """Kaderafspraken 2026-2030 gemeente Proefdorp

1. INLEIDING
Dit zijn de afspraken van de gemeente Proefdorp en Woonstichting Lindehof. Woonstichting Lindehof tekent.

2. BESCHIKBAARHEID
Afspraken
1. Nieuwe woningen bouwen voor starters
De corporatie bouwt in 2027 ten minste 40 woningen voor starters.

2. Doorstroming bevorderen
De gemeente en Lindehof maken in 2026 een regeling voor ouderen.

Type plan Aantal Planning
Zacht 62 2027
103 Onbekend, in ieder geval

3. BETAALBAARHEID
Afspraken
3. Huren betaalbaar houden voor alle inkomens tot
de tweede aftoppingsgrens
Lindehof houdt de huren van kleine woningen onder de eerste aftoppingsgrens.

4. WONEN, WELZIJN EN ZORG

en zorgwoningen voor ouderen.

Afspraken
4. Langer thuis wonen
De gemeente zet in 2026 een woonconsulent in.
"""


def test_where_chapters_are_numbered_in_capitals_numbered_titles_in_sentence_case_are_agreements():
    result = proposal.propose("proef.txt", CHAPTERS_IN_CAPITALS.encode(), only="outline")
    themes = {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}
    assert themes == {
        "Beschikbaarheid": ["1", "2"],  # "103" after "2", then "3" in the next theme: a stray figure
        "Betaalbaarheid": ["3"],  # "Afspraken" under the heading, over "3. ...": a heading, not a sentence
        "Wonen, welzijn en zorg": ["4"],  # in capitals: a chapter, though "4" follows "3" and lower case follows
    }


SIDE_BAR = """Kaderafspraken 2026-2030 gemeente Proefdorp

1. INLEIDING
Dit zijn de afspraken van de gemeente Proefdorp en Woonstichting Lindehof. Woonstichting Lindehof tekent.

2. DUURZAAMHEID
Afspraken
1. Woningen isoleren
Lindehof isoleert in 2026 ten minste 50 woningen naar label B. De aanpak begint bij de
3. LEEFBAARHEID
woningen met de hoogste energielasten.

Uitgangspunten
• Buurten zijn veilig en schoon.
Afspraken
2. Buurtbeheer versterken
De gemeente zet in 2026 een buurtbeheerder in.

Ondertekening
"""


def test_a_chapter_in_capitals_inside_a_sentence_and_principles_that_open_the_next_theme():
    result = proposal.propose("proef.txt", SIDE_BAR.encode(), only="outline")
    themes = {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}
    assert themes == {"Duurzaamheid": ["1"], "Leefbaarheid": ["2"]}


LIST_IN_A_SENTENCE = """Afspraken 2026 gemeente Proefdorp

1 Samenwerking
We hanteren in de samenwerking met elkaar de volgende uitgangspunten:
• De samenwerking is open.
• De samenwerking is gelijkwaardig.

Dit betekent dat we elkaar op tijd betrekken.

• Resultaten tellen. We leggen ze vast.

2 Wonen
Afspraken
1. De gemeente bouwt in 2026 ten minste 20 woningen.
"""


def test_a_list_inside_a_sentence_goes_on_past_a_paragraph_between_its_bullets():
    result = proposal.propose("proef.txt", LIST_IN_A_SENTENCE.encode(), only="outline")
    themes = {t["title"]: [a["number"] for a in t["agreements"]] for t in result.set["themes"]}
    assert themes == {"Wonen": ["1"]}


SECTIONS_OVER_NUMBERS = """Prestatieafspraken 2026 gemeente Proefdorp

1 Inleiding
Dit zijn de afspraken van de gemeente Proefdorp, Woonstichting Lindehof en Woonstichting Ravenhof.
Woonstichting Lindehof en Woonstichting Ravenhof tekenen.

2 Wonen

Prestaties van de corporaties 2026
1. Lindehof bouwt in 2026 ten minste 10 woningen aan de Dorpsstraat.
2. De corporaties verkopen in 2026 geen sociale huurwoningen.

Dat doet de gemeente:
3. Zij levert in 2026 een bouwrijpe kavel.

3 Zorg

Prestaties van de corporaties 2026
4. Ravenhof opent in 2026 een loket voor ouderen.
"""


def test_a_numbered_item_under_a_party_heading_names_its_actors_first_under_a_lead_in_that_party():
    result = proposal.propose("proef.txt", SECTIONS_OVER_NUMBERS.encode(), only="outline")
    who = {a["number"]: a["responsible"] for t in result.set["themes"] for a in t["agreements"]}
    assert who == {
        "1": ["Woonstichting Lindehof"],  # the heading names two; the text names its actor
        "2": ["Woonstichting Lindehof", "Woonstichting Ravenhof"],
        "3": ["Gemeente Proefdorp"],  # "Dat doet de gemeente:": the lead-in says who
        "4": ["Woonstichting Ravenhof"],
    }


def test_a_section_word_heading_over_numbered_items_is_their_section():
    document = SECTIONS_OVER_NUMBERS.replace("3 Zorg\n\nPrestaties van de corporaties 2026\n", "3 Zorg\n\nAfspraken\n")
    result = proposal.propose("proef.txt", document.encode(), only="outline")
    sections = {a["number"]: a["section"] for t in result.set["themes"] for a in t["agreements"]}
    assert sections["4"] == "Afspraken" and sections["3"] == "Dat doet de gemeente"
