"""Plain rules of the annual cycle: generating a year's planned items, reading dates from an agenda
as the documents print them, the minutes states, and counting a vote."""

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext as _

from driehoek.core.formats import DUTCH_MONTHS

MONTHS = {name: number for number, name in enumerate(DUTCH_MONTHS, start=1)}


@dataclass(frozen=True)
class ItemSpec:
    soort: str
    titel: str
    doel: str
    wanneer: str
    uiterlijk: date | None
    overlegsoort: str = ""
    agenda: tuple[str, ...] = field(default=())


def from_template(template: dict, year: int) -> list[ItemSpec]:
    """A year's items from a cycle template (data/cycli/*.json), deadlines as MM-DD of that year."""
    items = []
    for item in template["items"]:
        month, day = (int(part) for part in item["uiterlijk"].split("-"))
        items.append(
            ItemSpec(
                soort=item["soort"],
                titel=item["titel"],
                doel=item.get("doel", ""),
                wanneer=item.get("wanneer", ""),
                uiterlijk=date(year, month, day),
                overlegsoort=item.get("overlegsoort", ""),
                agenda=tuple(item.get("agenda", [])),
            )
        )
    return items


def deadline_from_text(text: str) -> date | None:
    """The latest date an agenda line allows: "Uiterlijk 1 juli 2022" -> 1 July; "Begin september
    2022" -> 15 September; "Eind oktober 2022" or "Medio/eind november 2022" -> the last day;
    "(ruim) vóór 15 december 2022" -> 14 December; "Januari/ begin februari 2022" -> 15 February."""
    lower = re.sub(r"\([^)]*\)", " ", text.lower())  # "(in te plannen op moment na 1 juli)" is no deadline
    years = re.findall(r"\b(20\d\d)\b", lower) or re.findall(r"\b(20\d\d)\b", text)
    if not years:
        return None
    year = int(years[-1])
    exact = re.search(r"(vóór|voor)?\s*(\d{1,2})\s+(" + "|".join(MONTHS) + r")", lower)
    if exact:
        day = date(year, MONTHS[exact[3]], int(exact[2]))
        return day - timedelta(days=1) if exact[1] else day
    mentioned = [(m.start(), MONTHS[m[1]]) for m in re.finditer("(" + "|".join(MONTHS) + ")", lower)]
    if not mentioned:
        return None
    position, month = max(mentioned)
    before = lower[:position]
    if before.rstrip().endswith("begin"):
        return date(year, month, 15)
    return date(year, month, calendar.monthrange(year, month)[1])


MEETING_WORDS = (("tripartiet", "tripartiet"), ("ambtelijk", "ao"), ("bestuurlijk overleg", "bo"))


def kind_from_text(text: str) -> tuple[str, str]:
    """(soort, overlegsoort) for an agenda line as printed. The line's own subject comes first: in
    "Ambtelijk reserveoverleg … n.a.v. tripartiet bestuurlijk overleg" the meeting is an AO that
    refers to a tripartite one, so the word that comes first decides."""
    lower = text.lower()
    if not any(word in lower for word in ("overleg", "bijeenkomst")):
        return "deadline", ""
    found = [(lower.find(word), kind) for word, kind in MEETING_WORDS if word in lower]
    if not found:
        return "deadline", ""
    return "overleg", min(found)[1]


def from_agenda(rows: list[dict]) -> list[ItemSpec]:
    """Items from a document's own agenda table (extra.agenda of the open-data format)."""
    items = []
    for row in rows:
        soort, overlegsoort = kind_from_text(row["what"])
        when = date.fromisoformat(row["date"]) if row.get("date") else deadline_from_text(row["when"])
        title = row["what"].split("\n")[0].rstrip(":")
        items.append(ItemSpec(soort, title, row["what"], row["when"], when, overlegsoort))
    return items


# --- minutes ------------------------------------------------------------------------------------

CONCEPT, TER_CONTROLE, DEFINITIEF = "concept", "ter_controle", "definitief"
MINUTES_TRANSITIONS = {
    (CONCEPT, "ter_controle"): TER_CONTROLE,  # the municipality sends the draft round
    (TER_CONTROLE, "definitief"): DEFINITIEF,  # every correction decided: final and locked
}


def minutes_next(status: str, action: str) -> str:
    try:
        return MINUTES_TRANSITIONS[(status, action)]
    except KeyError:
        raise ValueError(_("Dat kan niet met een verslag dat %(status)s is.") % {"status": status}) from None


# --- the vote -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    counts: dict[int, int]  # option id -> votes
    winners: list[int]

    @property
    def tie(self) -> bool:
        return len(self.winners) != 1


def count_votes(option_ids: list[int], votes: list[int]) -> Outcome:
    """The option with most votes wins; the document is silent on a tie, so a tie stays a tie."""
    counts = Counter(votes)
    tally = {option: counts.get(option, 0) for option in option_ids}
    best = max(tally.values(), default=0)
    winners = [option for option, n in tally.items() if n == best and best > 0]
    return Outcome(tally, winners)


def count_votes_by_kind(option_ids: list[int], votes: list[tuple[int, str]]) -> Outcome:
    """One vote per kind of party: within each kind (gemeente, corporaties, huurdersorganisaties)
    the option most of its parties chose is that kind's vote; a kind whose parties are tied casts
    none. Then most votes wins, as with one vote per party."""
    by_kind: dict[str, list[int]] = {}
    for option, kind in votes:
        by_kind.setdefault(kind, []).append(option)
    kind_votes = []
    for options in by_kind.values():
        inner = count_votes(option_ids, options)
        if not inner.tie:
            kind_votes.append(inner.winners[0])
    return count_votes(option_ids, kind_votes)


LIGHT = re.compile(r"^\s*(groen|oranje|rood|afgerond)\b\s*(?:\(?\s*([abc])\s*\)?(?=[\s:.,;)-]|$))?", re.IGNORECASE)


def light_from_text(text: str) -> tuple[str, str] | None:
    """The light an option names at its start: "oranje (a): vertraagd" -> ("oranje", "a");
    "Groen" -> ("groen", ""); "Ja" -> None."""
    match = LIGHT.match(text)
    if not match:
        return None
    return match[1].lower(), (match[2] or "").lower()
