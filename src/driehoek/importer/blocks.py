"""A document's blocks (the first step of the structure-first reading, outline.py): every clean line
becomes a heading (numbered, named "Thema 2", in Roman numerals, in capitals, set larger or bold in a PDF, or
a short title over a paragraph, a goal or a list), a list item (a number in any scheme, a label "Afspraak 4",
a bullet), a lead-in (a short line ending in ":" or "?", or stopping mid-sentence over a list), a
responsibility line ("Trekker: ..."), a label (principles, ongoing commitments), or text; a line that goes on
with the block before it (a wrapped sentence, a field "Wanneer: 2028") joins that block."""

import re
from dataclasses import dataclass, field

from . import numbering
from .extract import BREAK
from .headings import ROMAN
from .line_marks import roman_value
from .shapes import (
    AGREEMENT_WORD,
    BULLET,
    DOEL,
    HEADING_WORD,
    LOPEND,
    RESPONSIBLE,
    RICHTINGEN,
    THEME_COLON,
    double_spaced,
    is_caps,
    is_heading_title,
    wraps_names,
)

UNNUMBERED = 5  # the level of an unnumbered heading: below every numbered one
LABEL = 9  # a heading whose title recurs: a label inside a theme
# A line that stops mid-sentence: the list below goes on with it.
OPEN_END = r"(?i)\b(?:de|het|een|en|of|van|voor|met|aan|bij|in|op|te|door|naar|om|dat|die|zich)$"
FIELD = re.compile(r"^[A-Z][\w/ ]{1,25}:\s+\S")  # "Wanneer: 2028", "Toelichting: ..."
LETTERED = re.compile(r"^[a-z][.)]\s+([A-Z].*)$")
NOT_AGREEMENTS = (RICHTINGEN, LOPEND)  # principles, ongoing commitments: their bullets are no agreements


@dataclass
class Block:
    kind: str  # heading, item, lead_in, responsible, label, text
    index: int
    text: str
    level: int = 0
    number: str = ""
    scheme: str = ""  # an item's kind: the shape of its number ("9.9", "9a"), "label" or "bullet"
    lines: list[tuple[int, str]] = field(default_factory=list)
    lead: str = ""
    in_sentence: bool = False  # an enumeration inside a sentence ("... de volgende documenten:")


