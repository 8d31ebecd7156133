"""Agreements in a table (Nr | Afspraak | Toelichting | Verantwoordelijk | Wanneer), typed with pipes or
as aligned columns: each row becomes lines the structure reader knows ("Afspraak 1.1: ...", and a
responsibility line "Trekker: ..."), with its other cells kept as labelled lines.

A table is recognised by its header words, whatever the order of its columns: a number column ("Nr",
"Nummer", "#") and a column of agreements ("Afspraak", "Wat", "Actie", "Maatregel"); a column naming who
("Wie", "Trekker", "Actiehouder", "Eigenaar", "Lead", "Uitvoering door") gives the responsible parties.
A monitoring matrix (a number column and "Indicator" or years: Nr | Indicator | Actiehouder | 2026 | 2027)
is read too, and kept as text that no rule takes for agreements. Rows start where the number column holds
a number ("3", "1.2", "A1"); cells wrapped over several lines are joined. The table ends at a line that
does not fit its columns (a heading, a paragraph).
"""

import re

from . import mark_matrix, party_columns, table_shapes, table_themes
from .shapes import comma_list, double_spaced
from .table_cells import cells as _cells
from .table_cells import split as _split

BREAK = "\f"  # as extract.BREAK: a page break left by the cleaning

# "Nr", "#", and a reference ("Ref.", "Kenmerk", "Code") where the rows carry codes ("BT-1").
NUMBER_HEAD = re.compile(
    r"(?i)^(?:nr\.?|nummer|no\.?|nº|#|ref\.?|referentie|kenmerk|code|afspraak\s*(?:nr\.?|nummer))$"
)
AGREEMENT_HEAD = re.compile(
    r"(?i)^(?:afspraak|afspraken|wat|omschrijving|prestaties?|acties?|maatregel(?:en)?|activiteit(?:en)?|inzet"
    r"|wat (?:spreken we af|gaan we doen|doen we))\??$"
)
RESPONSIBLE_HEAD = re.compile(
    r"(?i)^(?:verantwoordelijke?(?:\s+partij(?:en)?)?|verantwoordelijkheid|wie(?: doet het| trekt)?|trekkers?"
    r"|actiehouders?|door wie|partij(?:en)?|eigenaar|lead|uitvoering(?: door)?|uitvoerders?|penvoerder|regie)$"
)
WHEN_HEAD = re.compile(r"(?i)^(?:wanneer|planning|gereed|termijn|jaar|periode|datum)$")
ROW_NUMBER = re.compile(r"^(?:[A-Z]{1,3}-|[A-Z])?\d{1,3}(?:\.\d{1,2}){0,2}\.?$")  # "3", "1.2", "A1", "TK-4"
RULE = re.compile(r"^[\s|:\-+=_]*$")


def convert(lines: list[str], numbered: int = 0, marks=None) -> tuple[list[str], int]:
    """The lines with every agreement table rewritten as agreement lines; and the number of rows read.
    `numbered`: rows of tables without a number column read before (on earlier pages): the count goes on.
    `marks` (table_themes.Marks): theme rows met on every page, applied by the caller once all are read."""
    out: list[str] = []
    rows_read, i = 0, 0
    # Text extracted with a blank line after every line: one blank line does not end a table.
    double = double_spaced(lines)
    own = marks is None
    marks = table_themes.Marks() if own else marks  # theme rows inside the tables, and their captions
    # A page's first lines: its running header, then the rows of a table that goes on from the page before.
    top = [k for k, line in enumerate(lines) if line.strip() and line != BREAK][:2]
    while i < len(lines):
        if (by_marks := mark_matrix.convert(lines, i, marks.leads)) is not None:  # "Nr | Gemeente | X" with marks
            converted, i = by_marks
            out += converted
            continue
        if (by_party := party_columns.convert(lines, i)) is not None:  # "Opgave | Gemeente | Corporaties | ..."
            converted, i, count = by_party
            out += converted
            rows_read += count
            continue
        columns = _header(lines[i]) or table_shapes.header(lines, i)  # header words, or what the columns hold
        continued = columns is None and i in top and _continues(lines[i], marks.open)
        if continued:
            columns = marks.open  # a piped table goes on at the top of the next page, its header not repeated
        elif columns is None:
            out.append(lines[i])
            i += 1
            continue
        else:
            marks.header_at(out)
        if not any(NUMBER_HEAD.match(name) for _s, name in columns):
            # "Afspraak | Wie | Wanneer" without a number column: rows numbered in their order; a row that
            # fills one cell only ("2. Betaalbaarheid") is a heading between them.
            items, i = _plain_rows(lines, i + 1, columns, double)
            for item in items:
                if isinstance(item, str):
                    out += ["", item]
                    marks.heading(out, item)
                    out.append("")
                else:
                    rows_read += 1
                    out += _as_lines([[str(numbered + rows_read)], *item], [(0, "nr"), *columns])
            out += ["", ""]
            continue
        piped_table = continued or "|" in lines[i]
        items, i = _rows(lines, i if continued else i + 1, columns, double, piped=True if continued else None)
        marks.open = columns if piped_table and not _matrix(columns) else None
        columns = [columns[k] for k in _order(columns)]
        matrix = _matrix(columns)
        if matrix:
            out.append("  ".join(name for _s, name in columns))
        for row in items:
            if isinstance(row, str):
                out += ["", row]  # a heading between the rows ("II Betaalbaarheid")
                marks.heading(out, row)
                out.append("")
            elif matrix:
                # Kept as text, with a dash after the number so that no row reads as an agreement.
                out.append(f"{_join(row[0])} – " + " | ".join(_join(cell) for cell in row[1:]))
            else:
                rows_read += 1
                out += _as_lines(row, columns)
        out += ["", ""]
    if own:
        marks.apply()
    return out, rows_read


