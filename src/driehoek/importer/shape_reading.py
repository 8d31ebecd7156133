"""The shape reading (docs/adr/0195): a document read by the line shapes it repeats, knowing no layout.

1. Every line's mark (line_marks.py): "3.", "2.1", "Afspraak 4", "A1", "a)", "•", "–", "II".
2. Every shape that repeats is a candidate kind of unit. Its lines are cut into runs whose numbers follow each
   other; where a run goes on over a heading the document is numbered through, and its longest run is the
   agreements (a list of steps in the introduction numbered alike is none); else every run is (numbering that
   starts again per theme), but a stray number alone.
3. Headings are the short titles between the units; the themes are the heading shape one level up that splits
   the units over two or more headings. A heading of the document's frame (introduction, monitoring,
   signatures, annex) holds none, nor do principles or ongoing commitments ("Richtingen"); a recurring heading
   is a label; a heading or lead-in naming parties ("Wat doet de gemeente:") says who carries the units under it.
4. Every candidate shape is read so, and the one that reads the most agreements under themes is the reading
   (a numbered shape before bullets: bullets count for three quarters).
A unit runs from its mark to the next unit, heading, lead-in or field line ("Toelichting:"), or to a blank
line before a new paragraph; a responsibility line in it or among the field lines under it ("Trekker: ...")
says who carries it. The result has the other readings' shape (shapes.Structure).
"""

import re

from .extract import BREAK
from .line_marks import follows, mark, openings
from .outline import _names_a_group
from .sections import names_only
from .shape_headings import FIELD, OPEN_END, SOFT, headings, next_line
from .shapes import (
    FRAME,
    LOPEND,
    RESPONSIBLE,
    RICHTINGEN,
    Afspraak,
    Hoofdstuk,
    Structure,
    double_spaced,
    wraps_names,
)

MOST_SHAPES = 8


def read(lines: list[str], parties_in, aliases, type_=None) -> Structure:
    """The document's agreements as the repeated line shape that reads most of them under themes. `type_` is a
    PDF's type (pdf_fonts.Type): a line set larger or bold stands apart."""
    lines = list(lines)  # a heading's wrapped line is passed over here, not in the caller's lines
    if double_spaced(lines):  # a blank line after nearly every line sets nothing apart: two do
        lines = [SOFT if _single_blank(lines, k) else x for k, x in enumerate(lines)]
    marks = [mark(x) if x.strip() and x not in (BREAK, SOFT) else None for x in lines]
    heads = headings(lines, marks, type_)
    openings(lines, marks, set(heads), (BREAK, SOFT))  # paragraphs that open alike: a mark of their words
    shapes: dict[str, list[int]] = {}
    for i, m in enumerate(marks):
        if m is not None and i not in heads:
            shapes.setdefault(m.shape, []).append(i)
    best, best_score = Structure([], double_spaced=False, notes=["shapes"]), 0.0
    # The shapes that repeat most, a bounded number of them: each is read over the whole document.
    for _shape, members in sorted(shapes.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MOST_SHAPES]:
        if len(members) < 3:
            continue
        units = _runs(lines, marks, members, heads)
        if len(units) < 3:
            continue
        found = _build(lines, marks, units, heads, parties_in, aliases)
        count = sum(len(t.agreements) for t in found.themes)
        score = count * (0.75 if not marks[members[0]].values else 1.0)
        if score > best_score:
            best, best_score = found, score
    return best


def _single_blank(lines: list[str], k: int) -> bool:
    return not lines[k].strip() and 0 < k < len(lines) - 1 and bool(lines[k - 1].strip()) and bool(lines[k + 1].strip())


def _runs(lines, marks, members: list[int], heads) -> list[int]:
    """The members that are units: runs of numbers that follow each other; numbered through, the longest run."""
    runs: list[list[int]] = []
    for i in members:
        if runs:
            last = runs[-1][-1]
            if follows(marks[last], marks[i]):
                runs[-1].append(i)
                continue
        runs.append([i])
    if _through(runs, heads) and marks[members[0]].values:
        # Numbered through the document: the longest run is the agreements, other runs are other lists.
        longest = max(runs, key=len)
        runs = [r for r in runs if r is longest or not marks[r[0]].values]
    kept = []
    for run in runs:
        if len(run) < 2 and len(runs) > 1 and marks[run[0]].values[-1:] != (1,):
            continue  # a stray number (not a theme's only one: "1.", "3.1")
        kept += run
    return kept


def _through(runs: list[list[int]], heads) -> bool:
    """Numbered through the document: a run goes on over a heading."""
    return any(_heads_between(heads, a, b) for run in runs for a, b in zip(run, run[1:], strict=False))


def _heads_between(heads, a: int, b: int) -> list[int]:
    return [h for h in range(a + 1, b) if h in heads]


