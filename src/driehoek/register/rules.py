"""Plain rules of the register, free of the database so they can be tested on their own."""

import re
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

YEARS = re.compile(r"^\s*(\d{4})\s*(?:(?:-|–|t/m|tot en met)\s*(\d{4}))?\s*$")


def parse_years(text: str) -> tuple[int, int]:
    """'2026' -> (2026, 2026); '2026-2031' -> (2026, 2031). Raises ValueError on anything else."""
    match = YEARS.match(str(text))
    if not match:
        raise ValueError(_("Jaren moeten de vorm 2026 of 2026-2031 hebben, niet “%(text)s”.") % {"text": text})
    first, last = int(match[1]), int(match[2] or match[1])
    if last < first:
        raise ValueError(
            _("Het laatste jaar (%(last)s) ligt voor het eerste (%(first)s).") % {"first": first, "last": last}
        )
    return first, last


def format_years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def years_outside_period(first: int, last: int, period_first: int, period_last: int) -> bool:
    return first < period_first or last > period_last


def format_number(value: Decimal | int | float | None) -> str:
    """Dutch form: 1.544 and 682,96; whole numbers without decimals."""
    if value is None:
        return ""
    value = Decimal(str(value))
    decimals = 0 if value == value.to_integral_value() else min(2, -value.as_tuple().exponent)
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def describe_target(target, *, with_year: bool = True) -> str:
    """A target in words: 'ten minste 85 % (2022)', 'tussen 120 en 140 woningen (2031)'."""
    value = format_number(target.waarde)
    unit = target.eenheid
    if target.vergelijking == "tussen":
        amount = _("tussen %(low)s en %(high)s") % {"low": value, "high": format_number(target.waarde_max)}
    else:
        words = {
            "ten_minste": _("ten minste"),
            "ten_hoogste": _("ten hoogste"),
            "circa": _("circa"),
            "gelijk": "",
        }[target.vergelijking]
        amount = f"{words} {value}".strip()
    text = f"{amount} {unit}".strip()
    if with_year and target.jaar:
        text += _(" (uiterlijk %(year)s)") % {"year": target.jaar}
    return text


# A set is signed from "ondertekend" on; "ingediend" (sent to the minister) comes after. Plain strings,
# so that this holds whatever other statuses Afsprakenset.Status gains (docs/adr/0087).
SIGNED_STATUSES = frozenset({"ondertekend", "ingediend"})
AFTER_SIGNING = SIGNED_STATUSES | {"vervallen"}


def is_signed(status: str) -> bool:
    """Whether a set with this status changes only by decision."""
    return status in SIGNED_STATUSES


def may_follow_signing(status: str, before: str = "ondertekend") -> bool:
    """A signed set moves on to submitted or lapsed, never back to a draft. One step back is allowed:
    before submission a signatory may withdraw (issue 14), and a set that is "ondertekend" then goes
    back to "akkoord" (all approved, not all signed); after submission nothing goes back."""
    return status in AFTER_SIGNING or (before == "ondertekend" and status == "akkoord")
