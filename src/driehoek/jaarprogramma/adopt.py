"""Adopting (vaststellen) a yearly programme: what all parties agreed on becomes a set of the
register, soort jaarprogramma, under its framework, for that one year, with its agreements,
indicators and yearly targets. All or nothing, with the history of every row in the same
transaction. Approval, signing and submission build on the set (another room)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require
from driehoek.core.audit import save as _save
from driehoek.core.versioning import locked
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Indicator,
    Jaardoel,
    Thema,
    Verantwoordelijke,
)

from .models import Jaarprogramma, Voorstel


def slug_for(programma: Jaarprogramma) -> str:
    return f"{programma.afsprakenset.slug}-jaarprogramma-{programma.jaar}"[:120]


@transaction.atomic
def adopt(user, programma: Jaarprogramma, *, datum: date, orgaan: str, versie: int | None = None) -> Afsprakenset:
    _require(user, policy.ADOPT_PROGRAMME, programma)
    p = locked(Jaarprogramma, programma.pk, versie)
    if p.status != Jaarprogramma.Status.CONCEPT:
        raise ValidationError(_("Dit jaarprogramma is al vastgesteld."))
    if not orgaan.strip():
        raise ValidationError({"orgaan": _("Noem het overleg dat het jaarprogramma vaststelt.")})
    kader = p.afsprakenset
    slug = slug_for(p)
    if Afsprakenset.objects.filter(slug=slug).exists():
        raise ValidationError(_("Er staat al een set met het kenmerk %(slug)s in het register.") % {"slug": slug})
    # What was not agreed by everyone stays out of the programme, on the record as "niet overgenomen".
    for voorstel in p.voorstellen.select_for_update().filter(status=Voorstel.Status.OPEN):
        voorstel.status, voorstel.versie = Voorstel.Status.VERVALLEN, voorstel.versie + 1
        _save(voorstel, user, "niet overgenomen bij vaststelling")
    nieuw = Afsprakenset(
        gemeente=kader.gemeente,
        slug=slug,
        soort=Afsprakenset.Soort.JAARPROGRAMMA,
        titel=_("Jaarprogramma %(jaar)s") % {"jaar": p.jaar},
        eerste_jaar=p.jaar,
        laatste_jaar=p.jaar,
        status=Afsprakenset.Status.CONCEPT,
        bovenliggende_set=kader,
    )
    _save(nieuw, user, "jaarprogramma vastgesteld")
    for deelname in kader.deelnames.all():
        _save(Deelname(afsprakenset=nieuw, partij_id=deelname.partij_id, volgorde=deelname.volgorde), user)
    themes: dict[int, Thema] = {}
    onderdelen = p.onderdelen.filter(vervalt=False).select_related("afspraak", "thema").prefetch_related("doelregels")
    for volgorde, onderdeel in enumerate(sorted(onderdelen, key=_document_order)):
        thema = themes.get(onderdeel.thema_id) or _copy_theme(onderdeel.thema, nieuw, user)
        themes[onderdeel.thema_id] = thema
        bron = onderdeel.afspraak
        afspraak = Afspraak(
            afsprakenset=nieuw,
            thema=thema,
            nummer=onderdeel.nummer,
            titel=onderdeel.titel,
            tekst=onderdeel.tekst,
            sectie=bron.sectie if bron else _("Nieuw in het jaarprogramma"),
            soort=bron.soort if bron else Afspraak.Soort.PER_PARTIJ,
            bronlocatie=_("jaarprogramma %(jaar)s") % {"jaar": p.jaar},
            volgorde=volgorde,
        )
        _save(afspraak, user)
        parties = [v.partij_id for v in bron.verantwoordelijkheden.all()] if bron else [onderdeel.indiener_id]
        for index, partij_id in enumerate(parties):
            _save(Verantwoordelijke(afspraak=afspraak, partij_id=partij_id, volgorde=index), user)
        for regel in onderdeel.doelregels.all():
            _copy_indicator(regel.indicator, afspraak, p.jaar, user)
            if regel.waarde is not None:
                doel = Jaardoel(
                    indicator=regel.indicator,
                    jaar=p.jaar,
                    waarde=regel.waarde,
                    waarde_max=regel.waarde_max,
                    vergelijking=regel.vergelijking,
                    eenheid=regel.eenheid,
                    toelichting=regel.herkomst,
                    afsprakenset=nieuw,
                )
                _save(doel, user)
    p.status, p.programma, p.vastgesteld_op, p.vastgesteld_door = (
        Jaarprogramma.Status.VASTGESTELD,
        nieuw,
        datum,
        orgaan.strip()[:200],
    )
    p.versie += 1
    _save(p, user, "vastgesteld")
    return nieuw


def _document_order(onderdeel) -> tuple[int, int, int]:
    """In the register the programme follows the framework's order (the draft puts focus first);
    new agreements close their theme."""
    afspraak = onderdeel.afspraak
    return (onderdeel.thema.volgorde, afspraak.volgorde if afspraak else 10**9, onderdeel.volgorde)


def _copy_theme(thema: Thema, afsprakenset: Afsprakenset, user) -> Thema:
    kopie = Thema(
        afsprakenset=afsprakenset,
        nummer=thema.nummer,
        titel=thema.titel,
        doel=thema.doel,
        richtingen_label=thema.richtingen_label,
        richtingen=thema.richtingen,
        volgorde=thema.volgorde,
    )
    _save(kopie, user)
    return kopie


def _copy_indicator(indicator: Indicator, afspraak: Afspraak, jaar: int, user) -> Indicator:
    kopie = Indicator(
        afspraak=afspraak,
        omschrijving=indicator.omschrijving,
        soort=indicator.soort,
        jaar_van=jaar,
        jaar_tot=jaar,
        actiehouders_label=indicator.actiehouders_label,
        volgorde=indicator.volgorde,
    )
    _save(kopie, user)
    for a in indicator.actiehouderschappen.all():
        _save(Actiehouder(indicator=kopie, partij_id=a.partij_id, volgorde=a.volgorde), user)
    return kopie
