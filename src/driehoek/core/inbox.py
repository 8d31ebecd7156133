"""The inbox on the start page: every open task of a user across all sets, soonest deadline first.

Each room that gives people work registers one source here: a function `(user) -> list[Taak]`,
named by its dotted path so that this module imports no room (docs/adr/0105). A new room adds its
line to SOURCES; nothing else changes.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.module_loading import import_string

SOURCES: list[str] = [
    "driehoek.monitoring.taken.open_monitoring_taken",
    "driehoek.cycle.taken.open_cycle_taken",
    "driehoek.bod.queries.inbox_taken",
]


@dataclass(frozen=True)
class Taak:
    """One thing that waits for the user: what, where (one click), by when, and what kind of work."""

    title: str
    url: str
    deadline: date | None
    kind: str
    key: str = ""  # stable, to mark the next task after a save
    context: str = ""  # the set it belongs to, for people in more than one

    @property
    def overdue(self) -> bool:
        return bool(self.deadline and self.deadline < timezone.localdate())


def sort_key(taak: Taak) -> tuple:
    # Within one deadline the sources' own order (the document's order of the agreements) stays.
    return (taak.deadline is None, taak.deadline or date.max)


def open_tasks(user, sources: list[str] | None = None) -> list[Taak]:
    """Every source's tasks for the user, the soonest deadline first, without deadline last."""
    if not user.is_authenticated:
        return []
    tasks: list[Taak] = []
    for path in SOURCES if sources is None else sources:
        tasks.extend(import_string(path)(user))
    return sorted(tasks, key=sort_key)
