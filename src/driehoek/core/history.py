"""History as people read it: who changed what and when, with before → after, newest first.

Built on django-simple-history's historical records; every app lists its own sources (a model and
the records to show) and gets back a list of entries for the shared template
components/history.html. Nothing here changes a record: history is read-only (docs/adr/0041).
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {"+": gettext_lazy("aangemaakt"), "~": gettext_lazy("gewijzigd"), "-": gettext_lazy("verwijderd")}
REASONS = {
    "import_register": gettext_lazy("ingelezen uit een registerbestand"),
    "create_demo_users": gettext_lazy("demo-gebruikers aangemaakt"),
}


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


@cache
def records_of(model: type[Model]):
    """`model.history`, made once per process: django-simple-history builds a new manager class on
    every access to `Model.history` (`from_queryset`, which inspects the queryset class: a third of a
    millisecond each). The manager holds no state of its own; each use makes a fresh queryset."""
    return model.history


def _field(model: type[Model], name: str):
    try:
        return model._meta.get_field(name)
    except Exception:  # an m2m history field has no field on the model under that name
        return None


def _shown(model: type[Model], name: str, value) -> object:
    """A value as a person reads it: the related object's name for a key, ja/nee for a boolean."""
    field = _field(model, name)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if field is not None and field.is_relation and field.many_to_one and value not in (None, ""):
        return field.related_model._default_manager.filter(pk=value).first() or value
    return _value(value)


def _value(value) -> object:
    # Many-to-many changes come as lists of {source: id, target: id}; show the targets.
    if isinstance(value, list):
        return ", ".join(str(list(v.values())[-1]) if isinstance(v, dict) else str(v) for v in value) or "—"
    return "—" if value in (None, "") else value


def entries(sources: list[tuple[type[Model], QuerySet]], *, limit: int | None = None) -> list[Entry]:
    """The records of every (model, historical records) source as entries, newest first."""
    result = []
    for model, records in sources:
        label = model._meta.verbose_name
        records = records.select_related("history_user").order_by("-history_date", "-history_id")
        if limit:
            records = records[:limit]
        records = sorted(records, key=lambda r: (r.history_date, r.history_id))
        previous: dict = {}
        for record in records:
            changes = []
            before = previous.get(record.id)
            if before is None and record.history_type == "~":
                before = record.prev_record
            if before is not None and record.history_type == "~":
                delta = record.diff_against(before)
                changes = [
                    Change(
                        str(getattr(_field(model, c.field), "verbose_name", c.field)),
                        _shown(model, c.field, c.old),
                        _shown(model, c.field, c.new),
                    )
                    for c in delta.changes
                ]
            previous[record.id] = record
            reason = record.history_change_reason or ""
            if before is not None and record.history_type == "~" and not changes and not reason:
                continue  # saved without a change that is kept (a log-in touching last_login, say)
            result.append(
                Entry(
                    when=record.history_date,
                    who=str(record.history_user) if record.history_user else _("systeem"),
                    kind=KINDS.get(record.history_type, record.history_type),
                    reason=str(REASONS.get(reason, reason)),
                    what=[f"{label}: {record.instance}"],
                    changes=changes,
                )
            )
    result = merge(sorted(result, key=lambda e: e.when, reverse=True))
    return result[:limit] if limit else result


def merge(found: list[Entry]) -> list[Entry]:
    """One entry for the rows one person created or deleted in one go (an import, say)."""
    merged: list[Entry] = []
    for entry in found:
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
