"""A numbered table whose header words no rule knows ("Kenmerk | Opgave | Partij | Termijn"), read by what its
columns hold (docs/adr/0196): rows start with a number in the first cell, the agreements are the column with the
most words, and who carries them the first other column whose cells are short names or group words, without
figures. The columns get the names agreement_tables.py reads ("nr", "afspraak", "wie"); the others keep their
own. A monitoring matrix (short cells, figures, years) has no column of sentences and stays text.
"""

import re

from .parties import GROUP_WORDS

ROW_NUMBER = re.compile(r"^(?:[A-Z]{1,3}-|[A-Z])?\d{1,3}(?:\.\d{1,2}){0,2}\.?$")
RULE = re.compile(r"^[\s|:\-+=_]*$")
GROUP = re.compile(r"(?i)\b(?:" + "|".join(GROUP_WORDS.values()) + r"|partijen|samen|allen)\b")
ROWS_LOOKED_AT = 40
MATRIX = re.compile(r"(?i)^(?:19|20)\d\d$|indicator|streefwaarde|nulmeting")  # a monitoring matrix's columns


def _cells(line: str, framed: bool) -> list[str]:
    """A piped line's cells; `framed`: the table's lines open with a pipe ("| 1 | ..."), so the first part is
    none (in an unframed table an empty first part is the empty number cell of a wrapped row)."""
    parts = [p.strip() for p in line.split("|")]
    if framed and not parts[0]:
        parts = parts[1:]
    if line.rstrip().endswith("|") and not parts[-1]:
        parts = parts[:-1]
    return parts


def header(lines: list[str], i: int) -> list[tuple[int, str]] | None:
    """The columns of a piped table whose header is line i, named by what they hold, or None."""
    line = lines[i]
    if line.count("|") < 2 or len(line) > 400:
        return None
    framed = line.lstrip().startswith("|")
    names = _cells(line, framed)
    if len(names) < 3 or ROW_NUMBER.match(names[0]) or not all(names) or any(MATRIX.search(n) for n in names):
        return None
    rows: list[list[list[str]]] = []
    for raw in lines[i + 1 : i + 1 + ROWS_LOOKED_AT]:
        if not raw.strip() or RULE.match(raw) or ("|" not in raw and len(raw.split()) <= 10):
            continue  # a rule, or a title between the rows ("II Betaalbaarheid")
        cells = _cells(raw, framed)
        if len(cells) > len(names) or len(cells) < 2:
            break
        cells += [""] * (len(names) - len(cells))  # a wrapped row's empty cells at its end are left off
        if ROW_NUMBER.match(cells[0]):
            rows.append([[c] for c in cells])
        elif not cells[0] and rows:
            for column, cell in zip(rows[-1], cells, strict=True):
                column.append(cell)
        else:
            break
    if len(rows) < 2:
        return None
    words = [sum(len(" ".join(r[k]).split()) for r in rows) / len(rows) for k in range(len(names))]
    text = max(range(1, len(names)), key=lambda k: words[k])
    if words[text] < 6:
        return None  # no column of sentences: a matrix, a list of figures
    columns = [(0, "nr")] + [(k, name.lower()) for k, name in enumerate(names) if k][: len(names) - 1]
    columns[text] = (text, "afspraak")
    who = next((k for k in range(1, len(names)) if k != text and _names(rows, k)), None)
    if who is not None:
        columns[who] = (who, "wie")
    return columns


def _names(rows: list[list[list[str]]], k: int) -> bool:
    """Most of a column's cells are short names or group words, without figures."""
    cells = [" ".join(c for c in r[k] if c) for r in rows]
    filled = [c for c in cells if c]
    named = [
        c for c in filled if len(c.split()) <= 8 and not re.search(r"\d", c) and (c[:1].isupper() or GROUP.search(c))
    ]
    return bool(filled) and len(named) >= 0.8 * len(cells)
