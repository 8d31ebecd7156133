"""The phasing (fasering) of a counted end target over the years, from the yearly targets agreed
so far: plain functions, no database.

A counted target ("netto 120-140 sociale huurwoningen t/m 2031") is reached by adding up what each
year delivers. A yearly programme fixes what one year must deliver (its jaardoel). The years
without an agreed yearly target share what is left of the end target equally, so the phasing
always ends at the end target, and a stricter year early means less is left for the later years.
Without any yearly target this is the straight line of monitoring/rules.suggest_light.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Jaarschijf:
    jaar: int
    per_jaar: Decimal  # what this year is to deliver
    opgeteld: Decimal  # what should have been delivered by the end of this year
    afgesproken: bool  # an agreed yearly target; otherwise a share of what is left


def phasing(*, target: Decimal, baseline_year: int, deadline: int, yearly: dict[int, Decimal]) -> list[Jaarschijf]:
    """The years after `baseline_year` up to and including `deadline`, each with its share.

    `yearly`: the agreed yearly targets by year; years outside the period are ignored. When the
    agreed years already add up to more than the end target, the other years get nothing (never a
    negative share): the agreed targets stand as agreed."""
    years = range(baseline_year + 1, deadline + 1)
    agreed = {y: Decimal(v) for y, v in yearly.items() if y in years}
    open_years = [y for y in years if y not in agreed]
    left = max(Decimal(target) - sum(agreed.values(), Decimal(0)), Decimal(0))
    share = (left / len(open_years)) if open_years else Decimal(0)
    result, total = [], Decimal(0)
    for year in years:
        amount = agreed.get(year, share)
        total += amount
        result.append(Jaarschijf(year, _round(amount), _round(total), year in agreed))
    return result


def expected_by(schijven: list[Jaarschijf], year: int) -> Decimal | None:
    """What should have been delivered by the end of `year`; None before the first year."""
    reached = [s.opgeteld for s in schijven if s.jaar <= year]
    return reached[-1] if reached else None


def yearly_target_errors(
    *, waarde: Decimal | None, waarde_max: Decimal | None, vergelijking: str, jaar: int, jaar_van: int, jaar_tot: int
) -> dict[str, str]:
    """Field -> message for a yearly target that cannot stand; empty when fine."""
    errors = {}
    if waarde is None:
        errors["waarde"] = _("Vul het jaardoel in.")
    elif waarde < 0:
        errors["waarde"] = _("Een jaardoel is nul of meer.")
    if vergelijking == "tussen" and waarde_max is None:
        errors["waarde_max"] = _("Bij “tussen” hoort een bovengrens.")
    if waarde is not None and waarde_max is not None and waarde_max < waarde:
        errors["waarde_max"] = _("De bovengrens is lager dan de waarde.")
    if not jaar_van <= jaar <= jaar_tot:
        errors["jaar"] = _("Deze indicator loopt van %(van)s tot en met %(tot)s; %(jaar)s hoort daar niet bij.") % {
            "van": jaar_van,
            "tot": jaar_tot,
            "jaar": jaar,
        }
    return errors


def met(value: Decimal, *, waarde: Decimal, waarde_max: Decimal | None, vergelijking: str) -> bool:
    """Whether a year's value meets its yearly target."""
    if vergelijking == "ten_hoogste":
        return value <= waarde
    if vergelijking == "tussen" and waarde_max is not None:
        return waarde <= value <= waarde_max
    return value >= waarde


def _round(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
