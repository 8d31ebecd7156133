"""Computations on the figures, as plain functions on plain values."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from driehoek.register.rules import format_number

# Rent bands, each "at or below" its limit: a rent exactly at a limit falls in the lower band.
BANDS = [
    ("kwaliteitskortingsgrens", _("tot en met de kwaliteitskortingsgrens")),
    ("eerste_aftoppingsgrens", _("tot en met de eerste aftoppingsgrens")),
    ("tweede_aftoppingsgrens", _("tussen eerste en tweede aftoppingsgrens")),
    ("daeb_huurgrens", _("tussen tweede aftoppingsgrens en DAEB-huurgrens")),
    ("boven", _("boven de DAEB-huurgrens")),
]


@dataclass(frozen=True)
class Band:
    key: str
    label: str
    count: int
    share: Decimal  # percentage, one decimal
    grens: Decimal | None = None  # the band's upper limit in euro; None for the top band


def rent_bands(rents: Iterable[Decimal], limits: dict[str, Decimal | None]) -> list[Band] | None:
    """The distribution of rents over the bands of a year's limits; None when a limit is unknown."""
    edges = [limits.get(key) for key, _label in BANDS[:-1]]
    if any(edge is None for edge in edges):
        return None
    counts = [0] * len(BANDS)
    for rent in rents:
        for index, edge in enumerate(edges):
            if rent <= edge:
                counts[index] += 1
                break
        else:
            counts[-1] += 1
    return bands_from_counts(counts, edges)


def bands_from_counts(counts: list[int], edges: list[Decimal]) -> list[Band]:
    """The bands from the number of homes in each (counted by the database at national scale) and the
    year's limits between them."""
    total = sum(counts)
    return [
        Band(key, str(label), n, share(n, total), limit)
        for (key, label), n, limit in zip(BANDS, counts, [*edges, None], strict=True)
    ]


def share(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def share_up_to_second(bands: list[Band]) -> Decimal:
    """Share at or below the tweede aftoppingsgrens (agreement 12 of 2022: at least 85%)."""
    total = sum(b.count for b in bands)
    return share(sum(b.count for b in bands[:3]), total)


EFG = ["E", "F", "G"]


def efg_remaining(homes: Iterable[tuple[str, str]]) -> int:
    """Homes with label E, F or G among those the corporation keeps (bestemming doorexploiteren)."""
    return sum(1 for label, bestemming in homes if bestemming == "doorexploiteren" and label.upper() in {"E", "F", "G"})


def trajectory(target: Decimal, baseline_year: int, deadline: int, years: Iterable[int]) -> dict[int, Decimal]:
    """The straight line from 0 in the baseline year to the target in the deadline year."""
    span = Decimal(deadline - baseline_year)
    return {y: (target * min(Decimal(y - baseline_year), span) / span).quantize(Decimal("0.1")) for y in years}


def cumulative(per_year: dict[int, int], years: Iterable[int]) -> dict[int, int]:
    running, result = 0, {}
    for year in years:
        running += per_year.get(year, 0)
        result[year] = running
    return result


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str


def stated_total_check(what: str, stated: int, rows: Iterable[int]) -> Check:
    total = sum(rows)
    if total == stated:
        return Check(
            True,
            str(_("%(what)s: het genoemde totaal %(stated)s klopt met de rijen.") % {"what": what, "stated": stated}),
        )
    return Check(
        False,
        str(
            _("%(what)s: het document noemt %(stated)s, maar de rijen tellen op tot %(total)s (verschil %(diff)s).")
            % {"what": what, "stated": stated, "total": total, "diff": total - stated}
        ),
    )


def plan_rows_netto(rows: list[dict]) -> list[int]:
    """Net homes per row of a plan table; a row without demolition is as many net as gross."""
    return [r["netto"] if r.get("netto") is not None else r["bruto"] - (r.get("sloop") or 0) for r in rows]


def reference_check(what: str, document_value, reference_value) -> Check:
    """A figure a document states against the reference data; whole-euro rounding is no difference."""
    if reference_value is None:
        return Check(True, str(_("%(what)s: geen referentiewaarde bekend.") % {"what": what}))
    doc, ref = Decimal(str(document_value)), Decimal(str(reference_value))
    whole = {ref.quantize(Decimal(1), ROUND_HALF_UP), ref.quantize(Decimal(1), ROUND_FLOOR)}
    names = {"what": what, "doc": format_number(doc), "ref": format_number(ref)}
    if doc == ref or (doc == doc.to_integral_value() and doc in whole):
        return Check(True, str(_("%(what)s: %(doc)s komt overeen met de referentie (%(ref)s).") % names))
    return Check(False, str(_("%(what)s: het document noemt %(doc)s, de referentie is %(ref)s.") % names))


def stock_change_check(before: int, after: int, delivered: int, sold: int, demolished: int, bought: int) -> Check:
    expected = before + delivered - sold - demolished + bought
    if expected == after:
        return Check(True, str(_("De voorraadontwikkeling klopt met de mutaties.")))
    return Check(
        False,
        str(
            _("De voorraad ging van %(before)s naar %(after)s, maar de mutaties geven %(expected)s.")
            % {"before": before, "after": after, "expected": expected}
        ),
    )


def shares_check(what: str, part: int, whole: int) -> Check:
    if part > whole:
        return Check(
            False,
            str(
                _("%(what)s: %(part)s van %(whole)s is meer dan 100%%.") % {"what": what, "part": part, "whole": whole}
            ),
        )
    return Check(True, "")
