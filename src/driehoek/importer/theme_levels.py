"""Which chapters hold a document's agreements, whatever reading found them (structure.finish).

- A chapter of the document's frame (introduction, monitoring, signatures, annex: shapes.FRAME) holds none: a
  list there is the parties ("1. Gemeente X, hierna: de gemeente;"), the sources or the steps of the process.
- Agreements numbered three deep under headings two deep ("2.1.1" under "2.1 Nieuwbouw") belong to the theme
  one level up ("2 Voldoende woningen"): the second level is a topic within the theme. Only where every theme is
  numbered two deep, every agreement carries its theme's number, and the heading of every level up stands in
  the document before its first topic.
"""

import re

from .shapes import FRAME, Hoofdstuk, Structure

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
            return "" if title.endswith(".") or FRAME.match(title) else title
    return ""
