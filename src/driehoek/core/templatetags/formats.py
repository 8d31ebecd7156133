"""Template filters for numbers, amounts and dates in the user's language: {% load formats %}."""

from django import template

from driehoek.core import formats

register = template.Library()


@register.filter
def getal(value) -> str:
    return formats.format_number(value)


@register.filter
def euro(value) -> str:
    return formats.format_amount(value)


@register.filter
def datum(value) -> str:
    return formats.format_date(value)
