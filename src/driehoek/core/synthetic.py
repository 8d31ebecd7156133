"""A synthetic, clearly fictional national data set: every municipality, corporation and agreement set
of a Netherlands-sized country, to measure Driehoek at national scale (`manage.py generate_national`).

Everything is drawn from one `random.Random(seed)`, so the same seed and scale give the same data.
Names are made up from syllables and every municipality and party is marked `fictief` in the
database. Rows are written with bulk inserts: they bypass the services and django-simple-history,
so there are no audit or history rows for generated data (see docs/adr/0020-national-test-data.md).
"""

import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TextIO

from django.db import connection, transaction
from django.utils.text import slugify

from driehoek.accounts.models import Partij
from driehoek.cycle.models import Besluit, Overleg, Verslag
from driehoek.figures.models import Aanlevering, Koppeling, Toewijzing, Voorraadtelling, Woning, Woningbouwplan
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Monitoringsjaar, Reactie
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Gemeente,
    Indicator,
    Thema,
    Verantwoordelijke,
)
from driehoek.register.search_index import index_afspraken
from driehoek.reports import samenvatting
from driehoek.reports.models import Publicatie

# The country at scale 1.0.
GEMEENTEN, CORPORATIES, SETS, WONINGEN = 342, 280, 1200, 2_300_000
FIRST, LAST = 2021, 2026  # the framework agreements' period: six years of monitoring
CURRENT = LAST  # the year being monitored now; earlier years are adopted
HOMES_BATCH = 20_000

PREFIXES = [
    "Ooster",
    "Wester",
    "Noorder",
    "Zuider",
    "Hooge",
    "Lage",
    "Nieuwe",
    "Oude",
    "Groote",
    "Kleine",
    "Bree",
    "Hel",
    "Lin",
    "Mor",
    "Sten",
    "Wol",
    "Ter",
    "Ven",
]
STEMS = [
    "brak",
    "dijl",
    "emm",
    "garst",
    "holl",
    "kamp",
    "lier",
    "mard",
    "ness",
    "olst",
    "pern",
    "ruin",
    "slag",
    "tarw",
    "uden",
    "vliet",
    "wesp",
    "zand",
]
SUFFIXES = [
    "veld",
    "broek",
    "dam",
    "hoven",
    "wijk",
    "dorp",
    "horst",
    "loo",
    "meer",
    "zijl",
    "hem",
    "rade",
    "wolde",
    "kerk",
    "sum",
    "ingen",
]
CORPORATION_FORMS = ["Woonstichting {}", "{} Wonen", "Woongroep {}", "Stichting {} Woondiensten", "{}thuis"]
THEMES = ["Betaalbaarheid", "Beschikbaarheid", "Duurzaamheid en kwaliteit", "Leefbaarheid", "Wonen, welzijn en zorg"]
VERBS = ["zorgen voor", "onderzoeken", "realiseren", "bespreken jaarlijks", "houden vast aan", "verbeteren"]
OBJECTS = [
    "voldoende betaalbare sociale huurwoningen",
    "het verduurzamen van woningen met een laag label",
    "passende woningen voor ouderen",
    "de doorstroming uit grote eengezinswoningen",
    "huisvesting van statushouders en urgenten",
    "schone en veilige buurten",
    "nieuwbouw op inbreidingslocaties",
    "een gematigde huurverhoging",
]
LABELS = ["A++", "A+", "A", "B", "C", "D", "E", "F", "G"]
LABEL_WEIGHTS = [4, 6, 22, 20, 18, 13, 9, 5, 3]
TYPES = ["eengezinswoning", "appartement", "seniorenwoning", "benedenwoning", "studio"]
PLAN_STATUSES = [s for s, _label in Woningbouwplan.Status.choices]
HOME_COLUMNS = [
    "aanlevering_id",
    "eigen_id",
    "kern",
    "type",
    "kale_huur",
    "energielabel",
    "nultredenwoning",
    "bestemming",
]


