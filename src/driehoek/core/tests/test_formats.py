import datetime
from decimal import Decimal

import pytest

from django.template import Context, Template
from django.utils import translation

from driehoek.core.formats import format_amount, format_date, format_number


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nl", Decimal("682.96"), "€\u00a0682,96"),
        ("nl", Decimal("1544"), "€\u00a01.544,00"),
        ("nl", 879.66, "€\u00a0879,66"),
        ("nl", Decimal("-12.5"), "€\u00a0-12,50"),
        ("en", Decimal("682.96"), "€682.96"),
        ("en", Decimal("1544"), "€1,544.00"),
        ("nl", None, ""),
    ],
)
def test_amounts_in_euro_in_either_language(language, value, expected):
    with translation.override(language):
        assert format_amount(value) == expected


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [("nl", 1544, "1.544"), ("nl", Decimal("12.50"), "12,50"), ("en", 1544, "1,544"), ("en", Decimal("0.75"), "0.75")],
)
def test_numbers_with_thousands_separator(language, value, expected):
    with translation.override(language):
        assert format_number(value) == expected


def test_dates_in_words():
    day = datetime.date(2026, 4, 1)
    with translation.override("nl"):
        assert format_date(day) == "1 april 2026"
    with translation.override("en"):
        assert format_date(day) == "1 April 2026"
    assert format_date(None) == ""


def test_filters_in_a_template():
    template = Template("{% load formats %}{{ a|euro }} · {{ n|getal }} · {{ d|datum }}")
    context = Context({"a": Decimal("682.96"), "n": 1544, "d": datetime.date(2026, 4, 1)})
    with translation.override("nl"):
        assert template.render(context) == "€\u00a0682,96 · 1.544 · 1 april 2026"
