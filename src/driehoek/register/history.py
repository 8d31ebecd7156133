"""The history of an agreement, and of everything in a set: every change, newest first."""

from driehoek.core.history import Entry, entries

from .models import Afspraak, Afsprakenset, Doelstelling, Indicator, Verantwoordelijke

SET_LIMIT = 300  # records per kind on the set's history page; older ones stay in the database


def afspraak_history(afspraak: Afspraak) -> list[Entry]:
    return entries(
        [
            (Afspraak, Afspraak.history.filter(id=afspraak.pk)),
            (Verantwoordelijke, Verantwoordelijke.history.filter(afspraak_id=afspraak.pk)),
            (Indicator, Indicator.history.filter(afspraak_id=afspraak.pk)),
            (Doelstelling, Doelstelling.history.filter(afspraak_id=afspraak.pk)),
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
        (Afsprakenset, Afsprakenset.history.filter(id=pk)),
        (Afspraak, Afspraak.history.filter(afsprakenset_id=pk)),
        (Indicator, Indicator.history.filter(afspraak__afsprakenset=pk)),
        (Doelstelling, Doelstelling.history.filter(afspraak__afsprakenset=pk)),
        (Indicatorwaarde, Indicatorwaarde.history.filter(indicator__afspraak__afsprakenset=pk)),
        (Beoordeling, Beoordeling.history.filter(afspraak__afsprakenset=pk)),
        (Reactie, Reactie.history.filter(beoordeling__afspraak__afsprakenset=pk)),
        (Overleg, Overleg.history.filter(afsprakenset_id=pk)),
        (Verslag, Verslag.history.filter(overleg__afsprakenset=pk)),
        (Correctie, Correctie.history.filter(verslag__overleg__afsprakenset=pk)),
        (Besluit, Besluit.history.filter(overleg__afsprakenset=pk)),
        (Geschil, Geschil.history.filter(afsprakenset_id=pk)),
        (Stem, Stem.history.filter(stemming__geschil__afsprakenset=pk)),
        (Aanlevering, Aanlevering.history.filter(gemeente_id=afsprakenset.gemeente_id)),
    ]
    return entries(sources, limit=SET_LIMIT)
