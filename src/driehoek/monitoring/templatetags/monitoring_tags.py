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
