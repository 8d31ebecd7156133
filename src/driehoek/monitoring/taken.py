"""The monitoring's tasks for the inbox on the start page (core/inbox.py): per agreement the values
and voorzet the user's party leads, one reaction round for all voorzetten awaiting the party, and
for the secretary one adoption list."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from driehoek.core.inbox import Taak
from driehoek.register.models import Afsprakenset

from . import jaarstand
from .models import Monitoringsjaar
from .tabelcache import kept
from .templatetags.monitoring_tags import in_path


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


def waiting(user, afsprakenset, jaar: int) -> dict:
    """What waits for the user's party in a set's year, in plain values: the number of voorzetten
    to answer and of assessments to adopt, and per agreement (nummer, volgorde, id, indicators to
    fill, whether a voorzet is asked). Kept in the shared cache like the dashboard's inbox, under
    the same key of party, role and right to adopt (monitoring/dashboardcache.py, docs/adr/0190)."""
    from driehoek.accounts import policy

    may_adopt = policy.can(user, policy.ADOPT, afsprakenset)

    def make() -> dict:
        inbox = jaarstand.inbox(user, afsprakenset, jaar, may_adopt=may_adopt)
        # Values and voorzet of one agreement are one task: they are done on one page.
        work: dict[str, list] = {}
        for indicator in inbox.to_fill:
            a = indicator.afspraak
            work.setdefault(a.nummer, [a.nummer, a.volgorde, a.pk, 0, False])[3] += 1
        for b in inbox.to_propose:
            a = b.afspraak
            work.setdefault(a.nummer, [a.nummer, a.volgorde, a.pk, 0, False])[4] = True
        agreements = sorted((tuple(entry) for entry in work.values()), key=lambda entry: entry[1])
        return {"respond": len(inbox.to_respond), "adopt": len(inbox.to_adopt), "agreements": agreements}

    viewer = jaarstand.inbox_viewer(user, may_adopt)
    return kept("taken", afsprakenset, (jaar, *viewer), make)[0]


def year_tasks(user, year: Monitoringsjaar) -> list[Taak]:
    afsprakenset, jaar = year.afsprakenset, year.jaar
    slug, context = afsprakenset.slug, f"{afsprakenset.titel} {jaar}"
    wacht = waiting(user, afsprakenset, jaar)
    tasks: list[Taak] = []
    if n := wacht["respond"]:
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
    # One reverse for every agreement's link: each is this plus its number.
    link = reverse("monitoring:beoordeling", args=[slug, jaar, "0"]).removesuffix("0/")
    for nummer, _volgorde, pk, fill, propose in wacht["agreements"]:
        if fill and propose:
            what = _("waarden invullen en voorzet maken")
        elif fill:
            what = _("waarden invullen")
        else:
            what = _("voorzet maken")
        tasks.append(
            Taak(
                _("Afspraak %(n)s: %(wat)s") % {"n": nummer, "wat": what},
                f"{link}{in_path(nummer)}/",
                year.voorzet_uiterlijk,
                "voorzet",
                f"afspraak:{pk}:{jaar}",
                context,
            )
        )
    if n := wacht["adopt"]:
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
