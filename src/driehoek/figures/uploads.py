"""Reading corporation uploads (CSV or XLSX): every row is checked before anything is stored, and
each problem names its row, its column and what is wrong, in Dutch."""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Aanlevering, Woning, Woningbouwplan

MAX_ERRORS = 50  # more are counted, not listed
LABELS = {"A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"}
TRUE = {"ja", "j", "1", "true", "waar", "yes"}
FALSE = {"nee", "n", "0", "false", "onwaar", "no", ""}


class UploadError(ValueError):
    def __init__(self, problems: list[str], total: int | None = None):
        self.problems = problems
        self.total = total if total is not None else len(problems)
        super().__init__("\n".join(problems))


def _text_of(length: int) -> Callable[[str], str]:
    """Text up to the column's length in the database; stored as text, whatever it starts with."""

    def convert(value: str) -> str:
        if len(value) > length:
            raise ValueError(_("is langer dan %(n)s tekens") % {"n": length})
        return value

    return convert


_id = _text_of(60)
_short = _text_of(80)
_name = _text_of(200)


def _integer(value: str) -> int:
    cleaned = value.replace(".", "").replace(" ", "")
    if not re.fullmatch(r"-?[0-9]{1,9}", cleaned):
        raise ValueError(_("is geen geheel getal"))
    return int(cleaned)


def _positive(value: str) -> int:
    number = _integer(value)
    if number < 0:
        raise ValueError(_("mag niet negatief zijn"))
    return number


def _amount(value: str) -> Decimal:
    cleaned = value.replace("€", "").replace(" ", "")
    if "," in cleaned:  # Dutch: 1.234,56
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("is geen bedrag (bijvoorbeeld 682,96)")) from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("100000"):
        raise ValueError(_("is geen geldig bedrag"))
    return amount.quantize(Decimal("0.01"))


def _boolean(value: str) -> bool:
    lower = value.lower()
    if lower in TRUE:
        return True
    if lower in FALSE:
        return False
    raise ValueError(_("moet ja of nee zijn"))


def _label(value: str) -> str:
    label = value.upper()
    if label and label not in LABELS:
        raise ValueError(_("is geen energielabel (A++++ tot en met G)"))
    return label


def _date(value: str) -> date | None:
    if not value:
        return None
    for parse in (date.fromisoformat, lambda v: date(int(v[6:10]), int(v[3:5]), int(v[0:2])) if len(v) == 10 else None):
        try:
            result = parse(value)
            if result:
                return result
        except ValueError:
            continue
    raise ValueError(_("is geen datum (2026-12-31 of 31-12-2026)"))


def _choice(choices: list[tuple[str, str]]) -> Callable[[str], str]:
    """A value or its Dutch label: "zacht_locatie_onbekend" or "zacht, locatie nog te vinden"."""
    values = {}
    for value, label in choices:
        values[value.lower()] = value
        values[str(label).lower()] = value
    shown = ", ".join(value for value, _label in choices)

    def convert(value: str) -> str:
        try:
            return values[value.lower()]
        except KeyError:
            raise ValueError(_("kies uit: %(choices)s") % {"choices": shown}) from None

    return convert


def _plan_year(value: str) -> tuple[int | None, bool]:
    """ "2027", "onbekend" or "na 2030"."""
    lower = value.lower().strip()
    if lower in ("", "onbekend"):
        return None, False
    after = lower.startswith("na ")
    year = lower[3:].strip() if after else lower
    if not re.fullmatch(r"[0-9]{4}", year):
        raise ValueError(_("moet een jaar zijn, “onbekend” of “na 2030”"))
    return int(year), after


# What an empty optional cell means, per kind of column.
EMPTY = {_positive: 0, _integer: 0, _boolean: False, _date: None, _plan_year: (None, False), _label: ""}


@dataclass(frozen=True)
class Column:
    name: str
    convert: Callable[[str], object]
    required: bool = True
    example: str = ""
    help: str = ""


