from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require, save
from driehoek.monitoring.models import Beoordeling, Status

from .models import Publicatie


@transaction.atomic
def publish(user, afsprakenset, jaar: int) -> Publicatie:
    """Publish a year's evaluation; only what a bestuurlijk overleg adopted will be shown."""
    require(user, policy.ADOPT, afsprakenset)
    if not Beoordeling.objects.filter(
        afspraak__afsprakenset=afsprakenset, jaar=jaar, status=Status.VASTGESTELD
    ).exists():
        raise ValidationError(_("Er is nog niets van %(jaar)s vastgesteld om te publiceren.") % {"jaar": jaar})
    if afsprakenset.publicaties.filter(jaar=jaar).exists():
        raise ValidationError(_("%(jaar)s is al gepubliceerd.") % {"jaar": jaar})
    publicatie = Publicatie(afsprakenset=afsprakenset, jaar=jaar, gepubliceerd_door=user)
    save(publicatie, user)
    return publicatie
