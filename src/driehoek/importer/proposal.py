"""The importer's pipeline: a file in, a proposed agreement set out, in the shape of the open-data
format (docs/open-data-format.md), so that acceptance reuses the register's own import."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from driehoek.register.opendata import FORMAT, VERSION

from . import (
    agreement_facts,
    extract,
    limits,
    mark_matrix,
    parties,
    party_codes,
    reading,
    sections,
    set_facts,
    structure,
    tables,
    targets,
)
from .signing import signing_date
from .structure import BULLET, Hoofdstuk
from .verantwoordelijken import Matcher

KINDS = ("kaderafspraken", "prestatieafspraken", "jaarprogramma")


class NoAgreements(extract.DocumentError):
    """The document was read, but it holds no numbered agreements."""


@dataclass
class Proposal:
    data: dict
    source_lines: list[str]
    pages: int
    notes: list[str] = field(default_factory=list)

    @property
    def set(self) -> dict:
        return self.data["sets"][0]


def propose(
    filename: str,
    content: bytes,
    *,
    municipality: str | None = None,
    progress: Callable[[str], None] | None = None,
    only: str = "",
) -> Proposal:
    deadline = limits.Deadline()

    def step(what: str) -> None:
        deadline.check()
        if progress:
            progress(what)

    step(_("tekst lezen"))
    document = extract.read(filename, content, deadline)
    step(_("partijen zoeken"))
    found, signing = parties.find(document.text)
    aliases = {alias.lower(): p.name for p in found for alias in p.aliases}
    step(_("structuur herkennen"))
    # "[G, W]" where a legend says "[G] staat voor ..."; "Trekker: XW" where the signing list says "hierna: X (XW)".
    lines = party_codes.expand(document.lines, aliases, {p.code: p.name for p in found if p.code})
    parsed, doubt = reading.read(
        lines, aliases, check=deadline.check, type_=document.type, only=only, titles=document.titles
    )
    # "Nr | Gemeente | X" with marks in an annex says who, where each marked column is a party (docs/adr/0209).
    matrix_notes = mark_matrix.apply(parsed, document.leads, found)
    themes = parsed.themes
    if not themes:
        raise NoAgreements(
            _(
                "In dit document zijn geen genummerde afspraken gevonden. Driehoek herkent afspraken die "
                "genummerd zijn (1., 2., 3.2, Afspraak 4) of als opsomming onder een kop ‘Afspraken’ staan."
            )
        )
    flat = re.sub(r"\s+", " ", document.text)
    kind, first, last = set_facts.kind_and_period(flat, filename)
    place_date, place = signing_date(flat)
    gemeente = next((p for p in found if p.kind == parties.GEMEENTE), None)
    name = municipality or (re.sub(r"^[Gg]emeente\s+", "", gemeente.name) if gemeente else _("Onbekende gemeente"))
    if not found:
        found = [parties.Partij(f"Gemeente {name}", "Gemeente", parties.GEMEENTE, {f"Gemeente {name}"})]
    step(_("tabellen lezen"))
    numbers = [a.number for t in themes for a in t.agreements]
    indicator_rows = tables.find(document.lines, numbers, [t.title for t in themes])
    matcher = Matcher(found)
    step(_("afspraken, partijen en doelstellingen"))
    theme_dicts, used_numbers = [], set()
    planned = {t.number for t in themes if t.number}
    for index, theme in enumerate(themes, start=1):
        deadline.check()
        number = _free(theme.number or str(index), used_numbers | (planned - {theme.number}))
        used_numbers.add(number)
        theme_dicts.append(
            _theme(theme, number, matcher, found, indicator_rows, parsed.double_spaced, document, (first, last))
        )
    notes = list(document.notes) + matrix_notes + doubt
    unsure = {a["number"]: a.pop("_onzeker") for t in theme_dicts for a in t["agreements"]}
    unsure = {number: items for number, items in unsure.items() if items}
    headless = [d["number"] for t, d in zip(themes, theme_dicts, strict=True) if not t.title]
    if headless:
        notes.append(
            _("Bij thema %(n)s is geen kop gevonden: controleer de indeling naast de brontekst.")
            % {"n": ", ".join(headless)}
        )
    set_themes = {"themes": theme_dicts}
    references_in_set(set_themes)
    if "restart" in parsed.notes:
        notes.append(_("De nummering begint per thema opnieuw; afspraken kregen het themanummer ervoor (2.1, 2.2)."))
    title = set_facts.set_title(kind, first, last)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "sets": [
            {
                "slug": set_facts.set_slug(name, kind, first, last),
                "municipality": name[:120],
                "municipality_cbs_code": "",
                "municipality_province": "",
                "kind": kind,
                "title": title,
                "first_year": first,
                "last_year": last,
                "status": "concept",
                "parent": None,
                "source_document": {
                    "title": f"{title} {name}"[:250],
                    "filename": filename[:250],
                    "date": place_date.isoformat() if place_date else None,
                },
                "parties": [p.as_dict() for p in found],
                "signatories": [
                    {
                        "party": s.party,
                        "person": s.person,
                        "role": s.role,
                        "date": place_date.isoformat() if place_date else None,
                        "place": place,
                    }
                    for s in signing
                ],
                "themes": theme_dicts,
                # What the importer was unsure of, per agreement, with the sentence it read (review screen).
                "extra": {"onzeker": unsure} if unsure else {},
            }
        ],
    }
    return Proposal(data=data, source_lines=document.lines, pages=document.pages, notes=notes)


def _free(number: str, taken: set[str]) -> str:
    """Theme numbers are unique in a set: a second "2" becomes "2b"."""
    if number not in taken:
        return number
    for suffix in "bcdefghijklmnopqrstuvwxyz":
        if number + suffix not in taken:
            return number + suffix
    return f"{number}-{len(taken)}"


def _title_case(title: str) -> str:
    if structure.is_caps(title):
        return title[:1] + title[1:].lower()
    return title


def _join(lines: list[tuple[int, str]], double_spaced: bool, source: list[str]) -> str:
    out = ""
    previous = None
    for index, text in lines:
        if not out:
            out = text
        elif BULLET.match(text):
            out += "\n" + text
        elif (
            previous is not None
            and not double_spaced
            and any(not source[k].strip() for k in range(previous + 1, index))
        ):
            out += "\n\n" + text
        else:
            out += " " + text
        previous = index
    return out.strip()


def _theme(
    theme: Hoofdstuk,
    number: str,
    matcher: Matcher,
    found: list,
    indicator_rows: dict,
    double_spaced: bool,
    document,
    period: tuple[int, int],
) -> dict:
    agreements = []
    for a in theme.agreements:
        text = _join(a.lines, double_spaced, document.lines)
        rows = indicator_rows.get(a.number, [])
        indicators = []
        for row in rows:
            first, last = row["years"]
            if first is not None:
                # A year outside the set's period is a typo or another set's: keep what falls inside.
                first, last = max(first, period[0]), min(last, period[1])
                if first > last:
                    continue
            indicators.append(
                {
                    "description": row["description"][:2000],
                    "kind": tables.kind_of(row["description"]),
                    "years": (f"{first}" if first == last else f"{first}-{last}") if first else "",
                    "actiehouders": tables.resolve(row["actiehouders_label"], found),
                    "actiehouders_label": row["actiehouders_label"][:250],
                }
            )
        holders = [n for ind in indicators for n in ind["actiehouders"]]
        holders = list(dict.fromkeys(holders))
        # "Inzet van X", "Bijdrage van de gemeente": in a heading the party after "van" is the actor.
        heading = re.sub(rf"(?i)^\s*(?:{sections.PARTY_HEAD})\s+", "", a.section)
        section_parties = matcher.mentions(heading) if a.section else []
        kind = agreement_facts.kind_of_section(a.section, section_parties, a.title or text)
        responsible = matcher.responsible(text, section_parties, kind, holders, title=a.title)
        if a.lead or a.by_heading:
            responsible = agreement_facts.stated(a, found, section_parties, matcher) or responsible
        if kind == "generiek":
            kinds = {p.kind for p in found if p.name in responsible}
            kind = "per_partij" if len(kinds) == 1 and len(responsible) < len(found) else "gezamenlijk"
        found_targets = targets.find((a.title + "\n" if a.title else "") + text)
        unsure = agreement_facts.unsure(a, text, responsible, matcher, found_targets)
        last_line = a.end + 1
        agreements.append(
            {
                "number": a.number,
                "title": a.title[:300],
                "section": a.section[:200],
                "kind": kind,
                "text": text or a.title,
                "responsible": responsible,
                "references": [],
                "source_location": (
                    f"{_('regel')} {a.start + 1}"
                    if last_line == a.start + 1
                    else f"{_('regels')} {a.start + 1}-{last_line}"
                ),
                "indicators": [i for i in indicators if i["years"]],
                "targets": found_targets,
                "_onzeker": unsure,
            }
        )
    doel = " ".join(theme.doel).strip()
    richtingen = [" ".join(item).strip() for item in theme.richtingen if " ".join(item).strip()]
    lopende = [" ".join(item).strip() for item in theme.lopende if " ".join(item).strip()]
    intro = _join(theme.intro, double_spaced, document.lines)
    theme_targets = targets.find("\n".join([intro, doel, *richtingen, *lopende]))
    return {
        "number": number,
        "title": (_title_case(theme.title) or _("Thema %(n)s") % {"n": number})[:250],
        "doel": doel,
        "richtingen_label": theme.richtingen_label,
        "richtingen": richtingen,
        "agreements": agreements,
        "lopende_afspraken": lopende,
        "targets": theme_targets,
    }


def references_in_set(set_data: dict) -> None:
    """References may point to agreements of another theme: link them once the whole set is known."""
    numbers = {a["number"] for t in set_data["themes"] for a in t["agreements"]}
    for t in set_data["themes"]:
        for a in t["agreements"]:
            refs = re.findall(r"(?i)\bafspraak\s+(\d{1,2}(?:\.\d{1,2})?)\b", a["text"])
            a["references"] = sorted({r for r in refs if r in numbers and r != a["number"]})
