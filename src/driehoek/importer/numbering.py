"""After the pass: titles of agreements where the document titles them, and numbers made unique in
a set (numbering that restarts per theme gets the theme's number in front)."""

import re

from .shapes import BULLET, SENTENCE_END, Afspraak, Structure


def _title_of(agreement: Afspraak) -> tuple[str, int]:
    """A short first line without a full stop, followed by a new sentence, is the agreement's title."""
    if agreement.bullet or len(agreement.lines) < 2:
        return "", 0
    block, k = [agreement.lines[0][1]], 1
    while (
        k < len(agreement.lines) and (agreement.lines[k][1][:1].islower() or agreement.lines[k][1][:1] == "(") and k < 3
    ):
        block.append(agreement.lines[k][1])
        k += 1
    title = " ".join(block).strip()
    if k >= len(agreement.lines) or not title:
        return "", 0
    nxt = agreement.lines[k][1]
    if (
        len(title.split()) <= 22
        and not title.endswith(SENTENCE_END)
        and not re.search(r"[.;!?]\s", title)
        and (nxt[:1].isupper() or BULLET.match(nxt))
    ):
        return title, k
    return "", 0


def _renumber(structure: Structure) -> None:
    """Numbers must be unique in a set: numbering that restarts per theme gets the theme's number in front."""
    themes = structure.themes
    seen, clash = set(), False
    for theme in themes:
        for a in theme.agreements:
            if not a.number.startswith("#"):
                clash |= a.number in seen
                seen.add(a.number)
    for t_index, theme in enumerate(themes, start=1):
        prefix = theme.number or str(t_index)
        for a in theme.agreements:
            if a.number.startswith("#"):
                a.number = f"{prefix}.{a.number[1:]}" if len(themes) > 1 else a.number[1:]
            elif clash and "." not in a.number:
                a.number = f"{prefix}.{a.number}"
    if clash:
        structure.notes.append("restart")
    # Whatever the document did, a number stands once in a set: a repeat gets a letter (7, 7b, 7c).
    used: set[str] = set()
    for theme in themes:
        for a in theme.agreements:
            number, letter = a.number, "b"
            while number in used:
                number = f"{a.number}{letter}"
                letter = chr(ord(letter) + 1)
            a.number = number
            used.add(number)
