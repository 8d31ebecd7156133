"""Theme rows inside a table of agreements, and the table's captions (docs/adr/0203).

A table of agreements may run over several pages, its header repeated on each, and carry its themes as rows
of their own: an unnumbered title in the table, under its header, over the rows of that theme:

    Tabel 1 – Afspraken 2026-2029
    Nr | Afspraak                         | Trekker
    Betaalbaarheid
    1  | De corporaties houden ...        | corporaties
    ...
    Vervolg tabel 1 – Afspraken 2026-2029
    Nr | Afspraak                         | Trekker
    Voldoende woningen
    5  | ...

Where the document's numbered tables hold two or more such rows, those rows are its themes: each is written
as a theme line ("thema: Betaalbaarheid") that every reading takes for a theme, and a caption right above the
table's header ("Tabel 1 – ...", "Vervolg tabel 1 – ...", "Tabel 1 (vervolg)") names the table, not a
theme: it is left out (a caption that says the table goes on, "Vervolg tabel 1", always). A table with one such
row, or with numbered titles between its rows ("II Wonen", "2.1 Nieuwbouw", "Thema Wonen"), is left as it is; so
is a document whose themes head the tables from outside. A row that names parties or a group ("Corporaties",
"Gemeente en huurdersraad") or a section ("Gezamenlijke
afspraken") says who, not what: it stays as it is.
"""

import re

from .shapes import SECTION
from .table_shapes import GROUP

BREAK = "\f"
CAPTION = re.compile(r"(?i)^(?:vervolg\s+(?:van\s+)?)?tabel\s+\d{1,3}[a-z]?\b(?!\.\d)")
CONTINUED = re.compile(r"(?i)^vervolg\b|\(vervolg\)\s*$")
# A title numbered in any way: "2 Wonen", "2.1 Nieuwbouw", "II Wonen", "B. Wonen", "Thema 2 – Wonen".
NUMBERED_TITLE = re.compile(r"^(?:\d|[IVXLC]+[.)]?\s|[A-Z][.)]\s|(?i:thema|hoofdstuk|deel)\b)")


class Row(str):
    """A title between a table's rows, under its header (not a title above a new table's header)."""


def inside(title: str, header_next: bool) -> str:
    return title if header_next else Row(title)


def title_line(line: str, row_number: re.Pattern) -> bool:
    """A line of an aligned table (no pipes) that is one run of words from the margin, not a row's number: a title
    between the rows ("Betaalbaarheid" over rows "1   De corporaties ...   corporaties")."""
    return (
        "|" not in line
        and line[:1].strip() != ""
        and re.fullmatch(r"\S+(?: \S+)*", line.strip()) is not None
        and row_number.match(line.split()[0]) is None
    )


def is_caption(text: str) -> bool:
    return CAPTION.match(text.strip()) is not None


class Marks:
    """What the table conversion of a document's pages met: the unnumbered rows inside its tables and the
    captions above their headers, as (page's lines, position)."""

    def __init__(self) -> None:
        self.rows: list[tuple[list[str], int]] = []
        self.captions: list[tuple[list[str], int]] = []
        self.numbered = False  # a numbered title inside a table: the themes are those, the others are below them
        self.leads: dict[str, str] = {}  # agreement number -> its parties, from a matrix of marks (mark_matrix.py)
        self.open: list[tuple[int, str]] | None = None  # the last numbered piped table's columns (agreement_tables)

    def header_at(self, out: list[str]) -> None:
        """A table's header is written next: the last line written, if a caption, is the table's."""
        k = len(out) - 1
        while k >= 0 and (not out[k].strip() or out[k] == BREAK):
            k -= 1
        if k >= 0 and is_caption(out[k]):
            self.captions.append((out, k))

    def heading(self, out: list[str], text: str) -> None:
        """A title inside a table, just written at the end of `out`."""
        if is_caption(text):
            self.captions.append((out, len(out) - 1))
        elif NUMBERED_TITLE.match(text):
            self.numbered = True
        elif isinstance(text, Row) and not GROUP.search(text) and not SECTION.match(text):
            self.rows.append((out, len(out) - 1))

    def apply(self) -> None:
        """Once every page is converted: two or more theme rows make the rows themes and the captions go. A caption
        that says the table goes on ("Vervolg tabel 1", "Tabel 1 (vervolg)") never names a theme: it goes always."""
        themes = len(self.rows) >= 2 and not self.numbered
        for out, k in self.rows if themes else []:
            out[k] = f"thema: {out[k].strip()}"  # the theme line every reading knows (shapes.THEME_COLON)
        for out, k in self.captions:
            if themes or CONTINUED.search(out[k]):
                out[k] = ""
