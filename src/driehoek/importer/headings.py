"""Headings: numbered ("4.1 Betaalbaarheid", "3. BESCHIKBAARHEID"), named ("Thema 2: Duurzaamheid",
"Hoofdstuk 5 ..."), a short line in capitals, or a short title over its "Doel:" paragraph. Mixed into
the structure reader (structure.Parser), whose state they read."""

import re

from . import numbering
from .extract import BREAK
from .line_marks import roman_value
from .shapes import (
    AGREEMENT_WORD,
    BULLET,
    DOEL,
    FRAME,
    HEADING_WORD,
    LOPEND,
    NUMBERED,
    RESPONSIBLE,
    RICHTINGEN,
    SECTION,
    SENTENCE_END,
    THEME_COLON,
    Hoofdstuk,
    comma_list,
    is_caps,
    is_heading_title,
)

# Chapters numbered in Roman numerals: "II. Betaalbaarheid", "Hoofdstuk III Duurzaamheid".
# An annex's heading, numbered or not: "Bijlage Stand van de afspraken", "BIJLAGE 2: Monitoring".
ANNEX = re.compile(r"^(?:Bijlagen?|BIJLAGEN?)\b")
ROMAN = re.compile(r"^(?:(?:Hoofdstuk|Deel|HOOFDSTUK)\s+)?([IVX]{1,5})[.):]?\s+(\S.*)$")
# Chapters lettered in sequence: "A. Beschikbaarheid", "B. Betaalbaarheid" (a capital and a full stop or bracket).
LETTERED = re.compile(r"^([A-Z])[.)]\s+(\S.*)$")


