"""The figures of a municipality as its pages, charts and linked indicators use them."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, Q, Sum, Value, When, prefetch_related_objects
from django.utils.translation import gettext as _

from . import rules
from .models import Aanlevering, Mutatie, Referentiejaar, Toewijzing, Woning, Woningbouwplan


def current(gemeente, soort: str, corporatie=None):
    qs = Aanlevering.objects.filter(gemeente=gemeente, soort=soort, vervangen_door__isnull=True).select_related(
        "corporatie"
    )
    if corporatie is not None:
        qs = qs.filter(corporatie=corporatie)
    return qs


def latest_per_corporation(gemeente, soort: str, corporatie=None) -> list[Aanlevering]:
    latest = {}
    for a in current(gemeente, soort, corporatie).order_by("corporatie_id", "-peildatum"):
        latest.setdefault(a.corporatie_id, a)
    return list(latest.values())


def limits(year: int) -> dict:
    ref = Referentiejaar.objects.filter(jaar=year).first()
    if ref is None:
        return {}
    return {key: getattr(ref, key) for key, _label in rules.BANDS[:-1]}


@dataclass
class RentFigures:
    aanlevering: Aanlevering
    year: int
    bands: list[rules.Band] | None
    up_to_second: Decimal | None
    efg: int
    homes: int


def rents(gemeente, corporatie=None) -> list[RentFigures]:
    """Rent bands and remaining E/F/G labels per corporation, counted by the database: a municipality
    may have a hundred thousand homes, which Python would read one by one."""
    registers = latest_per_corporation(gemeente, Aanlevering.Soort.WONINGREGISTER, corporatie)
    counted = _count_homes(registers)
    result = []
    for a in registers:
        counts, efg, edges = counted[a.pk]
        bands = rules.bands_from_counts(counts, edges) if counts is not None else None
        result.append(
            RentFigures(a, a.peildatum.year, bands, rules.share_up_to_second(bands) if bands else None, efg, a.rijen)
        )
    return result


def _count_homes(registers: list[Aanlevering]) -> dict[int, tuple[list[int] | None, int, list]]:
    """Per register: homes per rent band of its year (None when a limit is unknown) and the E/F/G
    homes that stay, with the year's limits. One grouped query per year of the registers: each home
    is looked at once."""
    efg = Case(
        When(Q(bestemming=Woning.Bestemming.DOOREXPLOITEREN, energielabel__in=rules.EFG), then=Value(1)),
        default=Value(0),
    )
    result = {}
    per_year = defaultdict(list)
    for a in registers:
        per_year[a.peildatum.year].append(a.pk)
    for year, ids in per_year.items():
        edges = list(limits(year).values())
        known = len(edges) == len(rules.BANDS) - 1 and None not in edges
        # A rent exactly at a limit falls in the lower band, as rules.rent_bands counts it.
        band = Case(*(When(kale_huur__lte=edge, then=Value(i)) for i, edge in enumerate(edges)), default=Value(4))
        for pk in ids:  # a register without rows: no homes in any band
            result[pk] = ([0] * len(rules.BANDS) if known else None, 0, edges)
        rows = (
            Woning.objects.filter(aanlevering_id__in=ids)
            .annotate(band=band if known else Value(0), efg=efg)
            .values_list("aanlevering_id", "band", "efg")
            .annotate(n=Count("*"))  # not COUNT(id): id is not in woning_cijfers, PostgreSQL would read the rows
            .order_by()
        )
        for pk, index, is_efg, n in rows:
            counts, remaining, edges = result[pk]
            if counts is not None:
                counts[index] += n
            result[pk] = (counts, remaining + n * is_efg, edges)
    return result


@dataclass
class Additions:
    """The homes a municipality's corporations add, per year: the one place every page, export,
    report and the API read them from (issue 16 item 5)."""

    years: list[int]
    delivered: dict[int, int]  # netto per year, opgeleverd (the plans' netto: after demolition)
    planned_hard: dict[int, int]
    planned_soft: dict[int, int]
    unknown_year: int
    plans: list[Woningbouwplan] = field(default_factory=list)
    sold: dict[int, int] = field(default_factory=dict)  # Mutatie.verkoop per year
    unknown_hard: int = 0  # planned without a year, hard or in aanbouw
    unknown_soft: int = 0
    later_hard: dict[int, int] = field(default_factory=dict)  # "na 2030": planned after that year
    later_soft: dict[int, int] = field(default_factory=dict)

    @property
    def net(self) -> dict[int, int]:
        """Net additions per year: delivered minus sold. Agreement 1 of Aa en Hunze is about net
        growth, and a home sold must be replaced."""
        years = sorted(set(self.delivered) | set(self.sold))
        return {y: self.delivered.get(y, 0) - self.sold.get(y, 0) for y in years}

    def net_total(self, first: int, last: int) -> int:
        return sum(n for y, n in self.net.items() if first <= y <= last)


def additions(gemeente, first: int, last: int, corporatie=None) -> Additions:
    delivered, hard, soft, sold = defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(int)
    later_hard, later_soft = defaultdict(int), defaultdict(int)
    unknown_hard = unknown_soft = 0
    plans = []
    firm = (Woningbouwplan.Status.HARD, Woningbouwplan.Status.IN_AANBOUW)
    latest = latest_per_corporation(gemeente, Aanlevering.Soort.PLANNEN, corporatie)
    prefetch_related_objects(latest, "plannen")  # one query, however many corporations deliver
    for a in latest:
        for plan in a.plannen.all():
            plans.append(plan)
            year = plan.opleverdatum.year if plan.opleverdatum else plan.jaar
            if plan.status == Woningbouwplan.Status.OPGELEVERD and year:
                delivered[year] += plan.netto
            elif year is None:
                if plan.status in firm:
                    unknown_hard += plan.netto
                else:
                    unknown_soft += plan.netto
            elif plan.na_jaar and not plan.opleverdatum:  # "na 2030": not in 2030 itself
                (later_hard if plan.status in firm else later_soft)[year] += plan.netto
            elif plan.status in firm:
                hard[year] += plan.netto
            else:
                soft[year] += plan.netto
    seen = set()  # a year delivered twice counts once, from the newest delivery
    mutations = current(gemeente, Aanlevering.Soort.MUTATIES, corporatie).prefetch_related("mutaties")
    for a in mutations.order_by("-peildatum", "-pk"):
        for m in a.mutaties.all():
            if (a.corporatie_id, m.jaar) not in seen:
                seen.add((a.corporatie_id, m.jaar))
                sold[m.jaar] += m.verkoop
    return Additions(
        list(range(first, last + 1)),
        dict(delivered),
        dict(hard),
        dict(soft),
        unknown_hard + unknown_soft,
        plans,
        dict(sold),
        unknown_hard,
        unknown_soft,
        dict(later_hard),
        dict(later_soft),
    )


def net_per_year(gemeente_ids) -> dict[int, dict[int, int]]:
    """Additions.net per year, for many municipalities at once (the summaries of the national
    overview, reports/samenvatting.py) in three queries, by the same rules as `additions`: the newest
    plan list per corporation, its delivered plans with a year, minus the homes sold (a year
    delivered twice counted once, from the newest delivery)."""
    latest = {}
    for pk, gemeente_id, corporatie_id in (
        Aanlevering.objects.filter(
            gemeente_id__in=gemeente_ids, soort=Aanlevering.Soort.PLANNEN, vervangen_door__isnull=True
        )
        .order_by("gemeente_id", "corporatie_id", "-peildatum")
        .values_list("pk", "gemeente_id", "corporatie_id")
    ):
        latest.setdefault((gemeente_id, corporatie_id), pk)
    result = defaultdict(lambda: defaultdict(int))
    delivered = (
        Woningbouwplan.objects.filter(aanlevering_id__in=latest.values(), status=Woningbouwplan.Status.OPGELEVERD)
        .filter(Q(opleverdatum__isnull=False) | Q(jaar__isnull=False))
        .values_list("aanlevering__gemeente_id", "opleverdatum", "jaar", "netto")
    )
    for gemeente_id, opleverdatum, jaar, netto in delivered:
        result[gemeente_id][opleverdatum.year if opleverdatum else jaar] += netto
    seen = set()
    for gemeente_id, corporatie_id, jaar, verkoop in (
        Mutatie.objects.filter(
            aanlevering__gemeente_id__in=gemeente_ids,
            aanlevering__soort=Aanlevering.Soort.MUTATIES,
            aanlevering__vervangen_door__isnull=True,
        )
        .order_by("-aanlevering__peildatum", "-aanlevering_id")
        .values_list("aanlevering__gemeente_id", "aanlevering__corporatie_id", "jaar", "verkoop")
    ):
        if (gemeente_id, corporatie_id, jaar) not in seen:
            seen.add((gemeente_id, corporatie_id, jaar))
            result[gemeente_id][jaar] -= verkoop
    return {gemeente_id: dict(years) for gemeente_id, years in result.items()}


def allocations(gemeente, corporatie=None) -> dict[int, dict]:
    """Per year the summed allocations and the urgent and outflow shares."""
    per_year = (
        Toewijzing.objects.filter(
            aanlevering__in=[a.pk for a in current(gemeente, Aanlevering.Soort.TOEWIJZINGEN, corporatie)]
        )
        .values("jaar")
        .annotate(totaal=Sum("totaal"), urgent=Sum("urgent"), uitstroom=Sum("uitstroom"))
        .order_by("jaar")
    )
    return {
        r["jaar"]: {
            **r,
            "aandeel_urgent": rules.share(r["urgent"], r["totaal"]),
            "aandeel_uitstroom": rules.share(r["uitstroom"], r["totaal"]),
        }
        for r in per_year
    }


def stock(gemeente) -> list[tuple]:
    """(peildatum, corporatie, aantal) from stock totals, oldest first."""
    rows = (
        current(gemeente, Aanlevering.Soort.VOORRAAD)
        .select_related("telling")
        .order_by("peildatum", "corporatie__naam")
    )
    return [(a.peildatum, a.corporatie, a.telling.aantal, a.bron) for a in rows]


def document_checks(gemeente) -> list[tuple[str, rules.Check]]:
    """What the documents of the municipality's sets state, against their own rows and the reference data."""
    checks = []
    for s in gemeente.sets.all():
        data = s.brongegevens or {}
        plans = data.get("woningbouwplannen")
        if plans and plans.get("stated_total"):
            rows = plans["rows"]
            checks.append(
                (
                    s.titel,
                    rules.stated_total_check(
                        _("Woningbouwplannen bruto"), plans["stated_total"]["bruto"], [r["bruto"] for r in rows]
                    ),
                )
            )
            checks.append(
                (
                    s.titel,
                    rules.stated_total_check(
                        _("Woningbouwplannen netto"), plans["stated_total"]["netto"], rules.plan_rows_netto(rows)
                    ),
                )
            )
        voorraad = data.get("voorraad")
        if voorraad and voorraad.get("stated_total"):
            rows = voorraad["rows"]
            checks.append(
                (
                    s.titel,
                    rules.stated_total_check(
                        _("Sociale huurvoorraad"), voorraad["stated_total"]["homes"], [r["homes"] for r in rows]
                    ),
                )
            )
            if "forecast" in voorraad["stated_total"]:
                checks.append(
                    (
                        s.titel,
                        rules.stated_total_check(
                            _("Prognose voorraad"), voorraad["stated_total"]["forecast"], [r["forecast"] for r in rows]
                        ),
                    )
                )
        income = data.get("inkomensgrenzen")
        if income:
            ref = Referentiejaar.objects.filter(jaar=income["jaar"]).first()
            checks.append(
                (
                    s.titel,
                    rules.reference_check(
                        _("Inkomensgrens eenpersoons %(j)s") % {"j": income["jaar"]},
                        income["eenpersoons"],
                        ref and ref.daeb_inkomensgrens_1p,
                    ),
                )
            )
            checks.append(
                (
                    s.titel,
                    rules.reference_check(
                        _("Inkomensgrens meerpersoons %(j)s") % {"j": income["jaar"]},
                        income["meerpersoons"],
                        ref and ref.daeb_inkomensgrens_mp,
                    ),
                )
            )
        rent = data.get("huurgrenzen")
        if rent:
            ref = Referentiejaar.objects.filter(jaar=rent["prijspeil"]).first()
            for key in ("eerste_aftoppingsgrens", "tweede_aftoppingsgrens"):
                if key in rent:
                    label = _("%(k)s prijspeil %(j)s") % {"k": key.replace("_", " "), "j": rent["prijspeil"]}
                    checks.append((s.titel, rules.reference_check(label, rent[key], ref and getattr(ref, key))))
    return checks


