"""What a reviewer does to a draft set, as plain functions on its open-data dict: correct an agreement,
merge two, split one, renumber a theme, correct a theme or a party. Each returns nothing and changes
the dict in place; a wrong request raises BewerkingFout with a message for the reviewer."""

import re

from django.utils.translation import gettext as _

from .proposal import references_in_set
from .set_facts import set_slug


class BewerkingFout(ValueError):
    pass


def _find(s: dict, number: str) -> tuple[dict, int, dict]:
    for theme in s["themes"]:
        for k, a in enumerate(theme["agreements"]):
            if a["number"] == number:
                return theme, k, a
    raise BewerkingFout(_("Afspraak %(n)s staat niet in het concept.") % {"n": number})


def _theme(s: dict, number: str) -> dict:
    for theme in s["themes"]:
        if theme["number"] == number:
            return theme
    raise BewerkingFout(_("Thema %(n)s staat niet in het concept.") % {"n": number})


def _numbers(s: dict) -> list[str]:
    return [a["number"] for t in s["themes"] for a in t["agreements"]]


def edit_agreement(s: dict, number: str, values: dict) -> None:
    """values: number, title, text, section, kind, theme (a theme number), responsible (party names)."""
    theme, k, a = _find(s, number)
    new_number = values.get("number", number).strip()
    if not new_number:
        raise BewerkingFout(_("Een afspraak heeft een nummer nodig."))
    if new_number != number and new_number in _numbers(s):
        raise BewerkingFout(_("Afspraaknummer %(n)s bestaat al.") % {"n": new_number})
    names = {p["name"] for p in s["parties"]}
    unknown = [n for n in values.get("responsible", []) if n not in names]
    if unknown:
        raise BewerkingFout(_("Onbekende partij: %(p)s.") % {"p": ", ".join(unknown)})
    if not values.get("text", a["text"]).strip():
        raise BewerkingFout(_("De tekst van een afspraak mag niet leeg zijn."))
    a["number"] = new_number
    for key in ("title", "text", "section", "kind"):
        if key in values:
            # A browser sends a text area's line breaks as CR LF; the draft keeps the document's LF.
            value = values[key]
            a[key] = value.replace("\r\n", "\n").strip() if isinstance(value, str) else value
    if "responsible" in values:
        # A form's choices come back in the form's order; the document's order stays (the
        # first-named leads), with newly chosen parties after it.
        chosen = list(values["responsible"])
        a["responsible"] = [n for n in a.get("responsible", []) if n in chosen] + [
            n for n in chosen if n not in a.get("responsible", [])
        ]
    if values.get("theme") and values["theme"] != theme["number"]:
        target = _theme(s, values["theme"])
        del theme["agreements"][k]
        target["agreements"].append(a)
        target["agreements"].sort(key=lambda x: _sort_key(x["number"]))
    references_in_set(s)


def merge(s: dict, number: str) -> None:
    """Join an agreement with the next one in its theme (a list the reader cut in two)."""
    theme, k, a = _find(s, number)
    if k + 1 >= len(theme["agreements"]):
        raise BewerkingFout(
            _("Afspraak %(n)s is de laatste van het thema; er valt niets samen te voegen.") % {"n": number}
        )
    nxt = theme["agreements"].pop(k + 1)
    a["text"] = "\n\n".join(x for x in (a["text"], " ".join(filter(None, (nxt["title"], nxt["text"])))) if x)
    a["responsible"] = a["responsible"] + [p for p in nxt["responsible"] if p not in a["responsible"]]
    a["indicators"] += nxt["indicators"]
    for target in nxt["targets"]:
        target["indicator"] = None
        a["targets"].append(target)
    references_in_set(s)


