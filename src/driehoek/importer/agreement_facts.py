"""Facts of one agreement beside its text: the parties a responsibility line or party heading names,
its kind from its section, and what the importer was unsure of (shown on the review screen)."""

import re

from django.utils.translation import gettext as _

from . import lead_fields, tables
from .shapes import SECTION
from .verantwoordelijken import Matcher

LEAD_MARK = re.compile(
    r"(?i)\s*\(\s*(?:trekker|lead|penvoerder|regie|eerstverantwoordelijke?|hoofdverantwoordelijke?)\s*\)"
)


def unsure(a, text: str, responsible: list[str], matcher: Matcher, found_targets: list[dict]) -> list[dict]:
    """Where a guess stands in for what the text says: the reviewer sees why, and the sentence."""
    items = []
    opening = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0] if text.strip() else ""
    said = a.lead or a.by_heading or matcher.all_mentions(f"{a.title}. {text}")
    if not said and not re.search(r"(?i)\b(?:partijen|we|wij)\b", text):
        items.append(
            {
                "wat": _("Geen partij genoemd; voorgesteld: %(p)s.") % {"p": ", ".join(responsible) or "-"},
                "zin": opening[:500],
            }
        )
    for t in found_targets:
        if t["comparator"] == "gelijk" and t["year"] is None:
            items.append(
                {
                    "wat": _("%(v)s %(u)s: zonder ‘minimaal’, ‘maximaal’ of jaar; een afgesproken doel of een feit?")
                    % {"v": t["value"], "u": t["unit"]},
                    "zin": t["source_text"][:500],
                }
            )
    return items


def stated(a, found: list, section_parties: list[str], matcher: Matcher) -> list[str]:
    """The parties a responsibility line or a party heading names: "Trekker: corporaties, gemeente",
    "Wat doet de gemeente:", "Samen:" (every party)."""
    everyone = [p.name for p in found]
    # "Regie: X | Samen met: Y · Termijn: 2026": the lead family's fields only (lead_fields.py).
    said = lead_fields.responsible_part(a.lead) if a.lead else (a.section if a.by_heading else "")
    if not said:
        return []
    if a.lead and LEAD_MARK.search(said):
        # "gemeente (trekker), corporaties denken mee": the party marked as lead is the responsible one.
        said = LEAD_MARK.sub("", ", ".join(p for p in re.split(r"[,;]\s*", said) if LEAD_MARK.search(p)))
    # Parties the line names come first: "Wat doet Samen Wonen:" is that party, not everyone together.
    named = (tables.resolve(said, found) or matcher.all_mentions(said)) if a.lead else list(section_parties)
    if named:
        return named
    if re.search(r"(?i)(?<![\w-])(?:alle\s+)?partijen\b|\bsamen\b|\b(?:we|wij)\b|\biedereen\b|\ballen\b", said):
        return everyone
    return []


def kind_of_section(section: str, section_parties: list[str], opening: str) -> str:
    lowered = section.lower()
    if re.match(r"(?i)procesafspraak", opening):
        return "procesafspraak"
    if re.search(r"doorkijk|vooruitblik|verder\b|na (?:19|20)\d{2}", lowered):
        return "doorkijk"
    if re.search(r"gezamenlijk|partijen|samen", lowered):
        return "gezamenlijk"
    if section_parties:
        return "per_partij"
    if not section:
        return "gezamenlijk"
    if SECTION.match(section):
        return "generiek"
    return "gezamenlijk"
