from urllib.parse import quote

from django import template
from django.utils.http import RFC3986_SUBDELIMS

from driehoek.monitoring import rules

register = template.Library()

ICONS = {"groen": "●", "oranje": "▲", "rood": "■", "afgerond": "✔", "": "○"}


@register.filter
def light_icon(kleur: str) -> str:
    return ICONS.get(kleur or "", "○")


@register.filter
def light_word(kleur: str, reden: str = "") -> str:
    return rules.describe_light(kleur or "", reden or "")


@register.filter
def herkomst(value) -> str:
    """Where an indicator value comes from: computed from which figures, or entered by whom and when."""
    from driehoek.figures.linking import herkomst as words

    return words(value) if value else ""


@register.filter
def in_path(value) -> str:
    """A value as one segment of a URL path, quoted as `reverse` quotes it: a page with many links to
    the same view reverses once and adds each number with this (`{{ url }}{{ nummer|in_path }}/`)."""
    return quote(str(value), safe=RFC3986_SUBDELIMS + "/~:@")
