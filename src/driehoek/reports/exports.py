"""The monitoringstabel of a set and year as XLSX, CSV and PDF, from the same rows as the page."""

import csv
import io
import re

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.monitoring import queries

from .columns import COLUMNS, HEADER

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILLS = {"groen": "C6EFCE", "oranje": "FFE2B3", "rood": "F8C9C9", "afgerond": "8FD19E"}


LIGHT_COLUMN = 1 + HEADER.index("Beoordeling voortgang")  # the cell that carries the light's colour


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
    """The table as the exports write it: per row the text of each column of COLUMNS, then the
    light's colour (for the fill of the Beoordeling cell)."""
    result = []
    for row in queries.monitoringstabel(afsprakenset, jaar):
        b = row.beoordeling
        result.append([column.value(row, jaar) for column in COLUMNS] + [b.kleur if b else ""])
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
    from openpyxl.utils import get_column_letter

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
                sheet.cell(sheet.max_row, LIGHT_COLUMN).fill = PatternFill("solid", start_color=FILLS[kleur])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for index, column in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
    book.properties.title = f"Monitoringstabel {jaar} {afsprakenset.titel}"
    neutralise_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(afsprakenset, jaar: int) -> bytes:
    """The table on A4 landscape, its columns as wide as their share of COLUMNS' widths, long words
    broken: nothing runs off the page (tested by reading every word's position back)."""
    from weasyprint import HTML

    total = sum(column.width for column in COLUMNS)
    table = []
    for row in queries.monitoringstabel(afsprakenset, jaar):
        b = row.beoordeling
        cells = [
            {"text": "" if column.per_afspraak and not row.first_of_afspraak else column.value(row, jaar)}
            for column in COLUMNS
        ]
        if row.first_of_afspraak:
            cells[LIGHT_COLUMN - 1]["kleur"] = (b.kleur if b else "") or "geen"
        table.append(cells)
    html = render_to_string(
        "reports/monitoringstabel_pdf.html",
        {
            "afsprakenset": afsprakenset,
            "jaar": jaar,
            "columns": [(column.header, round(100 * column.width / total, 2)) for column in COLUMNS],
            "table": table,
            "deelnames": afsprakenset.deelnames.select_related("partij"),
            "now": timezone.localtime(),
        },
    )
    return HTML(string=html).write_pdf()
