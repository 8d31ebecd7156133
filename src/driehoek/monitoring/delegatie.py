"""The lead party delegates an indicator to a co-holder, and takes it back (issue 20, docs/adr/0130).

Only whom the inbox asks for the value changes: the co-holder gets the indicator as a task, the lead
no longer does but sees to whom, by whom and when it went. The voorzet stays with the lead. Each
step checks the policy, refuses a save based on an outdated version, and writes the row and its
history in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require
from driehoek.core.audit import save as _save
from driehoek.core.versioning import ConflictError, locked

from .models import Delegatie


def describe(delegatie: Delegatie) -> str:
    if delegatie.partij_id is None:
        return _("niet gedelegeerd")
    return _("gedelegeerd aan %(partij)s") % {"partij": delegatie.partij.korte_naam}


@transaction.atomic
def delegate(user, indicator, partij, *, versie: int | None) -> Delegatie:
    """Ask `partij`, a co-holder of the indicator in the same set, for its value instead of the lead."""
    _require(user, policy.DELEGATE, indicator)
    holders = indicator.actiehouders_lijst
    co_holders = {p.pk for p in holders[1:]}
    in_set = indicator.afspraak.afsprakenset.deelnames.filter(partij_id=getattr(partij, "pk", None)).exists()
    if partij is None or partij.pk not in co_holders or not in_set:
        names = ", ".join(p.korte_naam for p in holders[1:]) or _("geen")
        raise ValidationError(
            {
                "partij": _(
                    "U kunt deze indicator alleen delegeren aan een mede-actiehouder van deze afspraak (%(namen)s)."
                )
                % {"namen": names}
            }
        )
    delegatie = _current(indicator, versie)
    if delegatie is not None and delegatie.partij_id == partij.pk:
        return delegatie  # the same choice saved again: no new version, no history row
    if delegatie is None:
        delegatie = Delegatie(indicator=indicator, versie=0)
    delegatie.partij, delegatie.door, delegatie.op = partij, user, timezone.now()
    delegatie.versie += 1
    _save(delegatie, user, _("gedelegeerd aan %(partij)s") % {"partij": partij.korte_naam})
    return delegatie


@transaction.atomic
def take_back(user, indicator, *, versie: int | None) -> Delegatie | None:
    """The lead is asked for the value again. Nothing happens when it was not delegated."""
    _require(user, policy.DELEGATE, indicator)
    delegatie = _current(indicator, versie)
    if delegatie is None or delegatie.partij_id is None:
        return delegatie
    delegatie.partij, delegatie.door, delegatie.op = None, user, timezone.now()
    delegatie.versie += 1
    _save(delegatie, user, _("teruggenomen door de trekker"))
    return delegatie


def _current(indicator, versie: int | None) -> Delegatie | None:
    """The indicator's delegation, locked; a form drawn before the first delegation carries 0."""
    # Lock the indicator first, so that two first delegations queue up too (there is no row to lock yet).
    type(indicator).objects.select_for_update().filter(pk=indicator.pk).first()
    existing = Delegatie.objects.filter(indicator=indicator).first()
    if existing is None:
        if versie not in (None, 0):
            raise ConflictError(None)
        return None
    return locked(Delegatie, existing.pk, versie, describe)
