"""Driehoek's open-data format (docs/open-data-format.md): write the register out and read it back.

Reading is all-or-nothing: the whole file is checked before anything is stored, and stored in one
transaction. Reading the same file twice changes nothing the second time, and writes no history.
"""

from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts.models import Partij

from . import opendata_jaardoelen, rules
from .guard import GetekendeSetFout
from .models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Gemeente,
    Indicator,
    LopendeAfspraak,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)

FORMAT = "driehoek-register"
VERSION = 1
CHANGE_REASON = "import_register"


class RegisterFormatError(ValueError):
    """The file is not a valid register; `problems` names each place and what is wrong, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# --- writing ---------------------------------------------------------------------------------


def _party(partij: Partij, s) -> dict:
    """A party as the format writes it; a tenant association names the set's corporations it works for."""
    data = {"name": partij.naam, "short_name": partij.korte_naam, "kind": partij.soort}
    works_for = partij.corporaties.filter(deelnames__afsprakenset=s).order_by("deelnames__volgorde")
    if partij.soort == Partij.Soort.HUURDERSORGANISATIE and works_for.exists():
        data["works_for"] = [c.naam for c in works_for]
    return data


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def export_sets(sets: Iterable[Afsprakenset]) -> dict:
    return {"format": FORMAT, "version": VERSION, "sets": [export_set(s) for s in sets]}


def export_set(s: Afsprakenset) -> dict:
    themes = s.themas.prefetch_related(
        "lopende_afspraken",
        "doelstellingen",
        "afspraken__verantwoordelijkheden__partij",
        "afspraken__verwijzingen",
        "afspraken__indicatoren__actiehouderschappen__partij",
        "afspraken__doelstellingen__indicator",
    )
    return {
        "slug": s.slug,
        "municipality": s.gemeente.naam,
        "municipality_cbs_code": s.gemeente.cbs_code,
        "municipality_province": s.gemeente.provincie,
        "kind": s.soort,
        "title": s.titel,
        "first_year": s.eerste_jaar,
        "last_year": s.laatste_jaar,
        "status": s.status,
        "parent": s.bovenliggende_set.slug if s.bovenliggende_set else None,
        "source_document": {
            "title": s.bron_titel,
            "filename": s.bron_bestand,
            "date": s.bron_datum.isoformat() if s.bron_datum else None,
        },
        "parties": [_party(d.partij, s) for d in s.deelnames.select_related("partij")],
        "signatories": [
            {
                "party": o.partij.naam,
                "person": o.persoon,
                "role": o.functie,
                "date": o.datum.isoformat() if o.datum else None,
                "place": o.plaats,
            }
            for o in s.ondertekenaars.select_related("partij")
        ],
        "themes": [_export_theme(t) for t in themes],
        "extra": s.brongegevens,
    } | ({"yearly_targets": targets} if (targets := opendata_jaardoelen.export(s)) else {})


def _export_theme(t: Thema) -> dict:
    return {
        "number": t.nummer,
        "title": t.titel,
        "doel": t.doel,
        "richtingen_label": t.richtingen_label,
        "richtingen": list(t.richtingen),
        "agreements": [_export_agreement(a) for a in t.afspraken.all()],
        "lopende_afspraken": [lopend.tekst for lopend in t.lopende_afspraken.all()],
        "targets": [_export_target(d, []) for d in t.doelstellingen.all()],
    }


def _export_agreement(a: Afspraak) -> dict:
    indicators = list(a.indicatoren.all())
    return {
        "number": a.nummer,
        "title": a.titel,
        "section": a.sectie,
        "kind": a.soort,
        "text": a.tekst,
        "responsible": [v.partij.naam for v in a.verantwoordelijkheden.all()],
        "references": sorted((r.nummer for r in a.verwijzingen.all()), key=_number_key),
        "source_location": a.bronlocatie,
        "indicators": [
            {
                "description": i.omschrijving,
                "kind": i.soort,
                "years": i.jaren,
                "actiehouders": [ah.partij.naam for ah in i.actiehouderschappen.all()],
                "actiehouders_label": i.actiehouders_label,
            }
            for i in indicators
        ],
        "targets": [_export_target(d, indicators) for d in a.doelstellingen.all()],
    }


def _export_target(d: Doelstelling, indicators: list[Indicator]) -> dict:
    return {
        "value": _number(d.waarde),
        "value_max": _number(d.waarde_max),
        "unit": d.eenheid,
        "comparator": d.vergelijking,
        "year": d.jaar,
        "subject": d.onderwerp,
        "indicator": indicators.index(d.indicator) if d.indicator else None,
        "source_text": d.brontekst,
    }


