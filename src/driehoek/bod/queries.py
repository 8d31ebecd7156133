"""Reading bods: who takes part, who is expected to react, what waits for a user, and the planned
numbers the figures page shows as coming from the bod."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.accounts.models import Partij
from driehoek.register.models import Gemeente

from . import rules
from .models import Bod


def parties_of(gemeente):
    """The parties that take part in at least one set of the municipality."""
    return Partij.objects.filter(deelnames__afsprakenset__gemeente=gemeente).distinct()


def corporations_of(gemeente):
    return parties_of(gemeente).filter(soort=Partij.Soort.CORPORATIE)


def expected_reactors(bod: Bod) -> list[Partij]:
    """Who reacts to this bod: the corporation's tenant associations and the municipality, as far
    as they take part in the municipality's sets."""
    return list(
        parties_of(bod.gemeente)
        .filter(Q(soort=Partij.Soort.GEMEENTE) | Q(soort=Partij.Soort.HUURDERSORGANISATIE, corporaties=bod.corporatie))
        .distinct()
        .order_by("soort", "naam")
    )


def gemeenten_for(user):
    """The municipalities whose bods the user may read."""
    if policy.is_beheerder(user):
        return Gemeente.objects.all()
    if not user.is_authenticated or user.partij_id is None:
        return Gemeente.objects.none()
    return user.partij.gemeenten.all()  # the municipalities the party works in (docs/adr/0086)


def table(bod: Bod) -> list[tuple[rules.Onderwerp, list]]:
    """The five-year overview as rows: each subject with its value per year (None: not given)."""
    values = {(c.onderwerp, c.jaar): c.waarde for c in bod.cijfers.all()}
    return [(o, [values.get((o.key, y)) for y in bod.jaren]) for o in rules.ONDERWERPEN]


@dataclass(frozen=True)
class Taak:
    """Bod work waiting for a user, for the start page, the inbox and the reminders."""

    key: str  # stable: a reminder about the same key goes out once a day at most
    titel: str
    url: str
    deadline: date | None


def open_bod_taken(user) -> list[Taak]:
    """What bod work waits for the user's party: a concept to submit, a reaction to give, an answer
    to record. Only what the policy lets the user do."""
    if not user.is_authenticated or not user.is_active or user.partij_id is None:
        return []
    taken: list[Taak] = []
    bods = Bod.objects.filter(gemeente__in=gemeenten_for(user)).select_related("gemeente", "corporatie")
    for bod in bods.exclude(status=Bod.Status.BEANTWOORD).prefetch_related("reacties"):
        url = reverse("bod:detail", args=[bod.pk])
        names = {"c": bod.corporatie, "g": bod.gemeente, "j": bod.jaar}
        if bod.status == Bod.Status.CONCEPT:
            if policy.can(user, policy.WRITE_BOD, bod):
                taken.append(Taak(f"bod:{bod.pk}", _("Bod %(j)s voor %(g)s indienen") % names, url, bod.uiterlijk))
            continue
        reacties = list(bod.reacties.all())
        if not any(r.partij_id == user.partij_id for r in reacties) and policy.can(user, policy.REACT_BOD, bod):
            text = _("Reageren op het bod %(j)s van %(c)s (%(g)s)") % names
            taken.append(Taak(f"bodreactie:{bod.pk}", text, url, bod.reacties_uiterlijk))
        open_answers = [r for r in reacties if not r.antwoord]
        if open_answers and policy.can(user, policy.WRITE_BOD, bod):
            text = _("Reacties op het bod %(j)s voor %(g)s beantwoorden") % names
            taken.append(Taak(f"bodantwoord:{bod.pk}:{len(open_answers)}", text, url, None))
    return sorted(taken, key=lambda t: (t.deadline is None, t.deadline or date.max, t.titel))


def inbox_taken(user) -> list:
    """The same tasks for the start page's inbox (core/inbox.py)."""
    from driehoek.core.inbox import Taak as InboxTaak

    return [InboxTaak(t.titel, t.url, t.deadline, "bod", key=t.key) for t in open_bod_taken(user)]


@dataclass(frozen=True)
class Gepland:
    """Planned numbers of one corporation's submitted bod, per year, for the figures page."""

    bod: Bod
    jaren: list[int]
    rijen: list[tuple[rules.Onderwerp, list]]


def planned_from_bods(gemeente) -> list[Gepland]:
    """The latest submitted bod of each corporation in the municipality, with its numbers. A concept
    is the corporation's own draft and does not show."""
    bods = (
        Bod.objects.filter(gemeente=gemeente)
        .exclude(status=Bod.Status.CONCEPT)
        .select_related("corporatie")
        .prefetch_related("cijfers")
        .order_by("corporatie__naam", "-jaar")
    )
    latest: dict[int, Bod] = {}
    for bod in bods:
        latest.setdefault(bod.corporatie_id, bod)
    return [Gepland(bod, bod.jaren, table(bod)) for bod in latest.values()]


def bod_numbers(gemeente, onderwerpen: set[str]) -> dict[int, int]:
    """Per year the sum over the latest submitted bods of the given subjects (e.g. new construction)."""
    totals: dict[int, int] = {}
    for gepland in planned_from_bods(gemeente):
        for c in gepland.bod.cijfers.all():
            if c.onderwerp in onderwerpen:
                totals[c.jaar] = totals.get(c.jaar, 0) + int(c.waarde)
    return totals
