"""All municipalities at once, one page of them at a time: sets, corporation-municipality pairs with
agreements in force, adopted lights per theme, and homes added against targets (docs/adr/0121).

The page reads the figures of the municipalities it shows only; the national totals and the lights per
theme are SQL aggregates over the kept summaries (the themes' in rows of their own, docs/adr/0152),
stored per class of viewer and filter until a change raises the summaries' version (national_cache,
docs/adr/0150). A fixed number of queries, whatever the size."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, IntegerField, Min, OuterRef, Q, Subquery, Sum, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils.translation import gettext

from driehoek.accounts.models import Partij
from driehoek.ondertekening.models import Indiening
from driehoek.register.models import Afsprakenset, Deelname, Gemeente
from driehoek.vergelijken.models import Concreetheid
from driehoek.vergelijken.smart import CONCREET

from . import national_cache
from .models import Jaaroverzicht, Publicatie, Themaoverzicht

LIGHTS = ["groen", "oranje", "rood", "afgerond"]
PER_PAGE = 25
# The sort orders of the table, in SQL over every municipality of the selection; the name breaks ties.
SORTS = {
    "gemeente": ["naam"],
    "provincie": ["provincie", "naam"],
    "sets": ["-n_sets", "naam"],
    "opgeleverd": ["-sort_delivered", "naam"],
    "doel": ["-sort_target", "naam"],
}


def _add(total: list[int], counts) -> None:
    for index, n in enumerate(counts):
        total[index] += n


@dataclass
class Row:
    gemeente: object
    sets: list = field(default_factory=list)
    corporations: list = field(default_factory=list)
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
    def concrete_text(self) -> str:
        """ "12 van 40 (30%)": made here, not by a {% blocktranslate %} per row (a tenth of a millisecond
        each, most of the page's growth from 0.1 to 1.0 where most rows have scores; issue 18)."""
        if not self.scored:
            return ""
        return gettext("%(c)s van %(n)s (%(p)s%%)") % {"c": self.concrete, "n": self.scored, "p": self.concrete_share}

    @property
    def light_counts(self) -> list[tuple[str, int]]:
        return [(kleur, self.lights[kleur]) for kleur in LIGHTS if self.lights[kleur]]


def _target(set_ids):
    """The municipality's target for net additions: that of the earliest year with one, in its sets."""
    return Subquery(
        Jaaroverzicht.objects.filter(afsprakenset__gemeente=OuterRef("pk"), afsprakenset_id__in=set_ids)
        .exclude(doel=None)
        .order_by("jaar", "afsprakenset_id")
        .values("doel")[:1]
    )


def _delivered(set_ids):
    """The municipality's net additions over all years: the same in each of its sets' summaries, so
    those of its first set with summaries."""
    first = (
        Jaaroverzicht.objects.filter(afsprakenset__gemeente=OuterRef(OuterRef("pk")), afsprakenset_id__in=set_ids)
        .order_by("afsprakenset_id")
        .values("afsprakenset_id")[:1]
    )
    return Subquery(
        Jaaroverzicht.objects.filter(afsprakenset_id=Subquery(first))
        .order_by()
        .values("afsprakenset_id")
        .annotate(s=Sum("netto_opgeleverd"))
        .values("s")
    )


def _ordered(gemeenten, set_ids, sort: str):
    if sort == "sets":
        per_gemeente = (
            Afsprakenset.objects.filter(pk__in=set_ids, gemeente=OuterRef("pk"))
            .order_by()
            .values("gemeente")
            .annotate(n=Count("pk"))
            .values("n")
        )
        gemeenten = gemeenten.annotate(n_sets=Subquery(per_gemeente, output_field=IntegerField()))
    elif sort == "opgeleverd":
        gemeenten = gemeenten.annotate(sort_delivered=Coalesce(_delivered(set_ids), Value(0)))
    elif sort == "doel":
        gemeenten = gemeenten.annotate(sort_target=Coalesce(_target(set_ids), Value(0)))
    return gemeenten.order_by(*SORTS[sort], "pk")


def totals(set_ids) -> dict[str, int]:
    """The national totals of targets and net additions, as SQL aggregates over the summaries: per
    municipality the target of its earliest year with one, and the net additions of its first set."""
    first_target = (
        Jaaroverzicht.objects.filter(afsprakenset_id__in=set_ids)
        .exclude(doel=None)
        .annotate(
            n=Window(
                RowNumber(), partition_by=F("afsprakenset__gemeente_id"), order_by=[F("jaar"), F("afsprakenset_id")]
            )
        )
        .filter(n=1)
    )
    first_sets = (
        Jaaroverzicht.objects.filter(afsprakenset_id__in=set_ids)
        .order_by()
        .values("afsprakenset__gemeente_id")
        .annotate(first=Min("afsprakenset_id"))
        .values("first")
    )
    delivered = Jaaroverzicht.objects.filter(afsprakenset_id__in=first_sets).aggregate(s=Sum("netto_opgeleverd"))
    return {"target": first_target.aggregate(s=Sum("doel"))["s"] or 0, "delivered": delivered["s"] or 0}


def theme_lights(set_ids, *, year: int | None, public: bool) -> list[tuple[str, list[int]]]:
    """The adopted lights per theme over every municipality, summed from the themes' summary rows
    (docs/adr/0152). The public sees only published years."""
    rows = Themaoverzicht.objects.filter(afsprakenset_id__in=set_ids)
    if year:
        rows = rows.filter(jaar=year)
    if public:
        published = Publicatie.objects.filter(afsprakenset_id=OuterRef("afsprakenset_id"), jaar=OuterRef("jaar"))
        rows = rows.filter(Exists(published))
    sums = rows.values("thema").annotate(**{f"n_{kleur}": Sum(kleur) for kleur in LIGHTS}).order_by("thema")
    return [(row["thema"], [row[f"n_{kleur}"] for kleur in LIGHTS]) for row in sums]


def corporations_matching(sets_qs, text: str):
    """The corporations of the viewer's sets whose name or short name holds `text`: a search never
    reveals a corporation outside the sets the viewer may see (docs/adr/0151)."""
    return (
        Partij.objects.filter(soort=Partij.Soort.CORPORATIE, deelnames__afsprakenset__in=sets_qs)
        .filter(Q(naam__icontains=text) | Q(korte_naam__icontains=text))
        .distinct()
    )


def overview(
    sets_qs,
    *,
    provincie: str = "",
    corporatie: str = "",
    year: int | None = None,
    public: bool = False,
    sort: str = "gemeente",
    page=1,
    viewer: str | None = None,
):
    """The page of municipalities asked for (`page`: anything; a wrong one gives the first or last
    page), its rows, the lights per theme and the national totals. `corporatie`: a part of a
    corporation's name; `viewer`: the class of viewer whose national figures may be shared
    (national_cache.viewer_class), or None."""
    sets = sets_qs
    if provincie:
        sets = sets.filter(gemeente__provincie=provincie)
    if corporatie:
        sets = sets.filter(deelnames__partij__in=corporations_matching(sets_qs, corporatie))
    # The selection as a subquery: a list of a thousand ids would be prepared value by value, per query.
    set_ids = sets.distinct().values("pk")
    gemeenten = Gemeente.objects.filter(pk__in=sets.values("gemeente_id"))
    sort = sort if sort in SORTS else "gemeente"
    page_obj = Paginator(_ordered(gemeenten, set_ids, sort), PER_PAGE).get_page(page)
    rows = _rows(list(page_obj.object_list), set_ids, year=year, public=public)
    figures = national_cache.figures(
        viewer,
        provincie=provincie,
        corporatie=corporatie,
        year=year,
        compute=lambda: {"themes": theme_lights(set_ids, year=year, public=public), "totals": totals(set_ids)},
    )
    themes = [(thema, list(counts)) for thema, counts in figures["themes"]]
    return page_obj, rows, themes, figures["totals"]


def _rows(gemeenten: list, set_ids, *, year: int | None, public: bool) -> list[Row]:
    """The figures of the municipalities on the page, from their sets in the selection only."""
    rows: dict[int, Row] = {g.pk: Row(g) for g in gemeenten}
    sets = list(
        Afsprakenset.objects.filter(pk__in=set_ids, gemeente_id__in=rows)
        .defer("brongegevens")
        .order_by("gemeente_id", "pk")
    )
    for s in sets:
        rows[s.gemeente_id].sets.append(s)
    page_set_ids = [s.pk for s in sets]
    submitted = set(
        Indiening.objects.filter(afsprakenset_id__in=page_set_ids).values_list("afsprakenset_id", flat=True)
    )
    for s in sets:  # the submitted set's public page, overruled by a published year's
        if s.pk in submitted:
            rows[s.gemeente_id].public_url = reverse("ondertekening:openbaar", args=[s.slug])
    slugs = {s.pk: s.slug for s in sets}
    gemeente_of_set = {s.pk: s.gemeente_id for s in sets}
    published_years = list(
        Publicatie.objects.filter(afsprakenset_id__in=page_set_ids)
        .order_by("jaar")
        .values_list("afsprakenset_id", "jaar")
    )
    latest = {gemeente_of_set[set_id]: (slugs[set_id], jaar) for set_id, jaar in published_years}
    for gemeente_id, args in latest.items():  # the last published year of the municipality's sets
        rows[gemeente_id].public_url = reverse("reports:openbaar", args=args)
    signed = Deelname.objects.filter(
        afsprakenset_id__in=page_set_ids,
        partij__soort="corporatie",
        afsprakenset__status=Afsprakenset.Status.ONDERTEKEND,
    ).values_list("afsprakenset__gemeente_id", "partij_id")
    signed = set(signed)
    corporations = Partij.objects.in_bulk({partij_id for _g, partij_id in signed})
    for gemeente_id, partij_id in sorted(signed, key=lambda pair: corporations[pair[1]].korte_naam):
        rows[gemeente_id].corporations.append(corporations[partij_id])
    published = set(published_years)
    net_from: dict[int, int] = {}  # the municipality's net additions, the same in each of its sets: one set's
    summaries = Jaaroverzicht.objects.filter(afsprakenset_id__in=page_set_ids).order_by("afsprakenset_id", "jaar")
    for set_id, jaar, *counts, doel, netto in summaries.values_list(
        "afsprakenset_id", "jaar", *LIGHTS, "doel", "netto_opgeleverd"
    ):
        row = rows[gemeente_of_set[set_id]]
        if doel is not None and (row.target is None or jaar < row.target_year):
            row.target, row.target_year = doel, jaar
        if net_from.setdefault(row.gemeente.pk, set_id) == set_id:
            row.delivered += netto  # delivered minus sold, as the figures page counts it
        if not any(counts) or (public and (set_id, jaar) not in published) or (year and jaar != year):
            continue  # the public sees only the lights of years the secretary published
        row.lights.update({kleur: n for kleur, n in zip(LIGHTS, counts, strict=True) if n})
    scores = (
        Concreetheid.objects.filter(afspraak__afsprakenset_id__in=page_set_ids)
        .values_list("afspraak__afsprakenset__gemeente_id")
        .annotate(n=Count("pk"), concreet=Count("pk", filter=Q(punten__gte=CONCREET)))
        .order_by()
    )
    for gemeente_id, n, concreet in scores:
        rows[gemeente_id].scored, rows[gemeente_id].concrete = n, concreet
    return list(rows.values())
