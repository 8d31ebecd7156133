"""All municipalities at once: sets, corporation-municipality pairs with agreements in force, adopted
lights per theme, and homes added against targets. A fixed number of queries, whatever the size."""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.ondertekening.models import Indiening
from driehoek.register.models import Afsprakenset, Deelname
from driehoek.vergelijken.models import Concreetheid
from driehoek.vergelijken.smart import CONCREET

from .models import Jaaroverzicht, Publicatie

LIGHTS = ["groen", "oranje", "rood", "afgerond"]
SORTS = {
    "gemeente": lambda r: r.gemeente.naam,
    "provincie": lambda r: (r.gemeente.provincie, r.gemeente.naam),
    "sets": lambda r: -len(r.sets),
    "opgeleverd": lambda r: -r.delivered,
    "doel": lambda r: -(r.target or 0),
}


def _add(total: list[int], counts) -> None:
    for index, n in enumerate(counts):
        total[index] += n


@dataclass
class Row:
    gemeente: object
    sets: list = field(default_factory=list)
    corporations: set = field(default_factory=set)
    lights: Counter = field(default_factory=Counter)
    target: int | None = None
    target_year: int | None = None
    delivered: int = 0
    scored: int = 0  # agreements with a SMART score (vergelijken), and how many of them are concrete
    concrete: int = 0
    public_url: str = ""  # the municipality's public page: its latest published year, else its submitted set
    badges: list = field(default_factory=list)  # (rendered badge, count) per light: set by the view

    @property
    def concrete_share(self) -> int | None:
        return round(100 * self.concrete / self.scored) if self.scored else None

    @property
    def light_counts(self) -> list[tuple[str, int]]:
        return [(kleur, self.lights[kleur]) for kleur in LIGHTS if self.lights[kleur]]


def overview(
    sets_qs,
    *,
    provincie: str = "",
    corporatie=None,
    year: int | None = None,
    public: bool = False,
    sort: str = "gemeente",
):
    sets = sets_qs.select_related("gemeente").defer("brongegevens")
    if provincie:
        sets = sets.filter(gemeente__provincie=provincie)
    if corporatie is not None:
        sets = sets.filter(deelnames__partij=corporatie)
    sets = sets.distinct()
    # The selection as a subquery: a list of a thousand ids would be prepared value by value, per query.
    set_ids = sets.values("pk")
    sets = list(sets)
    rows: dict[int, Row] = {}
    for s in sets:
        rows.setdefault(s.gemeente_id, Row(s.gemeente)).sets.append(s)
    submitted = set(Indiening.objects.filter(afsprakenset_id__in=set_ids).values_list("afsprakenset_id", flat=True))
    for s in sets:  # the submitted set's public page, overruled by a published year's
        if s.pk in submitted:
            rows[s.gemeente_id].public_url = reverse("ondertekening:openbaar", args=[s.slug])
    slugs = {s.pk: s.slug for s in sets}
    gemeente_of_set = {s.pk: s.gemeente_id for s in sets}
    published_years = list(
        Publicatie.objects.filter(afsprakenset_id__in=set_ids).order_by("jaar").values_list("afsprakenset_id", "jaar")
    )
    latest = {gemeente_of_set[set_id]: (slugs[set_id], jaar) for set_id, jaar in published_years}
    for gemeente_id, args in latest.items():  # the last published year of the municipality's sets
        rows[gemeente_id].public_url = reverse("reports:openbaar", args=args)
    signed = Deelname.objects.filter(
        afsprakenset_id__in=set_ids, partij__soort="corporatie", afsprakenset__status=Afsprakenset.Status.ONDERTEKEND
    ).values_list("afsprakenset__gemeente_id", "partij_id")
    signed = set(signed)
    corporations = Partij.objects.in_bulk({partij_id for _g, partij_id in signed})
    for gemeente_id, partij_id in signed:
        rows[gemeente_id].corporations.add(corporations[partij_id])
    # The lights, targets and net additions come from the kept summaries (reports/samenvatting.py):
    # a few thousand rows at national scale instead of every adopted assessment. Summed in plain lists
    # (a Counter per light costs more than the rest of the page); the themes' JSON read as text.
    published = {(set_id, jaar) for set_id, jaar in published_years}
    lights: dict[int, list[int]] = {}  # per municipality: groen, oranje, rood, afgerond
    theme_lights: dict[str, list[int]] = {}
    net_from: dict[int, int] = {}  # the municipality's net additions, the same in each of its sets: one set's
    summaries = Jaaroverzicht.objects.filter(afsprakenset_id__in=set_ids).order_by("afsprakenset_id", "jaar")
    for set_id, jaar, *counts, per_thema, doel, netto in summaries.values_list(
        "afsprakenset_id", "jaar", *LIGHTS, Cast("per_thema", TextField()), "doel", "netto_opgeleverd"
    ):
        gemeente_id = gemeente_of_set[set_id]
        row = rows[gemeente_id]
        if doel is not None and (row.target is None or jaar < row.target_year):
            row.target, row.target_year = doel, jaar
        if net_from.setdefault(gemeente_id, set_id) == set_id:
            row.delivered += netto  # delivered minus sold, as the figures page counts it
        if not any(counts) or (public and (set_id, jaar) not in published) or (year and jaar != year):
            continue  # the public sees only the lights of years the secretary published
        _add(lights.setdefault(gemeente_id, [0] * len(LIGHTS)), counts)
        for thema, per_light in json.loads(per_thema).items():
            _add(theme_lights.setdefault(thema, [0] * len(LIGHTS)), per_light)
    for gemeente_id, counts in lights.items():
        rows[gemeente_id].lights = Counter({kleur: n for kleur, n in zip(LIGHTS, counts, strict=True) if n})
    scores = (
        Concreetheid.objects.filter(afspraak__afsprakenset_id__in=set_ids)
        .values_list("afspraak__afsprakenset__gemeente_id")
        .annotate(n=Count("pk"), concreet=Count("pk", filter=Q(punten__gte=CONCREET)))
        .order_by()
    )
    for gemeente_id, n, concreet in scores:
        rows[gemeente_id].scored, rows[gemeente_id].concrete = n, concreet
    ordered = sorted(rows.values(), key=SORTS.get(sort, SORTS["gemeente"]))
    totals = {"target": sum(r.target or 0 for r in ordered), "delivered": sum(r.delivered for r in ordered)}
    per_theme = sorted(theme_lights.items())
    return ordered, per_theme, totals