def _number_key(number: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split("."))


# --- checking --------------------------------------------------------------------------------


class _Checker:
    def __init__(self):
        self.problems: list[str] = []

    def require(self, obj: dict, key: str, kind: type | tuple, where: str, *, optional: bool = False):
        if key not in obj or obj[key] is None:
            if not optional:
                self.problems.append(_("%(where)s: “%(key)s” ontbreekt.") % {"where": where, "key": key})
            return None
        value = obj[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            self.problems.append(_("%(where)s: “%(key)s” heeft de verkeerde vorm.") % {"where": where, "key": key})
            return None
        return value

    def choice(self, value, choices, where: str, key: str):
        if value is not None and value not in choices:
            self.problems.append(
                _("%(where)s: “%(value)s” is geen geldige waarde voor “%(key)s” (kies uit: %(choices)s).")
                % {"where": where, "value": value, "key": key, "choices": ", ".join(choices)}
            )

    def add(self, where: str, message: str):
        self.problems.append(f"{where}: {message}")


def check(data) -> None:
    """Raise RegisterFormatError with every problem in the file; return quietly when it is valid."""
    c = _Checker()
    if not isinstance(data, dict):
        raise RegisterFormatError([_("Het bestand bevat geen JSON-object.")])
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise RegisterFormatError(
            [
                _("Dit is geen Driehoek-register (verwacht “format”: “%(f)s”, “version”: %(v)s).")
                % {"f": FORMAT, "v": VERSION}
            ]
        )
    sets = c.require(data, "sets", list, "bestand") or []
    slugs = set()
    for i, s in enumerate(sets):
        where = f"sets[{i}]"
        if not isinstance(s, dict):
            c.add(where, _("geen object."))
            continue
        slug = c.require(s, "slug", str, where)
        if slug in slugs:
            c.add(where, _("kenmerk “%(slug)s” komt twee keer voor.") % {"slug": slug})
        slugs.add(slug)
        _check_set(c, s, f"sets[{i}] ({slug})")
    if c.problems:
        raise RegisterFormatError(c.problems)


def _check_set(c: _Checker, s: dict, where: str) -> None:
    c.require(s, "municipality", str, where)
    c.choice(s.get("municipality_province") or None, Gemeente.Provincie.values, where, "municipality_province")
    c.choice(c.require(s, "kind", str, where), Afsprakenset.Soort.values, where, "kind")
    c.require(s, "title", str, where)
    first = c.require(s, "first_year", int, where)
    last = c.require(s, "last_year", int, where)
    if first and last and last < first:
        c.add(where, _("het laatste jaar ligt voor het eerste."))
    c.choice(s.get("status", "concept"), Afsprakenset.Status.values, where, "status")
    parties = c.require(s, "parties", list, where) or []
    names = set()
    for j, p in enumerate(parties):
        pwhere = f"{where}.parties[{j}]"
        if not isinstance(p, dict):
            c.add(pwhere, _("geen object."))
            continue
        names.add(c.require(p, "name", str, pwhere))
        c.choice(c.require(p, "kind", str, pwhere), Partij.Soort.values, pwhere, "kind")
    corporations = {p.get("name") for p in parties if isinstance(p, dict) and p.get("kind") == "corporatie"}
    for j, p in enumerate(parties):
        for name in (p.get("works_for") or []) if isinstance(p, dict) else []:
            if p.get("kind") != "huurdersorganisatie" or name not in corporations:
                c.add(f"{where}.parties[{j}]", _("“%(p)s” is geen corporatie van de set.") % {"p": name})
    for j, sig in enumerate(c.require(s, "signatories", list, where, optional=True) or []):
        swhere = f"{where}.signatories[{j}]"
        if sig.get("party") not in names:
            c.add(swhere, _("partij “%(p)s” neemt niet deel aan de set.") % {"p": sig.get("party")})
        c.require(sig, "person", str, swhere)
        _check_date(c, sig.get("date"), swhere)
    _check_date(c, (s.get("source_document") or {}).get("date"), f"{where}.source_document")
    numbers = set()
    theme_numbers = set()
    agreements = []
    for t_index, theme in enumerate(c.require(s, "themes", list, where) or []):
        twhere = f"{where}.themes[{t_index}]"
        number = c.require(theme, "number", str, twhere)
        if number in theme_numbers:
            c.add(twhere, _("themanummer “%(n)s” komt twee keer voor.") % {"n": number})
        theme_numbers.add(number)
        c.require(theme, "title", str, twhere)
        for lijst in ("richtingen", "lopende_afspraken"):
            if not all(isinstance(x, str) for x in theme.get(lijst, [])):
                c.add(twhere, _("“%(key)s” moet een lijst met teksten zijn.") % {"key": lijst})
        for k, target in enumerate(theme.get("targets", [])):
            _check_target(c, target, f"{twhere}.targets[{k}]", [])
        for a_index, a in enumerate(c.require(theme, "agreements", list, twhere) or []):
            awhere = f"{twhere}.agreements[{a_index}] (afspraak {a.get('number')})"
            number = c.require(a, "number", str, awhere)
            if number in numbers:
                c.add(awhere, _("afspraaknummer “%(n)s” komt twee keer voor in de set.") % {"n": number})
            numbers.add(number)
            agreements.append((awhere, a))
    for awhere, a in agreements:
        _check_agreement(c, a, awhere, names, numbers, (first, last))
    opendata_jaardoelen.check(c, s.get("yearly_targets", []), where, s.get("slug"), s.get("parent"))


def _check_date(c: _Checker, value, where: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        c.add(where, _("“%(v)s” is geen datum in de vorm JJJJ-MM-DD.") % {"v": value})


def _check_agreement(c: _Checker, a: dict, where: str, names: set, numbers: set, period: tuple) -> None:
    c.require(a, "text", str, where)
    c.choice(c.require(a, "kind", str, where), Afspraak.Soort.values, where, "kind")
    for name in c.require(a, "responsible", list, where) or []:
        if name not in names:
            c.add(where, _("verantwoordelijke “%(p)s” neemt niet deel aan de set.") % {"p": name})
    for ref in a.get("references", []):
        if ref not in numbers:
            c.add(where, _("verwijst naar afspraak “%(n)s”, die niet in de set staat.") % {"n": ref})
    indicators = a.get("indicators", [])
    for k, ind in enumerate(indicators):
        iwhere = f"{where}.indicators[{k}]"
        c.require(ind, "description", str, iwhere)
        c.choice(c.require(ind, "kind", str, iwhere), Indicator.Soort.values, iwhere, "kind")
        try:
            first, last = rules.parse_years(ind.get("years", ""))
            if None not in period and rules.years_outside_period(first, last, *period):
                c.add(iwhere, _("de jaren %(y)s vallen buiten de looptijd van de set.") % {"y": ind["years"]})
        except ValueError as e:
            c.add(iwhere, str(e))
        for name in ind.get("actiehouders", []):
            if name not in names:
                c.add(iwhere, _("actiehouder “%(p)s” neemt niet deel aan de set.") % {"p": name})
    for k, target in enumerate(a.get("targets", [])):
        _check_target(c, target, f"{where}.targets[{k}]", indicators)


def _check_target(c: _Checker, target: dict, twhere: str, indicators: list) -> None:
    c.choice(c.require(target, "comparator", str, twhere), Doelstelling.Vergelijking.values, twhere, "comparator")
    c.require(target, "unit", str, twhere)
    c.require(target, "source_text", str, twhere)
    for key in ("value", "value_max"):
        if target.get(key) is not None and _decimal(target[key]) is None:
            c.add(twhere, _("“%(key)s” is geen getal.") % {"key": key})
    if target.get("value") is None:
        c.add(twhere, _("“value” ontbreekt."))
    if target.get("comparator") == "tussen" and target.get("value_max") is None:
        c.add(twhere, _("een bereik (“tussen”) heeft een bovengrens nodig."))
    index = target.get("indicator")
    if index is not None and not (isinstance(index, int) and 0 <= index < len(indicators)):
        c.add(twhere, _("indicator %(i)s bestaat niet bij deze afspraak.") % {"i": index})


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


# --- reading ---------------------------------------------------------------------------------


def import_sets(
    data: dict, *, skip_existing: bool = False, progress: Callable[[int, int, str], None] | None = None
) -> dict:
    """Store the sets of a file, all or nothing.

    Returns counts: {"nieuw", "gewijzigd", "ongewijzigd", "overgeslagen"} sets, and "wijzigingen": rows written.
    """
    check(data)
    reader = _Reader()
    result = {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 0, "overgeslagen": 0}
    with transaction.atomic(), _signed_sets_refused():
        sets, read = data["sets"], []
        for i, s in enumerate(sets, start=1):
            exists = Afsprakenset.objects.filter(slug=s["slug"]).exists()
            before = reader.writes
            if exists and skip_existing:
                result["overgeslagen"] += 1
            else:
                reader.read_set(s)
                read.append(s)
                result["gewijzigd" if reader.writes > before else "ongewijzigd"] += exists
                result["nieuw"] += not exists
            if progress:
                progress(i, len(sets), s["slug"])
        # Parents last: a jaarprogramma may come before its kaderafspraken in the file.
        for s in read:
            parent = Afsprakenset.objects.filter(slug=s.get("parent")).first() if s.get("parent") else None
            if s.get("parent") and parent is None:
                raise RegisterFormatError(
                    [_("%(slug)s: de bovenliggende set “%(p)s” bestaat niet.") % {"slug": s["slug"], "p": s["parent"]}]
                )
            stored = reader.sync(Afsprakenset, {"slug": s["slug"]}, {"bovenliggende_set": parent})
            opendata_jaardoelen.read(reader, stored, s.get("yearly_targets", []))
            # The status last: a signed set is written whole and then signed; a signed set in the
            # database changes only by decision, so a file that differs from it is refused (register.guard).
            reader.sync(Afsprakenset, {"slug": s["slug"]}, {"status": s.get("status", "concept")})
    result["wijzigingen"] = reader.writes
    return result


@contextmanager
def _signed_sets_refused():
    try:
        yield
    except GetekendeSetFout as e:
        raise RegisterFormatError([" ".join(e.messages)]) from e


class _Reader:
    """Brings the database in line with a checked file, writing only rows that differ."""

    def __init__(self):
        self.writes = 0

    def sync(self, model, lookup: dict, values: dict):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
        else:
            changed = [field for field, value in values.items() if getattr(obj, field) != value]
            if not changed:
                return obj
            for field in changed:
                setattr(obj, field, values[field])
            if hasattr(obj, "versie"):
                obj.versie += 1  # an open form on the old text is refused (core.versioning)
        obj._change_reason = CHANGE_REASON
        obj.save()
        self.writes += 1
        return obj

    def prune(self, queryset, keep_ids: set) -> None:
        for obj in queryset.exclude(pk__in=keep_ids):
            obj._change_reason = CHANGE_REASON
            obj.delete()
            self.writes += 1

    def read_set(self, s: dict) -> Afsprakenset:
        gemeente_values = {"cbs_code": s["municipality_cbs_code"]} if s.get("municipality_cbs_code") else {}
        if s.get("municipality_province"):
            gemeente_values["provincie"] = s["municipality_province"]
        gemeente = self.sync(Gemeente, {"naam": s["municipality"]}, gemeente_values)
        source = s.get("source_document") or {}
        afsprakenset = self.sync(
            Afsprakenset,
            {"slug": s["slug"]},
            {
                "gemeente": gemeente,
                "soort": s["kind"],
                "titel": s["title"],
                "eerste_jaar": s["first_year"],
                "laatste_jaar": s["last_year"],
                "bron_titel": source.get("title") or "",
                "bron_bestand": source.get("filename") or "",
                "bron_datum": date.fromisoformat(source["date"]) if source.get("date") else None,
                "brongegevens": s.get("extra") or {},
            },
        )
        parties, keep = {}, set()
        for order, p in enumerate(s["parties"]):
            values = {"korte_naam": p.get("short_name") or p["name"], "soort": p["kind"]}
            partij = self.sync(Partij, {"naam": p["name"]}, values)
            parties[p["name"]] = partij
            keep.add(self.sync(Deelname, {"afsprakenset": afsprakenset, "partij": partij}, {"volgorde": order}).pk)
        self.prune(afsprakenset.deelnames, keep)
        for p in s["parties"]:
            if "works_for" in p:
                parties[p["name"]].corporaties.add(*(parties[name] for name in p["works_for"]))

        keep = set()
        for order, sig in enumerate(s.get("signatories", [])):
            values = {
                "partij": parties[sig["party"]],
                "functie": sig.get("role") or "",
                "datum": date.fromisoformat(sig["date"]) if sig.get("date") else None,
                "plaats": sig.get("place") or "",
            }
            lookup = {"afsprakenset": afsprakenset, "persoon": sig["person"], "volgorde": order}
            keep.add(self.sync(Ondertekenaar, lookup, values).pk)
        self.prune(afsprakenset.ondertekenaars, keep)

        keep_themes, keep_agreements, agreements = set(), set(), []
        for t_order, t in enumerate(s["themes"]):
            thema = self.read_theme(afsprakenset, t, t_order)
            keep_themes.add(thema.pk)
            for a in t["agreements"]:
                values = {
                    "thema": thema,
                    "titel": a.get("title") or "",
                    "tekst": a["text"],
                    "sectie": a.get("section") or "",
                    "soort": a["kind"],
                    "bronlocatie": a.get("source_location") or "",
                    "volgorde": len(agreements),
                }
                afspraak = self.sync(Afspraak, {"afsprakenset": afsprakenset, "nummer": a["number"]}, values)
                keep_agreements.add(afspraak.pk)
                agreements.append((afspraak, a))
        self.prune(afsprakenset.afspraken, keep_agreements)
        self.prune(afsprakenset.themas, keep_themes)

        by_number = {afspraak.nummer: afspraak for afspraak, _a in agreements}
        for afspraak, a in agreements:
            self.read_agreement_parts(afspraak, a, parties, by_number)
        return afsprakenset

    def read_theme(self, afsprakenset: Afsprakenset, t: dict, order: int) -> Thema:
        values = {
            "titel": t["title"],
            "doel": t.get("doel") or "",
            "richtingen_label": t.get("richtingen_label") or "",
            "richtingen": list(t.get("richtingen", [])),
            "volgorde": order,
        }
        thema = self.sync(Thema, {"afsprakenset": afsprakenset, "nummer": t["number"]}, values)
        keep = set()
        for l_order, text in enumerate(t.get("lopende_afspraken", [])):
            keep.add(self.sync(LopendeAfspraak, {"thema": thema, "volgorde": l_order}, {"tekst": text}).pk)
        self.prune(thema.lopende_afspraken, keep)
        self.read_targets({"thema": thema}, t.get("targets", []), [], thema.doelstellingen)
        return thema

    def read_agreement_parts(self, afspraak: Afspraak, a: dict, parties: dict, by_number: dict) -> None:
        keep = set()
        for order, name in enumerate(a.get("responsible", [])):
            lookup = {"afspraak": afspraak, "partij": parties[name]}
            keep.add(self.sync(Verantwoordelijke, lookup, {"volgorde": order}).pk)
        self.prune(afspraak.verantwoordelijkheden, keep)

        wanted = {by_number[n].pk for n in a.get("references", [])}
        if set(afspraak.verwijzingen.values_list("pk", flat=True)) != wanted:
            afspraak.verwijzingen.set(wanted)
            self.writes += 1

        indicators, keep = [], set()
        for order, ind in enumerate(a.get("indicators", [])):
            first, last = rules.parse_years(ind["years"])
            values = {
                "omschrijving": ind["description"],
                "soort": ind["kind"],
                "jaar_van": first,
                "jaar_tot": last,
                "actiehouders_label": ind.get("actiehouders_label") or "",
            }
            indicator = self.sync(Indicator, {"afspraak": afspraak, "volgorde": order}, values)
            keep_holders = set()
            for h_order, name in enumerate(ind.get("actiehouders", [])):
                lookup = {"indicator": indicator, "partij": parties[name]}
                keep_holders.add(self.sync(Actiehouder, lookup, {"volgorde": h_order}).pk)
            self.prune(indicator.actiehouderschappen, keep_holders)
            indicators.append(indicator)
            keep.add(indicator.pk)
        self.prune(afspraak.indicatoren, keep)
        self.read_targets({"afspraak": afspraak}, a.get("targets", []), indicators, afspraak.doelstellingen)

    def read_targets(self, owner: dict, targets: list, indicators: list, existing) -> None:
        keep = set()
        for order, target in enumerate(targets):
            index = target.get("indicator")
            value_max = target.get("value_max")
            values = {
                "indicator": indicators[index] if index is not None else None,
                "waarde": _decimal(target["value"]).quantize(Decimal("0.01")),
                "waarde_max": _decimal(value_max).quantize(Decimal("0.01")) if value_max is not None else None,
                "eenheid": target["unit"],
                "vergelijking": target["comparator"],
                "jaar": target.get("year"),
                "onderwerp": target.get("subject") or "",
                "brontekst": target["source_text"],
            }
            keep.add(self.sync(Doelstelling, {**owner, "volgorde": order}, values).pk)
        self.prune(existing, keep)
