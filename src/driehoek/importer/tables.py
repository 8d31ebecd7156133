"""Indicator tables such as the MONITORINGSTABEL (Thema | Afspraak | Indicator | Jaar | Actiehouder):
each row becomes indicators of its agreement, with years and actiehouders.

Text extraction lays a table's cells out one after the other; indicators and years start with ">",
actiehouder cells are separated by blank lines.
"""

import re
from dataclasses import dataclass, field

from .extract import BREAK
from .parties import CORPORATIE, GEMEENTE, GROUP_WORDS, HUURDERS, Partij

HEADER = re.compile(r"\bindicator(?:en)?\b.*\b(?:jaar|actiehouder|verantwoordelijke?)\b", re.I)
YEARS = re.compile(r"^\s*((?:19|20)\d{2})(?:\s*(?:-|–|t/m|tot)?\s*((?:19|20)\d{2}))?\b(.*)$", re.S)
QUALITATIVE = re.compile(r"kwalitatie|oordeel|betrokkenheid|pilot|werkafspraken|convenant|onderzoek|organisatie", re.I)


@dataclass
class Rij:
    number: str
    indicators: list[dict] = field(default_factory=list)


def find(lines: list[str], numbers: list[str], theme_titles: list[str]) -> dict[str, list[dict]]:
    """Indicators per agreement number, from every indicator table in the document."""
    start = next((i for i, line in enumerate(lines) if HEADER.search(line) and "afspraak" in line.lower()), None)
    if start is None:
        return {}
    first_words = {t.split()[0].strip(",").lower() for t in theme_titles if t.split()}
    row_start = re.compile(
        r"^(?P<theme>[A-Za-zÀ-ÿ][\w ,\-]*?)\s+(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?(?:\s+(?P<rest>.*))?$"
    )
    rows: dict[str, list[str]] = {}
    current = None
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if HEADER.search(stripped):
            continue
        letters = [c for c in stripped if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters) and len(stripped.split()) <= 6:
            break  # a capitalised heading after the table ("COLOFON") ends it
        m = row_start.match(stripped)
        theme_word = m.group("theme").split()[0].strip(",") if m else ""
        if m and m.group("num") in numbers and (theme_word.lower() in first_words or theme_word[:1].isupper()):
            current = m.group("num")
            rows[current] = [m.group("rest") or ""]
            continue
        if current is not None:
            rows[current].append("¶" if not stripped or line == BREAK else stripped)
    return {number: _cells(parts) for number, parts in rows.items()}


def _cells(parts: list[str]) -> list[dict]:
    text = " ".join(parts)
    segments = [s.strip() for s in text.split(">")]
    indicators, years, holders = [], [], []
    for segment in segments[1:]:
        m = YEARS.match(segment.replace("¶", " "))
        if m:
            years.append((int(m.group(1)), int(m.group(2) or m.group(1))))
            rest = segment[segment.find(m.group(1)) :]
            rest = YEARS.sub(lambda y: y.group(3), rest.replace("¶", "¶ "), count=1) if YEARS.match(rest) else rest
            holders += [h for h in (re.sub(r"\s+", " ", x).strip(" ,") for x in rest.split("¶")) if h]
        else:
            indicators.append(re.sub(r"\s+", " ", segment.replace("¶", " ")).strip())
    if not indicators and years:
        indicators.append(re.sub(r"\s+", " ", segments[0].replace("¶", " ")).strip())
    result = []
    for k, description in enumerate(i for i in indicators if i):
        first, last = years[min(k, len(years) - 1)] if years else (None, None)
        label = holders[min(k, len(holders) - 1)] if holders else ""
        result.append({"description": description, "years": (first, last), "actiehouders_label": label})
    return result


def resolve(label: str, parties: list[Partij]) -> list[str]:
    """ "corporaties, gemeente en huurdersverenigingen" -> the set's parties of those kinds, in the set's order."""
    names: list[str] = []
    for piece in re.split(r",\s*|\s+en\s+", label):
        piece = piece.strip().lower()
        if not piece:
            continue
        matched = [p.name for p in parties if any(piece == a.lower() for a in p.aliases)]
        if not matched:
            for kind in (GEMEENTE, CORPORATIE, HUURDERS):
                if re.fullmatch(GROUP_WORDS[kind], piece, re.I):
                    matched = [p.name for p in parties if p.kind == kind]
        names += [n for n in matched if n not in names]
    return names


def kind_of(description: str) -> str:
    lowered = description.lower()
    if "aandeel" in lowered or "percentage" in lowered:
        return "percentage"
    if lowered.startswith("aantal") or "aantallen" in lowered:
        return "aantal"
    if QUALITATIVE.search(lowered):
        return "kwalitatief"
    return "mijlpaal"
