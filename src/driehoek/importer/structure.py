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
from dataclasses import dataclass, field

from .extract import BREAK
from .parties import GROUP_WORDS

HEADING_WORD = re.compile(r"^(?:thema|hoofdstuk|deel)\s+(\d{1,2}(?:\.\d{1,2})*)\s*[:.\-–]?\s*(.*)$", re.I)
THEME_COLON = re.compile(r"^thema\s*[:\-–]\s*(.+)$|^(?:Thema|THEMA)\s+([A-Z][^\s:]*(?:\s+[^\s:]+){0,4})$")
NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,2}){0,2})([.)]?)\s+(\S.*)$")
AGREEMENT_WORD = re.compile(
    r"^(?:Afspraak|AFSPRAAK)\s+([A-Z]?\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?)(?![,;)])\s*[:.\-–]?\s*(.*)$"
)
BULLET = re.compile(r"^([•●○▪■◦➔➢►✓·](?=\s*\S)|[–\-*](?=\s))\s*(\S.*)$")
DOEL = re.compile(r"^((?:Doel|DOEL|Ambitie|Opgave)(?:stelling)?)\s*:\s*(.*)$")
RICHTINGEN = re.compile(
    r"^((?:Richtingen|Uitgangspunt(?:en)?|Uitgangspunten en doelen|Principes|Speerpunten|Wat we willen bereiken)|"
    r"(?:RICHTINGEN|UITGANGSPUNT(?:EN)?))\s*:?\s*(.*)$"
)
LOPEND = re.compile(
    r"^((?i:dit doen we al)\b.*|(?:Door)?(?:L|l)opende (?:afspraken|activiteiten|inzet).*|Bestaande afspraken.*|"
    r"Dit loopt al.*|Wat we al doen.*|DIT DOEN WE AL.*)$"
)
SECTION = re.compile(
    r"^(?:(?:gezamenlijke|onze|concrete|nieuwe|overige)\s+)?(?:afspraken|prestaties|uitvoeringsafspraken|inzet|"
    r"bijdrage|acties|activiteiten)\b|^gezamenlijk\b|^doorkijk\b|^vooruitblik\b|^wat (?:we|wij) afspreken\b"
    r"|^afspraken (?:met|van|voor)\b",
    re.I,
)
# "Trekker: corporaties, gemeente", "Verantwoordelijk: Graanhof", "Wie: alle partijen": who carries the agreement.
RESPONSIBLE = re.compile(
    r"^(?:Trekkers?|Verantwoordelijke?(?:\s+partij(?:en)?)?|Wie|Actiehouders?|Uitvoerders?|Eigenaar)\s*:\s*(\S.{0,200})$",
    re.I,
)
YEAR_TAIL = re.compile(r"\s*\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*\.?$")
SENTENCE_END = (".", ",", ";", ":", "!", "?")


@dataclass
class Afspraak:
    number: str
    section: str
    section_parties: list[str]
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line index, text); the first is the opening
    title: str = ""
    bullet: bool = False
    lead: str = ""  # a responsibility line ("Trekker: gemeente"): the parties it names are responsible
    by_heading: bool = False  # a bullet under a party heading ("Wat doet de gemeente:"): those parties

    @property
    def end(self) -> int:
        return self.lines[-1][0] if self.lines else self.start


@dataclass
class Hoofdstuk:
    number: str
    title: str
    start: int
    placeholder: bool = False
    doel: list[str] = field(default_factory=list)
    richtingen_label: str = ""
    richtingen: list[list[str]] = field(default_factory=list)
    lopende: list[list[str]] = field(default_factory=list)
    intro: list[tuple[int, str]] = field(default_factory=list)
    agreements: list[Afspraak] = field(default_factory=list)
    loose: list[tuple[int, str]] = field(default_factory=list)  # text after the last list: a next theme's intro?


@dataclass
class Structure:
    chapters: list[Hoofdstuk]
    double_spaced: bool
    notes: list[str] = field(default_factory=list)

    @property
    def themes(self) -> list[Hoofdstuk]:
        return [c for c in self.chapters if c.agreements]


