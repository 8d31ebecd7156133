"""The rules of chapter 8, as plain functions: the stoplight model, the allowed state transitions,
consensus, and the light suggested by the figures. No database access here."""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from driehoek.register import fasering
from driehoek.register.rules import format_number

from .models import Kleur, Reactie, Status

# --- the stoplight model -----------------------------------------------------------------------

REASONS = {
    Kleur.ORANJE: {
        "a": gettext_lazy("vertraagde uitvoering"),
        "b": gettext_lazy("verwachte vertraging of wijziging in de resultaten"),
    },
    Kleur.ROOD: {
        "a": gettext_lazy("niet volgens planning gestart"),
        "b": gettext_lazy("resultaat niet gerealiseerd"),
        "c": gettext_lazy("geplande afspraak vervalt"),
    },
}
MEANING = {
    Kleur.GROEN: gettext_lazy("loopt volgens planning"),
    Kleur.ORANJE: gettext_lazy("gestart, maar met vertraging of gewijzigd resultaat"),
    Kleur.ROOD: gettext_lazy("niet gestart, niet gerealiseerd of vervallen"),
    Kleur.AFGEROND: gettext_lazy("afgerond"),
}
FOCUS = {Kleur.ORANJE, Kleur.ROOD}


def light_errors(kleur: str, reden: str, toelichting: str) -> dict[str, str]:
    """Field -> message for a light that the model of chapter 8 does not allow; empty when fine."""
    errors = {}
    if kleur not in Kleur.values:
        return {"kleur": _("Kies groen, oranje, rood of afgerond.")}
    if kleur in REASONS:
        if reden not in REASONS[kleur]:
            choices = ", ".join(f"({key}) {text}" for key, text in REASONS[kleur].items())
            errors["reden"] = _("Kies bij %(kleur)s een reden: %(choices)s.") % {"kleur": kleur, "choices": choices}
        if not toelichting.strip():
            errors["toelichting"] = _(
                "Licht %(kleur)s toe: wat is de oorzaak, wat is het gevolg en wat wordt eraan gedaan?"
            ) % {"kleur": kleur}
    elif reden:
        errors["reden"] = _("Bij %(kleur)s hoort geen reden.") % {"kleur": kleur}
    return errors


def reason_choices() -> list[tuple[str, str]]:
    """One choice per letter, naming what it means for orange and for red."""
    choices = []
    for letter in ("a", "b", "c"):
        meanings = [
            f"{Kleur(kleur).label}: {REASONS[kleur][letter]}"
            for kleur in (Kleur.ORANJE, Kleur.ROOD)
            if letter in REASONS[kleur]
        ]
        choices.append((letter, f"({letter}) " + " · ".join(meanings)))
    return choices


def describe_light(kleur: str, reden: str = "") -> str:
    if not kleur:
        return _("nog niet beoordeeld")
    if kleur in REASONS and reden in REASONS[kleur]:
        return f"{Kleur(kleur).label} ({reden}): {REASONS[kleur][reden]}"
    return str(Kleur(kleur).label)


# --- states and transitions --------------------------------------------------------------------

VOORZET_DOEN = "voorzet_doen"
REAGEREN = "reageren"
VASTSTELLEN = "vaststellen"
HERZIEN = "herzien"
ACTIONS = (VOORZET_DOEN, REAGEREN, VASTSTELLEN, HERZIEN)

# (from, action) -> the states it may lead to. A reaction leads to consensus when every other party
# agrees with the current voorzet, else to "in bespreking". Everything not listed is refused.
TRANSITIONS: dict[tuple[str, str], tuple[str, ...]] = {
    (Status.OPEN, VOORZET_DOEN): (Status.VOORZET,),
    (Status.VOORZET, VOORZET_DOEN): (Status.VOORZET,),
    (Status.IN_BESPREKING, VOORZET_DOEN): (Status.VOORZET,),
    (Status.CONSENSUS, VOORZET_DOEN): (Status.VOORZET,),
    (Status.VOORZET, REAGEREN): (Status.IN_BESPREKING, Status.CONSENSUS),
    (Status.IN_BESPREKING, REAGEREN): (Status.IN_BESPREKING, Status.CONSENSUS),
    (Status.CONSENSUS, REAGEREN): (Status.IN_BESPREKING, Status.CONSENSUS),
    (Status.CONSENSUS, VASTSTELLEN): (Status.VASTGESTELD,),
    (Status.VASTGESTELD, HERZIEN): (Status.VOORZET,),
}


class TransitionNotAllowed(ValueError):
    pass


def allowed(status: str, action: str) -> bool:
    return (status, action) in TRANSITIONS


def next_status(status: str, action: str, *, consensus: bool = False) -> str:
    targets = TRANSITIONS.get((status, action))
    if targets is None:
        raise TransitionNotAllowed(
            _("Dat kan niet bij een beoordeling met status “%(status)s”.") % {"status": Status(status).label}
        )
    if action == REAGEREN:
        return Status.CONSENSUS if consensus else Status.IN_BESPREKING
    return targets[0]


def has_consensus(responders: set[int], reactions: list[tuple[int, str]]) -> bool:
    """True when every responding party's latest verdict on the current voorzet is akkoord.

    `reactions`: (party id, kind) in the order given; comments (opmerking) are no verdict."""
    if not responders:
        return True
    verdict = {}
    for party, kind in reactions:
        if kind != Reactie.Soort.OPMERKING:
            verdict[party] = kind
    return all(verdict.get(party) == Reactie.Soort.AKKOORD for party in responders)