def _continues(line: str, columns: list[tuple[int, str]] | None) -> bool:
    """A piped row with a number in the number column, as many cells as the last table: that table's next row."""
    if columns is None or line.count("|") != len(columns) - 1:
        return False
    found = _cells(line, columns, True)
    return found is not None and ROW_NUMBER.match(found[_order(columns)[0]]) is not None


def _header(line: str) -> list[tuple[int, str]] | None:
    if line == BREAK or len(line) > 400:
        return None
    cells = [(start, text) for start, text in _split(line) if text or "|" not in line]
    names = [text for _start, text in cells]
    if len(names) < 2:
        return None
    columns = [(start, text.lower()) for start, text in cells]
    if not any(NUMBER_HEAD.match(n) for n in names):
        # Without a number column only a piped table whose other columns say who or when.
        piped = line.count("|") >= 2 and any(AGREEMENT_HEAD.match(n) for n in names)
        return columns if piped and any(RESPONSIBLE_HEAD.match(n) or WHEN_HEAD.match(n) for n in names) else None
    if not any(AGREEMENT_HEAD.match(re.sub(r"\s*\(.*\)$", "", n)) for n in names) and not _matrix(columns):
        return None
    return columns


def _order(columns: list[tuple[int, str]]) -> list[int]:
    """The columns with the number column first (a table may put "Wie" before "Nr")."""
    number = next(k for k, (_start, name) in enumerate(columns) if NUMBER_HEAD.match(name))
    return [number] + [k for k in range(len(columns)) if k != number]


def _matrix(columns: list[tuple[int, str]]) -> bool:
    """A monitoring matrix (Nr | Afspraak (kort) | Indicator | 2026 | ..., Nr | Indicator | Actiehouder): its rows
    are not agreements. A table of agreements may have an indicator column beside its "Wat" and "Wie"."""
    names = [name for _start, name in columns]
    if any(re.match(r"^(?:19|20)\d{2}$", name) for name in names):
        return True
    agreements = any(AGREEMENT_HEAD.match(name) for name in names)
    return any(re.search(r"(?i)indicator|streefwaarde", name) for name in names) and not agreements


def _rows(
    lines: list[str], i: int, columns: list[tuple[int, str]], double: bool = False, piped: bool | None = None
) -> tuple[list, int]:
    """The rows of a numbered table, and the headings between them: a short title outside the columns with
    rows after it ("II Betaalbaarheid" over its rows). Piped where its header is, unless `piped` says."""
    piped = "|" in lines[i - 1] if piped is None else piped
    rows: list[list[list[str]]] = []
    items: list = []
    blanks = 0
    while i < len(lines):
        line = lines[i]
        if line == BREAK or _header(line) is not None or (line.strip() and RULE.match(line)):
            i += 1
            continue
        if not line.strip():
            blanks += 1
            if blanks >= (3 if double else 2) and items:
                break
            i += 1
            continue
        while piped and 0 < line.count("|") < len(columns) - 1 and i + 1 < len(lines) and lines[i + 1].strip():
            i += 1  # a piped row that the page wrapped over two lines
            line = f"{line} {lines[i]}"
        cells = _cells(line, columns, piped)
        cells = [cells[k] for k in _order(columns)] if cells is not None else None
        # A heading: a line outside the columns, or a row whose first cell alone is filled, with no number in it
        # ("II Wonen | | |").
        alone = cells is not None and bool(cells[0]) and not any(cells[1:]) and not ROW_NUMBER.match(cells[0])
        heading = line.strip() if cells is None else (cells[0] if alone else "")
        if not piped and table_themes.title_line(line, ROW_NUMBER):
            heading = line.strip()  # an aligned table's title between its rows: one run of words from the margin
        if heading and _title(heading) and _rows_follow(lines, i + 1, columns, aligned=not piped):
            items.append(table_themes.inside(heading, _header_next(lines, i + 1)))
            rows, blanks, i = [], 0, i + 1
            continue
        if cells is None or (cells[0] and not ROW_NUMBER.match(cells[0])) or (not cells[0] and not rows):
            break
        if cells[0]:
            rows.append([[c] if c else [] for c in cells])
            items.append(rows[-1])
        else:
            for column, cell in zip(rows[-1], cells, strict=True):
                if cell:
                    column.append(cell)
        blanks = 0
        i += 1
    return items, i


