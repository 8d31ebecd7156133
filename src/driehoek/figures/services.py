"""Storing figures: an upload is checked whole and stored in one transaction, or not at all."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.reports import samenvatting

from . import uploads
from .models import Aanlevering, Mutatie, Toewijzing, Voorraadtelling, Woning, Woningbouwplan

BATCH = 5000


def deliver(user, gemeente, soort: str, peildatum: date, *, filename: str, content: bytes) -> Aanlevering:
    """Check a corporation's file and store it, replacing an earlier delivery of the same period."""
    if not policy.can(user, policy.UPLOAD_FIGURES, gemeente):
        raise PermissionDenied(_("U mag voor deze gemeente geen cijfers aanleveren."))
    if len(content) > settings.UPLOAD_MAX_MB["figures"] * 1024 * 1024:  # the API has no form to check it
        raise uploads.UploadError(
            [_("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB["figures"]}]
        )
    records = uploads.validate(soort, uploads.read_table(filename, content))
    problems = uploads.check_rows(soort, records)
    if problems:
        raise uploads.UploadError(problems)
    return store(user, gemeente, user.partij, soort, peildatum, records, bestandsnaam=filename, bron=filename)


@transaction.atomic
def store(
    user, gemeente, corporatie, soort: str, peildatum: date, records: list[dict], *, bestandsnaam="", bron=""
) -> Aanlevering:
    aanlevering = Aanlevering(
        gemeente=gemeente,
        corporatie=corporatie,
        soort=soort,
        peildatum=peildatum,
        bestandsnaam=bestandsnaam[:250],
        bron=bron[:300],
        rijen=len(records),
        geleverd_door=user,
    )
    aanlevering._history_user = user
    aanlevering.save()
    earlier = Aanlevering.objects.filter(
        gemeente=gemeente, corporatie=corporatie, soort=soort, peildatum=peildatum, vervangen_door__isnull=True
    ).exclude(pk=aanlevering.pk)
    for old in earlier:
        old.vervangen_door = aanlevering
        old._history_user, old._change_reason = user, "vervangen"
        old.save()
    _store_rows(aanlevering, soort, records)
    from .linking import refresh_linked_indicators

    refresh_linked_indicators(gemeente)  # inside the same transaction: all or nothing
    samenvatting.refresh_gemeente(gemeente)
    return aanlevering


def _store_rows(aanlevering: Aanlevering, soort: str, records: list[dict]) -> None:
    if soort == Aanlevering.Soort.VOORRAAD:
        Voorraadtelling.objects.create(aanlevering=aanlevering, aantal=records[0]["aantal"])
        return
    if soort == Aanlevering.Soort.WONINGREGISTER:
        objects = (
            Woning(
                aanlevering=aanlevering,
                eigen_id=r["eigen_id"],
                kern=r.get("kern", ""),
                type=r.get("type", ""),
                kale_huur=r["kale_huur"],
                energielabel=r.get("energielabel", ""),
                nultredenwoning=r.get("nultredenwoning", False),
                bestemming=r.get("bestemming") or Woning.Bestemming.DOOREXPLOITEREN,
            )
            for r in records
        )
        Woning.objects.bulk_create(objects, batch_size=BATCH)
    elif soort == Aanlevering.Soort.PLANNEN:
        plans = []
        for r in records:
            year, after = r.get("jaar") or (None, False)
            sloop = r.get("sloop", 0)
            plans.append(
                Woningbouwplan(
                    aanlevering=aanlevering,
                    naam=r["naam"],
                    kern=r.get("kern", ""),
                    status=r["status"],
                    bruto=r["bruto"],
                    sloop=sloop,
                    netto=r["bruto"] - sloop,
                    jaar=year,
                    na_jaar=after,
                    opleverdatum=r.get("opleverdatum"),
                )
            )
        Woningbouwplan.objects.bulk_create(plans, batch_size=BATCH)
    elif soort == Aanlevering.Soort.MUTATIES:
        Mutatie.objects.bulk_create([Mutatie(aanlevering=aanlevering, **r) for r in records])
    elif soort == Aanlevering.Soort.TOEWIJZINGEN:
        Toewijzing.objects.bulk_create([Toewijzing(aanlevering=aanlevering, **r) for r in records])