def split(s: dict, number: str, marker: str, new_number: str) -> None:
    """Cut an agreement where `marker` (a piece of its text) starts; the rest becomes `new_number`."""
    theme, k, a = _find(s, number)
    new_number = new_number.strip()
    if not new_number or new_number in _numbers(s):
        raise BewerkingFout(_("Kies een nieuw, nog niet gebruikt nummer voor het tweede deel."))
    at = a["text"].find(marker.strip()) if marker.strip() else -1
    if at <= 0:
        raise BewerkingFout(_("Die tekst staat niet in de afspraak (of staat aan het begin)."))
    first, rest = a["text"][:at].strip(), a["text"][at:].strip()
    a["text"] = first
    moved = [t for t in a["targets"] if t["source_text"] and t["source_text"] in rest]
    a["targets"] = [t for t in a["targets"] if t not in moved]
    for t in moved:
        t["indicator"] = None
    second = {
        **a,
        "number": new_number,
        "title": "",
        "text": rest,
        "responsible": list(a["responsible"]),
        "references": [],
        "indicators": [],
        "targets": moved,
    }
    theme["agreements"].insert(k + 1, second)
    references_in_set(s)


def remove_target(s: dict, number: str, index: int) -> None:
    """A number the importer took for a target that is a fact ("2 woningen aan de Dalweg")."""
    _theme, _k, a = _find(s, number)
    if not 0 <= index < len(a["targets"]):
        raise BewerkingFout(_("Die doelstelling staat niet bij afspraak %(n)s.") % {"n": number})
    del a["targets"][index]


def renumber(s: dict, theme_number: str, start: int = 1, prefix: str = "") -> None:
    """Number a theme's agreements again from `start`, optionally as "prefix.n"."""
    theme = _theme(s, theme_number)
    others = {a["number"] for t in s["themes"] if t is not theme for a in t["agreements"]}
    new = [f"{prefix}.{start + k}" if prefix else str(start + k) for k in range(len(theme["agreements"]))]
    clash = sorted(set(new) & others, key=_sort_key)
    if clash:
        raise BewerkingFout(_("Die nummers bestaan al in een ander thema: %(n)s.") % {"n": ", ".join(clash)})
    old_to_new = {a["number"]: n for a, n in zip(theme["agreements"], new, strict=True)}
    for a, n in zip(theme["agreements"], new, strict=True):
        a["number"] = n
    # "zie afspraak 3" inside this theme follows the new numbers.
    for a in theme["agreements"]:
        a["text"] = re.sub(
            r"(?i)\b(afspraak\s+)(\d{1,2}(?:\.\d{1,2})?)\b",
            lambda m: m.group(1) + old_to_new.get(m.group(2), m.group(2)),
            a["text"],
        )
    references_in_set(s)


def edit_set(s: dict, title: str, kind: str, first_year: int, last_year: int, municipality: str) -> None:
    """The set's own facts, which the importer guesses from the most frequent "kaderafspraken 2026-2031"."""
    if last_year < first_year:
        raise BewerkingFout(_("Het laatste jaar ligt voor het eerste."))
    outside = [
        a["number"]
        for t in s["themes"]
        for a in t["agreements"]
        for ind in a["indicators"]
        if ind["years"] and not (first_year <= int(ind["years"][:4]) and int(ind["years"][-4:]) <= last_year)
    ]
    if outside:
        raise BewerkingFout(
            _("Indicatoren van afspraak %(n)s vallen buiten die looptijd.") % {"n": ", ".join(sorted(set(outside)))}
        )
    s.update(title=title.strip(), kind=kind, first_year=first_year, last_year=last_year)
    s["municipality"] = municipality.strip() or s["municipality"]
    # The web address and the source document's title follow the corrected facts (issue 16 item 10).
    s["slug"] = set_slug(s["municipality"], kind, first_year, last_year)
    source = s.get("source_document") or {}
    s["source_document"] = {**source, "title": f"{s['title']} {s['municipality']}"[:250]}


def _items(text: str | None) -> list[str] | None:
    return None if text is None else [line.strip() for line in text.splitlines() if line.strip()]


