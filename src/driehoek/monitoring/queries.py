"""What the monitoring pages show: the monitoringstabel, the focus list, the dashboard and the
inbox. Each is a fixed number of queries, whatever the size of the set."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch

from driehoek.accounts.models import Partij
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
from .models import Beoordeling, Indicatorwaarde, Kleur, Reactie, Status
from .roles import holder_rows, leads_from, voorzet_leads


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


LIGHT_ORDER = [Kleur.GROEN, Kleur.ORANJE, Kleur.ROOD, Kleur.AFGEROND, ""]


@dataclass
class ThemeLights:
    thema: Thema
    cells: list[tuple[str, int]]  # (light, count) in LIGHT_ORDER; "" is not yet assessed
    total: int

    def segments(self, width: int = 100) -> list[tuple[str, float, float, int]]:
        """(light, x, width, count) of a horizontal bar `width` wide, for the chart."""
        result, x = [], 0.0
        for kleur, n in self.cells:
            if n:
                w = width * n / self.total
                result.append((kleur, round(x, 2), round(w, 2), n))
                x += w
        return result


@dataclass
class Inbox:
    to_fill: list[Indicator] = field(default_factory=list)
    to_propose: list[Beoordeling] = field(default_factory=list)
    to_respond: list[Beoordeling] = field(default_factory=list)
    to_adopt: list[Beoordeling] = field(default_factory=list)  # the secretary's: at consensus


class Jaarstand:
    """What the dashboard and the inbox both read of a set's year, each part read once and only when
    asked for: the dashboard shows both, and each used to read it for itself (issue 18)."""

    def __init__(self, afsprakenset: Afsprakenset, jaar: int):
        self.afsprakenset, self.jaar = afsprakenset, jaar

    @cached_property
    def beoordelingen(self) -> dict[int, Beoordeling]:
        return beoordelingen(self.afsprakenset, self.jaar)

    @cached_property
    def afspraken(self) -> list[Afspraak]:
        # By volgorde: the default order (the set's) joins the set and its municipality for nothing.
        fields = ("pk", "afsprakenset_id", "thema_id", "nummer", "titel", "volgorde")
        return list(self.afsprakenset.afspraken.only(*fields).order_by("volgorde"))

    @cached_property
    def filled(self) -> set[int]:
        """The indicators with a value this year."""
        return set(
            Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=self.afsprakenset, jaar=self.jaar)
            .order_by()
            .values_list("indicator_id", flat=True)
        )

    @cached_property
    def running(self) -> list[Indicator]:
        """The indicators whose years include this one, with their agreement, in the document's order."""
        return list(
            Indicator.objects.filter(
                afspraak__afsprakenset=self.afsprakenset, jaar_van__lte=self.jaar, jaar_tot__gte=self.jaar
            )
            .select_related("afspraak")
            .order_by("afspraak__volgorde", "volgorde")
        )

    @cached_property
    def holders(self) -> list[tuple[int, int, int | None]]:
        return holder_rows(self.afsprakenset)

    @cached_property
    def asked(self) -> dict[int, int]:
        """Per indicator the party asked for its value (roles.asked_for_values)."""
        return leads_from(self.holders, asked=True)

    def unfilled(self) -> list[Indicator]:
        return [i for i in self.running if i.pk not in self.filled]


def dashboard(afsprakenset: Afsprakenset, jaar: int, stand: Jaarstand | None = None) -> dict:
    stand = stand or Jaarstand(afsprakenset, jaar)
    by_afspraak = stand.beoordelingen
    themes = list(afsprakenset.themas.order_by("volgorde"))  # the default order joins the set
    per_theme: dict[int, Counter] = defaultdict(Counter)
    for afspraak in stand.afspraken:
        b = by_afspraak.get(afspraak.pk)
        per_theme[afspraak.thema_id][b.kleur if b else ""] += 1
    lights = [
        ThemeLights(t, [(k, per_theme[t.pk][k]) for k in LIGHT_ORDER], sum(per_theme[t.pk].values())) for t in themes
    ]
    states = Counter(b.status for b in by_afspraak.values())
    stale = stand.unfilled()
    leads = stand.asked if stale else {}
    parties = {p.pk: p for p in Partij.objects.filter(pk__in={leads.get(i.pk) for i in stale} - {None})}
    for indicator in stale:
        indicator.lead = parties.get(leads.get(indicator.pk))  # who is asked for it
    return {
        "lights": lights,
        "kleuren": LIGHT_ORDER,
        "chart_em": 2 * len(lights),
        "states": {s: states.get(s, 0) for s in Status.values},
        "total": len(stand.afspraken),
        "stale": stale,
        "running": len(stand.running),
    }


def inbox(
    user, afsprakenset: Afsprakenset, jaar: int, stand: Jaarstand | None = None, may_adopt: bool | None = None
) -> Inbox:
    """What waits for the user's party in this set and year. The dashboard passes what it read of the
    year already (`stand`) and whether the user may adopt (`policy.can(user, ADOPT, afsprakenset)`)."""
    from driehoek.accounts import policy

    result = Inbox()
    if user.partij_id is None:
        return result
    stand = stand or Jaarstand(afsprakenset, jaar)
    if user.rol in policy.WORKING_ROLES:
        # Only the lead (first-named) actiehouder is asked, or the co-holder it delegated the indicator
        # to; the others see the indicator and may still enter or correct it, unasked, so that nobody
        # does the same work twice. The party asked is always one of the indicator's actiehouders.
        leads = stand.asked
        result.to_fill = [i for i in stand.unfilled() if leads.get(i.pk) == user.partij_id]
    by_afspraak = stand.beoordelingen
    if may_adopt is None:
        may_adopt = policy.can(user, policy.ADOPT, afsprakenset)
    answered = set(
        Reactie.objects.filter(beoordeling__in=by_afspraak.values(), partij_id=user.partij_id)
        .exclude(soort=Reactie.Soort.OPMERKING)
        .values_list("beoordeling_id", "revisie")
    )
    leads = voorzet_leads(afsprakenset, stand.holders, [a.pk for a in stand.afspraken])
    for afspraak in stand.afspraken:
        b = by_afspraak.get(afspraak.pk)
        if b is None:
            continue
        b.afspraak = afspraak  # the page and the reminders show its number and title: no query per item
        if may_adopt and b.status == Status.CONSENSUS:
            result.to_adopt.append(b)
        lead = b.voorzet_partij_id or leads[afspraak.pk]
        # The first-named actiehouder is asked for the voorzet; co-holders may edit it, unasked.
        if b.status == Status.OPEN and user.rol in policy.WORKING_ROLES and user.partij_id == lead:
            result.to_propose.append(b)
        elif (
            b.status in (Status.VOORZET, Status.IN_BESPREKING)
            and user.rol in policy.RESPONDING_ROLES
            and user.partij_id != lead
            and (b.pk, b.revisie) not in answered
        ):
            result.to_respond.append(b)
    return result


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
