"""What the monitoring pages show: the monitoringstabel, the focus list, an agreement's lights over
the years and the suggestion for its assessment (the dashboard and the inbox: jaarstand.py). Each is
a fixed number of queries, whatever the size of the set."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Doelstelling,
    Indicator,
    Jaardoel,
    Thema,
    Verantwoordelijke,
)

from . import rules
from .models import Beoordeling, Indicatorwaarde, Status


@dataclass
class Row:
    """One row of the monitoringstabel: an indicator (or an agreement without indicators)."""

    thema: Thema
    afspraak: Afspraak
    indicator: Indicator | None
    actiehouders: list
    beoordeling: Beoordeling | None
    waarde: Indicatorwaarde | None
    first_of_afspraak: bool
    rowspan: int
    running: bool  # the indicator's years include this year
    jaardoel: Jaardoel | None = None  # the indicator's yearly target for this year, if agreed
    status: str = ""  # the assessment's status as a word (get_status_display costs much in a loop)


def _afspraken(afsprakenset: Afsprakenset):
    """The set's agreements with their indicators, actiehouders and responsible parties as plain
    lists (to_attr): a related manager's .all() builds a queryset each time, which for a table of a
    hundred rows cost more processor time than the queries themselves."""
    holders = Prefetch(
        "actiehouderschappen", Actiehouder.objects.select_related("partij"), to_attr="geladen_actiehouders"
    )
    return afsprakenset.afspraken.select_related("thema").prefetch_related(
        Prefetch(
            "indicatoren",
            Indicator.objects.order_by("volgorde").prefetch_related(holders),
            to_attr="geladen_indicatoren",
        ),
        Prefetch(
            "verantwoordelijkheden",
            Verantwoordelijke.objects.select_related("partij"),
            to_attr="geladen_verantwoordelijken",
        ),
    )


def beoordelingen(afsprakenset: Afsprakenset, jaar: int) -> dict[int, Beoordeling]:
    # .order_by(): a dict needs no order, and the default one joins the agreement, set and municipality.
    qs = Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset, jaar=jaar).select_related("voorzet_partij")
    return {b.afspraak_id: b for b in qs.order_by()}


def monitoringstabel(
    afsprakenset: Afsprakenset, jaar: int, *, thema=None, partij=None, kleur="", status=""
) -> list[Row]:
    """The table of chapter 8 for a year, in the document's order: every indicator row of the
    agreement (those of other years too, as the document's table shows them), and one row for an
    agreement without indicators."""
    by_afspraak = beoordelingen(afsprakenset, jaar)
    values = {
        v.indicator_id: v
        for v in Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=afsprakenset, jaar=jaar)
        .select_related("partij")  # its provenance names the party that entered it
        .order_by()
    }
    targets = yearly_targets(
        Indicator.objects.filter(afspraak__afsprakenset=afsprakenset).values_list("pk", flat=True), jaar=jaar
    )
    rows: list[Row] = []
    words = {value: str(label) for value, label in Status.choices}
    for afspraak in _afspraken(afsprakenset):
        b = by_afspraak.get(afspraak.pk)
        if thema and afspraak.thema_id != thema.pk:
            continue
        if kleur and (b is None or b.kleur != kleur):
            continue
        if status and (b is None or b.status != status):
            continue
        indicators = afspraak.geladen_indicatoren or [None]
        entries = []
        for indicator in indicators:
            if indicator:
                holders = [a.partij for a in indicator.geladen_actiehouders]
            else:
                holders = [v.partij for v in afspraak.geladen_verantwoordelijken]
            if partij and partij not in holders:
                continue
            entries.append((indicator, holders))
        for index, (indicator, holders) in enumerate(entries):
            rows.append(
                Row(
                    thema=afspraak.thema,
                    afspraak=afspraak,
                    indicator=indicator,
                    actiehouders=holders,
                    beoordeling=b,
                    waarde=values.get(indicator.pk) if indicator else None,
                    first_of_afspraak=index == 0,
                    rowspan=len(entries),
                    running=indicator is None or indicator.jaar_van <= jaar <= indicator.jaar_tot,
                    jaardoel=targets[indicator.pk].get(jaar) if indicator else None,
                    status=words.get(b.status, "") if b else "",
                )
            )
    return rows


def focuslijst(afsprakenset: Afsprakenset, jaar: int) -> list[Beoordeling]:
    return list(
        Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset, jaar=jaar, kleur__in=rules.FOCUS)
        .select_related("afspraak__thema", "voorzet_partij")
        .order_by("afspraak__volgorde")
    )


def lights_over_years(afspraak: Afspraak) -> list[Beoordeling]:
    return list(afspraak.beoordelingen.order_by("jaar"))


def yearly_targets(indicator_ids, *, jaar: int | None = None) -> dict[int, dict[int, Jaardoel]]:
    """indicator -> year -> the yearly target that counts. A yearly programme's target comes before
    one the framework gave itself (there is at most one programme per framework and year)."""
    # A queryset stays a subquery: one query in all.
    qs = Jaardoel.objects.filter(indicator_id__in=indicator_ids).select_related("afsprakenset")
    if jaar is not None:
        qs = qs.filter(jaar=jaar)
    result: dict[int, dict[int, Jaardoel]] = defaultdict(dict)
    for doel in sorted(qs.order_by(), key=lambda d: d.afsprakenset.soort == Afsprakenset.Soort.JAARPROGRAMMA):
        result[doel.indicator_id][doel.jaar] = doel
    return result


def suggestion_for(beoordeling: Beoordeling) -> tuple[rules.Suggestion, Doelstelling | Jaardoel] | None:
    """The light the figures suggest, from the first counted indicator with a target and deadline
    (along the phasing of its yearly targets), else from the first indicator with a yearly target."""
    afsprakenset = beoordeling.afspraak.afsprakenset
    # By volgorde: the targets of one agreement have no theme, so the default order (agreement, theme,
    # volgorde) is this one, without joining the agreement's set and municipality twice.
    targets = Doelstelling.objects.filter(
        afspraak=beoordeling.afspraak,
        indicator__isnull=False,
        jaar__isnull=False,
        indicator__soort=Indicator.Soort.AANTAL,
    ).select_related("indicator")
    targets = list(targets.order_by("volgorde"))
    per_indicator: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for v in Indicatorwaarde.objects.filter(
        indicator__in=[t.indicator_id for t in targets], waarde__isnull=False, jaar__lte=beoordeling.jaar
    ).order_by():  # one value per indicator and year: no order needed
        per_indicator[v.indicator_id][v.jaar] = v.waarde
    yearly = yearly_targets(beoordeling.afspraak.indicatoren.values_list("pk", flat=True))
    for target in targets:
        values = per_indicator[target.indicator_id]
        if not values:
            continue
        suggestion = rules.suggest_light(
            target=Decimal(target.waarde),
            comparator=target.vergelijking,
            deadline=target.jaar,
            baseline_year=afsprakenset.eerste_jaar - 1,
            year=beoordeling.jaar,
            values=values,
            yearly={y: d.waarde for y, d in yearly[target.indicator_id].items()},
        )
        if suggestion:
            this_year = yearly[target.indicator_id].get(beoordeling.jaar)
            return suggestion, this_year or target
    if not any(beoordeling.jaar in by_year for by_year in yearly.values()):
        return None
    values = {
        v.indicator_id: v.waarde
        for v in Indicatorwaarde.objects.filter(
            indicator__in=list(yearly), jaar=beoordeling.jaar, waarde__isnull=False
        ).order_by()
    }
    # .all(): the indicators the assessment page prefetched, in order (a query where none were).
    for indicator in sorted(beoordeling.afspraak.indicatoren.all(), key=lambda i: i.volgorde):
        doel = yearly[indicator.pk].get(beoordeling.jaar)
        if doel and indicator.pk in values:
            suggestion = rules.suggest_from_yearly_target(
                value=values[indicator.pk],
                waarde=doel.waarde,
                waarde_max=doel.waarde_max,
                vergelijking=doel.vergelijking,
                year=beoordeling.jaar,
            )
            return suggestion, doel
    return None


@dataclass
class Progress:
    target: Doelstelling
    realised: Decimal
    percent: int | None  # of the target (its lower bound for a range)
    cumulative: bool


def progress(indicator: Indicator, jaar: int, values: list[Indicatorwaarde]) -> list[Progress]:
    """How far along an indicator is against each of its targets: counts add up over the years,
    a percentage or amount is the value of the year itself."""
    numbers = {v.jaar: v.waarde for v in values if v.waarde is not None and v.jaar <= jaar}
    if not numbers:
        return []
    cumulative = indicator.soort == Indicator.Soort.AANTAL
    realised = sum(numbers.values(), Decimal(0)) if cumulative else numbers.get(jaar)
    if realised is None:
        return []
    result = []
    for target in indicator.doelstellingen.all():
        percent = int(realised * 100 / target.waarde) if target.waarde else None
        result.append(Progress(target, realised, percent, cumulative))
    return result
