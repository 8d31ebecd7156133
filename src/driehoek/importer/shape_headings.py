"""The headings of the shape reading (shape_reading.py, docs/adr/0195): short titles standing apart between the
units, whatever their shape; a heading wrapped in a narrow PDF column is read whole."""

import re

from .extract import BREAK
from .line_marks import Mark, mark
from .shapes import DOEL, RESPONSIBLE, is_heading_title, wraps_names

SOFT = "\x00"  # a blank line of a double-spaced text: passed over
FIELD = re.compile(r"^[A-Z][\w/ ]{1,25}:\s*\S")
# A finished sentence with who does it in brackets after it, or those brackets on a line of their own: a text
# without blank lines still ends there.
CLOSED_BY_PARTIES = re.compile(r"(?:[.!?]\s*|^)(?:\([^()]{1,80}\)|\[[^\[\]]{1,80}\])$")
OPEN_END = re.compile(r"(?i)\b(?:de|het|een|en|of|van|voor|met|aan|bij|in|op|te|door|naar|om|dat|die|zich)$")


def headings(lines: list[str], marks: list[Mark | None], type_=None) -> dict[int, tuple[str, str, str]]:
    """Line -> (shape, number, title) of every short title standing apart: after a blank line, a page break, a
    field line or a finished sentence, or set larger or bold; not ending a sentence itself, the next line not going
    on with it (in lower case, with a figure or an amount: "42% een label ...")."""
    heads = {}
    before, before_head = "", False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if raw == SOFT:
            continue
        if not line or raw == BREAK:
            before, before_head = "", False
            continue
        m = marks[i]
        title = m.rest if m is not None and m.values else line
        nxt = next_line(lines, i)
        if set_alike(type_, line, nxt) and i + 1 < len(lines) and lines[i + 1].strip() == nxt:
            title, nxt = f"{title} {nxt}", next_line(lines, i + 1)  # a heading wrapped in a narrow column
            lines[i + 1], marks[i + 1] = SOFT, None
        if (r := RESPONSIBLE.match(before)) and wraps_names(r.group(1), line, nxt):
            before = line  # "Partijen: gemeente, X, HBV" + "Noord": the name goes on
            continue
        apart = (
            not before
            or before.endswith((".", ":", "!", "?", ";"))
            or CLOSED_BY_PARTIES.search(before) is not None  # "... verhoogt. (gemeente)", "... woning. [W]"
            or before.isupper()
            # A heading under a heading: numbered ("2 Afspraken" + "2.1 Wonen"), or a short title without a comma.
            or (before_head and (m is not None or (len(line.split()) <= 6 and "," not in line)))
            or bool(FIELD.match(before) or RESPONSIBLE.match(before))  # "Wie: X" then "2 Betaalbaarheid"
            or (type_ is not None and (type_.larger(line) or type_.bold(line)))
        )
        if (
            apart
            and title
            and is_heading_title(title)
            and len(title.split()) <= 9
            and not title.endswith((".", ":", "?", ","))
            and not FIELD.match(line)
            and not RESPONSIBLE.match(line)
            and not DOEL.match(line)
            and not OPEN_END.search(title)
            and not (goes_on(nxt) and mark(nxt) is None)
            and not (m is not None and not m.values)
        ):
            heads[i] = (m.shape if m is not None else ("CAPS" if title.isupper() else "title"), num(m), title)
        before, before_head = line, i in heads
    return heads


def set_alike(type_, line: str, nxt: str) -> bool:
    """In a PDF: the next line is set larger or bold as this one is, and short: the rest of its title."""
    if type_ is None or not nxt or len(nxt.split()) > 4 or not (type_.larger(line) or type_.bold(line)):
        return False
    return type_.larger(line) == type_.larger(nxt) and type_.bold(line) == type_.bold(nxt) and nxt[:1].islower()


def next_line(lines: list[str], k: int) -> str:
    return next((x.strip() for x in lines[k + 1 : k + 3] if x.strip() and x not in (BREAK, SOFT)), "")


def goes_on(nxt: str) -> bool:
    """The next line goes on with a sentence: in lower case, with a figure or an amount ("€ 135 per woning")."""
    return bool(nxt) and (nxt[:1].islower() or nxt[:1].isdigit() or nxt[:1] in "€%(/&+")


def num(m: Mark | None) -> str:
    return m.number if m is not None and m.values else ""
