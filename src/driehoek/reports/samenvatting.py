"""The summaries of the national overview: per set and year what the overview shows (docs/adr/0120).

`summarize` makes them from the source rows; `refresh` and `refresh_gemeente` read those rows and
replace a set's summaries, called by every service that changes what they hold, inside its
transaction; `rebuild` does the same for every municipality. One computation for all three, so the
kept summaries cannot differ from a rebuild."""

from collections import defaultdict

from django.db import transaction

from driehoek.figures import queries as figure_queries
from driehoek.figures.models import Koppeling
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afsprakenset, Doelstelling, Gemeente

from . import national_cache
from .models import Jaaroverzicht, Themaoverzicht

LIGHTS = ["groen", "oranje", "rood", "afgerond"]
# The columns of a Jaaroverzicht; a summary's "per_thema" ({theme title: [groen, oranje, rood,
# afgerond]}) is stored as its Themaoverzicht rows.
COLUMNS = [*LIGHTS, "vastgesteld", "doel", "netto_opgeleverd"]


def summarize(lights, targets, net: dict[int, int]) -> dict[int, dict]:
    """Per year the fields of a Jaaroverzicht. `lights`: (year, theme title, light) of each adopted
    assessment; `targets`: (year, value) of each target on an indicator linked to the net additions,
    the first of a year counting; `net`: the municipality's net additions per year. A year with
    nothing in it has no summary."""
    years: dict[int, dict] = defaultdict(
        lambda: {**dict.fromkeys(LIGHTS, 0), "vastgesteld": 0, "per_thema": {}, "doel": None, "netto_opgeleverd": 0}
    )
    for jaar, thema, kleur in lights:
        summary = years[jaar]
        summary[kleur] += 1
        summary["vastgesteld"] += 1
        summary["per_thema"].setdefault(thema, [0] * len(LIGHTS))[LIGHTS.index(kleur)] += 1
    for jaar, waarde in targets:
        if years[jaar]["doel"] is None:
            years[jaar]["doel"] = int(waarde)
    for jaar, netto in net.items():
        years[jaar]["netto_opgeleverd"] += netto
    return {jaar: summary for jaar, summary in years.items() if _has_content(summary)}


def _has_content(summary: dict) -> bool:
    return bool(summary["vastgesteld"] or summary["doel"] is not None or summary["netto_opgeleverd"])


def compute(afsprakenset_id: int, net: dict[int, int]) -> dict[int, dict]:
    """A set's summaries from its adopted assessments and its net-addition targets."""
    lights = Beoordeling.objects.filter(
        afspraak__afsprakenset_id=afsprakenset_id, status=Status.VASTGESTELD
    ).values_list("jaar", "afspraak__thema__titel", "kleur")
    targets = (
        Doelstelling.objects.filter(
            indicator__afspraak__afsprakenset_id=afsprakenset_id,
            indicator__koppeling__berekening=Koppeling.Berekening.OPGELEVERD_NETTO,
            jaar__isnull=False,
        )
        .order_by("pk")
        .values_list("jaar", "waarde")
    )
    return summarize(lights.order_by(), targets, net)


def _write(set_ids: list[int], gemeente_id: int) -> None:
    # The sets' rows are locked first: two changes to one set at once write their summaries one after
    # the other, the second from what the first committed.
    list(Afsprakenset.objects.select_for_update().filter(pk__in=set_ids).order_by("pk").values_list("pk"))
    net = figure_queries.net_per_year([gemeente_id]).get(gemeente_id, {})
    national_cache.raise_version()
    Jaaroverzicht.objects.filter(afsprakenset_id__in=set_ids).delete()
    Themaoverzicht.objects.filter(afsprakenset_id__in=set_ids).delete()
    summaries = [(set_id, jaar, summary) for set_id in set_ids for jaar, summary in compute(set_id, net).items()]
    Jaaroverzicht.objects.bulk_create(
        Jaaroverzicht(afsprakenset_id=set_id, jaar=jaar, **{f: summary[f] for f in COLUMNS})
        for set_id, jaar, summary in summaries
    )
    Themaoverzicht.objects.bulk_create(
        Themaoverzicht(afsprakenset_id=set_id, jaar=jaar, thema=thema, **dict(zip(LIGHTS, counts, strict=True)))
        for set_id, jaar, summary in summaries
        for thema, counts in summary["per_thema"].items()
    )


@transaction.atomic
def refresh(afsprakenset) -> None:
    """After a change to a set's adopted assessments or targets, inside the change's transaction."""
    _write([afsprakenset.pk], afsprakenset.gemeente_id)


@transaction.atomic
def refresh_gemeente(gemeente) -> None:
    """After an upload of figures: the municipality's net additions are in each of its sets."""
    _write(list(Afsprakenset.objects.filter(gemeente=gemeente).values_list("pk", flat=True)), gemeente.pk)


def rebuild(stream=None) -> int:
    """Every summary anew, one municipality per transaction, with a progress bar on `stream`.
    Returns how many summaries there are."""
    from driehoek.core.synthetic import Progress

    gemeenten = list(Gemeente.objects.filter(sets__isnull=False).distinct().order_by("pk"))
    bar = Progress(stream, len(gemeenten), "jaaroverzichten")
    for index, gemeente in enumerate(gemeenten):
        refresh_gemeente(gemeente)
        bar.update(index + 1)
    bar.close()
    return Jaaroverzicht.objects.count()


def kept() -> dict[tuple[int, int], dict]:
    """Every stored summary, with its themes' rows, as plain values, to compare with a rebuild (a theme
    row without its summary makes an entry of its own, which no rebuild has)."""
    summaries = {
        (set_id, jaar): {**dict(zip(COLUMNS, values, strict=True)), "per_thema": {}}
        for set_id, jaar, *values in Jaaroverzicht.objects.values_list("afsprakenset_id", "jaar", *COLUMNS)
    }
    for set_id, jaar, thema, *counts in Themaoverzicht.objects.values_list("afsprakenset_id", "jaar", "thema", *LIGHTS):
        summaries.setdefault((set_id, jaar), {}).setdefault("per_thema", {})[thema] = counts
    return summaries
