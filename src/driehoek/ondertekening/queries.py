"""What waits for whom in signing: the tasks of a user (for the start page, the inbox and the
reminders) and, per set, which party still has to approve or sign."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.register.models import Afsprakenset

from .models import Goedkeuring, Handtekening

Status = Afsprakenset.Status
OPEN_STATUSES = (Status.AKKOORD, Status.ONDERTEKEND)


@dataclass(frozen=True)
class Taak:
    key: str  # stable: a reminder about the same key goes out once a day at most
    title: str
    url: str
    deadline: date | None


@dataclass
class Stand:
    """One party's progress in a set: its approval and signature, if any."""

    partij: object
    goedkeuring: Goedkeuring | None
    handtekening: Handtekening | None


def voortgang(s: Afsprakenset) -> list[Stand]:
    approvals = {g.partij_id: g for g in s.goedkeuringen.filter(ingetrokken_op__isnull=True)}
    signatures = {h.partij_id: h for h in s.handtekeningen.filter(ingetrokken_op__isnull=True)}
    return [
        Stand(d.partij, approvals.get(d.partij_id), signatures.get(d.partij_id))
        for d in s.deelnames.select_related("partij")
    ]


def taken_voor_set(user, s: Afsprakenset) -> list[Taak]:
    if s.status not in OPEN_STATUSES or not user.is_authenticated:
        return []
    ronde = getattr(s, "ondertekenronde", None)
    deadline = ronde.uiterlijk if ronde else None
    url = reverse("ondertekening:set", args=[s.slug])
    tasks = []
    if s.status == Status.AKKOORD and user.partij_id:
        approved = s.goedkeuringen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).exists()
        signed = s.handtekeningen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).exists()
        if not approved and policy.can(user, policy.APPROVE_FOR_PARTY, s):
            title = _("Goedkeuring van %(partij)s vastleggen: %(set)s") % {"partij": user.partij.naam, "set": s.titel}
            tasks.append(Taak(f"goedkeuring:{s.pk}:{user.partij_id}", title, url, deadline))
        if approved and not signed and policy.can(user, policy.SIGN_FOR_PARTY, s):
            title = _("Ondertekenen namens %(partij)s: %(set)s") % {"partij": user.partij.naam, "set": s.titel}
            tasks.append(Taak(f"handtekening:{s.pk}:{user.partij_id}", title, url, deadline))
    # A set imported as signed on paper has no round in Driehoek: nothing to submit here.
    if s.status == Status.ONDERTEKEND and ronde is not None and policy.can(user, policy.MANAGE_SIGNING, s):
        title = _("Indienen bij de minister en de Autoriteit woningcorporaties: %(set)s") % {"set": s.titel}
        tasks.append(Taak(f"indiening:{s.pk}", title, url, deadline))
    return tasks


def _sets_in_signing(user):
    # Bounded: a municipality has a few sets being signed at a time, never the whole register.
    qs = Afsprakenset.objects.visible_to(user).filter(status__in=OPEN_STATUSES).select_related("ondertekenronde")
    return list(qs.order_by("pk")[:20])


def _sorted(tasks: list[Taak]) -> list[Taak]:
    return sorted(tasks, key=lambda t: (t.deadline is None, t.deadline or date.max, t.title))


def open_ondertekening_taken(user) -> list[Taak]:
    """Every signing task of this user, soonest deadline first (title, url, deadline)."""
    return _sorted([t for s in _sets_in_signing(user) for t in taken_voor_set(user, s)])


def start_block(user) -> tuple[list[Taak], list[tuple[Afsprakenset, list[Stand]]]]:
    """For the start page, in one query when nothing is being signed: the user's tasks and, per set
    being signed, the parties that have not signed yet."""
    sets = _sets_in_signing(user)
    tasks = _sorted([t for s in sets for t in taken_voor_set(user, s)])
    waiting = []
    for s in sets:
        if s.status == Status.AKKOORD:
            open_parties = [st for st in voortgang(s) if st.handtekening is None]
            if open_parties:
                waiting.append((s, open_parties))
    return tasks, waiting