class HeadingRules:
    roman = 0  # the last Roman chapter number read
    letter = ""  # the last lettered chapter read ("B")

    def roman_next(self, numeral: str) -> bool:
        return roman_value(numeral) == self.roman + 1 and not (self.roman == 0 and any(c.number for c in self.chapters))

    def letter_next(self, letter: str, i: int) -> bool:
        """ "A." opens the lettered chapters, in a document without numbered ones, where it stands apart (a blank
        line or page break above it, or a finished sentence: not an initial, "A. Jansen" in a signing list); then
        each next letter in turn."""
        if self.letter:
            return ord(letter) == ord(self.letter) + 1
        before = next((x.strip() for x in reversed(self.lines[max(0, i - 2) : i]) if x.strip() and x != BREAK), "")
        apart = self.after_blanks >= 1 or self.since_break or before.endswith((".", ":"))
        return letter == "A" and apart and not any(c.number for c in self.chapters)

    def try_heading(self, i: int, line: str) -> bool:
        number, title = None, None
        if (m := ROMAN.match(line)) and is_heading_title(m.group(2)) and self.roman_next(m.group(1)):
            number, title = str(roman_value(m.group(1))), m.group(2).strip()  # "II. Betaalbaarheid" is chapter 2
            self.roman = int(number)
        elif (m := LETTERED.match(line)) and is_heading_title(m.group(2)) and self.letter_next(m.group(1), i):
            number, title = m.group(1), m.group(2).strip()  # "B. Betaalbaarheid" after "A. ..."
            self.letter = number
        elif m := HEADING_WORD.match(line):
            number, title = m.group(1), m.group(2).strip() or m.group(1)
        elif (m := THEME_COLON.match(line)) and not re.search(r"(?i)\bafspraak\b|\bindicator", line):
            number, title = str(len([c for c in self.chapters if c.number]) + 1), (m.group(1) or m.group(2)).strip()
            number = "" if m.group(1) else number  # "thema: X", a table's theme row (table_themes.py): unnumbered
        elif (m := NUMBERED.match(line)) and is_heading_title(m.group(3)):
            candidate, title = m.group(1), m.group(3).strip()
            marked = self.set_larger(line) or (self.set_bold(line) and not self.expected_agreement(candidate))
            if marked and not title.endswith(".") and "," not in title:
                pass  # the PDF's type says heading, where the numbering is ambiguous ("3 Monitoring" after "Thema 5")
            elif FRAME.match(title) and len(title.split()) <= 4 and (self.since_break or self.after_blanks >= 1):
                pass  # "3 Monitoring" standing apart after theme 6: the document's frame goes on, whatever its number
            elif not is_caps(title):
                # "2. Woonstichting X, rechtsgeldig vertegenwoordigd door ... E." is a list item, not a heading.
                if (
                    ("," in title and not (self.opens_theme(i) or self.listing_title(i, title)))
                    or title.endswith(".")
                    or not self.expected_heading(candidate)
                ):
                    return False
                if self.expected_agreement(candidate) and not (self.sub_heading(candidate) or self.opens_theme(i)):
                    return False
            number = candidate
        elif ANNEX.match(line) and is_heading_title(line) and (self.since_break or self.after_blanks >= 1):
            number, title = "", line  # "Bijlage 2 Stand van de afspraken": the frame (shapes.FRAME), no agreements
        elif is_caps(line) and len(line.split()) <= 6 and not line.endswith(SENTENCE_END[1:]):
            if self.mode == "lopende" and BULLET.match(line):
                return False
            number, title = "", line.rstrip("*").strip()
        elif (
            is_heading_title(line)
            and len(line.split()) <= 6
            and not line.endswith(":")
            and (self.goal_follows(i) or self.after_blanks >= 2 and self.mode == "agreements" or self.over_intro(i))
            and not self.is_section(line)
        ):
            number, title = "", line  # "Beschikbaarheid" over its "Doel: ..." paragraph
        elif (
            self.agreement is not None
            and self.plain_title(line)
            and (
                self.set_larger(line)
                or self.set_bold(line)
                or self.title_between_paragraphs(i, line)
                or " ".join(line.split()) in self.titles  # the document's contents page lists it: a heading
            )
        ):
            # "Ondertekening" set larger or bold in a PDF, or a title between paragraphs: the agreement has
            # ended. Without a number or a goal under it, it need not be a theme (a title page, "Partijen").
            self.end_agreement()
            self.mode = "text"
            return True
        else:
            return False
        self.heading(i, number, title.rstrip("*").strip())
        return True

    def set_larger(self, line: str) -> bool:
        return self.type is not None and self.type.larger(line)

    def set_bold(self, line: str) -> bool:
        """Bold from its first to its last letter (a bold number or lead-in alone is not)."""
        return self.type is not None and self.type.bold(line)

    def plain_title(self, line: str) -> bool:
        """A short title that no other rule reads: not a label, a section, an agreement or a sentence. A question
        is one too ("Hoe houden we zicht op de voortgang?")."""
        return (
            is_heading_title(line[:-1] if line.endswith("?") else line)
            and len(line.split()) <= 8
            and not line.endswith(":")
            and not any(r.match(line) for r in (DOEL, RICHTINGEN, LOPEND, NUMBERED, AGREEMENT_WORD, BULLET))
            and not self.is_section(line)
            and not self.next_titled_agreement(line)
        )

    def next_titled_agreement(self, line: str) -> bool:
        """ "2b Betaalbare voorraad" set bold after agreement "2a": the next agreement's title, not a title that
        ends the agreements (a PDF's text layer has no blank line to set it apart)."""
        found = numbering.item(line)
        return found is not None and self.expected_agreement(found[0])

    def title_between_paragraphs(self, i: int, line: str) -> bool:
        """ "Uitvoering en monitoring" after an agreement's last sentence and over a new paragraph: a title
        the text alone shows (few words, no full stop, a sentence ended before it and one starts after it)."""
        before = next((x.strip() for x in reversed(self.lines[max(0, i - 3) : i]) if x.strip() and x != BREAK), "")
        after = next((x.strip() for x in self.lines[i + 1 : i + 3] if x.strip() and x != BREAK), "")
        return (
            len(line.split()) <= (8 if line.endswith("?") else 5)
            and ":" not in line
            and before.endswith(".")
            and len(after.split()) >= 5
            and after[:1].isupper()
            and not any(
                r.match(after) for r in (DOEL, RICHTINGEN, LOPEND, NUMBERED, AGREEMENT_WORD, BULLET, RESPONSIBLE)
            )
        )

    def listing_title(self, i: int, title: str) -> bool:
        """ "4. Wonen, welzijn en zorg": a short title that lists, standing apart (a blank line under it, or in a
        PDF set larger or bold: its text layer has no blank lines), not a party in a list ("2. Woonstichting X,
        vertegenwoordigd door ...")."""
        below = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        marked = self.set_larger(self.lines[i]) or self.set_bold(self.lines[i])
        return comma_list(title) and (not below or marked)

    def expected_heading(self, number: str) -> bool:
        numbered = [c.number for c in self.chapters if c.number]
        if not numbered:
            return number in ("0", "1", "1.1")
        last = numbered[-1]
        parts, last_parts = number.split("."), last.split(".")
        if not all(p.isdigit() for p in parts + last_parts):
            return False  # after a lettered chapter ("Thema A") a number continues no numbering
        if len(parts) == 1:
            return int(parts[0]) == int(last_parts[0]) + 1 or int(parts[0]) == int(last_parts[0]) + 2
        if parts[:-1] == last_parts[:-1]:
            return int(parts[-1]) == int(last_parts[-1]) + 1
        if len(parts) < len(last_parts):  # "2.2" after "2.1.3": up a level, the next there
            k = len(parts)
            return parts[:-1] == last_parts[: k - 1] and int(parts[-1]) == int(last_parts[k - 1]) + 1
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

    def over_intro(self, i: int) -> bool:
        """ "Een thuis voor iedereen" over a paragraph and then agreements (a table's rows, "Afspraak 1"):
        an unnumbered theme heading that its own introduction shows. It stands apart from what precedes
        (a blank line, a page break, a finished sentence or another title)."""
        if not self.plain_title(self.lines[i].strip()) or any(c.number for c in self.chapters):
            return False  # in a document with numbered chapters, the numbers say where a theme starts
        before = next((x.strip() for x in reversed(self.lines[max(0, i - 2) : i]) if x.strip() and x != BREAK), "")
        apart = self.after_blanks >= 1 or self.since_break or before.endswith(".") or SECTION.match(before) is not None
        first = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        if not apart or len(first.split()) < 5 or not first[:1].isupper() or AGREEMENT_WORD.match(first):
            return False
        k = i + 2
        while k < min(len(self.lines), i + 14) and self.lines[k].strip() and self.lines[k] != BREAK:
            if AGREEMENT_WORD.match(self.lines[k].strip()):
                return True  # the agreements follow the paragraph directly
            k += 1
        nxt = next((x.strip() for x in self.lines[k : k + 4] if x.strip() and x != BREAK), "")
        return AGREEMENT_WORD.match(nxt) is not None

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
        same = cur is not None and number and number == cur.number and not cur.placeholder
        marked = self.set_larger(self.lines[i]) or self.set_bold(self.lines[i])
        if same and not (marked and title.lower() != cur.title.lower()):
            return  # a running header repeating the chapter (in a PDF's heading type, another title is another chapter)
        if cur is not None and cur.placeholder and len(cur.agreements) <= 1:
            # The side bar's heading of the theme we are in; an agreement it interrupted goes on.
            cur.number, cur.title, cur.placeholder = number, title, False
            return
        self.end_agreement()
        self.current = Hoofdstuk(number=number, title=title, start=i)
        self.chapters.append(self.current)
        self.mode, self.section, self.section_parties, self.party_heading = "text", "", [], False
        self.bullets_are_agreements = RICHTINGEN.match(title) is None and SECTION.match(title) is not None
