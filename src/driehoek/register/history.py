"""The history of an agreement: every change to it and to its parts, newest first."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from .models import Afspraak, Doelstelling, Indicator, Verantwoordelijke

KINDS = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    kind: str
    reason: str
    changes: list[Change]


def afspraak_history(afspraak: Afspraak) -> list[Entry]:
    sources = [
        (_("afspraak"), Afspraak.history.filter(id=afspraak.pk)),
        (_("verantwoordelijke partij"), Verantwoordelijke.history.filter(afspraak_id=afspraak.pk)),
        (_("indicator"), Indicator.history.filter(afspraak_id=afspraak.pk)),
        (_("doelstelling"), Doelstelling.history.filter(afspraak_id=afspraak.pk)),
    ]
    entries = []
    for label, records in sources:
        records = list(records.select_related("history_user").order_by("id", "history_date", "history_id"))
        previous = {}
        for record in records:
            changes = []
            before = previous.get(record.id)
            if before is not None and record.history_type == "~":
                delta = record.diff_against(before)
                changes = [Change(record._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes]
            previous[record.id] = record
            entries.append(
                Entry(
                    when=record.history_date,
                    who=str(record.history_user) if record.history_user else _("systeem"),
                    what=f"{label}: {record}",
                    kind=KINDS.get(record.history_type, record.history_type),
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
    return sorted(entries, key=lambda e: e.when, reverse=True)
