"""A "wie doet wat" table: a piped table whose columns are the parties ("Opgave | Gemeente | Corporaties |
Huurdersorganisaties") and whose cells are the agreements. Each filled cell becomes an agreement of its own, as a
bullet with its column as the responsibility line ("Trekker: corporaties."), in the order of the rows and then the
columns; the row's first cell (the task, "Nieuwbouw") stays beside it as a labelled line. A dash is no agreement.
The columns are told by what they hold: all but the first are group words or short names, at least two of them
group words, and the cells are sentences. No party's name is known here.
"""

import re

from .table_shapes import GROUP, RULE

EMPTY = re.compile(r"^[\s\-–—.]*$")  # "–": the party has no agreement on this task
ROWS_AT_MOST = 200


def _cells(line: str, width: int, framed: bool) -> list[str] | None:
    """A line's cells; `framed`: the header opens with a pipe (else an empty first part is an empty first cell)."""
    parts = [p.strip() for p in line.split("|")]
    if framed and not parts[0]:
        parts = parts[1:]
    if len(parts) > width and not parts[-1]:
        parts = parts[:-1]
    if 2 <= len(parts) < width:
        parts += [""] * (width - len(parts))  # a wrapped row's empty cells at its end are left off
    return parts if len(parts) == width else None


def header(line: str) -> list[str] | None:
    """The column names of a party table's header line, or None."""
    if line.count("|") < 2 or len(line) > 400:
        return None
    names = _cells(line, line.strip().strip("|").count("|") + 1, line.lstrip().startswith("|"))
    if not names or len(names) < 3 or not all(names):
        return None
    parties = names[1:]
    short = all(len(n.split()) <= 3 and n[:1].isupper() and not re.search(r"\d", n) for n in parties)
    return names if short and sum(bool(GROUP.fullmatch(n)) for n in parties) >= 2 else None


def convert(lines: list[str], i: int) -> tuple[list[str], int, int] | None:
    """The lines of the party table whose header is line i, as bullets with their responsibility lines; the line
    after the table; and the number of agreements. None where line i heads no such table or its cells are no
    sentences."""
    names = header(lines[i])
    if names is None:
        return None
    rows: list[list[list[str]]] = []
    k = i + 1
    while k < len(lines) and len(rows) < ROWS_AT_MOST:
        line = lines[k]
        if line.strip() and RULE.match(line):
            k += 1
            continue
        cells = _cells(line, len(names), lines[i].lstrip().startswith("|")) if line.strip() else None
        if cells is None:
            break
        if cells[0] or not rows:
            rows.append([[c] for c in cells])
        else:
            for column, cell in zip(rows[-1], cells, strict=True):
                column.append(cell)
        k += 1
    texts = [[" ".join(p for p in column if p).replace("- ", "-") for column in row] for row in rows]
    filled = [cell for row in texts for cell in row[1:] if not EMPTY.match(cell)]
    if len(rows) < 1 or not filled or sum(len(c.split()) for c in filled) / len(filled) < 5:
        return None
    out: list[str] = []
    flat = " ".join(lines[: min(len(lines), 3000)])
    for row in texts:
        for name, cell in zip(names[1:], row[1:], strict=True):
            if not EMPTY.match(cell):
                out += ["", f"• {cell}"]
                if not _opens_with_a_name(cell, flat):  # "De X verhuurt ...": that one party, not the column
                    out.append(f"Trekker: {name.lower() if GROUP.fullmatch(name) else name}.")
                out.append("")
                out.append(f"{names[0].capitalize()}: {row[0]}") if row[0] else None
    return out + ["", ""], k, len(filled)


def _opens_with_a_name(cell: str, flat: str) -> bool:
    """The cell opens with a name ("De X verhuurt", "X isoleert"), not with a verb ("Bouwen samen"): the document
    writes its opening words with a capital inside a sentence too."""
    m = re.match(r"((?:De|Het)\s+)?([A-Z][\w'-]+)\s+[a-z]", cell)
    if not m:
        return False
    words = f"{m.group(1) or ''}{m.group(2)}"
    return re.search(rf"(?:[a-z,]|\b(?:de|het))\s+{re.escape(m.group(2))}\b", flat) is not None and (
        m.group(1) is not None or re.search(rf"[a-z,]\s+{re.escape(words)}\b", flat) is not None
    )
