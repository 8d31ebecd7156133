from django import template

from driehoek.vergelijken import smart

register = template.Library()


@register.filter
def concreetheid(afspraak) -> smart.Smartscore:
    return smart.score_afspraak(afspraak)


@register.filter
def concreetheid_tekst(text: str) -> smart.Smartscore:
    """For a text still being written: only what the words say."""
    return smart.score_text(text)
