"""Monitoring indicators that the figures answer are filled from them, with source and date."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from driehoek.monitoring.models import Indicatorwaarde

from . import queries
from .models import Koppeling


def computed_values(koppeling: Koppeling, gemeente) -> dict[int, object]:
    """year -> value for the indicator of a link."""
    corporatie = koppeling.corporatie
    kind = koppeling.berekening
    if kind == Koppeling.Berekening.OPGELEVERD_NETTO:
        return queries.additions(gemeente, 1900, 2100, corporatie).net  # delivered minus sold
    if kind in (Koppeling.Berekening.AANDEEL_URGENT, Koppeling.Berekening.AANDEEL_UITSTROOM):
        key = "aandeel_urgent" if kind == Koppeling.Berekening.AANDEEL_URGENT else "aandeel_uitstroom"
        return {year: row[key] for year, row in queries.allocations(gemeente, corporatie).items()}
    values = {}
    for figures in queries.rents(gemeente, corporatie):
        if kind == Koppeling.Berekening.AANDEEL_TOT_TWEEDE and figures.up_to_second is not None:
            values[figures.year] = figures.up_to_second
        elif kind == Koppeling.Berekening.LABELS_EFG:
            values[figures.year] = figures.efg
    return values


def herkomst(value: Indicatorwaarde) -> str:
    """Where an indicator's value comes from, in words, the same on every page and in every export:
    "berekend uit het woningregister 2026" or "ingevuld door Woonborg op 12-03-2026"."""
    kind = value.berekening
    if kind == Koppeling.Berekening.OPGELEVERD_NETTO:
        return _("berekend uit de woningbouwplannen en de mutaties van de corporaties")
    if kind in (Koppeling.Berekening.AANDEEL_TOT_TWEEDE, Koppeling.Berekening.LABELS_EFG):
        return _("berekend uit het woningregister %(jaar)s") % {"jaar": value.jaar}
    if kind in (Koppeling.Berekening.AANDEEL_URGENT, Koppeling.Berekening.AANDEEL_UITSTROOM):
        return _("berekend uit de toewijzingen %(jaar)s") % {"jaar": value.jaar}
    return _("ingevuld door %(partij)s op %(datum)s") % {
        "partij": value.partij.korte_naam,
        "datum": format_date(timezone.localtime(value.bijgewerkt_op), "d-m-Y"),
    }


UNITS = {
    Koppeling.Berekening.OPGELEVERD_NETTO: "woningen",
    Koppeling.Berekening.LABELS_EFG: "woningen",
}


@transaction.atomic
def refresh_linked_indicators(gemeente, today: date | None = None) -> int:
    """Write the computed values into the linked indicators of the municipality's sets, for the
    years the indicator runs. A value an actiehouder entered by hand is left alone."""
    written = 0
    stamp = (today or timezone.localdate()).strftime("%d-%m-%Y")
    for koppeling in Koppeling.objects.filter(indicator__afspraak__afsprakenset__gemeente=gemeente).select_related(
        "indicator__afspraak", "corporatie"
    ):
        indicator = koppeling.indicator
        partij = indicator.actiehouderschappen.order_by("volgorde").first()
        for year, value in computed_values(koppeling, gemeente).items():
            if not indicator.jaar_van <= year <= indicator.jaar_tot or partij is None:
                continue
            # Locked, so that a value entered by hand at this moment is not overwritten after the check.
            existing = Indicatorwaarde.objects.select_for_update().filter(indicator=indicator, jaar=year).first()
            if existing and not existing.berekening:
                continue
            bron = _("Berekend door Driehoek uit de aanleveringen van de corporaties (%(wat)s), %(datum)s") % {
                "wat": koppeling.get_berekening_display(),
                "datum": stamp,
            }
            record = existing or Indicatorwaarde(indicator=indicator, jaar=year, partij=partij.partij)
            if existing and existing.waarde == value:
                continue
            record.waarde, record.eenheid, record.bron = value, UNITS.get(koppeling.berekening, "%"), bron[:300]
            record.berekening = koppeling.berekening
            record.versie = (record.versie or 0) + (1 if existing else 0)
            record._change_reason = "berekend"
            record.save()
            written += 1
    return written
