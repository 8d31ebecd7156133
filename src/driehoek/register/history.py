"""The history of an agreement: every change to it and to its parts, newest first."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Afspraak, Doelstelling, Indicator, Verantwoordelijke

KINDS = {"+": gettext_lazy("aangemaakt"), "~": gettext_lazy("gewijzigd"), "-": gettext_lazy("verwijderd")}
REASONS = {"import_register": gettext_lazy("ingelezen uit een registerbestand")}


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class Entry:
    when: datetime
    who: str
    kind: str
    reason: str
    what: list[str]
    changes: list[Change]


def afspraak_history(afspraak: Afspraak) -> list[Entry]:
    sources = [
        (Afspraak, Afspraak.history.filter(id=afspraak.pk)),
        (Verantwoordelijke, Verantwoordelijke.history.filter(afspraak_id=afspraak.pk)),
        (Indicator, Indicator.history.filter(afspraak_id=afspraak.pk)),
        (Doelstelling, Doelstelling.history.filter(afspraak_id=afspraak.pk)),
    ]
    entries = []
    for model, records in sources:
        label = model._meta.verbose_name
        records = list(records.select_related("history_user").order_by("id", "history_date", "history_id"))
        previous = {}
        for record in records:
            changes = []
            before = previous.get(record.id)
            if before is not None and record.history_type == "~":
                delta = record.diff_against(before)
                changes = [Change(model._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes]
            previous[record.id] = record
            reason = record.history_change_reason or ""
            entries.append(
                Entry(
                    when=record.history_date,
                    who=str(record.history_user) if record.history_user else _("systeem"),
                    kind=KINDS.get(record.history_type, record.history_type),
                    reason=REASONS.get(reason, reason),
                    what=[f"{label}: {record.instance}"],
                    changes=changes,
                )
            )
    return _merge(sorted(entries, key=lambda e: e.when, reverse=True))


def _merge(entries: list[Entry]) -> list[Entry]:
    """One entry for the rows one person created or deleted in one go (an import, say)."""
    merged: list[Entry] = []
    for entry in entries:
        last = merged[-1] if merged else None
        if (
            last
            and not entry.changes
            and not last.changes
            and (last.who, last.kind, last.reason) == (entry.who, entry.kind, entry.reason)
            and abs((last.when - entry.when).total_seconds()) < 60
        ):
            last.what.extend(entry.what)
        else:
            merged.append(entry)
    return merged