def _build(lines, marks, units: list[int], heads, parties_in, aliases) -> Structure:
    theme_heads = _theme_heads(lines, units, heads, aliases)
    unit_set = set(units)
    chapters: list[Hoofdstuk] = []
    current: Hoofdstuk | None = None
    holder, lead_in = "", False  # the lead-in or party heading the units stand under
    aside = False  # under principles or ongoing commitments ("Richtingen", "Dit doen we al"): no agreements
    count = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        if i in theme_heads:
            shape, number, title = heads[i]
            current = None if FRAME.match(title) else Hoofdstuk(number=number, title=title, start=i)
            if current is not None:
                chapters.append(current)
            holder, lead_in, aside, count = "", False, False, 0
        elif i in unit_set and current is not None and not (aside and not marks[i].values):
            m = marks[i]
            count += 1
            named = parties_in(holder) if holder else []
            by_heading = bool(holder) and (bool(named) or _names_a_group(holder))
            extent = _extent(lines, marks, i, heads, unit_set)
            a = Afspraak(m.number or f"#{count}", holder if by_heading else "", named, i, extent)
            a.bullet = not m.values
            # Under a lead-in ("Dat doet X:"), or as a bullet: that party; a numbered item under a party heading has
            # that section, the actors its text names first (as in the other readings).
            a.by_heading = by_heading and (a.bullet or lead_in)
            a.lead = _lead(lines, i, a)
            current.agreements.append(a)
        elif (RICHTINGEN.match(line) or LOPEND.match(line)) and len(line.split()) <= 14:
            aside = True
        elif i in heads and _names_parties(heads[i][2], aliases):
            holder, lead_in, aside = heads[i][2], False, False
        elif _lead_in(lines, i, line):
            aside = False
            holder = line.rstrip(":? ") if (parties_in(line) or _names_a_group(line)) else ""
            lead_in = True
    return Structure(chapters, double_spaced=False, notes=["shapes"])


def _lead_in(lines, i: int, line: str) -> bool:
    """A short line over a list: ending in ":" or "?" ("Wat doet de gemeente:"), or stopping mid-sentence over a
    marked line ("De gemeente zet in op" + "• ...")."""
    if len(line.split()) > 12 or not line[:1].isupper() or FIELD.match(line):
        return False
    return line.endswith((":", "?")) or bool(OPEN_END.search(line) and mark(next_line(lines, i)) is not None)


def _names_parties(title: str, aliases) -> bool:
    return names_only(title, aliases) or bool(re.fullmatch(r"(?i)samen|gezamenlijk", title))


def _theme_heads(lines, units: list[int], heads, aliases) -> set[int]:
    """The headings that open themes: of the heading shapes that split the units over two or more headings with
    titles of their own, the one that leaves the fewest units outside, then the fewest headings (the level up)."""
    titles: dict[str, int] = {}
    for _shape, _n, title in heads.values():
        titles[_key(title)] = titles.get(_key(title), 0) + 1
    usable = {i: h for i, h in heads.items() if titles[_key(h[2])] == 1 and not names_only(h[2], aliases)}
    frame = {i for i, h in usable.items() if FRAME.match(h[2])}
    best, best_key = set(), None
    for shape in sorted({h[0] for h in usable.values()}):
        opening = {i for i, h in usable.items() if h[0] == shape} | frame
        holding, outside, last, first = set(), 0, None, None
        k = 0
        ordered = sorted(opening)
        for u in units:
            while k < len(ordered) and ordered[k] < u:
                last, k = ordered[k], k + 1
            if last is None or last in frame:
                outside += 1
            else:
                holding.add(last)
                first = last if first is None else first
        if len(holding) < 2 and shape != "title":
            continue
        key = (outside, len(holding) < 2, len(holding), first)  # equal: the shape whose heading comes first
        if best_key is None or key < best_key:
            best, best_key = set(opening), key
    return best


def _key(title: str) -> str:
    """A title as it recurs: "Afspraken" and "Afspraken (vervolg)" are one, and so are a running header's lines
    with their page numbers ("Woonafspraken 2026 | pagina 3", "... | pagina 4")."""
    return re.sub(r"\W+", " ", re.sub(r"\([^()]*\)|\d+", " ", title.lower())).strip()


def _extent(lines, marks, i: int, heads, units: set[int]) -> list[tuple[int, str]]:
    """The unit's lines: its mark's line and what goes on with it."""
    first = marks[i].rest
    out = [(i, first)] if first else []
    blank = False
    for k in range(i + 1, min(len(lines), i + 60)):
        raw = lines[k]
        line = raw.strip()
        if raw in (BREAK, SOFT):
            continue
        if not line:
            blank = True
            continue
        if k in units or k in heads:
            break
        if RESPONSIBLE.match(line):
            continue
        if (r := RESPONSIBLE.match(lines[k - 1].strip())) and wraps_names(r.group(1), line, next_line(lines, k)):
            continue
        if FIELD.match(line) or (line.endswith((":", "?")) and len(line.split()) <= 12 and line[:1].isupper()):
            if out:
                break
            continue
        if blank and out and not line[:1].islower():
            break
        out.append((k, line))
        blank = False
    return out


def _lead(lines, i: int, a: Afspraak) -> str:
    """A responsibility line in the unit, or among the field lines right under its text ("Gereed: 2027",
    "Trekker: gemeente"), or above its text under a label alone ("Afspraak 4" / "Wie: X" / text)."""
    for k in range(i + 1, min(len(lines), a.end + 8)):
        line = lines[k].strip(" \x00")
        if m := RESPONSIBLE.match(line):
            lead = m.group(1).strip()
            if k + 1 < len(lines) and wraps_names(lead, lines[k + 1].strip(), next_line(lines, k + 1)):
                lead = f"{lead} {lines[k + 1].strip()}"
            return lead.rstrip(".")
        if k > a.end and line and not FIELD.match(line):
            break
    return ""
