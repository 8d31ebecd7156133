"""Structure first: a document read as an outline of blocks, and the agreements mapped from it.

The line reader (structure.py) walks the text with rules per layout. This reader knows no layouts:
1. every clean line becomes a block (blocks.py): a heading, a list item, a lead-in, a responsibility line,
   or text;
2. headings nest by level (the depth of their number; unnumbered ones below the numbered, and below those
   that open a theme over its goal); a heading whose title recurs ("Afspraken", "Opgave") or that names
   only parties ("Dit doen we samen") is a label inside its theme;
3. the themes are the shallowest heading level that splits the agreements over headings with titles of
   their own, holding nearly as many as the level that holds most;
4. the agreements are the items under a theme, of one kind per theme (numbered or labelled before
   bullets); a signing list ("vertegenwoordigd door"), an enumeration inside a sentence ("... de
   volgende documenten:", items ending in ";"), a listing of earlier numbers (a matrix annex) and a
   restart in a document numbered through are none;
5. an item's responsible parties come from its responsibility line, else from the nearest lead-in or
   label heading above it that names a party or a group word (gemeente, corporaties, samen, ...).
The result has the line reader's shape (shapes.Structure), so the rest of the pipeline is the same.
"""

import re
from collections import Counter

from . import outline_filters
from .blocks import DOEL, LABEL, OPEN_END, UNNUMBERED, Block, blocks
from .parties import GROUP_WORDS
from .sections import names_only
from .shapes import RICHTINGEN, SECTION, Afspraak, Hoofdstuk, Structure

# Who together: these words in a lead-in name every party.
TOGETHER = r"samen|gezamenlijk(?:e)?|alle\s+partijen|partijen|we|wij"


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
    _parts_as_themes(all_blocks, level)
    lead_ends = Counter(_ending(b.text) for b in all_blocks if b.kind == "lead_in" and parties_in(b.text))
    chapters: list[Hoofdstuk] = []
    current: Hoofdstuk | None = None
    holder: Block | None = None  # the lead-in or label heading the items stand under
    open_item: Afspraak | None = None
    excluded = False  # under a goal, principles, ongoing commitments
    side_bar: Hoofdstuk | None = None  # principles after a theme's agreements: the next theme's, set beside it
    side_bar_of: Hoofdstuk | None = None
    for k, b in enumerate(all_blocks):
        if b.kind == "heading" and b.level <= level:
            current = Hoofdstuk(number=b.number if b.level == level else "", title=b.text, start=b.index)
            current.placeholder = b.level < level  # a chapter above the themes: no theme of its own
            if side_bar is not None:
                target = current if not current.placeholder else side_bar_of
                target.agreements[:0], side_bar.agreements = side_bar.agreements, []
                side_bar.placeholder = True
            side_bar = None
            chapters.append(current)
            holder, open_item, excluded = None, None, False
        elif b.kind in ("heading", "lead_in"):
            holder, open_item, excluded = b, None, False
        elif b.kind == "label":
            holder, open_item, excluded = None, None, True
            if RICHTINGEN.match(b.text) and current is not None and current.agreements and side_bar is None:
                # The agreements after them belong to the next theme, whose heading the layout put after them.
                side_bar_of = current
                chapters.append(current := Hoofdstuk(number="", title=current.title, start=b.index))
                side_bar = current
        elif b.kind == "responsible":
            if open_item is not None:
                open_item.lead = b.lead
        elif (
            b.kind == "item"
            and current is not None
            and not current.placeholder
            and not (excluded and b.scheme == "bullet")
        ):
            heading = holder.text if holder is not None else ""
            named = parties_in(heading) if heading else []
            by_heading = bool(heading) and (bool(named) or _names_a_group(heading))
            # A party heading, or a lead-in naming a party ("De gemeente zet in op"): its list goes on from it.
            party_list = by_heading and (holder.kind == "heading" or bool(named) or bool(re.search(OPEN_END, heading)))
            # "X zet zich in voor:" beside "De gemeente zet zich in voor:": a party's list, however long its name.
            recurring = party_list and holder.kind == "lead_in" and lead_ends[_ending(holder.text)] >= 2
            # A list inside a sentence goes on past a paragraph between its bullets, up to the next heading.
            listed = b.scheme == "bullet" and _sentence_list(all_blocks, k)
            b.in_sentence = b.in_sentence or listed
            if not listed and _is_agreement(b, all_blocks[k - 1] if k else None, party_list, recurring):
                # A heading naming parties, or a section word ("Afspraken", "Gezamenlijke prestaties"): the section.
                sectioned = holder is not None and holder.kind == "heading" and bool(SECTION.match(heading))
                section = heading if by_heading or sectioned else ""
                open_item = Afspraak(b.number or "#", section, named, b.index, list(b.lines))
                open_item.lead = b.lead  # a responsibility line above its text (blocks._label_alone)
                open_item.under_lead_in = holder is not None and holder.kind == "lead_in"
                open_item.bullet = b.scheme in ("bullet", "formula")
                # A numbered item under a heading ("Prestaties X en Y 2022") has that section, as in the line reading:
                # the actors its text names come first. Under a lead-in ("Dat doet X:") or as a bullet: that party.
                open_item.by_heading = by_heading and (open_item.bullet or holder.kind == "lead_in")
                current.agreements.append(open_item)
            else:
                open_item = None
        elif b.kind == "text" and current is not None:
            (current.intro if not current.agreements else current.loose).extend(b.lines)
            open_item = None
    if side_bar is not None:  # no theme came after them: they were the theme's own
        side_bar_of.agreements += side_bar.agreements
        side_bar.placeholder = True
    themes = [c for c in chapters if not c.placeholder]
    for chapter in themes:
        outline_filters.one_kind(chapter)
    outline_filters.bullets_of_the_document(themes)
    outline_filters.no_listing(themes)
    outline_filters.no_strays(themes)
    outline_filters.one_sequence(themes)
    outline_filters.number_bullets(themes)
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


