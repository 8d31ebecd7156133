"""The monitoringstabel of a set and year as XLSX, CSV and PDF, from the same rows as the page."""

import csv
import io
import re

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.monitoring import queries
from driehoek.monitoring.rules import describe_light

HEADER = [
    "Thema",
    "Afspraak",
    "Indicator",
    "Jaar",
    "Actiehouder",
    "Beoordeling voortgang",
    "Toelichting",
    "Status",
    "Jaardoel",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILLS = {"groen": "C6EFCE", "oranje": "FFE2B3", "rood": "F8C9C9", "afgerond": "8FD19E"}


def neutralise(value):
    """A text starting like a formula is text in a spreadsheet, never a formula (CSV: a leading ')."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def clean(value):
    """What a worksheet can hold: control characters (from a PDF import, say) left out."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def put(sheet, values) -> None:
    sheet.append([clean(v) for v in values])


def sheet_title(text: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "-", clean(text))[:31] or "-"


def neutralise_workbook(book) -> None:
    """Every text cell that looks like a formula is stored as text: nothing we write is ever run."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"


def rows(afsprakenset, jaar: int) -> list[list[str]]:
    result = []
    for row in queries.monitoringstabel(afsprakenset, jaar):
        b = row.beoordeling
        result.append(
            [
                row.thema.titel,
                f"{row.afspraak.nummer}. {row.afspraak.titel}".strip(". ")
                if row.afspraak.titel
                else row.afspraak.nummer,
                row.indicator.omschrijving if row.indicator else "",
                row.indicator.jaren if row.indicator else str(jaar),
                (
                    row.indicator.actiehouders_label
                    if row.indicator and row.indicator.actiehouders_label
                    else ", ".join(p.korte_naam for p in row.actiehouders)
                ),
                describe_light(b.kleur, b.reden) if b else "",
                b.toelichting if b else "",
                b.get_status_display() if b else "",
                row.jaardoel.doel_tekst if row.jaardoel else "",
                (b.kleur if b else ""),
            ]
        )
    return result


def csv_bytes(afsprakenset, jaar: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    for row in rows(afsprakenset, jaar):
        writer.writerow([neutralise(cell) for cell in row[:-1]])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(afsprakenset, jaar: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    overview = book.active
    overview.title = _("Overzicht")[:31]
    data = rows(afsprakenset, jaar)
    sheets = [(overview, data)]
    for thema in afsprakenset.themas.all():
        sheet = book.create_sheet(sheet_title(f"{thema.nummer} {thema.titel}"))
        sheets.append((sheet, [r for r in data if r[0] == thema.titel]))
    for sheet, sheet_rows in sheets:
        put(sheet, HEADER)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in sheet_rows:
            kleur = values[-1]
            put(sheet, values[:-1])
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"  # text, never a formula; the agreed wording stays exact
            if kleur in FILLS:
                sheet.cell(sheet.max_row, 6).fill = PatternFill("solid", start_color=FILLS[kleur])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for column, width in zip("ABCDEFGHI", (18, 40, 40, 11, 28, 30, 60, 14, 24), strict=True):
            sheet.column_dimensions[column].width = width
    book.properties.title = f"Monitoringstabel {jaar} {afsprakenset.titel}"
    neutralise_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(afsprakenset, jaar: int) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "reports/monitoringstabel_pdf.html",
        {
            "afsprakenset": afsprakenset,
            "jaar": jaar,
            "rows": queries.monitoringstabel(afsprakenset, jaar),
            "deelnames": afsprakenset.deelnames.select_related("partij"),
            "now": timezone.localtime(),
        },
    )
    return HTML(string=html).write_pdf()
