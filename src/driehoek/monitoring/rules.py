"""The rules of chapter 8, as plain functions: the stoplight model, the allowed state transitions,
consensus, and the light suggested by the figures. No database access here."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    *, target: Decimal, comparator: str, deadline: int, baseline_year: int, year: int, values: dict[int, Decimal]
) -> Suggestion | None:
    """A light from the straight line between the baseline year (value 0) and the target in the
    deadline year, for counted results that add up over the years (homes added, homes improved).

    On or above the line: groen (afgerond once the target is met). Below the line but at least
    half-way: oranje (a). Less than half: rood (a) before the deadline, rood (b) from the deadline on.
    Only for targets "ten minste", "tussen" (the lower bound counts), "gelijk" and "circa".
    """
    if comparator not in ("ten_minste", "tussen", "gelijk", "circa") or deadline <= baseline_year or target <= 0:
        return None
    if year <= baseline_year:
        return None
    realised = sum((v for y, v in values.items() if baseline_year < y <= year), Decimal(0))
    share = min(Decimal(year - baseline_year) / Decimal(deadline - baseline_year), Decimal(1))
    expected = (target * share).quantize(Decimal("0.01"))
    ratio = realised / expected if expected else Decimal(1)
    if realised >= target:
        kleur, reden = (Kleur.AFGEROND if year >= deadline else Kleur.GROEN), ""
    elif ratio >= ON_TRACK:
        kleur, reden = Kleur.GROEN, ""
    elif ratio >= BEHIND:
        kleur, reden = Kleur.ORANJE, "a"
    else:
        kleur, reden = Kleur.ROOD, ("b" if year >= deadline else "a")
    explanation = _(
        "Gerealiseerd t/m %(year)s: %(realised)s; volgens de lijn naar %(target)s in %(deadline)s "
        "verwacht: %(expected)s."
    ) % {"year": year, "realised": _n(realised), "target": _n(target), "deadline": deadline, "expected": _n(expected)}
    return Suggestion(kleur, reden, expected, realised, explanation)


def deviates(kleur: str, reden: str, suggestion: Suggestion | None) -> bool:
    """Whether a chosen light differs from the suggestion: another colour, or another reason where
    the suggestion gives one. Choosing the suggestion itself needs no explanation."""
    if suggestion is None:
        return False
    return kleur != suggestion.kleur or bool(suggestion.reden and reden != suggestion.reden)


def _n(value: Decimal) -> str:
    return format_number(value)