def _ending(text: str) -> str:
    return " ".join(text.lower().split()[-3:])


def _is_agreement(item: Block, before: Block | None, party_list: bool = False, recurring: bool = False) -> bool:
    text = " ".join(t for _i, t in item.lines)
    enumeration = text.rstrip().endswith((";", ",")) or _enumerates(before)
    if item.scheme == "bullet" and enumeration and not party_list:
        return False  # an enumeration ("Gemeente X (de gemeente);", "de Woonvisie 2022;"), not an agreement
    if re.search(r"\bvertegenwoordigd\s+door\b|\bhierna\s+te\s+noemen\b", text):
        return False  # a signing list
    lead_sentence = (
        not recurring
        and before is not None
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


def _sentence_list(all_blocks: list[Block], k: int) -> bool:
    """The bullet at k follows bullets of a list inside a sentence, with only paragraphs between."""
    for b in reversed(all_blocks[:k]):
        if b.kind == "item":
            return b.scheme == "bullet" and b.in_sentence
        if b.kind != "text":
            return False
    return False


def _enumerates(before: Block | None) -> bool:
    return (
        before is not None
        and before.kind == "item"
        and before.scheme == "bullet"
        and " ".join(t for _i, t in before.lines).rstrip().endswith((";", ","))
    )


def _ends_with_colon(block: Block) -> bool:
    """A sentence that ends in ":" over a list enumerates; not one that announces the agreements ("Partijen maken
    hierover de volgende afspraken:")."""
    text = block.lines[-1][1] if block.lines else block.text
    announces = re.search(r"(?i)\b(?:afspraken|prestaties|toezeggingen|spreken\s+(?:\w+\s+)?af)\s*:$", text)
    return text.endswith(":") and len(" ".join(t for _i, t in block.lines).split()) > 8 and not announces


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


def _parts_as_themes(all_blocks: list[Block], level: int) -> None:
    """A chapter at the theme level that holds no agreements of its own, only under its numbered parts ("4
    Prestatieafspraken" over "4.1 Betaalbaarheid", "4.2 ..."), beside chapters that hold theirs directly ("3
    Samenwerking" over its "1.", "2."): its parts are the themes, the chapter is above them."""
    for k, b in enumerate(all_blocks):
        if b.kind != "heading" or b.level != level or not b.number:
            continue
        parts, direct = [], False
        for c in all_blocks[k + 1 :]:
            if c.kind == "heading" and c.level <= level:
                break
            if c.kind == "heading" and c.level == level + 1 and c.number.startswith(b.number + "."):
                parts.append(c)
            elif c.kind == "item" and c.scheme != "bullet" and not parts:
                direct = True
        if parts and not direct and any(c.level == level and c is not b for c in all_blocks if c.kind == "heading"):
            b.level = level - 1
            for c in parts:
                c.level = level
