"""The yearly check of what the set does besides its numbered agreements (issue 14 item 7): every
ongoing commitment ("Dit doen we al") and every target that stands on a theme gets a check per
monitoring year: loopt nog, afgerond or gestopt, with a remark."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require, save
from driehoek.core.versioning import locked
from driehoek.register.models import Doelstelling, LopendeAfspraak

from .models import Jaarcheck

MAX_REMARK = 5_000


def start(user, afsprakenset, jaar: int) -> list[Jaarcheck]:
    """Called by services.start_year, inside its transaction."""
    made = []
    for lopend in LopendeAfspraak.objects.filter(thema__afsprakenset=afsprakenset):
        made.append(Jaarcheck(lopende_afspraak=lopend, jaar=jaar))
    for doel in Doelstelling.objects.filter(thema__afsprakenset=afsprakenset):
        made.append(Jaarcheck(doelstelling=doel, jaar=jaar))
    for check in made:
        save(check, user)
    return made


def for_year(afsprakenset, jaar: int) -> list[Jaarcheck]:
    """The year's checks in the document's order: per theme its targets, then its commitments."""
    checks = (
        Jaarcheck.objects.filter(jaar=jaar)
        .select_related("lopende_afspraak__thema", "doelstelling__thema", "door", "partij")
        .prefetch_related("lopende_afspraak__partijen")
    )
    rows = checks.filter(
        Q(lopende_afspraak__thema__afsprakenset=afsprakenset) | Q(doelstelling__thema__afsprakenset=afsprakenset)
    )
    return sorted(
        rows,
        key=lambda c: (
            c.thema.volgorde,
            c.lopende_afspraak_id is not None,
            (c.lopende_afspraak or c.doelstelling).volgorde,
            c.pk,
        ),
    )


@transaction.atomic
def record(user, check: Jaarcheck, *, stand: str, opmerking: str = "", versie: int | None = None) -> Jaarcheck:
    require(user, policy.CHECK_ONGOING, check)
    check = locked(Jaarcheck, check.pk, versie, lambda c: f"{c.get_stand_display()} {c.opmerking}".strip())
    if stand not in Jaarcheck.Stand.values:
        raise ValidationError({"stand": _("Kies loopt nog, afgerond of gestopt.")})
    opmerking = opmerking.strip()[:MAX_REMARK]
    if stand == Jaarcheck.Stand.GESTOPT and not opmerking:
        raise ValidationError({"opmerking": _("Licht toe waarom het gestopt is.")})
    if (check.stand, check.opmerking) == (stand, opmerking):
        return check
    check.stand, check.opmerking, check.door, check.partij = stand, opmerking, user, user.partij
    check.versie += 1
    save(check, user)
    return check
