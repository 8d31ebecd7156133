"""What the yearly-programme pages show: the draft in its order, each proposal with its tracked
changes and the reactions of the parties, and what waits for the user's party."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from . import diff
from .models import Doelregel, Jaarprogramma, Onderdeel, Reactie, Voorstel


@dataclass
class VoorstelView:
    voorstel: Voorstel
    segments: list  # tracked changes against the current text (empty for a yearly target or removal)
    current: list  # reactions on the current revision
    older: list  # reactions on earlier revisions
    waiting: list  # parties that have not reacted to the current revision
    answered_by_me: bool = False


@dataclass
class Draft:
    onderdelen: list
    voorstellen: list[VoorstelView]
    open_count: int
    mine_to_answer: list[VoorstelView] = field(default_factory=list)


def voorstellen_qs(programma: Jaarprogramma):
    return programma.voorstellen.select_related(
        "partij", "door", "onderdeel", "doelregel__indicator", "thema"
    ).prefetch_related(Prefetch("reacties", Reactie.objects.select_related("partij", "door").order_by("op")))


def view_of(voorstel: Voorstel, parties: list, user=None) -> VoorstelView:
    if voorstel.soort == Voorstel.Soort.TEKST:
        segments = diff.word_diff(voorstel.basis, voorstel.tekst)
    elif voorstel.soort == Voorstel.Soort.NIEUW:
        segments = [diff.Segment("ins", voorstel.tekst)]
    else:
        segments = []
    reacties = list(voorstel.reacties.all())
    current = [r for r in reacties if r.revisie == voorstel.revisie]
    latest = {r.partij_id: r for r in current}
    waiting = [p for p in parties if p.pk != voorstel.partij_id and p.pk not in latest]
    mine = user is not None and user.partij_id in latest
    return VoorstelView(
        voorstel, segments, list(latest.values()), [r for r in reacties if r.revisie != voorstel.revisie], waiting, mine
    )


def parties_of(programma: Jaarprogramma) -> list:
    return [d.partij for d in programma.afsprakenset.deelnames.select_related("partij")]


def draft(programma: Jaarprogramma, user) -> Draft:
    onderdelen = list(
        programma.onderdelen.select_related("thema", "afspraak", "indiener").prefetch_related(
            Prefetch("doelregels", Doelregel.objects.select_related("indicator").order_by("indicator__volgorde"))
        )
    )
    parties = parties_of(programma)
    views = [view_of(v, parties, user) for v in voorstellen_qs(programma)]
    by_onderdeel: dict[int, list] = {}
    for v in views:
        if v.voorstel.onderdeel_id:
            by_onderdeel.setdefault(v.voorstel.onderdeel_id, []).append(v)
    for onderdeel in onderdelen:
        onderdeel.voorstel_views = by_onderdeel.get(onderdeel.pk, [])
        onderdeel.open_voorstellen = [v for v in onderdeel.voorstel_views if v.voorstel.status == "open"]
        onderdeel.changes = diff.word_diff(onderdeel.kadertekst, onderdeel.tekst) if onderdeel.afspraak else []
        onderdeel.changed = diff.changed(onderdeel.changes)
        onderdeel.doelen = [r for r in onderdeel.doelregels.all() if r.waarde is not None]
    open_views = [v for v in views if v.voorstel.status == Voorstel.Status.OPEN]
    to_answer = [
        v for v in open_views if user.partij_id and v.voorstel.partij_id != user.partij_id and not v.answered_by_me
    ]
    return Draft(onderdelen, views, len(open_views), to_answer)


def onderdeel_of(programma: Jaarprogramma, nummer: str) -> Onderdeel | None:
    return (
        programma.onderdelen.select_related("thema", "afspraak", "indiener")
        .prefetch_related(
            Prefetch("doelregels", Doelregel.objects.select_related("indicator").order_by("indicator__volgorde"))
        )
        .filter(nummer=nummer)
        .first()
    )
