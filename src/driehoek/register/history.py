"""The history of an agreement, and of everything in a set: every change, newest first."""

from driehoek.core.history import Entry, entries, records_of

from .models import Afspraak, Afsprakenset, Doelstelling, Indicator, Verantwoordelijke

SET_LIMIT = 300  # records per kind on the set's history page; older ones stay in the database


def afspraak_history(afspraak: Afspraak) -> list[Entry]:
    return entries(
        [
            (Afspraak, records_of(Afspraak).filter(id=afspraak.pk)),
            (Verantwoordelijke, records_of(Verantwoordelijke).filter(afspraak_id=afspraak.pk)),
            (Indicator, records_of(Indicator).filter(afspraak_id=afspraak.pk)),
            (Doelstelling, records_of(Doelstelling).filter(afspraak_id=afspraak.pk)),
        ]
    )


def set_history(afsprakenset: Afsprakenset) -> list[Entry]:
    """Agreements, indicators, values, assessments, minutes, decisions, disputes, votes and figure
    deliveries of a set, as one list."""
    # Imported here: register is the base the other apps build on.
    from driehoek.cycle.models import Besluit, Correctie, Geschil, Overleg, Stem, Verslag
    from driehoek.figures.models import Aanlevering
    from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Reactie

    pk = afsprakenset.pk
    sources = [
        (Afsprakenset, records_of(Afsprakenset).filter(id=pk)),
        (Afspraak, records_of(Afspraak).filter(afsprakenset_id=pk)),
        (Indicator, records_of(Indicator).filter(afspraak__afsprakenset=pk)),
        (Doelstelling, records_of(Doelstelling).filter(afspraak__afsprakenset=pk)),
        (Indicatorwaarde, records_of(Indicatorwaarde).filter(indicator__afspraak__afsprakenset=pk)),
        (Beoordeling, records_of(Beoordeling).filter(afspraak__afsprakenset=pk)),
        (Reactie, records_of(Reactie).filter(beoordeling__afspraak__afsprakenset=pk)),
        (Overleg, records_of(Overleg).filter(afsprakenset_id=pk)),
        (Verslag, records_of(Verslag).filter(overleg__afsprakenset=pk)),
        (Correctie, records_of(Correctie).filter(verslag__overleg__afsprakenset=pk)),
        (Besluit, records_of(Besluit).filter(overleg__afsprakenset=pk)),
        (Geschil, records_of(Geschil).filter(afsprakenset_id=pk)),
        (Stem, records_of(Stem).filter(stemming__geschil__afsprakenset=pk)),
        (Aanlevering, records_of(Aanlevering).filter(gemeente_id=afsprakenset.gemeente_id)),
    ]
    return entries(sources, limit=SET_LIMIT)
