"""Finding agreements in a set: full-text search and the filters of the set page."""

from django.db.models import Q, QuerySet

from .models import Afspraak, Afsprakenset, LopendeAfspraak


def search_afspraken(
    afsprakenset: Afsprakenset, *, q: str = "", thema=None, partij=None, sectie: str = ""
) -> QuerySet[Afspraak]:
    afspraken = afsprakenset.afspraken.all()
    if thema:
        afspraken = afspraken.filter(thema=thema)
    if partij:
        afspraken = afspraken.filter(Q(verantwoordelijken=partij) | Q(indicatoren__actiehouders=partij))
    if sectie:
        afspraken = afspraken.filter(sectie=sectie)
    for word in q.split():
        afspraken = afspraken.filter(
            Q(nummer=word)
            | Q(titel__icontains=word)
            | Q(tekst__icontains=word)
            | Q(indicatoren__omschrijving__icontains=word)
            | Q(doelstellingen__onderwerp__icontains=word)
        )
    return (
        Afspraak.objects.filter(pk__in=afspraken.values("pk"))
        .select_related("thema", "afsprakenset")
        .prefetch_related("verantwoordelijkheden__partij")
        .order_by("volgorde")
    )


def search_lopende_afspraken(afsprakenset: Afsprakenset, *, q: str = "", thema=None) -> QuerySet[LopendeAfspraak]:
    lopend = LopendeAfspraak.objects.filter(thema__afsprakenset=afsprakenset).select_related("thema")
    if thema:
        lopend = lopend.filter(thema=thema)
    for word in q.split():
        lopend = lopend.filter(tekst__icontains=word)
    return lopend.order_by("thema__volgorde", "volgorde")


def group_by_theme(themas, afspraken, lopende_afspraken, *, keep_empty: bool) -> list[dict]:
    """[{thema, secties: [(sectie, [afspraak])], lopend: [...]}] in the document's order."""
    groups = {thema.pk: {"thema": thema, "secties": [], "lopend": []} for thema in themas}
    for afspraak in afspraken:
        secties = groups[afspraak.thema_id]["secties"]
        if not secties or secties[-1][0] != afspraak.sectie:
            secties.append((afspraak.sectie, []))
        secties[-1][1].append(afspraak)
    for lopend in lopende_afspraken:
        groups[lopend.thema_id]["lopend"].append(lopend)
    return [g for g in groups.values() if keep_empty or g["secties"] or g["lopend"]]
