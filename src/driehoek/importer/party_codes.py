"""Codes for the parties, defined in the document's own legend ("[G] staat voor de gemeente, [W] voor X"): where
an agreement ends in a bracket of such codes ("[G, W]"), the codes are written out as the names they stand for, so
that the bracket names its parties (numbering.inline_lead). No code is known in advance: only the legend's.
"""

import re

LEGEND = re.compile(
    r"[\[(]\s*([A-Z]{1,3})\s*[\])]\s+(?:staat\s+|staan\s+)?voor\s+(?:de\s+|het\s+)?"
    r"([A-Za-zÀ-ÿ'’\- ]{2,60}?)(?=\s*(?:[,;.:]|\s+en\s+[\[(]|\s+[\[(]|$))"
)
CODES = re.compile(r"[\[(]\s*([A-Z]{1,3}(?:\s*[,/]\s*[A-Z]{1,3})*)\s*[\])]")
HEAD = 20000  # a legend stands before the agreements


def legend(text: str, aliases: dict[str, str]) -> dict[str, str]:
    """Code -> the name it stands for, where that name is a party the document names (or a group word)."""
    from .table_shapes import GROUP

    flat = " ".join(text[:HEAD].split())
    found = {}
    for m in LEGEND.finditer(flat):
        name = m.group(2).strip()
        if name.lower() in aliases or GROUP.fullmatch(name):
            found[m.group(1)] = name
    return found if len(found) >= 2 else {}


def expand(lines: list[str], aliases: dict[str, str], defined: dict[str, str] | None = None) -> list[str]:
    """`defined`: code -> party, from the signing list ("hierna: X (XW)"); written out in responsibility lines."""
    if defined:
        lines = [_in_lead(line, defined) for line in lines]
    codes = legend("\n".join(lines[:2000]), aliases)
    if not codes:
        return lines

    def names(m: re.Match) -> str:
        parts = re.split(r"\s*[,/]\s*", m.group(1))
        if not all(p in codes for p in parts):
            return m.group(0)
        return "[" + ", ".join(codes[p] for p in parts) + "]"

    return [CODES.sub(names, line) if "[" in line or "(" in line else line for line in lines]


# "corp." for the corporations: the genre's abbreviation, in a column or line that says who.
ABBREVIATIONS = {r"corp\.?": "corporaties"}


def _in_lead(line: str, defined: dict[str, str]) -> str:
    """ "Trekker: GEM, VH" -> "Trekker: Gemeente X, Woonstichting Y": the codes a responsibility line uses, as the
    signing list defines them (whole words, in capitals as defined), and "corp." for the corporations."""
    from .shapes import RESPONSIBLE

    m = RESPONSIBLE.match(line.strip())
    if not m:
        return line
    who = m.group(1)
    for code, name in defined.items():
        who = re.sub(rf"(?<![\w-]){re.escape(code)}(?![\w-])", name, who)
    for short, words in ABBREVIATIONS.items():
        who = re.sub(rf"(?i)(?<![\w-]){short}(?=\W|$)", words, who)
    head = line.strip()[: m.start(1)]
    return f"{head}{who}"