def _plain_rows(lines: list[str], i: int, columns: list[tuple[int, str]], double: bool = False) -> tuple[list, int]:
    """Rows of a piped table without numbers, and the headings between them (a line or a row with one cell
    filled, over more rows). A row starts after a rule line, where a first column other than the agreement
    fills its cell (a subject: "Nieuwbouw"), or where the agreement cell starts a new sentence after one
    that ended. The header repeated on a next page is skipped."""
    what = next(k for k, (_s, name) in enumerate(columns) if AGREEMENT_HEAD.match(name))
    items: list = []
    rows: list[list[list[str]]] = []
    boundary = True
    while i < len(lines):
        line = lines[i]
        if line == BREAK or (line.strip() and RULE.match(line)) or _header(line) is not None:
            boundary, i = True, i + 1
            continue
        # A blank line between rows (double-spaced text) does not end the table.
        if (
            not line.strip()
            and i + 1 < len(lines)
            and lines[i + 1].strip()
            and (double or _goes_on(lines, i + 1, columns))
        ):
            i += 1
            continue
        cells = _cells(line, columns, True) if line.count("|") >= len(columns) - 1 else None
        # A heading: a line outside the columns, or a row whose first cell alone is filled (not the agreement's:
        # that is a wrapped row).
        heading = line.strip() if cells is None else (cells[0] if what > 0 and not any(cells[1:]) else "")
        if heading and _title(heading) and _rows_follow(lines, i + 1, columns):
            items.append(table_themes.inside(heading, _header_next(lines, i + 1)))
            boundary, i = True, i + 1
            continue
        if cells is None:
            break
        text = cells[what]
        ended = bool(rows) and _join(rows[-1][what]).endswith((".", "!", "?"))
        if not rows or boundary or (what > 0 and cells[0]) or (text[:1].isupper() and ended):
            rows.append([[c] if c else [] for c in cells])
            items.append(rows[-1])
        else:
            for column, cell in zip(rows[-1], cells, strict=True):
                if cell:
                    column.append(cell)
        boundary, i = False, i + 1
    return items, i


def _title(text: str) -> bool:
    """A short title; a numbered one may hold a comma ("5 Wonen, welzijn en zorg"), and so may a list ("Zorg,
    welzijn en leefbaarheid")."""
    numbered = re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z]", text) is not None
    return (
        0 < len(text.split()) <= 10
        and (text[:1].isupper() or text[:1].isdigit())
        and not re.search(r"[;:]|\.$", text)
        and (numbered or "," not in text or comma_list(text))
    )


def _rows_follow(lines: list[str], i: int, columns: list[tuple[int, str]], aligned: bool = False) -> bool:
    """Rows come next, under this title and any titles below it ("2 Wonen" + "2.1 Nieuwbouw" + rows); in an
    `aligned` table (no pipes) a row opens with its number at the margin."""
    following = [x for x in lines[i : i + 6] if x.strip() and not RULE.match(x)]
    while len(following) > 1 and following[0].count("|") < 2 and _title(following[0].strip()):
        following = following[1:]
    nxt = following[0] if following else ""
    row = aligned and "|" not in nxt and bool(nxt[:1].strip()) and ROW_NUMBER.match(nxt.split()[0]) is not None
    return nxt.count("|") >= len(columns) - 1 or _header(nxt) is not None or row


def _header_next(lines: list[str], i: int) -> bool:
    """A table's header comes next (the title stands above a new table, not inside one)."""
    nxt = next((x for x in lines[i : i + 6] if x.strip() and x != BREAK and not RULE.match(x)), "")
    return _header(nxt) is not None


def _goes_on(lines: list[str], i: int, columns: list[tuple[int, str]]) -> bool:
    """The next line is the table's: a rule, a row, or a heading with rows under it."""
    nxt = lines[i].strip() if i < len(lines) else ""
    if not nxt or nxt == BREAK:
        return False
    return (
        bool(RULE.match(nxt))
        or nxt.count("|") >= len(columns) - 1
        or (_title(nxt) and _rows_follow(lines, i + 1, columns))
    )


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = text[:-1] + part if text.endswith("-") and part[:1].islower() else f"{text} {part}".strip()
    return text


def _as_lines(row: list[list[str]], columns: list[tuple[int, str]]) -> list[str]:
    number = _join(row[0]).rstrip(".")
    agreement = next(
        (k for k in range(1, len(columns)) if AGREEMENT_HEAD.match(re.sub(r"\s*\(.*\)$", "", columns[k][1]))), 1
    )
    out = [f"Afspraak {number}: {_join(row[agreement])}"]
    responsible = ""
    for k, ((_start, name), parts) in enumerate(zip(columns, row, strict=True)):
        text = _join(parts)
        if k in (0, agreement) or not text:
            continue
        if RESPONSIBLE_HEAD.match(name) and not responsible:
            responsible = text
        else:
            out.append(f"{name.capitalize()}: {text}")
    if responsible:
        out.append(f"Trekker: {responsible}.")  # the full stop ends the names for the party finder
    return out
