from decimal import Decimal
from types import SimpleNamespace

import pytest

from django.utils import translation

from driehoek.register import rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", (2026, 2026)),
        ("2026-2031", (2026, 2031)),
        (" 2026 - 2031 ", (2026, 2031)),
        ("2026 t/m 2031", (2026, 2031)),
    ],
)
def test_parse_years(text, expected):
    assert rules.parse_years(text) == expected


@pytest.mark.parametrize("text", ["", "volgend jaar", "2031-2026", "26", "2026-"])
def test_parse_years_refuses_what_is_not_a_year_range(text):
    with pytest.raises(ValueError):
        rules.parse_years(text)


def test_format_years_round_trips():
    assert rules.format_years(*rules.parse_years("2026-2031")) == "2026-2031"
    assert rules.format_years(2026, 2026) == "2026"


def test_years_outside_period():
    assert not rules.years_outside_period(2026, 2031, 2026, 2031)
    assert rules.years_outside_period(2025, 2026, 2026, 2031)
    assert rules.years_outside_period(2031, 2032, 2026, 2031)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal("1544"), "1.544"), (Decimal("682.96"), "682,96"), (85, "85"), (Decimal("1.80"), "1,80"), (None, "")],
)
def test_numbers_in_dutch_form(value, expected):
    with translation.override("nl"):
        assert rules.format_number(value) == expected


def _target(**kwargs):
    defaults = {"waarde": Decimal("85"), "waarde_max": None, "eenheid": "%", "vergelijking": "ten_minste", "jaar": None}
    return SimpleNamespace(**{**defaults, **kwargs})


def test_describe_target():
    with translation.override("nl"):
        assert rules.describe_target(_target()) == "ten minste 85 %"
        assert (
            rules.describe_target(
                _target(
                    waarde=Decimal(120), waarde_max=Decimal(140), vergelijking="tussen", eenheid="woningen", jaar=2031
                )
            )
            == "tussen 120 en 140 woningen (uiterlijk 2031)"
        )
        assert (
            rules.describe_target(_target(vergelijking="gelijk", waarde=Decimal(180), eenheid="woningen"))
            == "180 woningen"
        )