# --- the light suggested by the figures --------------------------------------------------------

ON_TRACK = Decimal(1)
BEHIND = Decimal("0.5")


@dataclass(frozen=True)
class Suggestion:
    kleur: str
    reden: str
    expected: Decimal
    realised: Decimal
    explanation: str


def suggest_light(
    *,
    target: Decimal,
    comparator: str,
    deadline: int,
    baseline_year: int,
    year: int,
    values: dict[int, Decimal],
    yearly: dict[int, Decimal] | None = None,
) -> Suggestion | None:
    """A light from the straight line between the baseline year (value 0) and the target in the
    deadline year, for counted results that add up over the years (homes added, homes improved).

    On or above the line: groen (afgerond once the target is met). Below the line but at least
    half-way: oranje (a). Less than half: rood (a) before the deadline, rood (b) from the deadline on.
    Only for targets "ten minste", "tussen" (the lower bound counts), "gelijk" and "circa".
    With agreed yearly targets (`yearly`, by year) the line is their phasing (register/fasering.py).
    """
    if comparator not in ("ten_minste", "tussen", "gelijk", "circa") or deadline <= baseline_year or target <= 0:
        return None
    if year <= baseline_year:
        return None
    realised = sum((v for y, v in values.items() if baseline_year < y <= year), Decimal(0))
    share = min(Decimal(year - baseline_year) / Decimal(deadline - baseline_year), Decimal(1))
    expected = (target * share).quantize(Decimal("0.01"))
    if yearly:
        schijven = fasering.phasing(target=target, baseline_year=baseline_year, deadline=deadline, yearly=yearly)
        expected = fasering.expected_by(schijven, year) or expected
    ratio = realised / expected if expected else Decimal(1)
    if realised >= target:
        kleur, reden = (Kleur.AFGEROND if year >= deadline else Kleur.GROEN), ""
    elif ratio >= ON_TRACK:
        kleur, reden = Kleur.GROEN, ""
    elif ratio >= BEHIND:
        kleur, reden = Kleur.ORANJE, "a"
    else:
        kleur, reden = Kleur.ROOD, ("b" if year >= deadline else "a")
    words = {
        "year": year,
        "realised": _n(realised),
        "target": _n(target),
        "deadline": deadline,
        "expected": _n(expected),
    }
    if yearly:
        explanation = (
            _(
                "Gerealiseerd t/m %(year)s: %(realised)s; volgens de jaardoelen op weg naar %(target)s in %(deadline)s "
                "verwacht: %(expected)s."
            )
            % words
        )
    else:
        explanation = (
            _(
                "Gerealiseerd t/m %(year)s: %(realised)s; volgens de lijn naar %(target)s in %(deadline)s "
                "verwacht: %(expected)s."
            )
            % words
        )
    return Suggestion(kleur, reden, expected, realised, explanation)


def suggest_from_yearly_target(
    *, value: Decimal, waarde: Decimal, waarde_max: Decimal | None, vergelijking: str, year: int
) -> Suggestion:
    """A light from the year's own target, for an indicator without a counted end target (a
    percentage, or a number per year such as homes improved): met is groen; below it but at least
    half-way oranje (a); else rood (b), the year's result not realised."""
    if fasering.met(value, waarde=waarde, waarde_max=waarde_max, vergelijking=vergelijking):
        kleur, reden = Kleur.GROEN, ""
    elif vergelijking != "ten_hoogste" and waarde and value / waarde >= BEHIND:
        kleur, reden = Kleur.ORANJE, "a"
    else:
        kleur, reden = Kleur.ROOD, "b"
    explanation = _("Gerealiseerd in %(year)s: %(value)s; het jaardoel voor %(year)s is %(target)s.") % {
        "year": year,
        "value": _n(value),
        "target": _n(waarde) if waarde_max is None else f"{_n(waarde)}–{_n(waarde_max)}",
    }
    return Suggestion(kleur, reden, Decimal(waarde), Decimal(value), explanation)


def deviates(kleur: str, reden: str, suggestion: Suggestion | None) -> bool:
    """Whether a chosen light differs from the suggestion: another colour, or another reason where
    the suggestion gives one. Choosing the suggestion itself needs no explanation."""
    if suggestion is None:
        return False
    return kleur != suggestion.kleur or bool(suggestion.reden and reden != suggestion.reden)


def _n(value: Decimal) -> str:
    return format_number(value)


def stale_from(deadline: date) -> date:
    """From this day on, an indicator without a value is flagged as stale: one month before the
    voorzet deadline (the same day of the month before; the last day of it if that month is shorter)."""
    year, month = (deadline.year, deadline.month - 1) if deadline.month > 1 else (deadline.year - 1, 12)
    return date(year, month, min(deadline.day, calendar.monthrange(year, month)[1]))


def is_stale(deadline: date | None, today: date) -> bool:
    return deadline is not None and today >= stale_from(deadline)


def value_problem(waarde: Decimal, decimalen: int, negatief_toegestaan: bool) -> str | None:
    """What is wrong with an entered value for an indicator, in Dutch; None when it fits."""
    if waarde < 0 and not negatief_toegestaan:
        return _("Deze indicator kent geen negatieve waarden.")
    exponent = waarde.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimalen:
        if decimalen == 0:
            return _("Vul een geheel getal in, zonder cijfers achter de komma.")
        return ngettext(
            "Vul ten hoogste %(n)s cijfer achter de komma in.",
            "Vul ten hoogste %(n)s cijfers achter de komma in.",
            decimalen,
        ) % {"n": decimalen}
    return None
