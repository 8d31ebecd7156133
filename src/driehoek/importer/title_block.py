"""Parties from a title block: a line of names between separators ("Gemeente X · Woonstichting Y · Z Wonen ·
Huurdersvereniging W"), wrapped over the next line or not. Every name on such a line has an organisation
word of its own (gemeente, a housing, tenants' or care word), so its kind is its own."""

import re

SEPARATOR = re.compile(r"\s+[·|–•]\s+|\s+[·|–•]$")
HEAD_LINES = 40  # a title block stands at the top


def names(text: str) -> list[str]:
    """The names on the title block's lines of names, in order."""
    from .parties import kind_of

    lines = [line.strip() for line in text.split("\f", 1)[0].splitlines()[:HEAD_LINES]]
    found: list[str] = []
    for k, line in enumerate(lines):
        if not SEPARATOR.search(line):
            continue
        following = lines[k + 1] if k + 1 < len(lines) else ""
        after = lines[k + 2] if k + 2 < len(lines) else ""
        # A name wrapped to the next line: the line ends in a separator, or a short line follows before a blank.
        # Or the line ends in an organisation word alone ("... – Huurdersvereniging" + "Wonen en Leven").
        bare_word = len(SEPARATOR.split(line)[-1].split()) == 1 and bool(kind_of(SEPARATOR.split(line)[-1], ""))
        if (
            following
            and not SEPARATOR.search(following)
            and (re.search(r"[·|–•]$", line) or (len(following.split()) <= 3 and (not after or bare_word)))
        ):
            line = f"{line} {following}"
        parts = [p.strip() for p in SEPARATOR.split(line) if p and p.strip()]
        if len(parts) < 2 or not all(_name_like(p) and kind_of(p, default="") for p in parts):
            continue
        found += [p[0].upper() + p[1:] for p in parts if p not in found]
    return found


def _name_like(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 6 and not re.search(r"\d", part) and all(w[:1].isupper() or w.islower() for w in words)
