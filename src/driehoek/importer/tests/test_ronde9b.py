"""Round 9 B of the importer (docs/importer.md, docs/adr/0212): made-up snippets with fictional names."""

from driehoek.importer import extract, parties, party_codes, proposal
from driehoek.importer.evaluation import text_to_pdf

from . import helpers  # noqa: F401 (quiets WeasyPrint's logging)


def _read(content: bytes, name: str = "proef.txt") -> list[tuple[str, str, str, list[str]]]:
    result = proposal.propose(name, content)
    return [
        (t["title"], a["number"], a["text"][:20], a["responsible"])
        for t in result.set["themes"]
        for a in t["agreements"]
    ]


# Lettered chapters, "o" as the list's sign, and party headings "X zegt toe:" / "Beide partijen zeggen toe:".
LETTERED = """Woonafspraken Kromveld 2026-2027

tussen de gemeente Kromveld en Woonstichting Ellerhof

Inleiding

Gemeente Kromveld en Woonstichting Ellerhof maken afspraken voor twee jaar. Per thema staat wat elk toezegt.

A. Nieuwbouw

Wat we willen bereiken: de wachttijd daalt.

Beide partijen zeggen toe:

o elk jaar samen de bouwplanning vast te stellen;

Ellerhof zegt toe:

o ten minste 40 woningen te bouwen, in de plannen:
   a. Kromveld-Noord;
   b. De Akkers;

o geen woningen te verkopen;

Gemeente Kromveld zegt toe:

o de grond bouwrijp te leveren.

B. Betaalbaarheid

Wat we willen bereiken: de woonlasten blijven te dragen.

Ellerhof zegt toe:

o de huren niet meer dan de inflatie te verhogen.

Gemeente Kromveld zegt toe:

o een energietoeslag van 200 euro te geven.

Ondertekening

Kromveld, 1 december 2025

Gemeente Kromveld                      Woonstichting Ellerhof
A. Pieterse                            B. Dekker
"""

EXPECTED = [
    ("Nieuwbouw", "A.1", "elk jaar samen de bo", ["Gemeente Kromveld", "Woonstichting Ellerhof"]),
    ("Nieuwbouw", "A.2", "ten minste 40 woning", ["Woonstichting Ellerhof"]),
    ("Nieuwbouw", "A.3", "geen woningen te ver", ["Woonstichting Ellerhof"]),
    ("Nieuwbouw", "A.4", "de grond bouwrijp te", ["Gemeente Kromveld"]),
    ("Betaalbaarheid", "B.1", "de huren niet meer d", ["Woonstichting Ellerhof"]),
    ("Betaalbaarheid", "B.2", "een energietoeslag v", ["Gemeente Kromveld"]),
]


def test_a_lone_o_opening_lines_is_the_list_sign():
    assert extract.letter_bullets(["o eerste;", "o tweede.", "De o van oranje."]) == [
        "• eerste;",
        "• tweede.",
        "De o van oranje.",
    ]
    assert extract.letter_bullets(["o eerste;", "tekst"]) == ["o eerste;", "tekst"]  # once is no list


def test_lettered_chapters_with_o_bullets_under_party_headings():
    read = _read(LETTERED.encode())
    assert read == EXPECTED
    result = proposal.propose("proef.txt", LETTERED.encode())
    sub_items = result.set["themes"][0]["agreements"][1]["text"]
    assert "Kromveld-Noord" in sub_items and "De Akkers" in sub_items  # "a." and "b." belong to their bullet


def test_lettered_chapters_read_the_same_from_a_pdf():
    assert _read(text_to_pdf(LETTERED), "proef.pdf") == EXPECTED


def test_an_initial_is_no_lettered_chapter():
    text = LETTERED.replace("A. Nieuwbouw", "Nieuwbouw").replace("B. Betaalbaarheid", "Betaalbaarheid")
    assert all(title != "Pieterse" for title, *_rest in _read(text.encode()))


