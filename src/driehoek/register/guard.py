"""A signed set changes only by decision (issue 14 item 6, docs/adr/0087).

Once a set is signed ("ondertekend") or submitted ("ingediend"), nothing of it changes: its own
facts, parties, signatories, themes, agreements (text, references, responsible parties), ongoing
commitments, indicators, actiehouders and targets. The one way is a decision of a bestuurlijk
overleg that names the change (cycle.services.change_agreement_text): that service opens
`by_decision(besluit)`, which carries the decision to this guard for that one set.

`require_changeable(afsprakenset)` is the guard every service calls before it writes; the signal
handlers at the bottom are the last net under every other road (the admin, the open-data import,
a shell), so a write that forgot to ask is refused all the same. Bulk writes (`bulk_create`,
`update`) send no signals: only the national test data generator uses them, on sets it creates.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from . import rules
from .models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Indicator,
    LopendeAfspraak,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)

# Decisions that change agreements (cycle.Besluit.Soort), taken in a bestuurlijk overleg (cycle.Overlegsoort).
CHANGE_DECISIONS = {"wijziging", "jaarprogramma"}
BESTUURLIJK = {"bo", "tripartiet"}

# The decision under which the current code changes a signed set: (set id, decision id), or None.
_decision: ContextVar[tuple[int, int] | None] = ContextVar("register_decision", default=None)


class GetekendeSetFout(ValidationError):
    """A change to a signed set without a decision that names it."""


@contextmanager
def by_decision(besluit) -> Iterator[None]:
    """Changes made inside this block are made by this decision of a bestuurlijk overleg, to its own
    set only. The decision must exist and change agreements (a "wijziging", or a "jaarprogramma" that
    adds one); it is not a switch:
    every other set stays closed, and the change is still checked by the service that makes it."""
    if besluit.pk is None or besluit.soort not in CHANGE_DECISIONS or besluit.overleg.soort not in BESTUURLIJK:
        raise GetekendeSetFout(_("Alleen een wijzigingsbesluit van een bestuurlijk overleg wijzigt een getekende set."))
    token = _decision.set((besluit.overleg.afsprakenset_id, besluit.pk))
    try:
        yield
    finally:
        _decision.reset(token)


def _refuse(afsprakenset_id: int) -> None:
    decision = _decision.get()
    if decision is not None and decision[0] == afsprakenset_id:
        return
    raise GetekendeSetFout(
        _(
            "Deze set is ondertekend: niets ervan verandert, behalve door een wijzigingsbesluit van een "
            "bestuurlijk overleg dat de wijziging noemt."
        )
    )


def require_changeable(afsprakenset) -> None:
    """Refuse, with a clear message, a change to a set that is signed (as stored in the database),
    unless it is made under a decision of that set."""
    status = Afsprakenset.objects.filter(pk=afsprakenset.pk).values_list("status", flat=True).first()
    if status is not None and rules.is_signed(status):
        _refuse(afsprakenset.pk)


# --- the last net: every save, delete and many-to-many change of the register models -------------

SET_OF = {
    Deelname: "afsprakenset_id",
    Ondertekenaar: "afsprakenset_id",
    Thema: "afsprakenset_id",
    Afspraak: "afsprakenset_id",
    Verantwoordelijke: "afspraak__afsprakenset_id",
    LopendeAfspraak: "thema__afsprakenset_id",
    Indicator: "afspraak__afsprakenset_id",
    Actiehouder: "indicator__afspraak__afsprakenset_id",
}


def _set_ids(instance) -> set[int]:
    """The set(s) a stored or unsaved row belongs to: the new parent and, for a stored row, the old."""
    ids = set()
    model = type(instance)
    if model is Doelstelling:
        if instance.afspraak_id:
            ids.add(Afspraak.objects.filter(pk=instance.afspraak_id).values_list("afsprakenset_id", flat=True).first())
        if instance.thema_id:
            ids.add(Thema.objects.filter(pk=instance.thema_id).values_list("afsprakenset_id", flat=True).first())
        path = None
    else:
        path = SET_OF[model]
        first, _sep, rest = path.partition("__")
        if not rest:
            ids.add(getattr(instance, first))
        else:
            parent_field = model._meta.get_field(first)
            parent_id = getattr(instance, parent_field.attname)
            ids.add(parent_field.related_model.objects.filter(pk=parent_id).values_list(rest, flat=True).first())
    if instance.pk is not None:
        if path is None:
            old = Doelstelling.objects.filter(pk=instance.pk)
            ids |= set(old.values_list("afspraak__afsprakenset_id", flat=True))
            ids |= set(old.values_list("thema__afsprakenset_id", flat=True))
        else:
            ids |= set(model.objects.filter(pk=instance.pk).values_list(path, flat=True))
    return {i for i in ids if i is not None}


def _signed(ids: set[int]) -> list[int]:
    statuses = Afsprakenset.objects.filter(pk__in=ids).values_list("pk", "status")
    return [pk for pk, status in statuses if rules.is_signed(status)]


def _differs(instance) -> bool:
    """Whether saving this row writes anything new: an unchanged save of a signed set is no change."""
    if instance.pk is None:
        return True
    stored = type(instance).objects.filter(pk=instance.pk).first()
    if stored is None:
        return True
    return any(getattr(stored, f.attname) != getattr(instance, f.attname) for f in instance._meta.concrete_fields)


def check(instance) -> None:
    """Refuse saving this register row if that changes a signed set (outside its decision)."""
    if type(instance) is Afsprakenset:
        _guard_set_save(instance)
    elif _differs(instance):
        for pk in _signed(_set_ids(instance)):
            _refuse(pk)


@receiver(pre_save)
def _guard_save(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loaddata of a fixture: not a road a user takes
    if sender is Afsprakenset or sender in SET_OF or sender is Doelstelling:
        check(instance)


def _guard_set_save(instance: Afsprakenset) -> None:
    if instance.pk is None:
        return
    stored = Afsprakenset.objects.filter(pk=instance.pk).first()
    if stored is None or not rules.is_signed(stored.status):
        return
    changed = {
        f.attname
        for f in Afsprakenset._meta.concrete_fields
        if getattr(stored, f.attname) != getattr(instance, f.attname)
    }
    # A signed set may move on (signed, submitted, lapsed), never back to a draft; nothing else moves.
    if changed - {"status"} or not rules.may_follow_signing(instance.status, before=stored.status):
        _refuse(instance.pk)


@receiver(pre_delete)
def _guard_delete(sender, instance, **kwargs):
    if sender is Afsprakenset:
        ids = {instance.pk}
    elif sender in SET_OF or sender is Doelstelling:
        ids = _set_ids(instance)
    else:
        return
    for pk in _signed(ids):
        _refuse(pk)


@receiver(m2m_changed, sender=Afspraak.verwijzingen.through)
def _guard_references(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    if action == "pre_clear":
        # The other ends of the references that would go.
        related = instance.verwezen_door.all() if reverse else instance.verwijzingen.all()
        ids = set(related.values_list("afsprakenset_id", flat=True))
        if not ids:
            return
    elif not pk_set:
        return
    else:
        ids = set(Afspraak.objects.filter(pk__in=pk_set).values_list("afsprakenset_id", flat=True))
    for pk in _signed(ids | {instance.afsprakenset_id}):
        _refuse(pk)


# The many-to-many managers with a through model (indicator.actiehouders.add(...), afspraak.
# verantwoordelijken.set(...), afsprakenset.partijen.remove(...)) write their rows in bulk, without
# a save: they are guarded here, on their owner's set. Through model: (owner model, owner's path to
# its set, the through row's path to the set).
THROUGH = {
    Actiehouder: (Indicator, "afspraak__afsprakenset_id", "indicator__afspraak__afsprakenset_id"),
    Verantwoordelijke: (Afspraak, "afsprakenset_id", "afspraak__afsprakenset_id"),
    Deelname: (Afsprakenset, "pk", "afsprakenset_id"),
}


@receiver(m2m_changed)
def _guard_through(sender, instance, action, reverse, pk_set, **kwargs):
    if sender not in THROUGH or action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    owner, owner_path, row_path = THROUGH[sender]
    if not reverse:  # instance is the indicator, agreement or set
        ids = set(owner.objects.filter(pk=instance.pk).values_list(owner_path, flat=True))
    elif pk_set:  # instance is a party; pk_set the owners
        ids = set(owner.objects.filter(pk__in=pk_set).values_list(owner_path, flat=True))
    elif action == "pre_clear":
        ids = set(sender.objects.filter(partij=instance).values_list(row_path, flat=True))
    else:
        return
    if action != "pre_clear" and not pk_set:
        return
    for pk in _signed(ids):
        _refuse(pk)
