"""What the dashboard and the inboxes read of one set's year: the lights per theme, the progress of
the assessment, the indicators without a value, and what waits for a user's party (values to fill,
voorzetten to make, to answer, assessments to adopt). Each is a fixed number of queries, whatever
the size of the set; `Jaarstand` reads each part once for both."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset, Indicator, Thema

from .models import Beoordeling, Indicatorwaarde, Kleur, Reactie, Status
from .queries import beoordelingen
from .roles import holder_rows, leads_from, voorzet_leads

LIGHT_ORDER = [Kleur.GROEN, Kleur.ORANJE, Kleur.ROOD, Kleur.AFGEROND, ""]


@dataclass
class ThemeLights:
    thema: Thema
    cells: list[tuple[str, int]]  # (light, count) in LIGHT_ORDER; "" is not yet assessed
    total: int

    def segments(self, width: int = 100) -> list[tuple[str, float, float, int]]:
        """(light, x, width, count) of a horizontal bar `width` wide, for the chart."""
        result, x = [], 0.0
        for kleur, n in self.cells:
            if n:
                w = width * n / self.total
                result.append((kleur, round(x, 2), round(w, 2), n))
                x += w
        return result


@dataclass
class Inbox:
    to_fill: list[Indicator] = field(default_factory=list)
    to_propose: list[Beoordeling] = field(default_factory=list)
    to_respond: list[Beoordeling] = field(default_factory=list)
    to_adopt: list[Beoordeling] = field(default_factory=list)  # the secretary's: at consensus


class Jaarstand:
    """What the dashboard and the inbox both read of a set's year, each part read once and only when
    asked for: the dashboard shows both, and each used to read it for itself (issue 18)."""

    def __init__(self, afsprakenset: Afsprakenset, jaar: int):
        self.afsprakenset, self.jaar = afsprakenset, jaar

    @cached_property
    def beoordelingen(self) -> dict[int, Beoordeling]:
        return beoordelingen(self.afsprakenset, self.jaar)

    @cached_property
    def afspraken(self) -> list[Afspraak]:
        # By volgorde: the default order (the set's) joins the set and its municipality for nothing.
        fields = ("pk", "afsprakenset_id", "thema_id", "nummer", "titel", "volgorde")
        return list(self.afsprakenset.afspraken.only(*fields).order_by("volgorde"))

    @cached_property
    def filled(self) -> set[int]:
        """The indicators with a value this year."""
        return set(
            Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=self.afsprakenset, jaar=self.jaar)
            .order_by()
            .values_list("indicator_id", flat=True)
        )

    @cached_property
    def running(self) -> list[Indicator]:
        """The indicators whose years include this one, with their agreement, in the document's order."""
        return list(
            Indicator.objects.filter(
                afspraak__afsprakenset=self.afsprakenset, jaar_van__lte=self.jaar, jaar_tot__gte=self.jaar
            )
            .select_related("afspraak")
            .order_by("afspraak__volgorde", "volgorde")
        )

    @cached_property
    def holders(self) -> list[tuple[int, int, int | None]]:
        return holder_rows(self.afsprakenset)

    @cached_property
    def asked(self) -> dict[int, int]:
        """Per indicator the party asked for its value (roles.asked_for_values)."""
        return leads_from(self.holders, asked=True)

    def unfilled(self) -> list[Indicator]:
        return [i for i in self.running if i.pk not in self.filled]


def dashboard(afsprakenset: Afsprakenset, jaar: int, stand: Jaarstand | None = None) -> dict:
    stand = stand or Jaarstand(afsprakenset, jaar)
    by_afspraak = stand.beoordelingen
    themes = list(afsprakenset.themas.order_by("volgorde"))  # the default order joins the set
    per_theme: dict[int, Counter] = defaultdict(Counter)
    for afspraak in stand.afspraken:
        b = by_afspraak.get(afspraak.pk)
        per_theme[afspraak.thema_id][b.kleur if b else ""] += 1
    lights = [
        ThemeLights(t, [(k, per_theme[t.pk][k]) for k in LIGHT_ORDER], sum(per_theme[t.pk].values())) for t in themes
    ]
    states = Counter(b.status for b in by_afspraak.values())
    stale = stand.unfilled()
    leads = stand.asked if stale else {}
    parties = {p.pk: p for p in Partij.objects.filter(pk__in={leads.get(i.pk) for i in stale} - {None})}
    for indicator in stale:
        indicator.lead = parties.get(leads.get(indicator.pk))  # who is asked for it
    return {
        "lights": lights,
        "kleuren": LIGHT_ORDER,
        "chart_em": 2 * len(lights),
        "states": {s: states.get(s, 0) for s in Status.values},
        "total": len(stand.afspraken),
        "stale": stale,
        "running": len(stand.running),
    }


def inbox_viewer(user, may_adopt: bool) -> tuple:
    """All that `inbox` reads of the user: their party, their role and whether they may adopt. Two
    users alike in these see the same inbox, so the shared cache keys an inbox by this."""
    return (user.partij_id, user.rol, may_adopt)


def inbox(
    user, afsprakenset: Afsprakenset, jaar: int, stand: Jaarstand | None = None, may_adopt: bool | None = None
) -> Inbox:
    """What waits for the user's party in this set and year. The dashboard passes what it read of the
    year already (`stand`) and whether the user may adopt (`policy.can(user, ADOPT, afsprakenset)`)."""
    from driehoek.accounts import policy

    result = Inbox()
    if user.partij_id is None:
        return result
    stand = stand or Jaarstand(afsprakenset, jaar)
    if user.rol in policy.WORKING_ROLES:
        # Only the lead (first-named) actiehouder is asked, or the co-holder it delegated the indicator
        # to; the others see the indicator and may still enter or correct it, unasked, so that nobody
        # does the same work twice. The party asked is always one of the indicator's actiehouders.
        leads = stand.asked
        result.to_fill = [i for i in stand.unfilled() if leads.get(i.pk) == user.partij_id]
    by_afspraak = stand.beoordelingen
    if may_adopt is None:
        may_adopt = policy.can(user, policy.ADOPT, afsprakenset)
    answered = set(
        Reactie.objects.filter(beoordeling__in=by_afspraak.values(), partij_id=user.partij_id)
        .exclude(soort=Reactie.Soort.OPMERKING)
        .values_list("beoordeling_id", "revisie")
    )
    leads = voorzet_leads(afsprakenset, stand.holders, [a.pk for a in stand.afspraken])
    for afspraak in stand.afspraken:
        b = by_afspraak.get(afspraak.pk)
        if b is None:
            continue
        b.afspraak = afspraak  # the page and the reminders show its number and title: no query per item
        if may_adopt and b.status == Status.CONSENSUS:
            result.to_adopt.append(b)
        lead = b.voorzet_partij_id or leads[afspraak.pk]
        # The first-named actiehouder is asked for the voorzet; co-holders may edit it, unasked.
        if b.status == Status.OPEN and user.rol in policy.WORKING_ROLES and user.partij_id == lead:
            result.to_propose.append(b)
        elif (
            b.status in (Status.VOORZET, Status.IN_BESPREKING)
            and user.rol in policy.RESPONDING_ROLES
            and user.partij_id != lead
            and (b.pk, b.revisie) not in answered
        ):
            result.to_respond.append(b)
    return result
