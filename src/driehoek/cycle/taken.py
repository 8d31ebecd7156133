"""The cycle's tasks for the inbox on the start page (core/inbox.py): minutes to check, votes,
action items and late planning. The monitoring's own items come from monitoring/taken.py."""

from driehoek.core.inbox import Taak
from driehoek.register.models import Afsprakenset

from .queries import open_items

MONITORING_KINDS = {"indicator", "voorzet", "reactie"}


def open_cycle_taken(user) -> list[Taak]:
    tasks = []
    for afsprakenset in Afsprakenset.objects.visible_to(user).order_by("titel"):
        for item in open_items(user, afsprakenset):
            if item.kind not in MONITORING_KINDS:
                tasks.append(Taak(item.text, item.url, item.due, item.kind, item.key, afsprakenset.titel))
    return tasks
