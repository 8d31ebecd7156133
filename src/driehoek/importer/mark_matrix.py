"""Who carries each agreement, from a matrix of marks (docs/adr/0203): a table, often in an annex, whose rows are
the agreements' numbers and whose columns are the parties, a mark ("x", "✓", "●") where a party is responsible:

    Nr   | Onderwerp      | Gemeente | Corporatie A | Huurdersraad B
    I.1  | Nieuwbouw      |          | x            |
    I.2  | Huurbeleid     | x        | x            | x

The columns are told by what they hold, not by a list of names: the party columns are short names or group words
in the header whose cells hold marks only (at least two such columns, marks in at least two rows); another column
with words (a subject) stays a label. The table is typed with pipes, or aligned (its columns two spaces or more
apart, a row's cells read at the header's columns). The table is written as plain lines that no reading takes
for agreements ("Nieuwbouw (I.1): Corporatie A"), and what it says is kept per number, to be the responsible
parties of the agreements with that number that name no responsible party of their own (`apply`).
"""

import re

from django.utils.translation import gettext as _

from .table_shapes import GROUP, RULE

MARK = re.compile(r"(?i)^(?:x|v|✓|✔|●|•|\+|ja)$")
NUMBER = re.compile(r"^(?:[IVX]{1,5}\.|[A-Z]{1,3}-?|[A-Z]\.)?\d{1,3}(?:\.\d{1,2}){0,2}\.?$|^[IVX]{1,5}\.\d{1,2}$")
NUMBER_HEAD = re.compile(r"(?i)^(?:nr\.?|nummer|no\.?|#|afspraak(?:\s*(?:nr\.?|nummer))?)$")
ROWS_AT_MOST = 400


def _header(line: str) -> tuple[list[str], list[int] | None] | None:
    """The column names of a header line, and where each column starts (None for a piped table)."""
    if line.count("|") >= 3:
        return [p.strip() for p in line.strip().strip("|").split("|")], None
    if "|" in line:
        return None
    found = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]  # two spaces part columns
    return ([name for _start, name in found], [start for start, _name in found]) if len(found) >= 3 else None


def _cells(line: str, width: int, starts: list[int] | None = None) -> list[str] | None:
    """A row's cells: between pipes, or (`starts`) at the header's columns, a cell a character early or late."""
    if starts is not None:
        from .table_cells import cut as _cut

        if "|" in line or not line.strip():
            return None
        bounds = [0] + [_cut(line, start) for start in starts[1:]] + [len(line)]
        return [line[bounds[k] : bounds[k + 1]].strip() for k in range(width)]
    if line.count("|") < 2:
        return None
    parts = [p.strip() for p in line.strip().strip("|").split("|")]
    parts += [""] * (width - len(parts))  # empty cells at a row's end may be left off
    return parts if len(parts) == width else None


def _short_name(name: str) -> bool:
    return 1 <= len(name.split()) <= 3 and name[:1].isupper() and not re.search(r"\d", name)


def _row_at(lines: list[str], k: int, width: int, starts: list[int] | None) -> bool:
    """Line k is a numbered row or the rule under the header."""
    if k < len(lines) and lines[k].strip() and RULE.match(lines[k]):
        return True
    cells = _cells(lines[k], width, starts) if k < len(lines) else None
    return cells is not None and NUMBER.match(cells[0]) is not None