# A table whose number column is headed "Ref." and holds codes per theme; a closing chapter without a number that
# the contents page lists ("Zo houden we samen de koers vast").
REFERENCED = """Wonen in Heikamp

Prestatieafspraken 2026-2028

Gemeente Heikamp · Woonstichting Brinkhof · Huurdersvereniging Het Anker

Inhoud

1. Samen bouwen ···················································· 2
2. Betaalbaar wonen ················································ 3
Zo houden we samen de koers vast ··································· 4

1. Samen bouwen

De bouw moet omhoog, in elk dorp.

Ref.   | Afspraak                                   | Planning  | Verantwoordelijke partij
-------+--------------------------------------------+-----------+-------------------------
SB-1   | Brinkhof bouwt ten minste 60 sociale       | 2028      | Brinkhof
       | huurwoningen.                              |           |
SB-2   | De gemeente levert de grond voor de        | 2026      | gemeente
       | nieuwbouw.                                 |           |

2. Betaalbaar wonen

De woonlasten moeten te dragen blijven.

Ref.   | Afspraak                                   | Planning  | Verantwoordelijke partij
-------+--------------------------------------------+-----------+-------------------------
BW-1   | Brinkhof verhuurt 80% van de vrijkomende   | doorlopend | Brinkhof
       | woningen onder de aftoppingsgrens.         |           |
BW-2   | Het Anker geeft elk jaar advies over de    | jaarlijks | Het Anker
       | huren.                                     |           |

Zo houden we samen de koers vast

Elk voorjaar maakt de gemeente een monitor met de stand van zaken per referentie. Het bestuurlijk overleg
stelt hem vast.

Handtekeningen

Heikamp, 1 december 2025
"""


