from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require, save
from driehoek.monitoring.models import Beoordeling, Status

from .models import Publicatie, Rapport
from .tasks import build_report


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


@transaction.atomic
def request_report(user, afsprakenset, jaar: int, formaat: str) -> Rapport:
    """The report being made for this set, year and format, or a new one queued: a second click
    while it is made queues no second build. The set's row is locked so two clicks queue up."""
    type(afsprakenset).objects.select_for_update().filter(pk=afsprakenset.pk).first()
    running = Rapport.objects.filter(
        afsprakenset=afsprakenset, jaar=jaar, formaat=formaat, stand__in=[Rapport.Stand.WACHT, Rapport.Stand.BEZIG]
    ).first()
    if running:
        return running
    rapport = Rapport.objects.create(afsprakenset=afsprakenset, jaar=jaar, formaat=formaat, aangevraagd_door=user)
    build_report.enqueue(rapport.pk)
    return rapport
