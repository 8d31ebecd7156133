"""From clean lines to a document's structure: chapters and themes, their goal, principles and
ongoing commitments, sections, and numbered agreements.

Rules work on the shape of the text, never on the words of one municipality:
- a heading is numbered ("4.1 Betaalbaarheid", "3. BESCHIKBAARHEID"), named ("Thema 2: Duurzaamheid",
  "Hoofdstuk 5 Leefbaarheid") or a short line in capitals;
- an agreement is a numbered item that continues the numbering (through the document, restarting per
  theme, or nested under the theme: "3.2", "Afspraak 3.2"), or a bullet directly under an agreements
  heading;
- a theme whose capitalised heading the layout put after its introduction (a side bar) still gets
  that introduction: principles after a theme's agreements start a new theme that the next heading names.
"""

import re

from . import numbering, shapes, theme_levels
from .extract import BREAK
from .headings import HeadingRules
from .numbering import _renumber, _title_of
from .sections import SectionRules
from .shapes import (  # noqa: F401 (the importer's other modules read these from here)
    AGREEMENT_WORD,
    BULLET,
    DOEL,
    LOPEND,
    NUMBERED,
    RESPONSIBLE,
    RICHTINGEN,
    SECTION,
    YEAR_TAIL,
    Afspraak,
    Hoofdstuk,
    Structure,
    is_caps,
    is_heading_title,
)
from .text_rules import TextRules


class Parser(HeadingRules, SectionRules, TextRules):
    def __init__(self, lines: list[str], party_aliases: dict[str, str], type_=None, titles=frozenset()):
        self.lines = lines
        self.type = type_  # a PDF's type (pdf_fonts.Type), or None
        self.titles = titles  # the titles the document's contents page lists
        self.aliases = party_aliases  # alias (lower case) -> party name
        self.chapters: list[Hoofdstuk] = []
        self.current: Hoofdstuk | None = None
        self.agreement: Afspraak | None = None
        self.mode = "text"  # text, doel, richtingen, lopende, agreements
        self.section = ""
        self.section_parties: list[str] = []
        self.party_heading = False
        self.bullets_are_agreements = False
        self.last_number: str | None = None
        self.max_number: int | None = None
        self.since_break = True
        self.after_blanks = 0  # blank lines before the current one: two or more set a heading apart
        self.index = 0
        self.notes: list[str] = []
        self.enumerating = False  # after a sentence that ends in ":", numbered lines enumerate (no agreements)
        self.after_lead = False  # the line before was a responsibility line

    # --- the pass ---------------------------------------------------------------------------

    def parse(self, check=None) -> Structure:
        nonblank = [line for line in self.lines if line.strip() and line != BREAK]
        follows_blank = sum(
            1 for i, line in enumerate(self.lines[:-1]) if line.strip() and not self.lines[i + 1].strip()
        )
        double_spaced = bool(nonblank) and follows_blank > 0.6 * len(nonblank)
        blanks = 0
        for index, line in enumerate(self.lines):
            if check is not None and index % 500 == 0:
                check()
            if line == BREAK:
                self.since_break = True
                continue
            if not line.strip():
                blanks += 1
                continue
            self.after_blanks, blanks = blanks, 0
            self.step(index, line.strip())
        return Structure(self.chapters, double_spaced, self.notes)

    def step(self, i: int, line: str) -> None:
        self.index = i
        if not numbering.item(line):
            # "Bij het opstellen hebben we de volgende stappen gezet:" opens an enumeration inside the text.
            self.enumerating = line.endswith(":") and len(line.split()) > 8 and not RESPONSIBLE.match(line)
        wrapped_lead = self.agreement is not None and self.agreement.lead and self.after_lead
        if self.agreement is not None and (m := RESPONSIBLE.match(line)):
            self.agreement.lead = m.group(1).strip().rstrip(".")
            self.after_lead, self.since_break = True, False
            return
        self.after_lead = False
        if wrapped_lead and not self.after_blanks and shapes.wraps_names(self.agreement.lead, line, self._next(i)):
            self.agreement.lead = f"{self.agreement.lead} {line}"  # "Partijen: gemeente, X, HBV" + "Noord"
        elif self.try_heading(i, line) or self.try_agreement(i, line):
            pass
        elif m := DOEL.match(line):
            self.label(i, "doel", m.group(1), m.group(2))
        elif (m := RICHTINGEN.match(line)) and len(line.split()) <= 4 or (m and line[len(m.group(1))] == ":"):
            self.label(i, "richtingen", m.group(1), m.group(2))
        elif LOPEND.match(line) and len(line.split()) <= 14 and self.current is not None:
            self.end_agreement()
            self.mode = "lopende"
        elif self.is_section(line):
            self.end_agreement()
            self.section = YEAR_TAIL.sub("", line).rstrip(" .:")
            if re.search(r"(?i)\b(?:naar|tot|vanaf|na|in|voor|t/m)$", self.section):
                self.section = line.rstrip(" .:")  # "Doorkijk naar 2031" needs its year
            self.section_parties = self.parties_in(line)
            # "Wat doet de gemeente:", "Samen:", "Dit doen de corporaties": the heading names who does it.
            # So does any heading that names parties ("Inzet van X", "X zegt toe", "Prestaties X en Y").
            self.party_heading = (
                line.endswith((":", "?"))
                or bool(re.match(r"(?i)(?:wat|dit|dat)\s+(?:doen|doet)\b", line))
                or bool(self.section_parties)
            )
            self.mode = "agreements"
            self.bullets_are_agreements = True
        else:
            self.text(i, line)
        self.since_break = False

    def _next(self, i: int) -> str:
        return next((x.strip() for x in self.lines[i + 1 : i + 3] if x.strip() and x != BREAK), "")

    def expected_agreement(self, number: str) -> bool:
        if self.current is None:
            return False
        if self.last_number is None:
            theme = self.current.number
            firsts = {"1", "1.1", "1.1.1", "1a", "A1", "A.1", "a"}
            return number in firsts or number in {f"{theme}.1", f"{theme}a", f"{theme}.a", f"{theme}1"}
        return number in self.successors(self.last_number)

    def successors(self, last: str) -> set[str]:
        theme = self.current.number if self.current else ""
        first_here = not self.current.agreements if self.current else False
        return numbering.successors(last, theme, first_here, self.max_number)

    def try_agreement(self, i: int, line: str) -> bool:
        number, rest, explicit = None, "", False
        if m := AGREEMENT_WORD.match(line):
            number, rest, explicit = m.group(1), m.group(2), True
        elif found := numbering.item(line):
            number, rest = found
        if number is not None:
            if self.current is None:
                return False
            if not explicit and (self.enumerating or not self.expected_agreement(number)):
                return False
            if not explicit and not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "‘'\"“€("):
                return False
            if re.search(r"\bvertegenwoordigd\s+door\b", rest):
                return False  # "2. Woonstichting X, vertegenwoordigd door ...": a signing list, not an agreement
            self.start_agreement(i, number, rest)
            return True
        m = BULLET.match(line)
        if m and not re.search(r"[^\W\d_]", m.group(2)):
            return False  # "– – 15": a matrix's empty cells and a figure, not a bullet
        opens = self.agreement is None or self.agreement.bullet
        if m and self.current is not None and self.mode == "agreements" and self.bullets_are_agreements and opens:
            count = sum(1 for a in self.current.agreements if a.bullet)
            self.start_agreement(i, f"#{count + 1}", m.group(2), bullet=True)
            return True
        return False

    def start_agreement(self, i: int, number: str, rest: str, bullet: bool = False) -> None:
        self.end_agreement()
        assert self.current is not None
        if self.mode not in ("agreements",):
            self.mode = "agreements"
        self.agreement = Afspraak(number, self.section, self.section_parties, i, [(i, rest)], bullet=bullet)
        self.agreement.by_heading = bullet and self.party_heading
        self.current.agreements.append(self.agreement)
        if not bullet:
            self.last_number = number
            if number.isdigit():
                self.max_number = max(int(number), self.max_number or 0)
        self.bullets_are_agreements = bullet or self.bullets_are_agreements and not self.current.agreements[:-1]

    def end_agreement(self) -> None:
        self.agreement = None


