"""Tables whose header words no rule knows, read by what their columns hold (docs/adr/0196), and tables that
are none; made-up snippets with fictional names."""

import pytest

from driehoek.importer import proposal, table_shapes

from .test_vormen import HEAD

UNKNOWN_HEADS = HEAD + (
    "Overzicht\n\n"
    "Kenmerk | Opgave                                                  | Partij        | Termijn\n"
    "--------+---------------------------------------------------------+---------------+--------\n"
    "Nieuwbouw\n"
    "1       | Lindehof bouwt in 2026 ten minste 40 sociale            | Lindehof      | 2026\n"
    "        | huurwoningen in het dorp.                               |               |\n"
    "2       | De gemeente levert in 2026 de grond voor 40 woningen    | gemeente      | 2026\n"
    "        | aan de Molenweg.                                        |               |\n"
    "Betaalbaarheid\n"
    "3       | Lindehof houdt ten minste 80% van de woningen onder de  | corporaties   | 2027\n"
    "        | aftoppingsgrens.                                        |               |\n"
)


def test_a_table_whose_header_words_no_rule_knows_is_read_by_what_its_columns_hold():
    lines = UNKNOWN_HEADS.split("\n")
    header = next(k for k, line in enumerate(lines) if line.startswith("Kenmerk"))
    names = [name for _k, name in table_shapes.header(lines, header)]
    assert names == ["nr", "afspraak", "wie", "termijn"]
    result = proposal.propose("proef.txt", UNKNOWN_HEADS.encode())
    # The other columns are labelled lines of the text, as in a table with known header words ("Termijn: 2026").
    read = [
        (t["title"], a["number"], a["text"].split(" Termijn:")[0], a["responsible"])
        for t in result.set["themes"]
        for a in t["agreements"]
    ]
    assert read == [
        (
            "Nieuwbouw",
            "1",
            "Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen in het dorp.",
            ["Woonstichting Lindehof"],
        ),
        (
            "Nieuwbouw",
            "2",
            "De gemeente levert in 2026 de grond voor 40 woningen aan de Molenweg.",
            ["Gemeente Beekdal"],
        ),
        (
            "Betaalbaarheid",
            "3",
            "Lindehof houdt ten minste 80% van de woningen onder de aftoppingsgrens.",
            ["Woonstichting Lindehof"],
        ),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # A monitoring matrix: years as columns.
        "Nr | Wat we meten | 2026 | 2027\n1 | Aantal nieuwe sociale huurwoningen in het hele dorp | 40 | 40\n"
        "2 | Aantal woningen met een label E, F of G in het dorp | 12 | 6\n",
        # Short cells only: no column of sentences.
        "Nr | Partij | Rol\n1 | Gemeente Beekdal | wethouder\n2 | Woonstichting Lindehof | directeur\n",
        # One row is no table.
        "Nr | Opgave | Partij\n1 | Lindehof bouwt in 2026 ten minste 40 sociale huurwoningen. | Lindehof\n",
    ],
)
def test_a_table_without_a_column_of_sentences_in_rows_is_no_table_of_agreements(table):
    assert table_shapes.header(table.split("\n"), 0) is None
