"""The monitoring's tasks for the inbox on the start page (core/inbox.py): per agreement the values
and voorzet the user's party leads, one reaction round for all voorzetten awaiting the party, and
for the secretary one adoption list."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from driehoek.core.inbox import Taak
from driehoek.register.models import Afsprakenset

from . import queries
from .models import Monitoringsjaar


def current_years(user) -> list[Monitoringsjaar]:
    """Per visible set its latest started monitoring year."""
    years = Monitoringsjaar.objects.filter(afsprakenset__in=Afsprakenset.objects.visible_to(user)).select_related(
        "afsprakenset"
    )
    latest: dict[int, Monitoringsjaar] = {}
    for year in years.order_by("afsprakenset__titel", "-jaar"):
        latest.setdefault(year.afsprakenset_id, year)
    return list(latest.values())


def open_monitoring_taken(user) -> list[Taak]:
    tasks: list[Taak] = []
    if user.partij_id is None:
        return tasks  # the monitoring is done by parties; the beheerder has none
    for year in current_years(user):
        tasks.extend(year_tasks(user, year))
    return tasks


def year_tasks(user, year: Monitoringsjaar) -> list[Taak]:
    afsprakenset, jaar = year.afsprakenset, year.jaar
    slug, context = afsprakenset.slug, f"{afsprakenset.titel} {jaar}"
    inbox = queries.inbox(user, afsprakenset, jaar)
    tasks: list[Taak] = []
    if inbox.to_respond:
        n = len(inbox.to_respond)
        tasks.append(
            Taak(
                ngettext("Reageren op %(n)s voorzet", "Reageren op %(n)s voorzetten", n) % {"n": n},
                reverse("monitoring:reactieronde", args=[slug, jaar]),
                year.reacties_uiterlijk,
                "reactie",
                f"reacties:{afsprakenset.pk}:{jaar}",
                context,
            )
        )
    # Values and voorzet of one agreement are one task: they are done on one page.
    work: dict[str, dict] = {}
    for indicator in inbox.to_fill:
        entry = work.setdefault(indicator.afspraak.nummer, {"afspraak": indicator.afspraak, "fill": 0, "propose": 0})
        entry["fill"] += 1
    for b in inbox.to_propose:
        entry = work.setdefault(b.afspraak.nummer, {"afspraak": b.afspraak, "fill": 0, "propose": 0})
        entry["propose"] = 1
    for entry in sorted(work.values(), key=lambda e: e["afspraak"].volgorde):
        afspraak = entry["afspraak"]
        if entry["fill"] and entry["propose"]:
            what = _("waarden invullen en voorzet maken")
        elif entry["fill"]:
            what = _("waarden invullen")
        else:
            what = _("voorzet maken")
        tasks.append(
            Taak(
                _("Afspraak %(n)s: %(wat)s") % {"n": afspraak.nummer, "wat": what},
                reverse("monitoring:beoordeling", args=[slug, jaar, afspraak.nummer]),
                year.voorzet_uiterlijk,
                "voorzet",
                f"afspraak:{afspraak.pk}:{jaar}",
                context,
            )
        )
    if inbox.to_adopt:
        n = len(inbox.to_adopt)
        tasks.append(
            Taak(
                ngettext("%(n)s afspraak vast te stellen", "%(n)s afspraken vast te stellen", n) % {"n": n},
                reverse("monitoring:vaststellen", args=[slug, jaar]),
                None,
                "vaststellen",
                f"vaststellen:{afsprakenset.pk}:{jaar}",
                context,
            )
        )
    return tasks


def next_task_url(user, after_key: str) -> str | None:
    """The task to go to after the one with this key: for "Opslaan en volgende afspraak"."""
    from driehoek.core.inbox import open_tasks

    for taak in open_tasks(user):
        if taak.key != after_key:
            return taak.url
    return None
