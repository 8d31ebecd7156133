"""Layout variants of a text, for measuring how general the reading is without the held-out documents
(manage.py importer_eval --varianten): the tuning documents' text as other extractors and editors give it.
Each variant keeps the words and their order, so the ground truth stays true."""

import re


def without_blank_lines(text: str) -> str:
    """As a PDF's text layer often comes: no blank lines between paragraphs."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def without_page_breaks(text: str) -> str:
    return text.replace("\f", "\n")


def other_bullets(text: str) -> str:
    return re.sub(r"(?m)^(\s*)[–•●\-]\s", r"\1• ", text)


def double_spaced(text: str) -> str:
    """A blank line after every line, as some extractors give it."""
    return "\n".join(line + "\n" if line.strip() else line for line in text.split("\n"))


def other_column_heads(text: str) -> str:
    """The header of every table of agreements in words no rule knows ("Kolom 1 | Kolom 2 | ..."), in place."""
    from .agreement_tables import _header, _matrix

    out = []
    for line in text.split("\n"):
        columns = _header(line)
        if columns is None or _matrix(columns):
            out.append(line)
        elif line.count("|") >= 2:
            parts = line.split("|")
            out.append("|".join(f" Kolom {k} ".ljust(len(p)) if p.strip() else p for k, p in enumerate(parts, 1)))
        else:
            chars = list(line)
            for k, (start, name) in enumerate(columns, start=1):
                chars[start : start + len(name)] = list(f"K{k}".ljust(len(name)))
            out.append("".join(chars))
    return "\n".join(out)


VARIANTS = {
    "zonder witregels": without_blank_lines,
    "zonder paginagrenzen": without_page_breaks,
    "andere opsommingstekens": other_bullets,
    "dubbele regelafstand": double_spaced,
    "andere kolomkoppen": other_column_heads,
}
