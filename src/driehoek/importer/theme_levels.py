"""Which chapters hold a document's agreements, whatever reading found them (structure.finish).

- A chapter of the document's frame (introduction, monitoring, signatures, annex: shapes.FRAME) holds none: a
  list there is the parties ("1. Gemeente X, hierna: de gemeente;"), the sources or the steps of the process.
- Agreements numbered three deep under headings two deep ("2.1.1" under "2.1 Nieuwbouw") belong to the theme
  one level up ("2 Voldoende woningen"): the second level is a topic within the theme. Only where every theme is
  numbered two deep, every agreement carries its theme's number, and the heading of every level up stands in
  the document before its first topic, and is a theme (not "3 Afspraken 2026-2027", which only holds them).
- Numbered titles each over one paragraph ("3.1.1 Huurverhoging" and a sentence or two), every one of them under
  a heading one level up ("3.1 Betaalbaarheid") that holds nothing else, are that theme's titled agreements: a
  document that gives each agreement a number and a short title. Two such titles at least, so that one
  sub-chapter with a paragraph stays a chapter.
"""

import re

from .shapes import FRAME, Afspraak, Hoofdstuk, Structure

# "3 Afspraken 2026-2027", "2 De prestatieafspraken": a chapter that only holds the themes, not a theme.
CONTAINER = re.compile(r"(?i)^(?:de\s+)?(?:prestatie|jaar|kader|woon)?afspraken(?:\s+(?:\d{4}|voor|per)\b.*)?$")
TWO_DEEP = re.compile(r"\d{1,2}\.\d{1,2}")


def frame_holds_none(structure: Structure) -> None:
    for chapter in structure.chapters:
        if FRAME.match(chapter.title):
            chapter.agreements = []


def up_a_level(structure: Structure, lines: list[str]) -> None:
    themes = structure.themes
    if len(themes) < 2 or not all(TWO_DEEP.fullmatch(t.number) for t in themes):
        return
    if not all(re.fullmatch(rf"{re.escape(t.number)}\.\d{{1,2}}", a.number) for t in themes for a in t.agreements):
        return
    merged: dict[str, Hoofdstuk] = {}
    for theme in themes:
        parent = theme.number.split(".")[0]
        if parent not in merged:
            title = _heading_before(lines, parent, theme.start)
            if not title:
                return
            merged[parent] = Hoofdstuk(number=parent, title=title, start=theme.start)
    chapters: list[Hoofdstuk] = []
    for chapter in structure.chapters:
        if not chapter.agreements:
            chapters.append(chapter)
            continue
        parent = merged[chapter.number.split(".")[0]]
        if parent not in chapters:
            chapters.append(parent)
        parent.agreements += chapter.agreements
    structure.chapters = chapters


def _heading_before(lines: list[str], number: str, start: int) -> str:
    """The title of the nearest heading numbered `number` alone ("2 Voldoende woningen") above line `start`."""
    heading = re.compile(rf"^\s*{re.escape(number)}\.?\s+([A-Z][^|]{{1,80}}?)\s*$")
    for k in range(min(start, len(lines)) - 1, max(-1, start - 400), -1):
        if m := heading.match(lines[k]):
            title = m.group(1)
            return "" if title.endswith(".") or FRAME.match(title) or CONTAINER.match(title) else title
    return ""


def leaves_as_agreements(structure: Structure) -> None:
    chapters = structure.chapters
    by_number = {c.number: c for c in chapters if c.number and not c.agreements}
    children: dict[str, list[Hoofdstuk]] = {}
    for chapter in chapters:
        parent = chapter.number.rsplit(".", 1)[0] if "." in chapter.number else ""
        if parent in by_number and chapter.start > by_number[parent].start:
            children.setdefault(parent, []).append(chapter)
    for parent_number, leaves in children.items():
        parent = by_number[parent_number]
        if len(leaves) < 2 or not all(_one_paragraph(c) for c in leaves) or parent.doel or parent.lopende:
            continue
        for leaf in leaves:
            parent.agreements.append(
                Afspraak(leaf.number, "", [], leaf.start, [(leaf.start, leaf.title)] + leaf.intro + leaf.loose)
            )
            chapters.remove(leaf)


def _one_paragraph(chapter: Hoofdstuk) -> bool:
    """A title over a short paragraph of whole sentences and nothing else."""
    text = " ".join(t for _i, t in chapter.intro).strip()
    return (
        not chapter.title.endswith(".")
        and not (chapter.agreements or chapter.doel or chapter.richtingen or chapter.lopende or chapter.loose)
        and 1 <= len(chapter.intro) <= 8
        and text[:1].isupper()
        and text.endswith((".", "!"))
        and not FRAME.match(chapter.title)
    )