@dataclass(frozen=True)
class Sizes:
    gemeenten: int
    corporaties: int
    sets: int
    woningen: int

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        gemeenten = max(2, round(GEMEENTEN * scale))
        return cls(
            gemeenten=gemeenten,
            corporaties=max(2, round(CORPORATIES * scale)),
            sets=max(gemeenten, round(SETS * scale)),
            woningen=max(100, round(WONINGEN * scale)),
        )


@dataclass
class Counts:
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.rows[name] = self.rows.get(name, 0) + n


class Progress:
    """One line on stderr, rewritten in place: long work shows how far it is."""

    def __init__(self, stream: TextIO | None, total: int, label: str):
        self.stream, self.total, self.label, self.start = stream, total, label, time.monotonic()

    def update(self, done: int, extra: str = "") -> None:
        if self.stream is None:
            return
        width = 30
        filled = width * done // max(self.total, 1)
        elapsed = time.monotonic() - self.start
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{self.total} {extra} {elapsed:.0f} s ")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")


class AlreadyGenerated(Exception):
    pass


class Generator:
    def __init__(self, scale: float = 1.0, seed: int = 2026, progress: TextIO | None = sys.stderr):
        if not 0 < scale <= 2:
            raise ValueError("scale must lie between 0 and 2")
        self.sizes = Sizes.at(scale)
        self.random = random.Random(seed)
        self.stream = progress
        self.counts = Counts()
        self.names: set[str] = set()

    # --- names -------------------------------------------------------------------------------

    def _name(self) -> str:
        """A place name that is no real Dutch municipality: prefix, stem and suffix from made-up parts."""
        r = self.random
        while True:
            name = (r.choice(PREFIXES) + r.choice(STEMS) + r.choice(SUFFIXES)).capitalize()
            if r.random() < 0.3:
                name = name[: len(name) // 2 + 2].rstrip("aeiou") + r.choice(SUFFIXES)
            if name not in self.names:
                self.names.add(name)
                return name

    # --- the whole run -----------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        if Gemeente.objects.filter(fictief=True).exists():
            raise AlreadyGenerated("Er staat al een fictieve landelijke dataset in deze database.")
        with transaction.atomic():
            gemeenten, gemeente_partijen = self._gemeenten()
            corporaties, huurders = self._corporaties()
            pairs = self._pairs(gemeenten, corporaties)
        homes = self._homes_per_pair(pairs)
        sets_per_gemeente = self._sets_per_gemeente(len(gemeenten))
        bar = Progress(self.stream, len(gemeenten), "gemeenten")
        for index, gemeente in enumerate(gemeenten):
            with transaction.atomic():
                parties = [gemeente_partijen[index]]
                for corporatie in pairs[gemeente.pk]:
                    parties += [corporatie, huurders[corporatie.pk]]
                # The parties work in this municipality (Partij.gemeenten), as they take part in its sets.
                Partij.gemeenten.through.objects.bulk_create(
                    (Partij.gemeenten.through(partij_id=p.pk, gemeente_id=gemeente.pk) for p in parties),
                    ignore_conflicts=True,
                )
                self._sets(gemeente, parties, sets_per_gemeente[index])
                self._figures(gemeente, pairs[gemeente.pk], homes)
            bar.update(index + 1, f"· {self.counts.rows.get('woningen', 0):,} woningen".replace(",", "."))
        bar.close()
        samenvatting.rebuild(self.stream)  # bulk inserts bypass the services that keep the summaries
        self._analyze()
        return self.counts.rows

    def _analyze(self) -> None:
        """Statistics for the query planner after a bulk load (and, on PostgreSQL, the visibility map
        that lets index-only scans skip the table). Not inside a transaction: VACUUM refuses that."""
        if connection.in_atomic_block:
            return  # in a test's transaction: the planner copes with the small data
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    def _gemeenten(self) -> tuple[list[Gemeente], list[Partij]]:
        provinces = [p for p, _label in Gemeente.Provincie.choices]
        existing = set(Gemeente.objects.values_list("naam", flat=True))
        self.names |= existing
        gemeenten = Gemeente.objects.bulk_create(
            Gemeente(naam=self._name(), cbs_code=f"GM9{i:03d}", provincie=self.random.choice(provinces), fictief=True)
            for i in range(self.sizes.gemeenten)
        )
        partijen = Partij.objects.bulk_create(
            Partij(naam=f"Gemeente {g.naam}", korte_naam=g.naam, soort=Partij.Soort.GEMEENTE, fictief=True)
            for g in gemeenten
        )
        self.counts.add("gemeenten", len(gemeenten))
        return gemeenten, partijen

    def _corporaties(self) -> tuple[list[Partij], dict[int, Partij]]:
        corporaties = []
        for _i in range(self.sizes.corporaties):
            name = self._name()
            naam = self.random.choice(CORPORATION_FORMS).format(name)
            corporaties.append(Partij(naam=naam, korte_naam=name, soort=Partij.Soort.CORPORATIE, fictief=True))
        corporaties = Partij.objects.bulk_create(corporaties)
        huurders = Partij.objects.bulk_create(
            Partij(
                naam=f"Huurdersvereniging {c.korte_naam}",
                korte_naam=f"HV {c.korte_naam}",
                soort=Partij.Soort.HUURDERSORGANISATIE,
                fictief=True,
            )
            for c in corporaties
        )
        self.counts.add("partijen", 2 * len(corporaties))
        return corporaties, {c.pk: h for c, h in zip(corporaties, huurders, strict=True)}

    def _pairs(self, gemeenten: list[Gemeente], corporaties: list[Partij]) -> dict[int, list[Partij]]:
        """Which corporations work in which municipality: one to four each; a few large corporations
        (a heavy-tailed weight) are active in dozens of municipalities, and every one in at least one."""
        weights = [1 / (rank + 1) ** 0.9 for rank in range(len(corporaties))]
        pairs: dict[int, list[Partij]] = {}
        for gemeente in gemeenten:
            chosen: list[Partij] = []
            for _i in range(self.random.choice([1, 2, 2, 3, 3, 4])):
                c = self.random.choices(corporaties, weights)[0]
                if c not in chosen:
                    chosen.append(c)
            pairs[gemeente.pk] = chosen
        used = {c.pk for chosen in pairs.values() for c in chosen}
        for c in corporaties:
            if c.pk not in used:
                pairs[self.random.choice(gemeenten).pk].append(c)
        return pairs

    def _homes_per_pair(self, pairs: dict[int, list[Partij]]) -> dict[tuple[int, int], int]:
        keys = [(g, c.pk) for g, chosen in pairs.items() for c in chosen]
        weights = [self.random.lognormvariate(0, 0.8) for _k in keys]
        total = sum(weights)
        homes = {k: int(self.sizes.woningen * w / total) for k, w in zip(keys, weights, strict=True)}
        homes[keys[0]] += self.sizes.woningen - sum(homes.values())  # exactly the total
        return homes

    def _sets_per_gemeente(self, n: int) -> list[int]:
        """Sets per municipality: one framework each, the year programmes spread over them."""
        programmes = self.sizes.sets - n
        counts = [1 + programmes // n] * n
        for i in self.random.sample(range(n), programmes % n):
            counts[i] += 1
        return counts

    # --- agreements and their monitoring ------------------------------------------------------

    def _sets(self, gemeente: Gemeente, parties: list[Partij], n: int) -> None:
        base = f"fictief-{slugify(gemeente.naam)}"
        kader = Afsprakenset.objects.create(
            gemeente=gemeente,
            slug=f"{base}-kaderafspraken-{FIRST}-{LAST}",
            soort=Afsprakenset.Soort.KADERAFSPRAKEN,
            titel=f"Kaderafspraken {FIRST}-{LAST} {gemeente.naam}",
            eerste_jaar=FIRST,
            laatste_jaar=LAST,
            status=Afsprakenset.Status.ONDERTEKEND,
            bron_titel="Fictief: gegenereerd door generate_national",
        )
        sets = [kader]
        for i in range(n - 1):
            year = LAST - i % (LAST - FIRST + 1)
            slug = f"{base}-jaarprogramma-{year}" + (f"-{i}" if i >= LAST - FIRST + 1 else "")
            sets.append(
                Afsprakenset.objects.create(
                    gemeente=gemeente,
                    slug=slug,
                    soort=Afsprakenset.Soort.JAARPROGRAMMA,
                    titel=f"Jaarprogramma {year} {gemeente.naam}",
                    eerste_jaar=year,
                    laatste_jaar=year,
                    status=Afsprakenset.Status.ONDERTEKEND,
                    bovenliggende_set=kader,
                    bron_titel="Fictief: gegenereerd door generate_national",
                )
            )
        self.counts.add("afsprakensets", len(sets))
        for s in sets:
            Deelname.objects.bulk_create(Deelname(afsprakenset=s, partij=p, volgorde=i) for i, p in enumerate(parties))
            self._agreements(s, parties, is_kader=s is kader)

    def _agreements(self, s: Afsprakenset, parties: list[Partij], *, is_kader: bool) -> None:
        r = self.random
        themas = Thema.objects.bulk_create(
            Thema(afsprakenset=s, nummer=str(i + 1), titel=t, doel=f"Fictief doel voor {t.lower()}.", volgorde=i)
            for i, t in enumerate(THEMES)
        )
        n = r.randint(20, 90)
        afspraken = Afspraak.objects.bulk_create(
            Afspraak(
                afsprakenset=s,
                thema=themas[min(i * len(themas) // n, len(themas) - 1)],
                nummer=str(i + 1),
                titel=r.choice(OBJECTS).capitalize(),
                tekst=f"De partijen {r.choice(VERBS)} {r.choice(OBJECTS)}; {r.choice(VERBS)} {r.choice(OBJECTS)}.",
                soort=r.choice(Afspraak.Soort.values),
                volgorde=i,
            )
            for i in range(n)
        )
        responsible = {a.pk: r.sample(parties, min(len(parties), r.choice([1, 1, 2, 3]))) for a in afspraken}
        Verantwoordelijke.objects.bulk_create(
            Verantwoordelijke(afspraak=a, partij=p, volgorde=i)
            for a in afspraken
            for i, p in enumerate(responsible[a.pk])
        )
        indicators = Indicator.objects.bulk_create(
            Indicator(
                afspraak=a,
                omschrijving=f"Indicator {j + 1} bij afspraak {a.nummer}",
                soort=r.choice(["aantal", "aantal", "percentage", "kwalitatief"]),
                jaar_van=s.eerste_jaar,
                jaar_tot=s.laatste_jaar,
                volgorde=j,
            )
            for a in afspraken
            for j in range(r.choice([0, 1, 1, 2]))
        )
        holder = {i.pk: responsible[i.afspraak_id][0] for i in indicators}
        Actiehouder.objects.bulk_create(Actiehouder(indicator=i, partij=holder[i.pk]) for i in indicators)
        counted = [i for i in indicators if i.soort == "aantal"]
        targets = [
            Doelstelling(
                afspraak_id=i.afspraak_id,
                indicator=i,
                waarde=Decimal(r.randrange(20, 400, 10)),
                eenheid="woningen",
                vergelijking=Doelstelling.Vergelijking.TEN_MINSTE,
                jaar=s.laatste_jaar,
                onderwerp="netto toevoeging sociale huurwoningen",
                brontekst="Fictief: gegenereerd.",
            )
            for i in counted[:: max(1, len(counted) // 4)]
        ]
        Doelstelling.objects.bulk_create(targets)
        index_afspraken(a.pk for a in afspraken)  # bulk_create sends no signals (register/search_index.py)
        if is_kader and targets:
            Koppeling.objects.create(indicator=targets[0].indicator, berekening=Koppeling.Berekening.OPGELEVERD_NETTO)
        self.counts.add("afspraken", len(afspraken))
        self.counts.add("indicatoren", len(indicators))
        self._monitoring(s, afspraken, indicators, holder, responsible, parties)

    def _monitoring(self, s, afspraken, indicators, holder, responsible, parties) -> None:
        r = self.random
        years = list(range(s.eerste_jaar, min(s.laatste_jaar, CURRENT) + 1))
        Monitoringsjaar.objects.bulk_create(
            Monitoringsjaar(afsprakenset=s, jaar=y, voorzet_uiterlijk=date(y + 1, 2, 1)) for y in years
        )
        Indicatorwaarde.objects.bulk_create(
            Indicatorwaarde(
                indicator=i,
                jaar=y,
                waarde=None if i.soort == "kwalitatief" else Decimal(r.randint(0, 100)),
                eenheid="%" if i.soort == "percentage" else "",
                oordeel="Fictief oordeel: op schema." if i.soort == "kwalitatief" else "",
                partij=holder[i.pk],
            )
            for i in indicators
            for y in years
            if y < CURRENT or r.random() < 0.6
        )
        beoordelingen = []
        for y in years:
            for a in afspraken:
                status = "vastgesteld" if y < CURRENT else r.choice(["open", "voorzet", "in_bespreking", "consensus"])
                kleur = "" if status == "open" else r.choices(["groen", "oranje", "rood", "afgerond"], [6, 3, 1, 1])[0]
                reden = {"oranje": r.choice("ab"), "rood": r.choice("abc")}.get(kleur, "")
                beoordelingen.append(
                    Beoordeling(
                        afspraak=a,
                        jaar=y,
                        status=status,
                        kleur=kleur,
                        reden=reden,
                        toelichting="" if status == "open" else f"Fictieve toelichting bij afspraak {a.nummer}.",
                        voorzet_partij=None if status == "open" else responsible[a.pk][0],
                        vastgesteld_op=date(y + 1, 3, 15) if status == "vastgesteld" else None,
                        vastgesteld_door="bestuurlijk overleg" if status == "vastgesteld" else "",
                    )
                )
        beoordelingen = Beoordeling.objects.bulk_create(beoordelingen)
        reacties = []
        for b in beoordelingen:
            if b.status in ("open", "voorzet"):
                continue
            others = [p for p in parties if p != b.voorzet_partij]
            for p in r.sample(others, min(len(others), 2)):
                reacties.append(Reactie(beoordeling=b, revisie=0, partij=p, soort="akkoord"))
        Reactie.objects.bulk_create(reacties, batch_size=2000)
        self.counts.add("beoordelingen", len(beoordelingen))
        self.counts.add("reacties", len(reacties))
        if s.soort == Afsprakenset.Soort.KADERAFSPRAKEN:
            Publicatie.objects.bulk_create(Publicatie(afsprakenset=s, jaar=y) for y in years if y < CURRENT)
            self._meetings(s, years)

    def _meetings(self, s: Afsprakenset, years: list[int]) -> None:
        """An AO and a BO a year, with minutes and, for the BO, the adoption of the evaluation."""
        overleggen = Overleg.objects.bulk_create(
            Overleg(
                afsprakenset=s,
                soort=soort,
                titel=f"{soort.upper()} {y} {s.gemeente.naam}",
                datum=datetime(y + 1, month, 10, 14, 0, tzinfo=UTC),
                plaats="Fictief gemeentehuis",
            )
            for y in years
            for soort, month in (("ao", 2), ("bo", 3))
            if y < CURRENT
        )
        Verslag.objects.bulk_create(
            Verslag(overleg=o, tekst=f"Fictief verslag van het {o.titel}.", status=Verslag.Status.DEFINITIEF)
            for o in overleggen
        )
        Besluit.objects.bulk_create(
            Besluit(
                overleg=o,
                soort=Besluit.Soort.EVALUATIE,
                tekst=f"De evaluatie {o.datum.year - 1} is vastgesteld.",
                jaar=o.datum.year - 1,
            )
            for o in overleggen
            if o.soort == "bo"
        )
        self.counts.add("overleggen", len(overleggen))

    # --- figures -----------------------------------------------------------------------------

    def _figures(self, gemeente: Gemeente, corporaties: list[Partij], homes: dict[tuple[int, int], int]) -> None:
        r = self.random
        kernen = [self._kern(gemeente, i) for i in range(r.randint(2, 6))]
        for c in corporaties:
            n = homes[(gemeente.pk, c.pk)]
            kinds = ("woningregister", "voorraad", "plannen", "toewijzingen")
            deliveries = {
                soort: Aanlevering.objects.create(
                    gemeente=gemeente,
                    corporatie=c,
                    soort=soort,
                    peildatum=date(CURRENT - 1, 12, 31),
                    bron="Fictief: gegenereerd door generate_national",
                    rijen=n if soort == "woningregister" else 0,
                )
                for soort in kinds
            }
            Voorraadtelling.objects.create(aanlevering=deliveries["voorraad"], aantal=n)
            plans = []
            for i in range(r.randint(2, 10)):
                status = r.choice(PLAN_STATUSES)
                bruto = r.randint(4, 80)
                sloop = r.choice([0, 0, r.randint(0, bruto // 3)])
                year = r.randint(FIRST, LAST + 4)
                plans.append(
                    Woningbouwplan(
                        aanlevering=deliveries["plannen"],
                        naam=f"Fictief plan {i + 1} {r.choice(kernen)}",
                        kern=r.choice(kernen),
                        status=status,
                        bruto=bruto,
                        sloop=sloop,
                        netto=bruto - sloop,
                        jaar=None if status == "zacht_locatie_onbekend" else year,
                        opleverdatum=date(r.randint(FIRST, CURRENT - 1), 9, 1) if status == "opgeleverd" else None,
                    )
                )
            Woningbouwplan.objects.bulk_create(plans)
            allocated = max(1, n // 12)
            Toewijzing.objects.bulk_create(
                Toewijzing(aanlevering=deliveries["toewijzingen"], jaar=y, totaal=allocated, urgent=allocated // 8)
                for y in range(FIRST, CURRENT)
            )
            self._homes(deliveries["woningregister"], c, kernen, n)

    def _kern(self, gemeente: Gemeente, i: int) -> str:
        return gemeente.naam if i == 0 else self._name()

    def _homes(self, aanlevering: Aanlevering, corporatie: Partij, kernen: list[str], n: int) -> None:
        """The unit-level stock, inserted as plain rows: at 2.3 million, model instances cost minutes."""
        quote = connection.ops.quote_name
        table, columns = quote(Woning._meta.db_table), ", ".join(map(quote, HOME_COLUMNS))
        prefix = f"{corporatie.pk:03d}-{aanlevering.pk}"
        with connection.cursor() as cursor:
            for start in range(0, n, HOMES_BATCH):
                rows = self._home_rows(aanlevering.pk, prefix, kernen, start, min(n, start + HOMES_BATCH))
                if connection.vendor == "postgresql":  # COPY: several times faster than INSERT
                    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    placeholders = ", ".join(["%s"] * len(HOME_COLUMNS))
                    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(rows))
        self.counts.add("woningen", n)

    def _home_rows(self, aanlevering_id: int, prefix: str, kernen: list[str], start: int, stop: int) -> Iterator[tuple]:
        r = self.random
        labels = r.choices(LABELS, LABEL_WEIGHTS, k=stop - start)
        for i, label in zip(range(start, stop), labels, strict=True):
            rent = min(1400.0, max(250.0, r.gauss(640, 140)))
            roll = r.random()
            bestemming = "doorexploiteren" if roll < 0.95 else ("verkoop" if roll < 0.98 else "sloop")
            yield (
                aanlevering_id,
                f"{prefix}-{i:07d}",
                kernen[i % len(kernen)],
                TYPES[i % len(TYPES)],
                f"{rent:.2f}",
                label,
                roll < 0.15,
                bestemming,
            )