def stock_checks(gemeente) -> list[rules.Check]:
    """Between two stock counts of a corporation: the change against deliveries and mutations."""
    checks = []
    by_corp = defaultdict(list)
    for peildatum, corporatie, aantal, _bron in stock(gemeente):
        by_corp[corporatie].append((peildatum, aantal))
    for corporatie, counts in by_corp.items():
        mutations = current(gemeente, Aanlevering.Soort.MUTATIES, corporatie)
        if not mutations.exists():
            continue
        added = additions(gemeente, 1900, 2100, corporatie).delivered
        for (d1, n1), (d2, n2) in zip(counts, counts[1:], strict=False):
            years = range(d1.year + 1, d2.year + 1)
            rows = [m for a in mutations for m in a.mutaties.all() if m.jaar in years]
            check = rules.stock_change_check(
                n1,
                n2,
                sum(added.get(y, 0) for y in years),
                sum(m.verkoop for m in rows),
                sum(m.sloop for m in rows),
                sum(m.aankoop for m in rows),
            )
            checks.append(rules.Check(check.ok, f"{corporatie}: {check.message}"))
    return checks


def pipeline(plans: list[Woningbouwplan]) -> tuple[list[str], list[tuple[str, str, dict[str, int]]]]:
    """Net homes per kern and status: (kernen, [(status, label, {kern: netto})])."""
    kernen = sorted({p.kern or _("onbekend") for p in plans})
    per_status = []
    for status, label in Woningbouwplan.Status.choices:
        values = defaultdict(int)
        for p in plans:
            if p.status == status:
                values[p.kern or _("onbekend")] += p.netto
        if values:
            per_status.append((status, str(label), dict(values)))
    return kernen, per_status


