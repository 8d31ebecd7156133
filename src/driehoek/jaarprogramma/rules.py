"""The rules of drafting a yearly programme, as plain functions: the order of the draft, when a
proposal is agreed, and what a deadline may be. No database access here."""

from datetime import date

from django.utils.translation import gettext as _

# Chapter 8: the orange and red agreements are the focus points; red first, then orange.
FOCUS_ORDER = {"rood": 0, "oranje": 1}
MAX_TEXT = 20_000  # characters of an agreement's text (the longest Aa en Hunze text is about 2,600)
MAX_NOTE = 4_000  # characters of a reason, explanation or comment


def draft_order(kleur: str, volgorde: int) -> tuple[int, int]:
    """Red and orange agreements of the evaluation first, then the others, each in document order."""
    return (FOCUS_ORDER.get(kleur, 2), volgorde)


def agreed(responders: set[int], reactions: list[tuple[int, str]]) -> bool:
    """True when every responding party's latest verdict on the current revision is akkoord."""
    verdict = dict(reactions)
    return all(verdict.get(party) == "akkoord" for party in responders)


def deadline_errors(deadline: date | None, today: date) -> dict[str, str]:
    if deadline is None:
        return {"reacties_uiterlijk": _("Kies een datum waarop de reacties binnen moeten zijn.")}
    if deadline < today:
        return {
            "reacties_uiterlijk": _("Deze datum (%(datum)s) ligt in het verleden. Kies vandaag of een latere datum.")
            % {"datum": deadline.strftime("%d-%m-%Y")}
        }
    return {}


def next_number(numbers: list[str]) -> str:
    """The number a new agreement gets: one past the highest whole number in use."""
    whole = [int(n) for n in numbers if n.isdigit()]
    return str(max(whole, default=0) + 1)