def is_heading_title(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 10 or len(title) > 90:
        return False
    if title.rstrip("*").endswith(SENTENCE_END[1:]) or not (title[0].isupper() or title[0].isdigit()):
        return False
    return not re.search(r"[.;!?]\s", title)


def is_caps(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


class Parser:
    def __init__(self, lines: list[str], party_aliases: dict[str, str]):
        self.lines = lines
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
        if self.agreement is not None and (m := RESPONSIBLE.match(line)):
            self.agreement.lead = m.group(1).strip().rstrip(".")
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
            self.party_heading = line.endswith((":", "?")) or bool(re.match(r"(?i)(?:wat|dit)\s+(?:doen|doet)\b", line))
            self.mode = "agreements"
            self.bullets_are_agreements = True
        else:
            self.text(i, line)
        self.since_break = False

    def try_heading(self, i: int, line: str) -> bool:
        number, title = None, None
        if m := HEADING_WORD.match(line):
            number, title = m.group(1), m.group(2).strip() or m.group(1)
        elif (m := THEME_COLON.match(line)) and not re.search(r"(?i)\bafspraak\b|\bindicator", line):
            number, title = str(len([c for c in self.chapters if c.number]) + 1), (m.group(1) or m.group(2)).strip()
        elif (m := NUMBERED.match(line)) and is_heading_title(m.group(3)):
            candidate, title = m.group(1), m.group(3).strip()
            if not is_caps(title):
                # "2. Woonborg, rechtsgeldig vertegenwoordigd door ... E." is a list item, not a heading.
                if (
                    ("," in title and not self.opens_theme(i))
                    or title.endswith(".")
                    or not self.expected_heading(candidate)
                ):
                    return False
                if self.expected_agreement(candidate) and not (self.sub_heading(candidate) or self.opens_theme(i)):
                    return False
            number = candidate
        elif is_caps(line) and len(line.split()) <= 6 and not line.endswith(SENTENCE_END[1:]):
            if self.mode == "lopende" and BULLET.match(line):
                return False
            number, title = "", line.rstrip("*").strip()
        elif (
            is_heading_title(line)
            and len(line.split()) <= 6
            and not line.endswith(":")
            and (self.goal_follows(i) or self.after_blanks >= 2 and self.mode == "agreements")
            and not self.is_section(line)
        ):
            number, title = "", line  # "Beschikbaarheid" over its "Doel: ..." paragraph
        else:
            return False
        self.heading(i, number, title.rstrip("*").strip())
        return True

    def expected_heading(self, number: str) -> bool:
        numbered = [c.number for c in self.chapters if c.number]
        if not numbered:
            return number in ("0", "1", "1.1")
        last = numbered[-1]
        parts, last_parts = number.split("."), last.split(".")
        if len(parts) == 1:
            return int(parts[0]) == int(last_parts[0]) + 1 or int(parts[0]) == int(last_parts[0]) + 2
        if parts[:-1] == last_parts[:-1]:
            return int(parts[-1]) == int(last_parts[-1]) + 1
        return parts[:-1] == last_parts and parts[-1] == "1"

    def opens_theme(self, i: int) -> bool:
        """What follows a line tells a heading from an agreement: a goal, principles, a section, or a new "1."."""
        for line in self.lines[i + 1 : i + 6]:
            line = line.strip()
            if not line or line == BREAK:
                continue
            numbered = NUMBERED.match(line)
            return bool(
                DOEL.match(line)
                or RICHTINGEN.match(line)
                or LOPEND.match(line)
                or (self.is_section(line) and not numbered)
                or (numbered and numbered.group(1) in ("1", "1.1"))
            )
        return False

    def goal_follows(self, i: int) -> bool:
        nxt = next((line.strip() for line in self.lines[i + 1 : i + 4] if line.strip() and line != BREAK), "")
        return DOEL.match(nxt) is not None

    def sub_heading(self, number: str) -> bool:
        """ "4.1" right under chapter "4", before any agreement or agreements heading, opens a sub-chapter."""
        cur = self.current
        return (
            cur is not None
            and not cur.placeholder
            and number.rsplit(".", 1)[0] == cur.number
            and not cur.agreements
            and self.mode != "agreements"
        )

    def heading(self, i: int, number: str, title: str) -> None:
        cur = self.current
        if cur is not None and number and number == cur.number and not cur.placeholder:
            return  # a running header repeating the chapter
        if cur is not None and cur.placeholder and len(cur.agreements) <= 1:
            # The side bar's heading of the theme we are in; an agreement it interrupted goes on.
            cur.number, cur.title, cur.placeholder = number, title, False
            return
        self.end_agreement()
        self.current = Hoofdstuk(number=number, title=title, start=i)
        self.chapters.append(self.current)
        self.mode, self.section, self.section_parties, self.party_heading = "text", "", [], False
        self.bullets_are_agreements = RICHTINGEN.match(title) is None and SECTION.match(title) is not None

    def expected_agreement(self, number: str) -> bool:
        if self.current is None:
            return False
        if self.last_number is None:
            return number in ("1", "1.1") or number == f"{self.current.number}.1" or number == "1.1.1"
        return number in self.successors(self.last_number)

    def successors(self, last: str) -> set[str]:
        parts = last.split(".")
        nxt = {".".join([*parts[:-1], str(int(re.sub(r"\D", "", parts[-1]) or 0) + 1)])}
        if self.max_number is not None:
            nxt.add(str(self.max_number + 1))  # a stray number in between does not break the sequence
        theme = self.current.number if self.current else ""
        first_here = not self.current.agreements if self.current else False
        if first_here:
            nxt |= {"1", f"{theme}.1", "1.1"}
            if len(parts) > 1:
                nxt.add(f"{int(parts[0]) + 1}.1")
        return nxt

    def try_agreement(self, i: int, line: str) -> bool:
        number, rest, explicit = None, "", False
        if m := AGREEMENT_WORD.match(line):
            number, rest, explicit = m.group(1), m.group(2), True
        elif m := NUMBERED.match(line):
            number, rest = m.group(1), m.group(3)
        if number is not None:
            if self.current is None:
                return False
            if not explicit and not self.expected_agreement(number):
                return False
            if not explicit and not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "‘'\"“€("):
                return False
            self.start_agreement(i, number, rest)
            return True
        m = BULLET.match(line)
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

    def label(self, i: int, kind: str, word: str, rest: str) -> None:
        self.end_agreement()
        cur = self.current
        stale = cur is None or cur.agreements or cur.lopende or (kind == "richtingen" and cur.richtingen_label)
        stale = stale or (kind == "doel" and cur.doel) or self._heading_is_far(i)
        if stale:
            self.new_placeholder(i)
            cur = self.current
        assert cur is not None
        self.mode = kind
        if kind == "doel":
            cur.doel.append(rest) if rest else None
        else:
            cur.richtingen_label = word.capitalize()
            if rest:
                cur.richtingen.append([rest])
        self.section, self.section_parties = "", []

    def _heading_is_far(self, i: int) -> bool:
        cur = self.current
        if cur is None or cur.placeholder:
            return False
        between = self.lines[cur.start : i]
        return BREAK in between or sum(1 for line in between if line.strip()) > 60

    def new_placeholder(self, i: int) -> None:
        """Principles after a theme's agreements: a new theme whose heading is still to come."""
        previous = self.current
        theme = Hoofdstuk(number="", title="", start=i, placeholder=True)
        if previous is not None:
            theme.intro = previous.loose
            previous.loose = []
            last = previous.agreements[-1] if previous.agreements else None
            if last is not None:
                theme.intro = self._steal_tail(last) + theme.intro
            elif not previous.lopende:
                # The introduction starts on the page where the principles are.
                breaks = [k for k in range(previous.start, i) if self.lines[k] == BREAK]
                cut = breaks[-1] if breaks else i
                theme.intro = [(k, text) for k, text in previous.intro if k > cut]
                previous.intro = [(k, text) for k, text in previous.intro if k <= cut]
        self.chapters.append(theme)
        self.current = theme

    def _steal_tail(self, agreement: Afspraak) -> list[tuple[int, str]]:
        bullets = [k for k, (_i, text) in enumerate(agreement.lines) if BULLET.match(text)]
        if not bullets or bullets[-1] == len(agreement.lines) - 1 or bullets[-1] < 2:
            return []
        tail = agreement.lines[bullets[-1] + 1 :]
        if not tail[0][1][:1].isupper():
            return []
        del agreement.lines[bullets[-1] + 1 :]
        return tail

    def text(self, i: int, line: str) -> None:
        cur = self.current
        if cur is None:
            return
        bullet = BULLET.match(line)
        if self.mode == "lopende":
            if bullet:
                cur.lopende.append([bullet.group(2)])
                return
            if (
                cur.lopende
                and not self.since_break
                and (line[:1].islower() or not cur.lopende[-1][-1].endswith((".", "!", "?", ":")))
            ):
                cur.lopende[-1].append(line)
                return
            if line[:1].islower() and cur.agreements:
                # The page flow put the rest of the last agreement after the list.
                self.mode, self.agreement = "agreements", cur.agreements[-1]
                self.agreement.lines.append((i, line))
                return
            self.mode = "text"
            cur.loose.append((i, line))
            return
        if self.mode == "agreements" and self.agreement is not None:
            self.agreement.lines.append((i, line))
            return
        if self.mode == "doel":
            cur.doel.append(line)
            return
        if self.mode == "richtingen":
            if bullet or not cur.richtingen:
                cur.richtingen.append([bullet.group(2) if bullet else line])
            else:
                cur.richtingen[-1].append(line)
            return
        if cur.agreements or cur.lopende:
            cur.loose.append((i, line))
        else:
            cur.intro.append((i, line))

    def is_section(self, line: str) -> bool:
        if self.current is None or len(line.split()) > 9 or line.endswith((",", ";")):
            return False
        core = YEAR_TAIL.sub("", line).rstrip(" .:?")
        if not core or not core[0].isupper() or re.search(r"[.;!?]\s", core):
            return False
        if re.search(r"(?i)\b(?:de|het|en|of|van|voor|met)$", core) or self._continues_a_sentence():
            return False  # a sentence broken over lines, not a heading
        if SECTION.match(core):
            return True
        # A heading made of party names only: "De Volmacht en Woonborg 2022", "Wat doet de gemeente:",
        # "Dit doen de corporaties", "Wat doen we samen?". A sentence's last line ("... Zuidrand.") is not one.
        if line.endswith("."):
            return False
        rest = re.sub(r"(?i)^(?:wat|dit)\s+(?:doen|doet)\b|\b(?:samen|we|wij)\b|\bdoen\b|\bdoet\b", " ", core)
        for alias in sorted(self.aliases, key=len, reverse=True):
            rest = re.sub(rf"(?i)\b{re.escape(alias)}\b", " ", rest)
        for words in GROUP_WORDS.values():  # "Corporaties", "Gemeente en huurdersorganisaties"
            rest = re.sub(rf"(?i)(?<![\w-])(?:{words})(?![\w-])", " ", rest)
        return rest != core and not re.sub(r"(?i)\b(en|de|het|van|voor|,|&)\b|[,&]", " ", rest).strip()

    def _continues_a_sentence(self) -> bool:
        """ "... betrekt de huurdersverenigingen van De" + "Deelmacht en AH Woon." is one sentence."""
        for line in reversed(self.lines[max(0, self.index - 4) : self.index]):
            line = line.strip()
            if line and line != BREAK:
                return (
                    line.endswith(",")
                    or re.search(
                        r"(?i)\b(?:de|het|een|en|of|van|voor|met|aan|bij|in|op|te|door|naar|om|dat|die)$", line
                    )
                    is not None
                )
        return False

    def parties_in(self, text: str) -> list[str]:
        found: dict[str, int] = {}
        for alias in sorted(self.aliases, key=len, reverse=True):
            if m := re.search(rf"(?i)\b{re.escape(alias)}\b", text):
                name = self.aliases[alias]
                found[name] = min(found.get(name, m.start()), m.start())
        return sorted(found, key=found.get)


def parse(lines: list[str], party_aliases: dict[str, str], check=None) -> Structure:
    structure = Parser(lines, party_aliases).parse(check)
    agreements = [a for chapter in structure.chapters for a in chapter.agreements]
    titled = [a for a in agreements if _title_of(a)[0]]
    # Titles are a habit of a whole document: a stray short first line in a document without them is text.
    if agreements and len(titled) >= 0.5 * len(agreements):
        for agreement in titled:
            agreement.title, k = _title_of(agreement)
            agreement.lines = agreement.lines[k:]
    _renumber(structure)
    return structure


def _title_of(agreement: Afspraak) -> tuple[str, int]:
    """A short first line without a full stop, followed by a new sentence, is the agreement's title."""
    if agreement.bullet or len(agreement.lines) < 2:
        return "", 0
    block, k = [agreement.lines[0][1]], 1
    while (
        k < len(agreement.lines) and (agreement.lines[k][1][:1].islower() or agreement.lines[k][1][:1] == "(") and k < 3
    ):
        block.append(agreement.lines[k][1])
        k += 1
    title = " ".join(block).strip()
    if k >= len(agreement.lines) or not title:
        return "", 0
    nxt = agreement.lines[k][1]
    if (
        len(title.split()) <= 22
        and not title.endswith(SENTENCE_END)
        and not re.search(r"[.;!?]\s", title)
        and (nxt[:1].isupper() or BULLET.match(nxt))
    ):
        return title, k
    return "", 0


def _renumber(structure: Structure) -> None:
    """Numbers must be unique in a set: numbering that restarts per theme gets the theme's number in front."""
    themes = structure.themes
    seen, clash = set(), False
    for theme in themes:
        for a in theme.agreements:
            if not a.number.startswith("#"):
                clash |= a.number in seen
                seen.add(a.number)
    for t_index, theme in enumerate(themes, start=1):
        prefix = theme.number or str(t_index)
        for a in theme.agreements:
            if a.number.startswith("#"):
                a.number = f"{prefix}.{a.number[1:]}" if len(themes) > 1 else a.number[1:]
            elif clash and "." not in a.number:
                a.number = f"{prefix}.{a.number}"
    if clash:
        structure.notes.append("restart")
    # Whatever the document did, a number stands once in a set: a repeat gets a letter (7, 7b, 7c).
    used: set[str] = set()
    for theme in themes:
        for a in theme.agreements:
            number, letter = a.number, "b"
            while number in used:
                number = f"{a.number}{letter}"
                letter = chr(ord(letter) + 1)
            a.number = number
            used.add(number)
