"""Parties from a document's head.

- A title block: a line of names between separators ("Gemeente X · Woonstichting Y · Z Wonen ·
  Huurdersvereniging W"), wrapped over the next line or not. Every name on such a line has an organisation
  word of its own (gemeente, a housing, tenants' or care word), so its kind is its own.
- An opening sentence that enumerates the parties, some without an organisation word (beside_parties)."""

import re

SEPARATOR = re.compile(r"\s+[·|–•]\s+|\s+[·|–•]$")
HEAD_LINES = 40  # a title block stands at the top


def names(text: str) -> list[str]:
    """The names on the title block's lines of names, in order."""
    from .parties import kind_of

    lines = [line.strip() for line in text.split("\f", 1)[0].splitlines()[:HEAD_LINES]]
    found: list[str] = []
    flat = " ".join(text.split())
    for k, line in enumerate(lines):
        if not SEPARATOR.search(line):
            continue
        following = lines[k + 1] if k + 1 < len(lines) else ""
        after = lines[k + 2] if k + 2 < len(lines) else ""
        # A name wrapped to the next line: the line ends in a separator, or a short line follows before a blank.
        # Or the line ends in an organisation word alone ("... – Huurdersvereniging" + "Wonen en Leven").
        bare_word = len(SEPARATOR.split(line)[-1].split()) == 1 and bool(kind_of(SEPARATOR.split(line)[-1], ""))
        if bare_word and not following and SEPARATOR.search(after):
            following = after  # over a blank line (a text with a blank line after every line)
        # Or the last name with the next line's words stands again further on ("Stichting X" + "Y", "Stichting X Y").
        whole = f"{SEPARATOR.split(line)[-1].strip()} {following}"
        elsewhere = len(following.split()) <= 3 and flat.count(" ".join(whole.split())) >= 2
        if (
            following
            and not SEPARATOR.search(following)
            and (re.search(r"[·|–•]$", line) or (len(following.split()) <= 3 and (not after or bare_word)) or elsewhere)
        ) or (bare_word and SEPARATOR.search(following)):  # "... · Huurdersvereniging" + "W · Bewonersraad V"
            line = f"{line} {following}"
        parts = [p.strip() for p in SEPARATOR.split(line) if p and p.strip()]
        if len(parts) < 2 or not all(_name_like(p) and kind_of(p, default="") and _proper(p) for p in parts):
            continue
        found += [p[0].upper() + p[1:] for p in parts if p not in found]
    return found


def _proper(part: str) -> bool:
    """A name has a word of its own beside its organisation word ("Gemeente X", "Z Wonen"): a line of kinds only
    ("Gemeente – woningcorporaties – huurders – welzijn en zorg") names who takes part, not the parties."""
    from .parties import kind_of

    return any(w[:1].isupper() and not kind_of(w, default="") for w in part.split())


def _name_like(part: str) -> bool:
    """A name: six words at most, no digit, and no field's colon ("Regie: corporaties | Samen met: gemeente" is a
    responsibility line, not a title block)."""
    words = part.split()
    return 1 <= len(words) <= 6 and not re.search(r"[\d:]", part) and all(w[:1].isupper() or w.islower() for w in words)


# A document, plan or agreement named in the opening ("de Woonvisie X", "het Koersdocument Wonen"): the genre's words.
DOCUMENT_WORD = re.compile(
    r"(?i)^\w*(?:document|visie|plan|nota|beleid|agenda|convenant|akkoord|deal|strategie|programma|rapport)\b"
)
HEAD_CHARACTERS = 8000  # an opening sentence stands near the top
RUN = r"[A-Z][\w'’&\-]*(?:\s+(?:(?:de|van|der|den|het|aan|op)\s+)?[A-Z][\w'’&\-]*)*"


def _titles_apart(text: str) -> str:
    """A short title on a line of its own ("Inleiding", "Jaarafspraken wonen 2026") straight over the opening
    sentence (a PDF's text layer has no blank line under it) is no part of that sentence's first item. A title:
    five words at most, a capital first, no comma or sentence mark, its last word no small word or organisation
    word that runs on ("Woonstichting X en", "Huurdersvereniging De", "Gemeente"); the next line starts with a
    capital."""
    from .parties import kind_of

    lines = text.split("\n")
    for k, line in enumerate(lines[:-1]):
        words = line.split()
        if (
            1 <= len(words) <= 5
            and line.strip()[:1].isupper()
            and not re.search(r"[.,;:!?()]", line)
            and len(words[-1]) > 3
            and not kind_of(words[-1], default="")
            and lines[k + 1].strip()[:1].isupper()
        ):
            lines[k] = line + "\n"
    return "\n".join(lines)


def beside_parties(text: str, known) -> list[str]:
    """Names in an opening sentence's enumeration of parties ("... maken de gemeente X, Woonstichting Y, Z Wonen
    en Huurdersvereniging W met elkaar"): where two or more of its items are known parties, an item without an
    organisation word whose words still say a kind ("Z Wonen", "W Zorg") is a party too. `known(name)` says
    whether a name is a party found already."""
    from .parties import GEMEENTE, kind_of

    found: list[str] = []
    # "X Wonen (hierna: X) en ...": the short name in brackets is no item, and its colon ends no sentence.
    head = re.sub(r"\s*\((?:hierna|verder|kortweg)\b[^()]{0,60}\)", "", text[:HEAD_CHARACTERS])
    head = _titles_apart(head)
    for sentence in re.split(r"[.;:!?]\s|\n\s*\n", head):
        sentence = " ".join(sentence.split())
        if " en " not in sentence or "," not in sentence:
            continue
        pieces = re.split(r",\s*|\s+en\s+", sentence)
        items = []
        for k, piece in enumerate(pieces):
            piece = re.sub(r"^(?:de|het)\s+", "", piece.strip())
            pattern = rf"({RUN})$" if k == 0 else rf"^({RUN})" if k == len(pieces) - 1 else rf"^({RUN})$"
            m = re.search(pattern, piece)
            items.append(m.group(1) if m else "")
        if sum(1 for item in items if item and known(item)) < 2:
            continue
        for item in items:
            if DOCUMENT_WORD.match(item):
                continue  # "het Koersdocument Wonen, Welzijn en Zorg": a document, not a party
            kind = kind_of(item, default="")
            # Not a known name run on into the next words ("Huurdersvereniging X" + "Plaats, 11 december").
            longer = any(known(" ".join(item.split()[:k])) for k in range(1, len(item.split())))
            if item and not known(item) and not longer and 2 <= len(item.split()) <= 4 and kind and kind != GEMEENTE:
                found.append(item)
    return found
