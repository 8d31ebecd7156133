"""The set's own facts read from a document: its kind and period ("kaderafspraken 2026-2031"), and the
title and web address (slug) that follow from them, also after the reviewer corrects them."""

import re
from collections import Counter
from datetime import date

from django.utils.text import slugify


def set_title(kind: str, first: int, last: int) -> str:
    return f"{kind.capitalize()} {first}" + (f"-{last}" if last != first else "")


def set_slug(municipality: str, kind: str, first: int, last: int) -> str:
    period = f"{first}-{last}" if last != first else f"{first}"
    return slugify(f"{municipality}-{kind}-{period}")[:100]


def kind_and_period(flat: str, filename: str) -> tuple[str, int, int]:
    pairs = Counter()
    for m in re.finditer(
        # A name may stand between ("prestatieafspraken Zandveen aan Zee 2026-2029"): capitalised words.
        r"(\w+\s+)?\b(kaderafspraken|prestatieafspraken|jaarprogramma|jaarafspraken)"
        r"(?:\s+(?:(?-i:[A-Z])[\w'’\-]*|en|aan|den|de|van|op)){0,5}?\s+((?:19|20)\d{2})"
        r"(?:\s*(?:-|–|t/m|tot)\s*((?:19|20)\d{2}))?",
        flat,
        re.I,
    ):
        word = m.group(2).lower().replace("jaarafspraken", "jaarprogramma")
        key = (word, int(m.group(3)), int(m.group(4) or m.group(3)))
        # Another body's agreements ("Nationale prestatieafspraken 2025-2035") are not this document's.
        other = re.match(r"(?i)(nationale|regionale|landelijke|provinciale|vorige|eerdere|oude)\b", m.group(1) or "")
        pairs[key] += -2 if other else 2 if str(key[1]) in filename else 1
    # A document names other rounds too ("overleg prestatieafspraken 2023" in the 2022 document): its own
    # year is the year it mentions most; the count of the phrase decides between periods of that year.
    frequency = Counter(re.findall(r"\b((?:19|20)\d{2})\b", flat))
    candidates = [(key, n) for key, n in pairs.items() if n > 0 and key[2] >= key[1]]
    if candidates:
        (kind, first, last), _n = max(candidates, key=lambda c: (frequency[str(c[0][1])], c[1]))
        return kind, first, last
    words = Counter(w.lower() for w in re.findall(r"(?i)\b(kaderafspraken|prestatieafspraken|jaarprogramma)\b", flat))
    kind = words.most_common(1)[0][0] if words else "prestatieafspraken"
    years = [int(y) for y in re.findall(r"\b(20\d{2})\b", filename + " " + flat[:3000])]
    year = Counter(years).most_common(1)[0][0] if years else date.today().year
    return kind, year, year
