"""What waits for a user: the "wat staat er open" page and the reminder digest use the same list."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.sorting import natural_key
from driehoek.monitoring import jaarstand

from .models import Actiepunt, Geschil, Planitem, Stemming, Verslag


@dataclass(frozen=True)
class OpenItem:
    key: str  # stable: a reminder about the same key is sent once a day at most
    kind: str
    text: str
    due: date | None
    url: str

    @property
    def overdue(self) -> bool:
        return bool(self.due and self.due < timezone.localdate())


def open_items(user, afsprakenset) -> list[OpenItem]:
    items = monitoring_items(user, afsprakenset) + cycle_items(user, afsprakenset)
    return sorted(items, key=lambda i: (i.due is None, i.due or date.max, natural_key(i.text)))


def monitoring_items(user, afsprakenset) -> list[OpenItem]:
    items: list[OpenItem] = []
    slug = afsprakenset.slug
    year = afsprakenset.monitoringsjaren.order_by("-jaar").first()
    if year:
        inbox = jaarstand.inbox(user, afsprakenset, year.jaar)
        for indicator in inbox.to_fill:
            url = reverse("monitoring:beoordeling", args=[slug, year.jaar, indicator.afspraak.nummer])
            text = _("Indicator invullen: afspraak %(n)s, %(i)s") % {
                "n": indicator.afspraak.nummer,
                "i": indicator.omschrijving,
            }
            items.append(OpenItem(f"waarde:{indicator.pk}:{year.jaar}", "indicator", text, year.voorzet_uiterlijk, url))
        for b in inbox.to_propose:
            url = reverse("monitoring:beoordeling", args=[slug, year.jaar, b.afspraak.nummer])
            text = _("Voorzet maken: afspraak %(n)s") % {"n": b.afspraak.nummer}
            items.append(OpenItem(f"voorzet:{b.pk}", "voorzet", text, year.voorzet_uiterlijk, url))
        for b in inbox.to_respond:
            url = reverse("monitoring:beoordeling", args=[slug, year.jaar, b.afspraak.nummer])
            text = _("Reageren op de voorzet bij afspraak %(n)s") % {"n": b.afspraak.nummer}
            items.append(OpenItem(f"reactie:{b.pk}:{b.revisie}", "reactie", text, year.reacties_uiterlijk, url))
    return items


def cycle_items(user, afsprakenset) -> list[OpenItem]:
    """Minutes to check, votes, action items and late planning (the inbox's cycle source reads these)."""
    items: list[OpenItem] = []
    slug = afsprakenset.slug
    if user.partij_id:
        for verslag in Verslag.objects.filter(
            overleg__afsprakenset=afsprakenset, status=Verslag.Status.TER_CONTROLE
        ).select_related("overleg"):
            if (
                policy.can(user, policy.CORRECT_MINUTES, verslag.overleg)
                and not verslag.correcties.filter(partij_id=user.partij_id).exists()
            ):
                url = reverse("cycle:overleg", args=[slug, verslag.overleg.pk])
                text = _("Verslag controleren en aanvullen: %(o)s") % {"o": verslag.overleg}
                items.append(OpenItem(f"verslag:{verslag.pk}", "verslag", text, verslag.controle_uiterlijk, url))
        for stemming in Stemming.objects.filter(
            geschil__afsprakenset=afsprakenset, gesloten_op__isnull=True
        ).select_related("geschil"):
            if (
                policy.can(user, policy.VOTE, stemming.geschil)
                and not stemming.stemmen.filter(partij_id=user.partij_id).exists()
            ):
                url = reverse("cycle:geschil", args=[slug, stemming.geschil.pk])
                text = _("Stemmen over: %(o)s") % {"o": stemming.geschil.onderwerp}
                items.append(OpenItem(f"stem:{stemming.pk}", "stemming", text, None, url))
        for actiepunt in Actiepunt.objects.filter(
            overleg__afsprakenset=afsprakenset, eigenaar_id=user.partij_id, status=Actiepunt.Status.OPEN
        ):
            url = reverse("cycle:overleg", args=[slug, actiepunt.overleg_id])
            text = _("Actiepunt: %(a)s") % {"a": actiepunt.omschrijving[:120]}
            items.append(OpenItem(f"actie:{actiepunt.pk}", "actiepunt", text, actiepunt.uiterlijk, url))
    if policy.can(user, policy.MANAGE_CYCLE, afsprakenset):
        for item in Planitem.objects.filter(
            afsprakenset=afsprakenset, afgerond=False, uiterlijk__isnull=False
        ).prefetch_related("overleggen"):
            if item.te_laat:
                url = reverse("cycle:index", args=[slug])
                items.append(
                    OpenItem(
                        f"plan:{item.pk}", "planning", _("Te laat: %(t)s") % {"t": item.titel}, item.uiterlijk, url
                    )
                )
    # Approving, signing and submitting (the ondertekening room), so reminders cover them too.
    from driehoek.ondertekening.queries import taken_voor_set

    for taak in taken_voor_set(user, afsprakenset):
        items.append(OpenItem(taak.key, "ondertekening", taak.title, taak.deadline, taak.url))
    return sorted(items, key=lambda i: (i.due is None, i.due or date.max, natural_key(i.text)))


def disputes_about(afspraak):
    """The disputes about an agreement (its assessment or an agenda item on it), with their outcome."""
    return (
        Geschil.objects.filter(Q(beoordeling__afspraak=afspraak) | Q(agendapunt__afspraak=afspraak))
        .distinct()
        .select_related("beoordeling")
        .prefetch_related("besluiten__overleg")
    )
