"""Which parties play which part in the assessment of an agreement."""

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak

from .models import Beoordeling


def voorzet_holders(afspraak: Afspraak) -> list[Partij]:
    """The parties that make the voorzet: the actiehouders of the agreement's first indicator (the
    first-named leads, the others may edit), or its responsible parties where it has no indicators."""
    # .all() so that prefetched indicators and parties are used where a page prefetched them.
    indicators = sorted(afspraak.indicatoren.all(), key=lambda i: i.volgorde)
    if indicators and indicators[0].actiehouders_lijst:
        return indicators[0].actiehouders_lijst
    return afspraak.verantwoordelijken_lijst


def responders(beoordeling: Beoordeling) -> list[Partij]:
    """Every party of the set except the one whose voorzet it is responds for itself."""
    lead_id = beoordeling.voorzet_partij_id
    if lead_id is None:
        holders = voorzet_holders(beoordeling.afspraak)
        lead_id = holders[0].pk if holders else None
    deelnames = beoordeling.afspraak.afsprakenset.deelnames.select_related("partij")
    return [d.partij for d in deelnames if d.partij_id != lead_id]
