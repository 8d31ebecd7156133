from django import template

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
