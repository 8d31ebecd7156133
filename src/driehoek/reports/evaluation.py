"""The yearly evaluation of a set: cover, summary with a chart, per theme every agreement with its
light, toelichting, indicator values and the parties' reactions, the figures with their charts, and
the year's decisions and dispute outcomes. As PDF (WeasyPrint) and XLSX (openpyxl)."""

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.cycle.models import Besluit, Geschil
from driehoek.figures import charts
from driehoek.figures import queries as figure_queries
from driehoek.monitoring import jaarstand
from driehoek.monitoring import queries as monitoring_queries
from driehoek.monitoring.models import Indicatorwaarde, Reactie
from driehoek.monitoring.rules import describe_light
from driehoek.register.models import Indicator

from .exports import FILLS, FORMULA_START, neutralise_workbook, put, sheet_title

Progress = Callable[[int], None]


@dataclass
class AgreementPart:
    afspraak: object
    beoordeling: object
    values: list
    reacties: list
    jaardoelen: list = field(default_factory=list)  # the year's yearly targets of its indicators


def gather(afsprakenset, jaar: int, progress: Progress = lambda pct: None) -> dict:
    beoordelingen = monitoring_queries.beoordelingen(afsprakenset, jaar)
    values = {}
    for v in Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=afsprakenset, jaar=jaar).select_related(
        "indicator"
    ):
        values.setdefault(v.indicator.afspraak_id, []).append(v)
    reacties = {}
    current = {b.pk: b.revisie for b in beoordelingen.values()}
    for r in Reactie.objects.filter(beoordeling__in=beoordelingen.values()).select_related("partij"):
        if r.revisie == current[r.beoordeling_id]:
            reacties.setdefault(r.beoordeling_id, []).append(r)
    jaardoelen = {}
    targets = monitoring_queries.yearly_targets(
        Indicator.objects.filter(afspraak__afsprakenset=afsprakenset).values_list("pk", flat=True), jaar=jaar
    )
    for doel in sorted((d for by_year in targets.values() for d in by_year.values()), key=lambda d: d.indicator_id):
        jaardoelen.setdefault(doel.indicator.afspraak_id, []).append(doel)
    themes = list(afsprakenset.themas.prefetch_related("afspraken"))
    sections = []
    for index, thema in enumerate(themes, start=1):
        parts = []
        for afspraak in thema.afspraken.all():
            b = beoordelingen.get(afspraak.pk)
            parts.append(
                AgreementPart(
                    afspraak,
                    b,
                    values.get(afspraak.pk, []),
                    reacties.get(b.pk, []) if b else [],
                    jaardoelen.get(afspraak.pk, []),
                )
            )
        sections.append((thema, parts))
        progress(10 + 50 * index // max(len(themes), 1))
    lights = jaarstand.dashboard(afsprakenset, jaar)["lights"]
    summary_chart = charts.stacked_shares(
        _("Beoordelingen per thema"),
        [
            (t.thema.titel, [(describe_light(k), f"fill-{k or 'geen'}", _pct(n, t.total)) for k, n in t.cells])
            for t in lights
            if t.total
        ],
    )
    gemeente = afsprakenset.gemeente
    additions = figure_queries.additions(gemeente, afsprakenset.eerste_jaar, afsprakenset.laatste_jaar)
    rents = figure_queries.rents(gemeente)
    series = additions_series(additions)  # the chart's bars and its table's columns: one list
    bands = [
        (
            f"{r.aanlevering.corporatie.korte_naam} {r.year}",
            [(b.label, f"chart-{'abcde'[i]}", b.share) for i, b in enumerate(r.bands)],
        )
        for r in rents
        if r.bands
    ]
    progress(75)
    return {
        "rents": rents,
        "rent_chart": charts.stacked_shares(_("Huren naar de grenzen van het jaar"), bands) if bands else None,
        "afsprakenset": afsprakenset,
        "jaar": jaar,
        "now": timezone.localtime(),
        "sections": sections,
        "lights": lights,
        "summary_chart": summary_chart,
        "additions": additions,
        "additions_series": series,
        "additions_rows": [(year, [s.values.get(year, 0) for s in series]) for year in additions.years],
        "additions_chart": charts.bars_and_lines(
            _("Netto opgeleverde sociale huurwoningen per jaar"), additions.years, series
        ),
        "besluiten": Besluit.objects.filter(
            overleg__afsprakenset=afsprakenset, op__year__in=[jaar, jaar + 1]
        ).select_related("overleg"),
        "geschillen": Geschil.objects.filter(afsprakenset=afsprakenset).exclude(uitkomst=""),
        "deelnames": afsprakenset.deelnames.select_related("partij"),
    }


def additions_series(additions) -> list:
    return [
        charts.Series(_("opgeleverd min verkocht"), "chart-a", additions.net),
        charts.Series(_("hard gepland"), "chart-b", additions.planned_hard),
        charts.Series(_("zacht gepland"), "chart-c", additions.planned_soft),
    ]


def _pct(n: int, total: int):
    from decimal import Decimal

    return (Decimal(n) * 100 / Decimal(total)).quantize(Decimal("0.1")) if total else Decimal(0)


def pdf(afsprakenset, jaar: int, progress: Progress = lambda pct: None) -> bytes:
    from weasyprint import HTML

    context = gather(afsprakenset, jaar, progress)
    html = render_to_string("reports/evaluatie_pdf.html", context)
    progress(85)
    return HTML(string=html).write_pdf()


def xlsx(afsprakenset, jaar: int, progress: Progress = lambda pct: None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill

    data = gather(afsprakenset, jaar, progress)
    book = Workbook()
    summary = book.active
    summary.title = sheet_title(_("Samenvatting"))
    put(summary, [f"{_('Evaluatie')} {jaar} — {afsprakenset.titel}"])
    summary["A1"].font = Font(bold=True, size=14)
    put(summary, [])
    put(summary, [_("Thema"), "groen", "oranje", "rood", "afgerond", _("nog niet beoordeeld")])
    for t in data["lights"]:
        put(summary, [t.thema.titel] + [n for _k, n in t.cells])
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = _("Beoordelingen per thema")
    last = 3 + len(data["lights"])
    chart.add_data(Reference(summary, min_col=2, max_col=6, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=4, max_row=last))
    summary.add_chart(chart, "H3")
    sheet = book.create_sheet(_("Afspraken"))
    put(
        sheet,
        [
            _("Thema"),
            _("Afspraak"),
            _("Beoordeling"),
            _("Status"),
            _("Toelichting"),
            _("Indicatorwaarden"),
            _("Reacties"),
            _("Jaardoelen"),
        ],
    )
    for thema, parts in data["sections"]:
        for part in parts:
            b = part.beoordeling
            values = "; ".join(
                f"{v.indicator.omschrijving}: {v.waarde if v.waarde is not None else v.oordeel} {v.eenheid}".strip()
                for v in part.values
            )
            reacties = "; ".join(
                f"{r.partij.korte_naam}: {r.get_soort_display()}{' — ' + r.toelichting if r.toelichting else ''}"
                for r in part.reacties
            )
            put(
                sheet,
                [
                    thema.titel,
                    f"{part.afspraak.nummer}. {part.afspraak.titel}".strip(". "),
                    describe_light(b.kleur, b.reden) if b else "",
                    b.get_status_display() if b else "",
                    b.toelichting if b else "",
                    values,
                    reacties,
                    "; ".join(f"{d.indicator.omschrijving}: {d.doel_tekst}" for d in part.jaardoelen),
                ],
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
            if b and b.kleur in FILLS:
                sheet.cell(sheet.max_row, 3).fill = PatternFill("solid", start_color=FILLS[b.kleur])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    figures = book.create_sheet(_("Cijfers"))
    put(figures, [_("Jaar")] + [s.label for s in data["additions_series"]])
    for year, values in data["additions_rows"]:
        put(figures, [year, *values])
    decisions = book.create_sheet(_("Besluiten"))
    put(decisions, [_("Overleg"), _("Soort"), _("Besluit")])
    for besluit in data["besluiten"]:
        put(decisions, [str(besluit.overleg), besluit.get_soort_display(), besluit.tekst])
    for geschil in data["geschillen"]:
        put(decisions, [_("Geschil"), geschil.onderwerp, geschil.uitkomst])
    progress(90)
    neutralise_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BUILDERS = {"pdf": pdf, "xlsx": xlsx}