SPECS: dict[str, list[Column]] = {
    Aanlevering.Soort.VOORRAAD: [
        Column("aantal", _positive, example="1544", help="sociale huurwoningen op de peildatum")
    ],
    Aanlevering.Soort.WONINGREGISTER: [
        Column("eigen_id", _id, example="VM-000123", help="uw eigen nummer van de woning"),
        Column("kern", _short, required=False, example="Gieten"),
        Column("type", _short, required=False, example="eengezinswoning"),
        Column("kale_huur", _amount, example="650,43", help="euro per maand"),
        Column("energielabel", _label, required=False, example="B"),
        Column("nultredenwoning", _boolean, required=False, example="nee", help="ja of nee"),
        Column(
            "bestemming",
            _choice(Woning.Bestemming.choices),
            required=False,
            example="doorexploiteren",
            help="doorexploiteren, verkoop of sloop",
        ),
    ],
    Aanlevering.Soort.PLANNEN: [
        Column("naam", _name, example="Nieuwbouw Zuid Es"),
        Column("kern", _short, required=False, example="Gieten"),
        Column(
            "status",
            _choice(Woningbouwplan.Status.choices),
            example="hard",
            help="hard, zacht_locatie_bekend, zacht_locatie_onbekend, in_aanbouw of opgeleverd",
        ),
        Column("bruto", _positive, example="24"),
        Column("sloop", _positive, required=False, example="3"),
        Column("jaar", _plan_year, required=False, example="2027", help="jaar, onbekend of na 2030"),
        Column("opleverdatum", _date, required=False, example="2027-09-01"),
    ],
    Aanlevering.Soort.MUTATIES: [
        Column("jaar", _positive, example="2026"),
        Column("verkoop", _positive, required=False, example="4"),
        Column("sloop", _positive, required=False, example="0"),
        Column("aankoop", _positive, required=False, example="0"),
    ],
    Aanlevering.Soort.TOEWIJZINGEN: [
        Column("jaar", _positive, example="2026"),
        Column("totaal", _positive, example="120"),
        Column("urgent", _positive, required=False, example="18"),
        Column(
            "uitstroom", _positive, required=False, example="4", help="uit beschermd wonen en maatschappelijke opvang"
        ),
        Column("statushouders", _positive, required=False, example="9"),
        Column("passend", _positive, required=False, example="110"),
    ],
}


