"""Numbers, amounts and dates as Dutch readers expect them (1.544; € 682,96; 1 april 2026), and in
English form when the user chose English. Amounts are always in euro (docs/adr/0051)."""

import datetime
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language

from driehoek.register.rules import format_number

# The month names as Dutch documents print them, for reading dates out of their text.
DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_amount(value: Decimal | int | float | None) -> str:
    """An amount in euro with cents: "€ 682,96" (Dutch, a non-breaking space) or "€682.96" (English)."""
    if value is None or value == "":
        return ""
    amount = number_format(Decimal(str(value)), decimal_pos=2, use_l10n=True, force_grouping=True)
    if (get_language() or "nl").startswith("en"):
        return f"€{amount}"
    return f"€\u00a0{amount}"


def format_date(value: datetime.date | None) -> str:
    """A date in words: "1 april 2026" (Dutch), "1 April 2026" (English)."""
    if not value:
        return ""
    return date_format(value, "j F Y", use_l10n=True)


__all__ = ["format_amount", "format_date", "format_number"]
