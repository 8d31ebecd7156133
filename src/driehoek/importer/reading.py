"""Two readings of one document, and which one the proposal takes.

The outline reading (outline.py) reads any layout from its structure: headings nested by level, the
items under them, the party headings and responsibility lines around them. The line reading
(structure.py) knows the shapes of the layouts it was written for, and reads more of them: a theme's
goal, principles and ongoing commitments, sections, a side bar's heading. Both read the same lines; an
agreement is known by the line it starts on.

- Both find the same agreements under the same themes: the line reading, which carries more, with the
  outline's party heading or responsibility line where the line reading has none.
- One finds every agreement the other finds, and more, grouping the ones both find alike: that one (a layout
  the other does not know).
- Otherwise (they find different agreements, or group them under other themes) the reading is
  uncertain: the review screen says that the readings differ and shows the source beside the draft. The
  outline is taken where it finds more agreements and its numbering breaks less often (a number that does not
  follow the one before: `breaks`); else the line reading (docs/adr/0193).
- Where the line reading took a heading's title for an agreement ("2. Betaalbaarheid", one short line without
  a full stop) and the outline finds all its other agreements: the outline.

A third reading, by the line shapes the document repeats (shape_reading.py, docs/adr/0195), knows no layout at
all. Where the two differ and it reads as one of them, that one is taken; where the reading chosen is weak (next
to nothing, mostly inside the shape reading, or its numbering broken) and the shape reading is clearly stronger,
the shape reading is taken, and the review screen says that the layout was not recognised.
"""

from django.utils.translation import gettext as _

from . import numbering, structure
from .shapes import Structure, is_heading_title


def _starts(reading: Structure) -> dict[int, int]:
    """Agreement start line -> the start line of its theme."""
    return {a.start: t.start for t in reading.themes for a in t.agreements}


def _partition(reading: Structure, among: set[int] | None = None) -> set[frozenset[int]]:
    """The agreements grouped by theme (only those `among`, if given)."""
    groups = {frozenset(a.start for a in t.agreements if among is None or a.start in among) for t in reading.themes}
    return groups - {frozenset()}


def _title_only(agreement) -> bool:
    text = " ".join(t for _i, t in agreement.lines).strip()
    return len(agreement.lines) == 1 and is_heading_title(text) and len(text.split()) <= 8 and not text.endswith(".")


def read(
    lines: list[str], aliases: dict[str, str], check=None, type_=None, only: str = "", titles=frozenset()
) -> tuple[Structure, list[str]]:
    """The structure the proposal takes, and what the review screen must say about it. `only` ("outline", "lines"
    or "shapes") takes that reading alone: a measure of each (manage.py importer_eval --lezing). `titles`: the
    titles the document's contents page lists (extract.Document.titles)."""
    if only == "outline":
        return structure.parse_outline(lines, aliases, type_=type_), []
    if only == "shapes":
        return structure.parse_shapes(lines, aliases, type_=type_), []
    by_line = structure.parse(lines, aliases, check=check, type_=type_, titles=titles)
    if only == "lines":
        return by_line, []
    if check is not None:
        check()
    by_outline = structure.parse_outline(lines, aliases, type_=type_)
    chosen, doubt = _choose(by_line, by_outline)
    by_shapes = structure.parse_shapes(lines, aliases, type_=type_)
    return _or_shapes(chosen, doubt, by_shapes, by_line, by_outline)


def _choose(by_line: Structure, by_outline: Structure) -> tuple[Structure, list[str]]:
    mine, theirs = set(_starts(by_line)), set(_starts(by_outline))
    shared = mine & theirs
    grouped_alike = _partition(by_line, shared) == _partition(by_outline, shared)
    if mine == theirs and grouped_alike:
        _who_from_outline(by_line, by_outline)
        return by_line, []
    # Agreements only the line reading finds that are a heading's title ("2. Betaalbaarheid") count for nothing.
    titles = {a.start for t in by_line.themes for a in t.agreements if a.start not in theirs and _title_only(a)}
    if titles and mine - titles <= theirs:
        return by_outline, []  # the line reading took headings for agreements; the outline finds the rest
    if mine > theirs and grouped_alike:
        return by_line, []
    if theirs > mine and grouped_alike:
        return by_outline, []
    doubt = [
        _(
            "Twee lezingen van de indeling van dit document verschillen (%(a)s en %(b)s afspraken, of andere "
            "thema's): controleer de indeling naast de brontekst."
        )
        % {"a": len(mine), "b": len(theirs)}
    ]
    if len(theirs) > len(mine) and breaks(by_outline) < breaks(by_line):
        return by_outline, doubt  # the outline finds more, numbered without a break where the lines break
    return by_line, doubt


def strength(reading: Structure) -> int:
    """A reading's agreements, less twice the places where its numbering breaks."""
    return sum(len(t.agreements) for t in reading.themes) - 2 * breaks(reading)


def _alike(a: Structure, b: Structure) -> bool:
    return set(_starts(a)) == set(_starts(b)) and _partition(a) == _partition(b)


def _or_shapes(
    chosen: Structure, doubt: list[str], by_shapes: Structure, by_line: Structure, by_outline: Structure
) -> tuple[Structure, list[str]]:
    """The shape reading (docs/adr/0195) settles a difference of the other two where it reads as one of them, and
    is taken where it reads clearly more than a weak reading chosen (a layout that neither of the others knows),
    with a note on the review screen."""
    if doubt and _alike(by_shapes, by_outline) and not _alike(by_shapes, chosen):
        return by_outline, doubt
    if doubt and _alike(by_shapes, by_line) and not _alike(by_shapes, chosen):
        return by_line, doubt
    found = set(_starts(chosen))
    # The reading chosen is weak: next to nothing, much of it inside the shape reading, or its numbering broken.
    inside = len(found & set(_starts(by_shapes))) >= 0.8 * len(found)
    weak = len(found) < 3 or inside or 3 * breaks(chosen) >= len(found)
    if weak and strength(by_shapes) >= max(3, 1.5 * strength(chosen) + 2):
        note = _(
            "De indeling van dit document is niet herkend: de afspraken zijn gelezen als de regelvorm die zich "
            "herhaalt (%(n)s afspraken). Controleer de indeling naast de brontekst."
        ) % {"n": sum(len(t.agreements) for t in by_shapes.themes)}
        return by_shapes, [note]
    return chosen, doubt


def breaks(reading: Structure) -> int:
    """Where a reading's numbering breaks: an agreement whose number does not follow the one before (in its
    theme, or from the theme before: "2.3" then "3.1", "7" then "8"). Bullets count none."""
    count, last = 0, None
    for theme in reading.themes:
        first = True
        for a in theme.agreements:
            if a.bullet:
                continue
            if last is not None and a.number not in numbering.successors(last, theme.number, first, None):
                count += 1
            last, first = a.number, False
    return count


def _who_from_outline(by_line: Structure, by_outline: Structure) -> None:
    """Where both read the same agreements, the outline's party heading or responsibility line says who, where
    the line reading has neither (a numbered item under "Dat doet X:")."""
    outline_agreements = {a.start: a for t in by_outline.themes for a in t.agreements}
    for theme in by_line.themes:
        for a in theme.agreements:
            other = outline_agreements.get(a.start)
            if other is not None and not (a.lead or a.by_heading or a.section) and (other.lead or other.by_heading):
                a.lead, a.by_heading = other.lead, other.by_heading
                a.section, a.section_parties = other.section, other.section_parties