def sniff(content: bytes) -> str:
    """What a file is by its content, not its name: "xlsx" or "csv"; UploadError otherwise."""
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            raise UploadError([_("Het Excel-bestand kan niet worden gelezen: het is beschadigd.")]) from None
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return "xlsx"
        raise UploadError([_("Dit zip-bestand is geen Excel-bestand (.xlsx).")])
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadError([_("Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of CSV.")])
    if content.startswith(b"%PDF"):
        raise UploadError([_("Dit is een PDF. Lever een CSV-bestand of een Excel-bestand (.xlsx) aan.")])
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "csv"
    if b"\x00" in content[:4096]:
        raise UploadError([_("Dit is geen tekst- of Excel-bestand. Lever CSV of Excel (.xlsx) aan.")])
    return "csv"


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM, as spreadsheet programs save CSV."""
    try:
        if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return content.decode("utf-16")
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError(
            [_("Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8 of als Excel (.xlsx).")]
        ) from None


def read_table(name: str, content: bytes) -> Iterator[list[str]]:
    """Rows of cells as text from a CSV (comma or semicolon) or XLSX file, recognised by content,
    within settings.UPLOAD_TABLE_LIMITS (rows, columns, cells; an XLSX sheet's unpacked size).

    Formula cells give their last computed value (a text that merely starts with = stays text).
    An XLSX sheet's stated dimension is not trusted: only its real cells are read, and a row ends
    at its last value."""
    if sniff(content) == "xlsx":
        yield from _bounded(_xlsx_rows(content))
        return
    text = decode(content)
    first = text.split("\n", 1)[0]
    # Excel saves CSV with ; (Dutch settings) or , and "Unicode text" (UTF-16) with tabs.
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        yield from _bounded(csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=delimiter))
    except csv.Error as e:
        raise UploadError([_("Het CSV-bestand kan niet worden gelezen: %(e)s") % {"e": e}]) from e


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    limit = settings.UPLOAD_TABLE_LIMITS["sheet_mb"]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if any(i.file_size > limit * 1024 * 1024 for i in archive.infolist() if i.filename.startswith("xl/")):
            raise UploadError([_("Het Excel-bestand is uitgepakt groter dan %(mb)s MB.") % {"mb": limit}])
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        sheet.reset_dimensions()  # the stated size may claim A1:XFD1048576 for three cells
        rows = []
        for row in _bounded(sheet.iter_rows(values_only=True)):
            rows.append(["" if cell is None else _cell_text(cell) for cell in row])
        return rows
    except UploadError:
        raise
    except Exception as e:  # openpyxl raises many kinds for a damaged file
        raise UploadError([_("Het Excel-bestand kan niet worden gelezen: %(e)s") % {"e": str(e)[:200]}]) from e


def _bounded(rows: Iterable[Sequence]) -> Iterator[list]:
    """The rows, each without its empty cells at the end, refused as soon as a limit is passed."""
    limits = settings.UPLOAD_TABLE_LIMITS
    cells = 0
    for count, row in enumerate(rows, start=1):
        if count > limits["rows"]:
            raise UploadError([_("Het bestand heeft meer dan %(n)s rijen.") % {"n": limits["rows"]}])
        row = list(row)
        while row and row[-1] in (None, ""):
            row.pop()
        if len(row) > limits["columns"]:
            raise UploadError(
                [_("Rij %(row)s heeft meer dan %(n)s kolommen.") % {"row": count, "n": limits["columns"]}]
            )
        cells += len(row)
        if cells > limits["cells"]:
            raise UploadError([_("Het bestand heeft meer dan %(n)s cellen.") % {"n": limits["cells"]}])
        yield row


def _cell_text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, float):
        return f"{cell:.2f}".replace(".", ",")
    if hasattr(cell, "date") and hasattr(cell, "hour"):
        return cell.date().isoformat()
    return str(cell)


def validate(soort: str, rows: Iterator[list[str]]) -> list[dict]:
    """All rows converted, or UploadError with every problem (the first MAX_ERRORS listed)."""
    spec = SPECS[soort]
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise UploadError([_("Het bestand is leeg.")]) from None
    missing = [c.name for c in spec if c.required and c.name not in header]
    if missing:
        raise UploadError(
            [_("Kolom ontbreekt in de eerste regel: %(cols)s. Gebruik het sjabloon.") % {"cols": ", ".join(missing)}]
        )
    positions = [(c, header.index(c.name)) for c in spec if c.name in header]
    result, lines, problems, count = [], [], [], 0
    # The loop runs for every row of a register of a hundred thousand homes: kept lean.
    for line, raw in enumerate(rows, start=2):
        if not "".join(raw).strip():
            continue
        record = {}
        width = len(raw)
        for column, position in positions:
            value = raw[position].strip() if position < width else ""
            if not value:
                if column.required:
                    count += 1
                    if len(problems) < MAX_ERRORS:
                        problems.append(_("Rij %(row)s, kolom “%(col)s”: is leeg.") % {"row": line, "col": column.name})
                    continue
                record[column.name] = EMPTY.get(column.convert, "")
                continue
            try:
                record[column.name] = column.convert(value)
            except ValueError as e:
                count += 1
                if len(problems) < MAX_ERRORS:
                    problems.append(
                        _("Rij %(row)s, kolom “%(col)s”: “%(value)s” %(error)s.")
                        % {"row": line, "col": column.name, "value": value[:40], "error": e}
                    )
        result.append(record)
        lines.append(line)
    if count:  # the checks within each row too, or a fixed error would only then reveal them
        for line, record in zip(lines, result, strict=True):
            for problem in _row_problems(soort, line, record):
                count += 1
                if len(problems) < MAX_ERRORS:
                    problems.append(problem)
        raise UploadError(problems, count)
    if not result:
        raise UploadError([_("Het bestand bevat geen gegevens onder de kopregel.")])
    return result


def _row_problems(soort: str, line: int, r: dict) -> list[str]:
    """The checks within one row; a column that could not be read is left out of them."""
    problems = []
    bruto = r.get("bruto")
    if soort == Aanlevering.Soort.PLANNEN and isinstance(bruto, int) and (r.get("sloop") or 0) > bruto:
        problems.append(
            _("Rij %(row)s: meer sloop (%(s)s) dan bruto (%(b)s).") % {"row": line, "s": r["sloop"], "b": bruto}
        )
    if soort == Aanlevering.Soort.TOEWIJZINGEN and isinstance(r.get("totaal"), int):
        for part in ("urgent", "uitstroom", "statushouders", "passend"):
            if (r.get(part) or 0) > r["totaal"]:
                problems.append(
                    _("Rij %(row)s, kolom “%(col)s”: %(n)s is meer dan het totaal %(t)s (meer dan 100%%).")
                    % {"row": line, "col": part, "n": r[part], "t": r["totaal"]}
                )
    return problems


def check_rows(soort: str, records: list[dict]) -> list[str]:
    """Rules across columns and rows: gross against demolition, parts against totals, unique ids."""
    problems = []
    for line, r in enumerate(records, start=2):
        problems += _row_problems(soort, line, r)
    if soort == Aanlevering.Soort.WONINGREGISTER:
        seen = {}
        for line, r in enumerate(records, start=2):
            if r["eigen_id"] in seen:
                problems.append(
                    _("Rij %(row)s, kolom “eigen_id”: %(id)s staat ook in rij %(other)s.")
                    % {"row": line, "id": r["eigen_id"], "other": seen[r["eigen_id"]]}
                )
            seen[r["eigen_id"]] = line
    if soort == Aanlevering.Soort.VOORRAAD and len(records) != 1:
        problems.append(_("Een voorraadtotaal is één regel met het aantal."))
    return problems[:MAX_ERRORS]
