"""The columns of the monitoringstabel's downloads (PDF, XLSX, CSV), in one list: each export
writes exactly these, so a column added here (a yearly target, say) is in all three. Every value
the web table shows is in a column: the indicator's value has a column of its own."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.defaultfilters import floatformat

from driehoek.monitoring.queries import Row
from driehoek.monitoring.rules import describe_light


@dataclass(frozen=True)
class Column:
    header: str  # Dutch, as the municipality's own table (headers of a data file stay fixed)
    value: Callable[[Row, int], str]
    width: int  # in characters in the worksheet; the PDF shares its width out by the same numbers
    per_afspraak: bool = False  # the same for every row of an agreement (shown once in the PDF)


def agreement(row: Row, jaar: int) -> str:
    a = row.afspraak
    return f"{a.nummer}. {a.titel}".strip(". ") if a.titel else a.nummer


def indicator_value(row: Row, jaar: int) -> str:
    """The value entered (or computed) for the year, as the web table shows it: "18 woningen"."""
    value = row.waarde
    if value is None:
        return ""
    if value.waarde is not None:
        return f"{floatformat(value.waarde, '-2g')} {value.eenheid}".strip()
    return value.oordeel


def provenance(row: Row, jaar: int) -> str:
    """Whether the value was entered or computed, and from what: the same words as the web table."""
    from driehoek.figures.linking import herkomst

    return herkomst(row.waarde) if row.waarde else ""


def years(row: Row, jaar: int) -> str:
    if row.indicator is None:
        return str(jaar)
    return row.indicator.jaren if row.running else f"{row.indicator.jaren} (niet in dit jaar)"


def holders(row: Row, jaar: int) -> str:
    if row.indicator and row.indicator.actiehouders_label:
        return row.indicator.actiehouders_label
    return ", ".join(p.korte_naam for p in row.actiehouders)


def light(row: Row, jaar: int) -> str:
    b = row.beoordeling
    return describe_light(b.kleur, b.reden) if b else ""


COLUMNS = [
    Column("Thema", lambda row, jaar: row.thema.titel, 26, per_afspraak=True),
    Column("Afspraak", agreement, 32, per_afspraak=True),
    Column("Indicator", lambda row, jaar: row.indicator.omschrijving if row.indicator else "", 30),
    Column("Waarde", indicator_value, 18),
    Column("Herkomst", provenance, 20),
    Column("Jaardoel", lambda row, jaar: row.jaardoel.doel_tekst if row.jaardoel else "", 20),
    Column("Jaar", years, 19),
    Column("Actiehouder", holders, 28),
    Column("Beoordeling voortgang", light, 24, per_afspraak=True),
    Column("Toelichting", lambda row, jaar: row.beoordeling.toelichting if row.beoordeling else "", 46, True),
    Column("Status", lambda row, jaar: row.beoordeling.get_status_display() if row.beoordeling else "", 16, True),
]
HEADER = [column.header for column in COLUMNS]
