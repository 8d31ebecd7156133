"""The period evaluation of a framework set (the end of a period, issue 14 item 9): per agreement
the lights over every year, each target against what was reached (with the yearly targets), and the
lessons recorded each year. A page, a PDF (WeasyPrint, A4 landscape) and an XLSX (openpyxl)."""

import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.monitoring import queries as monitoring_queries
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Status
from driehoek.monitoring.rules import describe_light
from driehoek.register.models import Doelstelling, Indicator
from driehoek.register.rules import format_number

from .exports import FILLS, FORMULA_START, neutralise_workbook, put, sheet_title


@dataclass
class TargetLine:
    indicator: Indicator
    target: Doelstelling | None
    per_year: dict  # year -> (value or None, yearly target or None)
    reached: Decimal | None  # summed for counts, the latest value otherwise
    met: bool | None


@dataclass
class AgreementPeriod:
    afspraak: object
    lights: list  # (year, Beoordeling or None), every year of the period
    targets: list[TargetLine] = field(default_factory=list)
    lessons: list = field(default_factory=list)  # (year, text) of the adopted toelichting


def gather(afsprakenset) -> dict:
    years = list(range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1))
    lights: dict[int, dict[int, Beoordeling]] = defaultdict(dict)
    for b in Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset).order_by():
        lights[b.afspraak_id][b.jaar] = b
    values: dict[int, dict[int, Indicatorwaarde]] = defaultdict(dict)
    for v in Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=afsprakenset).order_by():
        values[v.indicator_id][v.jaar] = v
    indicators = list(
        Indicator.objects.filter(afspraak__afsprakenset=afsprakenset)
        .prefetch_related("doelstellingen")
        .order_by("afspraak__volgorde", "volgorde")
    )
    yearly = monitoring_queries.yearly_targets([i.pk for i in indicators])
    by_afspraak: dict[int, list[TargetLine]] = defaultdict(list)
    for indicator in indicators:
        line = _target_line(indicator, years, values[indicator.pk], yearly[indicator.pk])
        if line:
            by_afspraak[indicator.afspraak_id].append(line)
    sections = []
    for thema in afsprakenset.themas.prefetch_related("afspraken"):
        parts = []
        for afspraak in thema.afspraken.all():
            own = lights[afspraak.pk]
            lessons = [(y, own[y].toelichting) for y in years if y in own and own[y].toelichting and _adopted(own[y])]
            parts.append(AgreementPeriod(afspraak, [(y, own.get(y)) for y in years], by_afspraak[afspraak.pk], lessons))
        sections.append((thema, parts))
    this_year = timezone.localdate().year
    return {
        "afsprakenset": afsprakenset,
        "years": years,
        "sections": sections,
        "last_year": afsprakenset.laatste_jaar <= this_year,
        "now": timezone.localtime(),
        "deelnames": afsprakenset.deelnames.select_related("partij"),
    }


def _adopted(b: Beoordeling) -> bool:
    return b.status == Status.VASTGESTELD


def _target_line(indicator, years, values: dict, yearly: dict) -> TargetLine | None:
    targets = list(indicator.doelstellingen.all())
    if not targets and not yearly and not any(v.waarde is not None for v in values.values()):
        return None
    per_year = {y: (values[y].waarde if y in values else None, yearly.get(y)) for y in years}
    numbers = [values[y].waarde for y in years if y in values and values[y].waarde is not None]
    counted = indicator.soort == Indicator.Soort.AANTAL
    reached = (sum(numbers, Decimal(0)) if counted else numbers[-1]) if numbers else None
    target = next((t for t in sorted(targets, key=lambda t: t.jaar or 9999)), None)
    met = None
    if target is not None and reached is not None:
        met = reached <= target.waarde if target.vergelijking == "ten_hoogste" else reached >= target.waarde
    return TargetLine(indicator, target, per_year, reached, met)


def pdf(afsprakenset) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_to_string("reports/periode_pdf.html", gather(afsprakenset))).write_pdf()


def xlsx(afsprakenset) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    data = gather(afsprakenset)
    years = data["years"]
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(_("Lichten"))
    put(sheet, [_("Thema"), _("Afspraak")] + [str(y) for y in years])
    for thema, parts in data["sections"]:
        for part in parts:
            put(sheet, [thema.titel, _label(part.afspraak)] + [_light(b) for _y, b in part.lights])
            for column, (_y, b) in enumerate(part.lights, start=3):
                if b and b.kleur in FILLS:
                    sheet.cell(sheet.max_row, column).fill = PatternFill("solid", start_color=FILLS[b.kleur])
    targets = book.create_sheet(sheet_title(_("Doelen en resultaat")))
    header = [_("Afspraak"), _("Indicator"), _("Doel"), _("Bereikt"), _("Gehaald")]
    for y in years:
        header += [f"{y} {_('waarde')}", f"{y} {_('jaardoel')}"]
    put(targets, header)
    lessons = book.create_sheet(sheet_title(_("Lessen per jaar")))
    put(lessons, [_("Afspraak"), _("Jaar"), _("Toelichting bij de vastgestelde beoordeling")])
    for _thema, parts in data["sections"]:
        for part in parts:
            for line in part.targets:
                row = [
                    _label(part.afspraak),
                    line.indicator.omschrijving,
                    str(line.target) if line.target else "",
                    line.reached,
                    {True: _("ja"), False: _("nee"), None: ""}[line.met],
                ]
                for y in years:
                    value, doel = line.per_year[y]
                    row += [value, doel.doel_tekst if doel else ""]
                put(targets, row)
            for year, text in part.lessons:
                put(lessons, [_label(part.afspraak), year, text])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
    for column, width in zip("ABC", (40, 8, 90), strict=True):
        lessons.column_dimensions[column].width = width
    book.properties.title = f"{_('Periode-evaluatie')} {afsprakenset.titel}"
    neutralise_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _label(afspraak) -> str:
    return f"{afspraak.nummer}. {afspraak.titel}".strip(". ") if afspraak.titel else afspraak.nummer


def _light(b: Beoordeling | None) -> str:
    if b is None:
        return "—"
    text = describe_light(b.kleur, b.reden)
    return text if _adopted(b) else f"{text} ({b.get_status_display()})"


def number(value) -> str:
    return format_number(value) if value is not None else "—"