def convert(lines: list[str], i: int, leads: dict[str, str]) -> tuple[list[str], int] | None:
    """The lines of the matrix of marks whose header is line i, as plain lines, and the line after it; what it says
    goes into `leads` (number -> the parties, as a responsibility line names them). None where line i heads none."""
    line = lines[i]
    header = _header(line) if len(line) <= 400 else None
    if header is None or not NUMBER_HEAD.match(header[0][0]) or not all(header[0]):
        return None
    names, starts = header
    rows, k = [], i + 1
    while k < len(lines) and len(rows) < ROWS_AT_MOST:
        if (
            lines[k].strip()
            and RULE.match(lines[k])
            or not lines[k].strip()
            and _row_at(lines, k + 1, len(names), starts)
        ):
            k += 1  # a rule, or a blank line between rows (a text with a blank line after every line)
            continue
        cells = _cells(lines[k], len(names), starts)
        if cells is None or not NUMBER.match(cells[0]):
            break
        rows.append(cells)
        k += 1
    columns = [
        c
        for c in range(1, len(names))
        if _short_name(names[c])
        and any(row[c] for row in rows)
        and all(not row[c] or MARK.match(row[c]) for row in rows)
    ]
    marked = [row for row in rows if any(row[c] for c in columns)]
    if len(columns) < 2 or len(marked) < 2:
        return None
    labels = [c for c in range(1, len(names)) if c not in columns]
    out = [""]
    for row in rows:
        who = [names[c].lower() if GROUP.fullmatch(names[c]) else names[c] for c in columns if row[c]]
        label = " ".join(row[c] for c in labels if row[c])
        number = row[0].rstrip(".")
        # The number not first, so that no reading takes the line for an agreement: "Nieuwbouw (I.1): X, Y".
        out.append(f"{label or 'Afspraak'} ({number}): {', '.join(who) or '–'}")
        if who:
            leads[number] = ", ".join(who)
    return out + ["", ""], k


def on_page(text: str) -> bool:
    """A PDF page's text (its cells one after the other) that holds a matrix of marks: a line that opens with a number
    word, and three or more lines that open with a number and end in a mark ("I.4 Kloosterhof x x")."""
    lines = text.splitlines()
    if not any(NUMBER_HEAD.match(line.split()[0]) for line in lines if line.split()):
        return False
    rows = 0
    for line in lines:
        words = line.split()
        if len(words) >= 2 and NUMBER.match(words[0]) and MARK.match(words[-1]):
            rows += 1
    return rows >= 3


def apply(structure, leads: dict[str, str], parties: list) -> list[str]:
    """The matrix's parties for every agreement with its number that names no responsible party of its own. Only a
    matrix whose every marked column is one party of the document (by name, short name, group word or abbreviation:
    "Gem.", "Lindeh.") says who; a column that is none of them ("Overig", "Wijkteam") leaves the whole matrix out, and
    the agreements' own text says who (docs/adr/0209). What the review screen must say about it is returned."""
    if not leads:
        return []
    columns = {name for who in leads.values() for name in who.split(", ")}
    named = {name: _column_party(name, parties) for name in columns}
    if unknown := sorted(name for name, party in named.items() if not party):
        return [
            _(
                "Een tabel met kruisjes is niet gebruikt voor wie verantwoordelijk is: %(k)s is geen partij van "
                "dit document. Controleer de verantwoordelijken naast de brontekst."
            )
            % {"k": ", ".join(unknown)}
        ]
    for theme in structure.themes:
        for agreement in theme.agreements:
            who = leads.get(agreement.number.rstrip("."))
            if who and not (agreement.lead or agreement.by_heading or agreement.section_parties):
                agreement.lead = ", ".join(dict.fromkeys(n for name in who.split(", ") for n in named[name]))
    return [_("Wie verantwoordelijk is voor %(n)s afspraken, gelezen uit een tabel met kruisjes") % {"n": len(leads)}]


def _column_party(name: str, parties: list) -> list[str]:
    """The parties a column's header names: a name, short name or group word the document uses ("Gemeente",
    "corporaties"), or an abbreviation of one party's name with its full stop ("Gem.", "Lindeh.", "Esd."): its
    letters in order in one word of that name, its first three that word's first three, and no other party's."""
    from . import tables

    if resolved := tables.resolve(name, parties):
        return resolved
    letters = name[:-1].lower() if name.endswith(".") else ""
    if not re.fullmatch(r"[^\W\d_]{3,}", letters):
        return []
    pattern = re.compile(".*?".join(map(re.escape, letters)))
    matched = [
        p.name
        for p in parties
        if any(w.lower().startswith(letters[:3]) and pattern.match(w.lower()) for a in p.aliases for w in a.split())
    ]
    return matched if len(matched) == 1 else []
