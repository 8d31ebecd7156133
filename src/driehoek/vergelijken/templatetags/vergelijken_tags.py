from django import template

from driehoek.vergelijken import smart

register = template.Library()


@register.filter
def concreetheid(afspraak) -> smart.Smartscore:
    return smart.score_afspraak(afspraak)


@register.filter
def concreetheid_concept(agreement: dict) -> smart.Smartscore:
    """An agreement of an importer draft (open-data shape): its text and what the draft gives beside it."""
    return smart.score_text(
        agreement.get("text", ""),
        partijen=len(agreement.get("responsible") or []),
        indicatoren=len(agreement.get("indicators") or []),
        doelstellingen=len(agreement.get("targets") or []),
    )


@register.filter
def concreetheid_tekst(text: str) -> smart.Smartscore:
    """For a text still being written: only what the words say."""
    return smart.score_text(text)
