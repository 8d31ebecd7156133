"""The cycle's tasks for the inbox on the start page (core/inbox.py): minutes to check, votes,
action items and late planning. The monitoring's own items come from monitoring/taken.py."""

from driehoek.core.inbox import Taak
from driehoek.register.models import Afsprakenset

from .queries import cycle_items


def open_cycle_taken(user) -> list[Taak]:
    tasks = []
    if user.partij_id is None:
        return tasks  # the cycle's work is done by parties; the beheerder has none
    for afsprakenset in Afsprakenset.objects.visible_to(user).order_by("titel"):
        for item in cycle_items(user, afsprakenset):  # core/inbox.py sorts them with the others
            tasks.append(Taak(item.text, item.url, item.due, item.kind, item.key, afsprakenset.titel))
    return tasks