def test_a_reference_column_numbers_the_rows_and_a_title_the_contents_list_ends_the_last():
    result = proposal.propose("proef.txt", REFERENCED.encode())
    read = [(t["title"], a["number"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    assert read == [
        ("Samen bouwen", "SB-1", ["Woonstichting Brinkhof"]),
        ("Samen bouwen", "SB-2", ["Gemeente Heikamp"]),
        ("Betaalbaar wonen", "BW-1", ["Woonstichting Brinkhof"]),
        ("Betaalbaar wonen", "BW-2", ["Huurdersvereniging Het Anker"]),
    ]
    last = result.set["themes"][-1]["agreements"][-1]["text"]
    assert "monitor" not in last  # the closing chapter the contents page lists is no part of the last row


def test_the_contents_page_gives_its_titles():
    document = extract.read("proef.txt", REFERENCED.encode())
    assert "Zo houden we samen de koers vast" in document.titles
    assert not any("···" in line for line in document.lines)


# An agreement in articles: a signing list that gives each party a code, tables whose lead column uses the codes
# ("corp." for the corporations), a line of kinds under the title, and a closing article of legal provisions.
ARTICLES = """Samenwerkingsovereenkomst wonen Veldhoek 2026-2029

Gemeente – woningcorporaties – huurders – zorg

De ondergetekenden

1. de gemeente Veldhoek, te dezen vertegenwoordigd door haar wethouder Wonen,
   mevrouw A. de Vries, hierna: de gemeente (GV);
2. Woonstichting Brederode, gevestigd te Veldhoek, te dezen vertegenwoordigd door de
   directeur-bestuurder, de heer B. Smit, hierna: Brederode (WB);
3. Woningstichting Het Baken, gevestigd te Ooster, te dezen vertegenwoordigd door
   de bestuurder, mevrouw C. Bos, hierna: Het Baken (HB);
4. Huurderskring Veldhoek-Oost, de koepel van de huurders van beide corporaties, te dezen
   vertegenwoordigd door de voorzitter, de heer D. Kok, hierna: de Huurderskring (HK);

hierna samen: partijen. Brederode en Het Baken heten samen de corporaties (in de tabellen: corp.).

komen het volgende overeen.

Artikel 1 – Nieuwbouw

Nr.   | Wat spreken we af?                                 | Trekker  | Met            | Gereed
------+----------------------------------------------------+----------+----------------+------------
1.1   | De corporaties bouwen samen ten minste 120 sociale | corp.    | GV             | 2029
      | huurwoningen.                                      |          |                |
1.2   | De gemeente levert elk jaar 2 locaties.            | GV       | WB             | jaarlijks
1.3   | Brederode bouwt 40 appartementen aan de haven.     | WB       | GV, HK         | 2028

Artikel 2 – Betaalbaarheid

Nr.   | Wat spreken we af?                                 | Trekker  | Met            | Gereed
------+----------------------------------------------------+----------+----------------+------------
2.1   | De huurderskring geeft elk jaar advies over de     | HK       | corp.          | jaarlijks
      | huurverhoging.                                     |          |                |
2.2   | Het Baken bevriest de huren van 50 woningen.       | HB       |                | 2026

Artikel 3 – Looptijd en slotbepalingen

3.1 Deze overeenkomst geldt van 1 januari 2026 tot en met 31 december 2029.
3.2 Komen partijen er niet uit, dan schakelen zij een moderator in.

Ondertekening

Veldhoek, 1 december 2025
"""


def test_an_agreement_in_articles_with_codes_from_the_signing_list():
    result = proposal.propose("proef.txt", ARTICLES.encode())
    names = [(p["name"], p["kind"]) for p in result.set["parties"]]
    assert names == [
        ("Gemeente Veldhoek", "gemeente"),
        ("Woonstichting Brederode", "corporatie"),
        ("Woningstichting Het Baken", "corporatie"),
        ("Huurderskring Veldhoek-Oost", "huurdersorganisatie"),
    ]  # not the kinds under the title ("woningcorporaties", "huurders")
    read = [(t["title"], a["number"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
    corporations = ["Woonstichting Brederode", "Woningstichting Het Baken"]
    assert read == [
        ("Nieuwbouw", "1.1", corporations),
        ("Nieuwbouw", "1.2", ["Gemeente Veldhoek"]),
        ("Nieuwbouw", "1.3", ["Woonstichting Brederode"]),
        ("Betaalbaarheid", "2.1", ["Huurderskring Veldhoek-Oost"]),
        ("Betaalbaarheid", "2.2", ["Woningstichting Het Baken"]),
    ]  # the closing article's provisions are no agreements


def test_a_lead_line_writes_out_the_codes_the_signing_list_defines():
    lines = party_codes.expand(["Trekker: GV, HK.", "Met: GV", "De GV-regeling"], {}, {"GV": "Gemeente X"})
    assert lines == ["Trekker: Gemeente X, HK.", "Met: GV", "De GV-regeling"]
    assert party_codes.expand(["Trekker: corp."], {}, {"GV": "Gemeente X"}) == ["Trekker: corporaties"]


def test_a_piped_table_goes_on_at_the_top_of_the_next_page_without_its_header():
    text = ARTICLES.replace(
        "1.3   | Brederode bouwt",
        "Veldhoek 2026-2029 – pagina 2\fVeldhoek 2026-2029 – pagina 3\n1.3   | Brederode bouwt",
    )
    result = proposal.propose("proef.txt", text.encode())
    first = result.set["themes"][0]["agreements"]
    assert [(a["number"], a["responsible"]) for a in first] == [
        ("1.1", ["Woonstichting Brederode", "Woningstichting Het Baken"]),
        ("1.2", ["Gemeente Veldhoek"]),
        ("1.3", ["Woonstichting Brederode"]),  # the row on the next page, its lead column read
    ]
    assert "|" not in first[2]["text"] and "GV, HK" not in first[2]["text"].split("Met:")[0]


def test_an_organisation_that_does_not_sign_is_no_party():
    text = LETTERED.replace(
        "Per thema staat wat elk toezegt.",
        "Huurdersraad Ellerhof gaf advies, maar de Huurdersraad Ellerhof tekent niet mee. Per thema staat wat elk "
        "toezegt.",
    )
    names = [p["name"] for p in proposal.propose("proef.txt", text.encode()).set["parties"]]
    assert names == ["Gemeente Kromveld", "Woonstichting Ellerhof"]  # the head and the signing block agree
    assert parties.signing.signers(text, ["Gemeente Kromveld", "Huurdersraad Ellerhof"]) == set()  # one is no block
    # Without the head's "tussen ...", the signing block alone drops no one (it may name some parties only).
    alone = text.replace("tussen de gemeente Kromveld en Woonstichting Ellerhof", "")
    names = [p["name"] for p in proposal.propose("proef.txt", alone.encode()).set["parties"]]
    assert "Huurdersraad Ellerhof" in names
