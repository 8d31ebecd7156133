"""Which parties play which part in the assessment of an agreement."""

from driehoek.accounts.models import Partij
from driehoek.register.models import Actiehouder, Afspraak, Indicator, Verantwoordelijke

from .models import Beoordeling, Delegatie


def voorzet_holders(afspraak: Afspraak) -> list[Partij]:
    """The parties that make the voorzet: the actiehouders of the agreement's first indicator (the
    first-named leads, the others may edit), or its responsible parties where it has no indicators."""
    # .all() so that prefetched indicators and parties are used where a page prefetched them.
    indicators = sorted(afspraak.indicatoren.all(), key=lambda i: i.volgorde)
    if indicators and indicators[0].actiehouders_lijst:
        return indicators[0].actiehouders_lijst
    return afspraak.verantwoordelijken_lijst


def voorzet_leads(afsprakenset, holders: list | None = None, afspraak_ids=None) -> dict[int, int | None]:
    """Per agreement of a set the party `voorzet_holders` names first, for all agreements at once in
    three small queries: the first actiehouder of the first indicator, else the first responsible.
    A page that read the set's `holder_rows` or its agreements already passes them (one query less each)."""
    first_indicator: dict[int, int] = {}
    indicators = Indicator.objects.filter(afspraak__afsprakenset=afsprakenset).order_by("afspraak_id", "volgorde", "pk")
    for afspraak_id, indicator_id in indicators.values_list("afspraak_id", "pk"):
        first_indicator.setdefault(afspraak_id, indicator_id)
    holder = leads_from(holder_rows(afsprakenset) if holders is None else holders, asked=False)
    responsible: dict[int, int] = {}
    for afspraak_id, partij_id in (
        Verantwoordelijke.objects.filter(afspraak__afsprakenset=afsprakenset)
        .order_by("afspraak_id", "volgorde", "pk")
        .values_list("afspraak_id", "partij_id")
    ):
        responsible.setdefault(afspraak_id, partij_id)
    if afspraak_ids is None:
        afspraak_ids = afsprakenset.afspraken.order_by().values_list("pk", flat=True)
    return {
        afspraak_id: holder.get(first_indicator.get(afspraak_id)) or responsible.get(afspraak_id)
        for afspraak_id in afspraak_ids
    }


def indicator_leads(afsprakenset) -> dict[int, int]:
    """Per indicator of a set its lead party: the first-named actiehouder. The voorzet follows it."""
    return leads_from(holder_rows(afsprakenset), asked=False)


def asked_for_values(afsprakenset) -> dict[int, int]:
    """Per indicator of a set the party asked for its value: the lead, or the co-holder the lead
    delegated it to (Delegatie) while that party still holds the indicator."""
    return leads_from(holder_rows(afsprakenset), asked=True)


def holder_rows(afsprakenset) -> list[tuple[int, int, int | None]]:
    """(indicator, actiehouder party, the party it is delegated to) for every actiehouder of a set, in
    order: one query, the delegation by a left join on each row."""
    return list(
        Actiehouder.objects.filter(indicator__afspraak__afsprakenset=afsprakenset)
        .order_by("indicator_id", "volgorde", "pk")
        .values_list("indicator_id", "partij_id", "indicator__delegatie__partij_id")
    )


def leads_from(rows, *, asked: bool) -> dict[int, int]:
    """Per indicator its lead (the first actiehouder of `holder_rows`) or, `asked`, the party asked."""
    lead: dict[int, int] = {}
    for indicator_id, partij_id, delegate in rows:
        lead.setdefault(indicator_id, partij_id)
        if asked and delegate == partij_id:
            lead[indicator_id] = partij_id
    return lead


def asked_party(indicator: Indicator) -> Partij | None:
    """The party asked for one indicator's value, from its prefetched actiehouders and delegation."""
    holders = indicator.actiehouders_lijst
    delegatie = delegation_of(indicator)
    if delegatie and delegatie.partij_id in {p.pk for p in holders[1:]}:
        return delegatie.partij
    return holders[0] if holders else None


def delegation_of(indicator: Indicator):
    """The indicator's Delegatie row, or None (selected along with the indicator where a page can)."""
    try:
        return indicator.delegatie
    except Delegatie.DoesNotExist:
        return None


def responders(beoordeling: Beoordeling) -> list[Partij]:
    """Every party of the set except the one whose voorzet it is responds for itself."""
    lead_id = beoordeling.voorzet_partij_id
    if lead_id is None:
        holders = voorzet_holders(beoordeling.afspraak)
        lead_id = holders[0].pk if holders else None
    deelnames = beoordeling.afspraak.afsprakenset.deelnames.select_related("partij")
    return [d.partij for d in deelnames if d.partij_id != lead_id]