def parse(lines: list[str], party_aliases: dict[str, str], check=None, type_=None, titles=frozenset()) -> Structure:
    return finish(Parser(lines, party_aliases, type_, titles).parse(check), party_aliases, lines)


def finish(structure: Structure, party_aliases: dict[str, str], lines: list[str]) -> Structure:
    """After either reading: titles where the document titles its agreements, responsibility written inside
    the text, numbers unique in the set."""
    theme_levels.leaves_as_agreements(structure)
    agreements = [a for chapter in structure.chapters for a in chapter.agreements]
    titled = [a for a in agreements if _title_of(a)[0]]
    # Titles are a habit of a whole document: a stray short first line in a document without them is text.
    if agreements and len(titled) >= 0.5 * len(agreements):
        for agreement in titled:
            agreement.title, k = _title_of(agreement)
            agreement.lines = agreement.lines[k:]
    for agreement in agreements:
        numbering.inline_lead(agreement, party_aliases)
    theme_levels.frame_holds_none(structure)
    theme_levels.up_a_level(structure, lines)
    _renumber(structure)
    return structure


def parse_outline(lines: list[str], party_aliases: dict[str, str], type_=None) -> Structure:
    """The structure-first reading (outline.py), finished as the line reading is."""
    from . import outline

    return finish(
        outline.read(lines, Parser(lines, party_aliases, type_).parties_in, party_aliases, type_),
        party_aliases,
        lines,
    )


def parse_shapes(lines: list[str], party_aliases: dict[str, str], type_=None) -> Structure:
    """The shape reading (shape_reading.py, docs/adr/0195), finished as the other readings are."""
    from . import shape_reading

    parties_in = Parser(lines, party_aliases).parties_in
    return finish(shape_reading.read(lines, parties_in, party_aliases, type_), party_aliases, lines)