def labels_over_years(gemeente) -> tuple[list[int], dict[str, dict[int, int]]]:
    """Homes with label E, F or G that stay, per register year and corporation (replaced ones not counted)."""
    per_corp: dict[str, dict[int, int]] = defaultdict(dict)
    registers = list(current(gemeente, Aanlevering.Soort.WONINGREGISTER).order_by("peildatum"))
    counted = _count_homes(registers)
    for a in registers:
        per_corp[a.corporatie.korte_naam][a.peildatum.year] = counted[a.pk][1]
    years = sorted({y for values in per_corp.values() for y in values})
    return years, dict(per_corp)


# Which share of the bands a target about rents speaks of, recognised from its subject.
TARGET_BANDS = [
    ("tot de tweede aftoppingsgrens", slice(0, 3)),
    ("onder de eerste aftoppingsgrens", slice(0, 2)),
    ("tussen de eerste en de tweede", slice(2, 3)),
    ("tussen de tweede aftoppingsgrens en de liberalisatiegrens", slice(3, 4)),
]


@dataclass
class RentTarget:
    target: object  # register.Doelstelling
    share: Decimal
    met: bool | None  # None: an aim ("gelijk"), not a floor or ceiling


def rent_targets(gemeente, figures: RentFigures) -> list[RentTarget]:
    """The agreements' targets about rents of this corporation, against its present rents."""
    from driehoek.register.models import Doelstelling

    if not figures.bands:
        return []
    targets = Doelstelling.objects.filter(
        afspraak__afsprakenset__gemeente=gemeente,
        afspraak__verantwoordelijken=figures.aanlevering.corporatie,
        eenheid="%",
        onderwerp__icontains="aftoppingsgrens",
    ).select_related("afspraak__afsprakenset")
    result = []
    total = sum(b.count for b in figures.bands)
    for target in targets:
        for phrase, part in TARGET_BANDS:
            if phrase in target.onderwerp:
                value = rules.share(sum(b.count for b in figures.bands[part]), total)
                met = {"ten_minste": value >= target.waarde, "ten_hoogste": value <= target.waarde}.get(
                    target.vergelijking
                )
                result.append(RentTarget(target, value, met))
                break
    return result