def edit_theme(
    s: dict,
    number: str,
    new_number: str,
    title: str,
    richtingen: str | None = None,
    lopende_afspraken: str | None = None,
) -> None:
    """Number and title; and, when given, the principles and ongoing commitments, one per line."""
    theme = _theme(s, number)
    if (items := _items(richtingen)) is not None:
        theme["richtingen"] = items
        theme["richtingen_label"] = theme.get("richtingen_label") or ("Richtingen" if items else "")
    if (items := _items(lopende_afspraken)) is not None:
        theme["lopende_afspraken"] = items
    new_number, title = new_number.strip(), title.strip()
    if not new_number or not title:
        raise BewerkingFout(_("Een thema heeft een nummer en een titel nodig."))
    if new_number != number and any(t["number"] == new_number for t in s["themes"]):
        raise BewerkingFout(_("Themanummer %(n)s bestaat al.") % {"n": new_number})
    theme["number"], theme["title"] = new_number, title


def edit_party(s: dict, name: str, new_name: str, short_name: str, kind: str) -> None:
    new_name, short_name = new_name.strip(), short_name.strip()
    party = next((p for p in s["parties"] if p["name"] == name), None)
    if party is None:
        raise BewerkingFout(_("Partij %(p)s staat niet in het concept.") % {"p": name})
    if not new_name:
        raise BewerkingFout(_("Een partij heeft een naam nodig."))
    if new_name != name and any(p["name"] == new_name for p in s["parties"]):
        raise BewerkingFout(_("Partij %(p)s bestaat al in het concept.") % {"p": new_name})
    party.update(name=new_name, short_name=short_name or new_name, kind=kind)
    rename = lambda names: [new_name if n == name else n for n in names]  # noqa: E731
    for sig in s["signatories"]:
        if sig["party"] == name:
            sig["party"] = new_name
    for t in s["themes"]:
        for a in t["agreements"]:
            a["responsible"] = rename(a["responsible"])
            for ind in a["indicators"]:
                ind["actiehouders"] = rename(ind["actiehouders"])


def remove_party(s: dict, name: str) -> None:
    if not any(p["name"] == name for p in s["parties"]):
        raise BewerkingFout(_("Partij %(p)s staat niet in het concept.") % {"p": name})
    s["parties"] = [p for p in s["parties"] if p["name"] != name]
    s["signatories"] = [sig for sig in s["signatories"] if sig["party"] != name]
    for t in s["themes"]:
        for a in t["agreements"]:
            a["responsible"] = [n for n in a["responsible"] if n != name]
            for ind in a["indicators"]:
                ind["actiehouders"] = [n for n in ind["actiehouders"] if n != name]


def add_party(s: dict, name: str, short_name: str, kind: str) -> None:
    name = name.strip()
    if not name or any(p["name"] == name for p in s["parties"]):
        raise BewerkingFout(_("Geef een nieuwe partij een naam die nog niet in het concept staat."))
    s["parties"].append({"name": name, "short_name": short_name.strip() or name, "kind": kind})


def _sort_key(number: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


def edit_indicators(s: dict, number: str, indicators: str) -> None:
    """An agreement's indicators, one a line: "omschrijving | jaren | actiehouders" (years within the set's
    period; actiehouders as names or group words: "corporaties, gemeente")."""
    from .parties import Partij
    from .tables import kind_of, resolve

    _t, _k, a = _find(s, number)
    parties = [Partij(p["name"], p["short_name"], p["kind"], {p["name"], p["short_name"]}) for p in s["parties"]]
    result = []
    for line in _items(indicators) or []:
        description, years, holders = ([c.strip() for c in line.split("|")] + ["", ""])[:3]
        m = re.fullmatch(r"((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?", years)
        if not description or not m:
            raise BewerkingFout(
                _("Schrijf elke indicator als omschrijving | jaren | actiehouders: %(r)s") % {"r": line}
            )
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not s["first_year"] <= first <= last <= s["last_year"]:
            raise BewerkingFout(_("De jaren %(j)s vallen buiten de looptijd van de set.") % {"j": years})
        result.append(
            {
                "description": description[:2000],
                "kind": kind_of(description),
                "years": f"{first}" if first == last else f"{first}-{last}",
                "actiehouders": resolve(holders, parties),
                "actiehouders_label": holders[:250],
            }
        )
    a["indicators"] = result