def _shape(number: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d+", "9", number)))


def _depth(number: str) -> int:
    return number.count(".") + 1 if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", number) else UNNUMBERED


def _sentence_like(text: str) -> bool:
    return text.endswith((".", ";", ",")) or len(text.split()) > 10 or bool(re.search(r"[.;!?]\s", text))


def blocks(lines: list[str], type_=None) -> list[Block]:
    """The document's blocks, in order; continuation lines join the block they continue."""
    out: list[Block] = []
    previous_blank = True
    last_item = ""  # the number of the last numbered item
    last_heading = ""  # the number of the last numbered heading
    caps = _chapters_in_capitals(lines)
    # In a double-spaced text (a blank line after nearly every line) one blank line sets nothing apart.
    apart = 2 if double_spaced(lines) else 1
    blanks = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        if line == BREAK:
            previous_blank, blanks = True, apart
            continue
        if not line:
            blanks += 1
            previous_blank = blanks >= apart
            continue
        blanks = 0
        nxt = next((x.strip() for x in lines[i + 1 : i + 3] if x.strip() and x != BREAK), "")
        last = out[-1] if out else None
        block = _classify(i, line, nxt, previous_blank, last, type_, (last_item, last_heading, caps))
        previous_blank = False
        if block is not None and block.kind == "item" and block.scheme != "bullet":
            last_item = block.number
        elif block is not None and block.kind == "heading":
            last_item, last_heading = "", block.number or last_heading
        if block is None:
            if out:
                out[-1].lines.append((i, line))
            continue
        if block.kind == "text" and _label_alone(out):
            # "Resultaat 2.1" alone, "Wie: X" under it, then the text: the text is the item's, X its lead.
            item = out[-2]
            item.lead, item.text = out.pop().lead, block.text
            item.lines = [(k, t) for k, t in item.lines if t.strip()] + block.lines
            continue
        out.append(block)
    _formula_items(out)
    return out


def _chapters_in_capitals(lines: list[str]) -> bool:
    """Three or more chapters numbered in capitals ("3. BESCHIKBAARHEID"): the document's chapter style."""
    count = 0
    for line in lines:
        m = re.match(r"^\s*\d{1,2}\.?\s+(\S.*)$", line)
        count += bool(m and is_caps(m.group(1)) and len(m.group(1).split()) <= 8)
        if count >= 3:
            return True
    return False


def _label_alone(out: list[Block]) -> bool:
    """The last blocks are an item without words ("Afspraak 4", "Resultaat 2.1") and a responsibility line."""
    return (
        len(out) >= 2
        and out[-1].kind == "responsible"
        and out[-2].kind == "item"
        and not any(t.strip() for _k, t in out[-2].lines)
    )


def _formula_items(out: list[Block]) -> None:
    """Paragraphs that open with the same words under two or more headings ("Wij spreken af dat ...",
    "Partijen spreken af ...") are a list without numbers or bullets: items, as bullets are. Not a label
    ("Stand van zaken: ...") or a question ("Wat willen we bereiken? ..."): the opening goes on as a sentence."""
    openings: dict[str, list[tuple[Block, int]]] = {}
    heading = -1
    for b in out:
        if b.kind == "heading":
            heading = b.index
        elif b.kind == "text" and heading >= 0:
            first = re.split(r"[.:?!;]", " ".join(t for _i, t in b.lines), maxsplit=1)[0].split()
            if len(first) >= 6 and first[0][:1].isupper():
                openings.setdefault(" ".join(first[:3]).lower(), []).append((b, heading))
    for found in openings.values():
        if len(found) >= 4 and len({h for _b, h in found}) >= 2:
            for b, _h in found:
                b.kind, b.scheme = "item", "formula"


def _classify(
    i: int, line: str, nxt: str, after_blank: bool, last: Block | None, type_, numbers: tuple[str, str, bool]
) -> Block | None:
    larger = type_ is not None and type_.larger(line)
    bold = type_ is not None and type_.bold(line)
    unfinished = last is not None and last.kind in ("text", "item") and not _ends(last)
    # A sentence runs on over a line end, and over a blank line (a column break) where it goes on in lower case.
    open_sentence = unfinished and (not after_blank or line[:1].islower())
    if m := RESPONSIBLE.match(line):
        return Block("responsible", i, line, lead=m.group(1).strip().rstrip("."))
    if last is not None and last.kind == "responsible" and not after_blank and wraps_names(last.lead, line, nxt):
        last.lead = f"{last.lead} {line}"  # "Partijen: gemeente, X, HBV" + "Noord"
        return None
    wrapped = len(line.split()) <= 5 and not re.search(r"[.:;]$", line) and not after_blank
    if wrapped and last is not None and last.kind == "heading" and re.search(OPEN_END, last.text):
        last.text = f"{last.text} {line}"  # "Leefbaarheid en" + "bewonersinvloed": a heading wrapped
        return None
    if re.fullmatch(r"\(.*\)\.?", line) and last is not None and last.kind in ("text", "item") and not after_blank:
        return None  # "(gemeente, X)" under a paragraph: the end of it
    if any(r.match(line) for r in NOT_AGREEMENTS) and len(line.split()) <= 14:
        return Block("label", i, line, lines=[(i, line)])
    if DOEL.match(line):
        return Block("text", i, line, lines=[(i, line)])  # a goal: a paragraph
    if (m := ROMAN.match(line)) and is_heading_title(m.group(2)) and not _sentence_like(m.group(2)):
        return Block("heading", i, m.group(2).strip(), level=1, number=str(roman_value(m.group(1))))
    if m := HEADING_WORD.match(line):
        return Block("heading", i, (m.group(2) or m.group(1)).strip(), level=_depth(m.group(1)), number=m.group(1))
    if (m := THEME_COLON.match(line)) and not re.search(r"(?i)\bafspraak\b|\bindicator", line):
        return Block("heading", i, (m.group(1) or m.group(2)).strip(), level=1)
    if m := AGREEMENT_WORD.match(line):
        return Block("item", i, m.group(2), number=m.group(1), scheme="label", lines=[(i, m.group(2))])
    if found := numbering.item(line):
        number, rest = found
        follows = (
            last is not None and last.kind == "item" and number in numbering.successors(last.number, "", True, None)
        )
        last_item, last_heading, caps = numbers
        continues = bool(last_item) and number in numbering.successors(last_item, "", False, None)
        # "4.5 Wonen" ... "4.6 Kleine kernen": the next part's heading, however the text before it ended.
        sibling = "." in number and bool(last_heading) and number in numbering.successors(last_heading, "", False, None)
        sibling = sibling and is_heading_title(rest) and not _sentence_like(rest)
        # "17." over bullets without a full stop, then "18.": the list goes on after them.
        after_bullets = continues and last is not None and last.scheme == "bullet"
        # Where chapters are numbered in capitals, "5. DUURZAAMHEID" is one even inside a sentence (a side bar).
        chapter = caps and is_caps(rest) and "." not in number.rstrip(".")
        if open_sentence and not (follows or sibling or after_bullets or chapter):
            return None  # "... circa" + "40 flexwoningen": a number that goes on with the sentence
        # "3 De gemeente bouwt" + "woningen ...", "9. X houdt ten minste" + "4 avonden ...": an item, wrapped.
        wraps = bool(nxt[:1].islower() or re.match(r"\d[\d.,]*\s+[a-z]", nxt)) and len(rest.split()) >= 3
        heading = is_heading_title(rest) and not _sentence_like(rest) and not (wraps and not is_caps(rest))
        heading = heading and not (continues and not (caps and is_caps(rest)))  # a capital chapter stays one
        # Where the chapters are numbered in capitals ("3. BESCHIKBAARHEID"), "7. Woningen verduurzamen" is an item.
        heading = heading and not (caps and "." not in number.rstrip(".") and not is_caps(rest) and not larger)
        if heading and (larger or bold or re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", number)) and len(rest.split()) <= 8:
            return Block("heading", i, rest.rstrip("*").strip(), level=_depth(number), number=number)
        return Block("item", i, rest, number=number, scheme=_shape(number), lines=[(i, rest)])
    if m := BULLET.match(line):
        if not re.search(r"[^\W\d_]", m.group(2)):
            return None
        return Block("item", i, m.group(2), scheme="bullet", lines=[(i, m.group(2))])
    if open_sentence:
        return None  # the rest of a sentence
    if FIELD.match(line) and last is not None and last.kind == "item":
        return None  # "Wanneer: 2028", "Toelichting: ...": a field of the item above
    short = len(line.split()) <= 12 and len(line) <= 110
    if short and line.endswith((":", "?")) and line[:1].isupper():
        return Block("lead_in", i, line.rstrip(":?").strip())
    if short and line[:1].isupper() and re.search(OPEN_END, line) and BULLET.match(nxt):
        return Block("lead_in", i, line)  # "De gemeente zet in op" + its bullets: one sentence
    if (m := LETTERED.match(line)) and is_heading_title(m.group(1)) and not _sentence_like(m.group(1)):
        return Block("heading", i, m.group(1), level=UNNUMBERED + 1)  # "a. Nieuwbouw": a part of a theme
    title = (
        is_heading_title(line) and len(line.split()) <= 8 and not line.endswith((":", ".")) and not nxt[:1].islower()
    )
    lead_in_next = nxt.endswith((":", "?")) and len(nxt.split()) <= 12  # "Nieuwbouw" over "Wat doet de gemeente?"
    opens = bool(
        DOEL.match(nxt) or BULLET.match(nxt) or numbering.item(nxt) or AGREEMENT_WORD.match(nxt) or lead_in_next
    )
    # "Afspraken" + "Een thuis ...", "Afspraken" + "5. Voldoende woningen ...": a heading under a heading.
    under_heading = last is not None and last.kind == "heading" and (nxt[:1].isupper() or nxt[:1].isdigit())
    if title and (
        larger or is_caps(line) or bold or after_blank or under_heading or (last is not None and _ends(last) and opens)
    ):
        return Block("heading", i, line.rstrip("*").strip(), level=UNNUMBERED)
    if last is not None and last.kind == "item" and not after_blank:
        return None  # the rest of an item
    return Block("text", i, line, lines=[(i, line)])


def _ends(block: Block) -> bool:
    last = block.lines[-1][1] if block.lines else ""
    if FIELD.match(last) and len(last.split()) <= 7 and not re.search(OPEN_END, last):
        return True  # "Looptijd: 2026", "Wanneer: eind 2028": a short field line closes its item
    text = " ".join(t for _i, t in block.lines[-2:]) if block.lines else block.text
    # "... in 2026. (gemeente)": a sentence ended, and the brackets after it.
    return bool(re.search(r"[.!?:;]\)?$|[.!?]\s*\([^()]*\)$", text))
