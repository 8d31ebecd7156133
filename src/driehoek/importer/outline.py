"""Structure first: a document read as an outline of blocks, and the agreements mapped from it.

The line reader (structure.py) walks the text with rules per layout. This reader knows no layouts:
1. every clean line becomes a block: a heading (numbered, named "Thema 2", in capitals, set larger or
   bold in a PDF, or a short title over a paragraph or list), a list item (a number in any scheme, a
   label "Afspraak 4", a bullet), a lead-in (a short line ending in ":" or "?"), a responsibility line
   ("Trekker: ..."), or text that continues the block before it;
2. headings nest by level (the depth of their number; unnumbered ones below the numbered); a heading
   whose title recurs ("Afspraken", "Opgave", "Dit doen de corporaties") is a label inside its theme;
3. the themes are the deepest heading level whose headings with items have titles of their own;
4. the agreements are the items under a theme, of one kind per theme (numbered or labelled before
   bullets); a signing list ("vertegenwoordigd door") and an enumeration inside a sentence ("... de
   volgende documenten:") are none;
5. an item's responsible parties come from its responsibility line, else from the nearest lead-in or
   label heading above it that names a party or a group word (gemeente, corporaties, samen, ...).
The result has the line reader's shape (shapes.Structure), so the rest of the pipeline is the same.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from . import numbering
from .extract import BREAK
from .headings import ROMAN, _roman
from .parties import GROUP_WORDS
from .sections import names_only
from .shapes import (
    AGREEMENT_WORD,
    BULLET,
    DOEL,
    HEADING_WORD,
    LOPEND,
    RESPONSIBLE,
    RICHTINGEN,
    THEME_COLON,
    Afspraak,
    Hoofdstuk,
    Structure,
    is_caps,
    is_heading_title,
)

UNNUMBERED = 5  # the level of an unnumbered heading: below every numbered one
LABEL = 9  # a heading whose title recurs: a label inside a theme
# Who together: these words in a lead-in name every party.
TOGETHER = r"samen|gezamenlijk(?:e)?|alle\s+partijen|partijen|we|wij"
# A line that stops mid-sentence: the list below goes on with it.
OPEN_END = r"(?i)\b(?:de|het|een|en|of|van|voor|met|aan|bij|in|op|te|door|naar|om|dat|die|zich)$"
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
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or line == BREAK:
            previous_blank = True
            continue
        nxt = next((x.strip() for x in lines[i + 1 : i + 3] if x.strip() and x != BREAK), "")
        block = _classify(i, line, nxt, previous_blank, out[-1] if out else None, type_, last_item)
        previous_blank = False
        if block is not None and block.kind == "item" and block.scheme != "bullet":
            last_item = block.number
        elif block is not None and block.kind == "heading":
            last_item = ""
        if block is None:
            if out:
                out[-1].lines.append((i, line))
            continue
        out.append(block)
    return out


def _classify(
    i: int, line: str, nxt: str, after_blank: bool, last: Block | None, type_, last_item: str
) -> Block | None:
    larger = type_ is not None and type_.larger(line)
    bold = type_ is not None and type_.bold(line)
    unfinished = last is not None and last.kind in ("text", "item") and not _ends(last)
    # A sentence runs on over a line end, and over a blank line (a column break) where it goes on in lower case.
    open_sentence = unfinished and (not after_blank or line[:1].islower())
    if m := RESPONSIBLE.match(line):
        return Block("responsible", i, line, lead=m.group(1).strip().rstrip("."))
    if any(r.match(line) for r in NOT_AGREEMENTS) and len(line.split()) <= 14:
        return Block("label", i, line, lines=[(i, line)])
    if DOEL.match(line):
        return Block("text", i, line, lines=[(i, line)])  # a goal: a paragraph
    if (m := ROMAN.match(line)) and is_heading_title(m.group(2)) and not _sentence_like(m.group(2)):
        return Block("heading", i, m.group(2).strip(), level=1, number=str(_roman(m.group(1))))
    if m := HEADING_WORD.match(line):
        return Block("heading", i, (m.group(2) or m.group(1)).strip(), level=_depth(m.group(1)), number=m.group(1))
    if (m := THEME_COLON.match(line)) and not re.search(r"(?i)\bafspraak\b|\bindicator", line):
        return Block("heading", i, (m.group(1) or m.group(2)).strip(), level=1)
    if m := AGREEMENT_WORD.match(line):
        return Block("item", i, m.group(2), number=m.group(1), scheme="label", lines=[(i, m.group(2))])
    if found := numbering.item(line):
        number, rest = found
        follows = last is not None and last.kind == "item" and number in numbering.successors(last.number, "", True, None)
        if open_sentence and not follows:
            return None  # "... circa" + "40 flexwoningen": a number that goes on with the sentence
        continues = bool(last_item) and number in numbering.successors(last_item, "", False, None)
        wraps = nxt[:1].islower() and len(rest.split()) >= 3  # "3 De gemeente bouwt" + "woningen ...": an item
        heading = is_heading_title(rest) and not _sentence_like(rest) and not wraps and not continues
        if heading and (larger or bold or re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", number)) and len(rest.split()) <= 8:
            return Block("heading", i, rest.rstrip("*").strip(), level=_depth(number), number=number)
        return Block("item", i, rest, number=number, scheme=_shape(number), lines=[(i, rest)])
    if m := BULLET.match(line):
        if not re.search(r"[^\W\d_]", m.group(2)):
            return None
        return Block("item", i, m.group(2), scheme="bullet", lines=[(i, m.group(2))])
    if open_sentence:
        return None  # the rest of a sentence
    if re.match(r"^[A-Z][\w/ ]{1,25}:\s+\S", line) and last is not None and last.kind == "item":
        return None  # "Wanneer: 2028", "Toelichting: ...": a field of the item above
    short = len(line.split()) <= 12 and len(line) <= 110
    if short and line.endswith((":", "?")) and line[:1].isupper():
        return Block("lead_in", i, line.rstrip(":?").strip())
    if short and line[:1].isupper() and re.search(OPEN_END, line) and BULLET.match(nxt):
        return Block("lead_in", i, line)  # "De gemeente zet in op" + its bullets: one sentence
    if (m := LETTERED.match(line)) and is_heading_title(m.group(1)) and not _sentence_like(m.group(1)):
        return Block("heading", i, m.group(1), level=UNNUMBERED + 1)  # "a. Nieuwbouw": a part of a theme
    title = is_heading_title(line) and len(line.split()) <= 8 and not line.endswith((":", ".")) and not nxt[:1].islower()
    opens = bool(DOEL.match(nxt) or BULLET.match(nxt) or numbering.item(nxt) or AGREEMENT_WORD.match(nxt))
    if title and (larger or is_caps(line) or bold or after_blank or (last is not None and _ends(last) and opens)):
        return Block("heading", i, line.rstrip("*").strip(), level=UNNUMBERED)
    if last is not None and last.kind == "item" and not after_blank:
        return None  # the rest of an item
    return Block("text", i, line, lines=[(i, line)])


def _ends(block: Block) -> bool:
    text = block.lines[-1][1] if block.lines else block.text
    return text.endswith((".", "!", "?", ":", ";"))


def read(lines: list[str], parties_in, aliases, type_=None) -> Structure:
    """The document's themes and agreements from its outline. `parties_in(text)` gives the parties a text
    names (as the line reader's SectionRules.parties_in); `aliases` are the names of the parties found."""
    all_blocks = blocks(lines, type_)
    _goal_headings_first(all_blocks)
    headings = [b for b in all_blocks if b.kind == "heading"]
    titles = Counter(_key(b.text) for b in headings)
    for b in headings:
        if titles[_key(b.text)] > 1 or (not b.number and names_only(b.text.rstrip(" .:?"), aliases)):
            b.level = LABEL  # "Afspraken", "Opgave", "Dit doen we samen": a label in its theme
    level = _theme_level(all_blocks)
    chapters: list[Hoofdstuk] = []
    current: Hoofdstuk | None = None
    holder: Block | None = None  # the lead-in or label heading the items stand under
    open_item: Afspraak | None = None
    excluded = False  # under a goal, principles, ongoing commitments
    for k, b in enumerate(all_blocks):
        if b.kind == "heading" and b.level <= level:
            current = Hoofdstuk(number=b.number if b.level == level else "", title=b.text, start=b.index)
            current.placeholder = b.level < level  # a chapter above the themes: no theme of its own
            chapters.append(current)
            holder, open_item, excluded = None, None, False
        elif b.kind in ("heading", "lead_in"):
            holder, open_item, excluded = b, None, False
        elif b.kind == "label":
            holder, open_item, excluded = None, None, True
        elif b.kind == "responsible":
            if open_item is not None:
                open_item.lead = b.lead
        elif b.kind == "item" and current is not None and not current.placeholder and not (excluded and b.scheme == "bullet"):
            heading = holder.text if holder is not None else ""
            named = parties_in(heading) if heading else []
            by_heading = bool(heading) and (bool(named) or _names_a_group(heading))
            # A party heading, or a lead-in naming a party ("De gemeente zet in op"): its list goes on from it.
            party_list = by_heading and (holder.kind == "heading" or bool(named) or bool(re.search(OPEN_END, heading)))
            if _is_agreement(b, all_blocks[k - 1] if k else None, party_list):
                open_item = Afspraak(b.number or "#", heading if by_heading else "", named, b.index, list(b.lines))
                open_item.under_lead_in = holder is not None and holder.kind == "lead_in"
                open_item.bullet, open_item.by_heading = b.scheme == "bullet", by_heading
                current.agreements.append(open_item)
            else:
                open_item = None
        elif b.kind == "text" and current is not None:
            (current.intro if not current.agreements else current.loose).extend(b.lines)
            open_item = None
    themes = [c for c in chapters if not c.placeholder]
    for chapter in themes:
        _one_kind(chapter)
    _bullets_of_the_document(themes)
    _no_listing(themes)
    _one_sequence(themes)
    _number_bullets(themes)
    return Structure([c for c in chapters if not c.placeholder], double_spaced=False, notes=["outline"])


def _goal_headings_first(all_blocks: list[Block]) -> None:
    """Where unnumbered headings over a goal ("Opgave: ...", "Doel: ...") open the themes, the other
    unnumbered headings between them are parts of a theme ("Nieuwbouw", "Doorstroming")."""
    over_goal = {
        k
        for k, b in enumerate(all_blocks[:-1])
        if b.kind == "heading" and b.level == UNNUMBERED and DOEL.match(all_blocks[k + 1].text)
    }
    if len(over_goal) < 2:
        return
    first = min(over_goal)
    for k, b in enumerate(all_blocks):
        if k > first and b.kind == "heading" and b.level == UNNUMBERED and k not in over_goal:
            b.level = UNNUMBERED + 1


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _names_a_group(text: str) -> bool:
    if re.search(rf"(?i)\b(?:{TOGETHER})\b", text):
        return True
    return any(re.search(rf"(?i)(?<![\w-])(?:{words})(?![\w-])", text) for words in GROUP_WORDS.values())


def _is_agreement(item: Block, before: Block | None, party_list: bool = False) -> bool:
    text = " ".join(t for _i, t in item.lines)
    enumeration = text.rstrip().endswith((";", ",")) or _enumerates(before)
    if item.scheme == "bullet" and enumeration and not party_list:
        return False  # an enumeration ("Gemeente X (de gemeente);", "de Woonvisie 2022;"), not an agreement
    if re.search(r"\bvertegenwoordigd\s+door\b|\bhierna\s+te\s+noemen\b", text):
        return False  # a signing list
    lead_sentence = (
        before is not None
        and before.kind == "lead_in"
        and len(before.text.split()) > 6
        and not re.match(r"(?i)(?:wat|dit|dat|welke|hoe|wie)\b", before.text)
    )
    if before is not None and (before.kind == "text" and _ends_with_colon(before) or lead_sentence):
        item.in_sentence = True
        return False  # "... op de volgende documenten:" and its list
    if before is not None and before.kind == "item" and before.scheme == item.scheme and before.in_sentence:
        item.in_sentence = True
        return False
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 3


def _enumerates(before: Block | None) -> bool:
    return (
        before is not None
        and before.kind == "item"
        and before.scheme == "bullet"
        and " ".join(t for _i, t in before.lines).rstrip().endswith((";", ","))
    )


def _ends_with_colon(block: Block) -> bool:
    text = block.lines[-1][1] if block.lines else block.text
    return text.endswith(":") and len(" ".join(t for _i, t in block.lines).split()) > 8


def _theme_level(all_blocks: list[Block]) -> int:
    """The heading level that holds the agreements: of the levels whose headings with items have titles of
    their own, the deepest that holds nearly as many items as the level that holds most."""
    holding: dict[int, list[str]] = {}
    items: Counter = Counter()
    stack: list[Block] = []
    for k, b in enumerate(all_blocks):
        if b.kind == "heading" and b.level < LABEL:
            stack = [h for h in stack if h.level < b.level] + [b]
        elif b.kind == "item" and _is_agreement(b, all_blocks[k - 1] if k else None):
            for h in stack:
                titles = holding.setdefault(h.level, [])
                if not titles or titles[-1] != h.text:
                    titles.append(h.text)
                items[h.level] += 1
    levels = [lv for lv, titles in holding.items() if len(set(titles)) == len(titles)]
    if not levels:
        return min(holding) if holding else 1
    most = max(items[lv] for lv in levels)
    wide = [lv for lv in levels if items[lv] >= 0.8 * most]
    # The shallowest level that splits the agreements over two or more headings: a chapter over all themes
    # ("3 Prestatieafspraken") has one; parts of a theme ("a. Nieuwbouw") lie below.
    split = [lv for lv in wide if len(holding[lv]) >= 2]
    return min(split) if split else max(wide)


def _one_kind(chapter: Hoofdstuk) -> None:
    """One kind of item per theme: numbered or labelled items before bullets."""
    if any(not a.bullet for a in chapter.agreements):
        chapter.agreements = [a for a in chapter.agreements if not a.bullet]


def _bullets_of_the_document(themes: list[Hoofdstuk]) -> None:
    """A bullet under a party heading is an agreement. Any other bullet is one only in a document without
    numbered agreements, and not under a lead-in that names nobody ("De afspraken bouwen voort op:")."""
    numbered = any(not a.bullet for t in themes for a in t.agreements)
    for t in themes:
        t.agreements = [
            a
            for a in t.agreements
            if not a.bullet or a.by_heading or not (numbered or a.under_lead_in)
        ]


def _no_listing(themes: list[Hoofdstuk]) -> None:
    """A theme whose numbers all stood before, in two or more earlier themes, lists the agreements again (a
    matrix annex, a summary): it holds none. Numbers that start again per theme stood in one theme."""
    first_theme: dict[str, int] = {}
    for k, theme in enumerate(themes):
        numbers = [a.number for a in theme.agreements if not a.bullet]
        earlier = {first_theme[n] for n in numbers if n in first_theme}
        if numbers and all(n in first_theme for n in numbers) and len(earlier) >= 2:
            theme.agreements = [a for a in theme.agreements if a.bullet]
            continue
        for n in numbers:
            first_theme.setdefault(n, k)


def _one_sequence(themes: list[Hoofdstuk]) -> None:
    """Numbers follow one sequence. Where the document numbers through its themes ("5" opens the second),
    a theme whose numbers start again (a matrix annex listing the agreements) holds none."""
    numbered = [t for t in themes if any(not a.bullet for a in t.agreements)]
    if len(numbered) < 2:
        return
    first, second = numbered[0].agreements, next(a for a in numbered[1].agreements if not a.bullet)
    last = next(a for a in reversed(first) if not a.bullet)
    if second.number not in numbering.successors(last.number, "", False, None):
        return  # numbered per theme
    for theme in numbered[1:]:
        opening = next(a for a in theme.agreements if not a.bullet)
        if opening.number not in numbering.successors(last.number, "", False, None):
            theme.agreements = [a for a in theme.agreements if a.bullet]
        else:
            last = next(a for a in reversed(theme.agreements) if not a.bullet)


def _number_bullets(chapters: list[Hoofdstuk]) -> None:
    for chapter in chapters:
        count = 0
        for a in chapter.agreements:
            if a.bullet:
                count += 1
                a.number = f"#{count}"
