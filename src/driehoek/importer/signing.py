"""The signing list ("1. Stichting X, rechtsgeldig vertegenwoordigd door ..., hierna te noemen: ‘X’"): its
parties and signatories, and the date and place of signing ("Ondertekend op 3 december 2025 te X")."""

import re
from dataclasses import dataclass
from datetime import date

from driehoek.core.formats import DUTCH_MONTHS

MONTHS = list(DUTCH_MONTHS)


@dataclass
class Ondertekening:
    party: str
    person: str
    role: str = ""


def signing_list(flat: str) -> tuple[list, list[Ondertekening]]:
    """The parties (parties.Partij) and signatories of a signing list."""
    from .parties import Partij, kind_of

    # "1. [de] Name, [gevestigd te Y / one clause,] te dezen vertegenwoordigd door ..., hierna: Short [(CODE)];"
    pattern = re.compile(
        r"(?:^|\s)(?:\d{1,2}[.)]|[•●\-])\s+(?:de\s+)?(?P<name>(?:[A-Z]|gemeente\s)[^,;:]{2,80}?),\s+"
        r"(?:[^,;:]{1,90},\s+)?(?:\w+\s+){0,2}"
        r"vertegenwoordigd door (?P<rep>.{0,220}?),?\s*hierna(?: te noemen| genoemd)?:?\s*"
        r"(?:[‘'\"“](?P<short>[^’'\"”]{1,40})[’'\"”]|(?P<bare>[^\s,;.:(]+(?:\s+[^\s,;.:(]+){0,3}?))"
        r"\s*(?:\((?P<code>[A-Z]{1,4})\)\s*)?(?:[;.]|,?\s+en\b|$)"
    )
    parties, signatories = [], []
    for m in pattern.finditer(flat[:20000]):
        name = m.group("name").strip()
        name = name[0].upper() + name[1:]  # "de gemeente X": "Gemeente X"
        short = (m.group("short") or m.group("bare")).strip()
        if re.match(r"(?:de|het) \w", short) or short[:3] == "De " and short[3:4].islower():
            short = short.split(" ", 1)[1]  # "de gemeente", "de Huurdersraad": the name is what follows
            short = short[0].upper() + short[1:]
        parties.append(Partij(name, short, kind_of(name), {name, short}, code=m.group("code") or ""))
        person = re.search(
            r"(?:de heer|mevrouw|dhr\.|mw\.|mr\.|drs\.)\s+((?:[A-Z]\.\s?)+(?:[a-z]+\s)*[A-Z][\w'’\-]+)", m.group("rep")
        )
        role = re.search(
            r"(wethouder|burgemeester|directeur[\w\-]*|voorzitter|bestuurder|secretaris)", m.group("rep"), re.I
        )
        if person:
            signatories.append(Ondertekening(name, person.group(1).strip(), role.group(1).capitalize() if role else ""))
    return parties, signatories


def signing_date(flat: str) -> tuple[date | None, str]:
    m = re.search(
        rf"[Oo]ndertekend\s+(?:op|d\.d\.)?\s*(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})(?:\s+te\s+([A-Z][\w\-]+))?",
        flat,
    )
    if not m:
        return None, ""
    try:
        return date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))), m.group(4) or ""
    except ValueError:
        return None, m.group(4) or ""


# The signing block: its heading, and what ends it (an annex).
SIGNING_HEAD = re.compile(r"(?i)^\s*(?:ondertekening|handtekeningen|aldus overeengekomen)\b")
BLOCK_LINES = 40


def signing_block(text: str) -> str:
    """The lines under the document's last signing heading ("Ondertekening", "Handtekeningen"), up to an annex."""
    lines = text.splitlines()
    start = next((k for k in range(len(lines) - 1, -1, -1) if SIGNING_HEAD.match(lines[k])), None)
    if start is None:
        return ""
    block = []
    for line in lines[start + 1 : start + 1 + BLOCK_LINES]:
        if re.match(r"(?i)^\s*bijlage", line):
            break
        block.append(line)
    return " ".join(" ".join(block).split())


# "Prestatieafspraken 2026 tussen de gemeente X en Woonstichting Y": the head says between whom the agreement is.
BETWEEN = re.compile(r"(?i)\btussen\s+(.{5,300}?)(?:[.;:]\s|\n\s*\n|$)", re.S)
HEAD_CHARACTERS = 3000


def signers(text: str, names: list[str]) -> set[str]:
    """The parties where two signals agree: the head says between whom the agreement is ("tussen de gemeente X en
    Woonstichting Y") and the signing block names the same two or more. Then an organisation the text only mentions
    ("X heeft ervoor gekozen niet mee te ondertekenen") is no party. Empty where they do not agree."""
    block = signing_block(text).lower()
    signed = {name for name in names if name.lower() in block}
    between = BETWEEN.search(text[:HEAD_CHARACTERS])
    clause = " ".join(between.group(1).split()).lower() if between else ""
    named = {name for name in names if name.lower() in clause}
    return signed if len(signed) >= 2 and signed == named else set()
