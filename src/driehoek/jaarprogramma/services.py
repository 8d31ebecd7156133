"""Every change to a yearly programme in preparation goes through these functions: each asks the
policy, checks the rules, refuses a change based on an outdated version, and writes the change with
its history in one transaction. Adopting the programme is in adopt.py."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require
from driehoek.core.audit import save as _save
from driehoek.core.versioning import ConflictError, locked
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register import fasering
from driehoek.register.models import Afsprakenset, Doelstelling, Indicator

from . import rules
from .models import Doelregel, Jaarprogramma, Onderdeel, Opmerking, Reactie, Voorstel

SOORT = Voorstel.Soort


@transaction.atomic
def start(user, afsprakenset: Afsprakenset, jaar: int, *, reacties_uiterlijk: date, today=None) -> Jaarprogramma:
    """Next year's programme from the adopted evaluation of the year before: every agreement of the
    framework with its measure and light, red and orange first, and per indicator of that year its
    yearly target as the phasing gives it."""
    _require(user, policy.START_PROGRAMME, afsprakenset)
    if afsprakenset.soort != Afsprakenset.Soort.KADERAFSPRAKEN:
        raise ValidationError(_("Een jaarprogramma hoort bij kaderafspraken; dit is een andere soort set."))
    Afsprakenset.objects.check_year(afsprakenset, jaar)
    errors = rules.deadline_errors(reacties_uiterlijk, today or timezone.localdate())
    if errors:
        raise ValidationError(errors)
    if afsprakenset.programmaconcepten.filter(jaar=jaar).exists():
        raise ValidationError(_("Het jaarprogramma %(jaar)s is al gestart.") % {"jaar": jaar})
    programma = Jaarprogramma(
        afsprakenset=afsprakenset,
        jaar=jaar,
        evaluatiejaar=jaar - 1,
        reacties_uiterlijk=reacties_uiterlijk,
        gestart_door=user,
    )
    _save(programma, user, "gestart")
    adopted = {
        b.afspraak_id: b
        for b in Beoordeling.objects.filter(
            afspraak__afsprakenset=afsprakenset, jaar=jaar - 1, status=Status.VASTGESTELD
        ).order_by()
    }
    afspraken = list(afsprakenset.afspraken.prefetch_related("indicatoren"))
    afspraken.sort(key=lambda a: rules.draft_order(getattr(adopted.get(a.pk), "kleur", ""), a.volgorde))
    for index, afspraak in enumerate(afspraken):
        b = adopted.get(afspraak.pk)
        onderdeel = Onderdeel(
            programma=programma,
            afspraak=afspraak,
            thema_id=afspraak.thema_id,
            nummer=afspraak.nummer,
            titel=afspraak.titel,
            tekst=afspraak.tekst,
            kleur=b.kleur if b else "",
            reden=b.reden if b else "",
            maatregel=b.toelichting if b else "",
            volgorde=index,
        )
        _save(onderdeel, user)
        for indicator in sorted(afspraak.indicatoren.all(), key=lambda i: i.volgorde):
            if indicator.jaar_van <= jaar <= indicator.jaar_tot:
                _save(starting_target(onderdeel, indicator, jaar, afsprakenset.eerste_jaar - 1), user)
    return programma


def starting_target(onderdeel: Onderdeel, indicator: Indicator, jaar: int, baseline: int) -> Doelregel:
    """The yearly target the draft starts with: one already agreed for the year, else for a counted
    indicator with an end target the year's share of the phasing; else none (a judgement)."""
    from driehoek.monitoring.queries import yearly_targets

    known = yearly_targets([indicator.pk])[indicator.pk]
    regel = Doelregel(onderdeel=onderdeel, indicator=indicator)
    if jaar in known:
        doel = known[jaar]
        regel.waarde, regel.waarde_max, regel.vergelijking = doel.waarde, doel.waarde_max, doel.vergelijking
        regel.eenheid, regel.herkomst = doel.eenheid, _("al vastgesteld in %(set)s") % {"set": doel.afsprakenset.titel}
        return regel
    target = (
        indicator.doelstellingen.filter(jaar__gt=baseline, jaar__gte=jaar)
        .exclude(vergelijking=Doelstelling.Vergelijking.TEN_HOOGSTE)
        .order_by("jaar")
        .first()
    )
    if indicator.soort == Indicator.Soort.AANTAL and target:
        schijven = fasering.phasing(
            target=target.waarde,
            baseline_year=baseline,
            deadline=target.jaar,
            yearly={y: d.waarde for y, d in known.items()},
        )
        share = next(s.per_jaar for s in schijven if s.jaar == jaar)
        regel.waarde, regel.vergelijking, regel.eenheid = share, Doelstelling.Vergelijking.TEN_MINSTE, target.eenheid
        regel.herkomst = _("fasering van het doel: %(doel)s") % {"doel": target}
    return regel


def _open(programma: Jaarprogramma) -> None:
    if programma.status != Jaarprogramma.Status.CONCEPT:
        raise ValidationError(_("Dit jaarprogramma is al vastgesteld; het concept verandert niet meer."))


def _note(text: str, field: str, message: str, *, required: bool = True) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({field: message})
    if len(text) > rules.MAX_NOTE:
        raise ValidationError({field: _("Ten hoogste %(n)s tekens.") % {"n": rules.MAX_NOTE}})
    return text


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"tekst": _("Schrijf de tekst van de afspraak.")})
    if len(text) > rules.MAX_TEXT:
        raise ValidationError({"tekst": _("Ten hoogste %(n)s tekens.") % {"n": rules.MAX_TEXT}})
    return text


@transaction.atomic
def propose(user, programma: Jaarprogramma, soort: str, *, onderdeel=None, doelregel=None, **fields) -> Voorstel:
    """A party's proposal, always in its own name. One open proposal of a kind per agreement (and
    per yearly target), so that an agreed one never lands on a text that changed meanwhile."""
    _require(user, policy.PROPOSE, programma)
    programma = locked(Jaarprogramma, programma.pk, None)
    _open(programma)
    if soort not in SOORT.values:
        raise ValidationError({"soort": _("Kies een soort voorstel.")})
    voorstel = Voorstel(programma=programma, soort=soort, partij=user.partij, door=user)
    if soort == SOORT.NIEUW:
        thema = fields.get("thema")
        if thema is None or thema.afsprakenset_id != programma.afsprakenset_id:
            raise ValidationError({"thema": _("Kies het thema waar de nieuwe afspraak onder valt.")})
        voorstel.thema, voorstel.titel = thema, (fields.get("titel") or "").strip()[:300]
    else:
        if onderdeel is None or onderdeel.programma_id != programma.pk:
            raise ValidationError(_("Deze afspraak hoort niet bij dit jaarprogramma."))
        if onderdeel.vervalt:
            raise ValidationError(_("Deze afspraak vervalt in het jaarprogramma."))
        voorstel.onderdeel = onderdeel
        pending = onderdeel.voorstellen.filter(status=Voorstel.Status.OPEN, soort=soort)
        if soort == SOORT.JAARDOEL:
            if doelregel is None or doelregel.onderdeel_id != onderdeel.pk:
                raise ValidationError(_("Kies de indicator waarvoor u een jaardoel voorstelt."))
            voorstel.doelregel, pending = doelregel, pending.filter(doelregel=doelregel)
        if pending.exists():
            raise ValidationError(
                _("Hierover staat al een voorstel open. Reageer daarop, of wacht tot het is afgerond.")
            )
    _fill(voorstel, fields)
    _save(voorstel, user, "voorgesteld")
    _settle(voorstel, user)
    return voorstel


def _fill(voorstel: Voorstel, fields: dict) -> None:
    """The proposal's content for its kind, checked."""
    soort = voorstel.soort
    if soort in (SOORT.NIEUW, SOORT.TEKST):
        voorstel.tekst = _text(fields.get("tekst", ""))
        if soort == SOORT.TEKST:
            voorstel.basis = voorstel.onderdeel.tekst
            if voorstel.tekst == voorstel.basis:
                raise ValidationError({"tekst": _("De voorgestelde tekst is gelijk aan de huidige.")})
    if soort == SOORT.JAARDOEL:
        waarde, waarde_max = fields.get("waarde"), fields.get("waarde_max")
        vergelijking = fields.get("vergelijking") or Doelstelling.Vergelijking.TEN_MINSTE
        indicator = voorstel.doelregel.indicator
        errors = fasering.yearly_target_errors(
            waarde=waarde,
            waarde_max=waarde_max,
            vergelijking=vergelijking,
            jaar=voorstel.programma.jaar,
            jaar_van=indicator.jaar_van,
            jaar_tot=indicator.jaar_tot,
        )
        if vergelijking not in Doelstelling.Vergelijking.values:
            errors["vergelijking"] = _("Kies een vergelijking.")
        if errors:
            raise ValidationError(errors)
        voorstel.waarde, voorstel.vergelijking = Decimal(waarde), vergelijking
        voorstel.waarde_max = Decimal(waarde_max) if waarde_max is not None else None
        regel = voorstel.doelregel
        if (regel.waarde, regel.waarde_max, regel.vergelijking) == (voorstel.waarde, voorstel.waarde_max, vergelijking):
            raise ValidationError({"waarde": _("Het voorgestelde jaardoel is gelijk aan het huidige.")})
        voorstel.basis = regel.doel_tekst
    voorstel.toelichting = _note(
        fields.get("toelichting", ""),
        "toelichting",
        _("Geef de reden waarom deze afspraak vervalt."),
        required=soort == SOORT.SCHRAPPEN,
    )


def _responders(voorstel: Voorstel) -> set[int]:
    parties = voorstel.programma.afsprakenset.deelnames.values_list("partij_id", flat=True)
    return {p for p in parties if p != voorstel.partij_id}


def _settle(voorstel: Voorstel, user) -> None:
    """When every other party agrees with the current revision, the proposal becomes the draft's text."""
    current = list(
        voorstel.reacties.filter(revisie=voorstel.revisie).order_by("op", "pk").values_list("partij_id", "soort")
    )
    if not rules.agreed(_responders(voorstel), current):
        return
    if voorstel.soort == SOORT.NIEUW:
        programma = voorstel.programma
        numbers = list(programma.onderdelen.values_list("nummer", flat=True))
        numbers += list(programma.afsprakenset.afspraken.values_list("nummer", flat=True))
        onderdeel = Onderdeel(
            programma=programma,
            thema=voorstel.thema,
            nummer=rules.next_number(numbers),
            titel=voorstel.titel,
            tekst=voorstel.tekst,
            indiener=voorstel.partij,
            volgorde=programma.onderdelen.count(),
        )
        _save(onderdeel, user, "nieuwe afspraak aangenomen")
        voorstel.onderdeel = onderdeel
    elif voorstel.soort == SOORT.TEKST:
        onderdeel = locked(Onderdeel, voorstel.onderdeel_id, None)
        if onderdeel.tekst != voorstel.basis:
            raise ValidationError(_("De tekst van deze afspraak is intussen gewijzigd; het voorstel moet herzien."))
        onderdeel.tekst, onderdeel.versie = voorstel.tekst, onderdeel.versie + 1
        _save(onderdeel, user, "tekstwijziging aangenomen")
    elif voorstel.soort == SOORT.SCHRAPPEN:
        onderdeel = locked(Onderdeel, voorstel.onderdeel_id, None)
        onderdeel.vervalt, onderdeel.versie = True, onderdeel.versie + 1
        _save(onderdeel, user, "schrappen aangenomen")
    elif voorstel.soort == SOORT.JAARDOEL:
        regel = Doelregel.objects.select_for_update().get(pk=voorstel.doelregel_id)
        regel.waarde, regel.waarde_max, regel.vergelijking = voorstel.waarde, voorstel.waarde_max, voorstel.vergelijking
        regel.herkomst = _("voorstel van %(partij)s, door alle partijen aanvaard") % {"partij": voorstel.partij}
        _save(regel, user, "jaardoel aangenomen")
    voorstel.status, voorstel.versie = Voorstel.Status.AANGENOMEN, voorstel.versie + 1
    _save(voorstel, user, "aangenomen")


@transaction.atomic
def respond(user, voorstel: Voorstel, *, soort: str, toelichting: str = "", revisie: int | None = None) -> Reactie:
    """A party's verdict on the current revision of another party's proposal. A reaction to a
    revision that changed meanwhile is refused: nobody agrees to what they did not see."""
    _require(user, policy.REACT_PROPOSAL, voorstel)
    v = locked(Voorstel, voorstel.pk, None)
    if revisie is not None and v.revisie != revisie:
        raise ConflictError(v, str(v))
    _open(v.programma)
    if v.status != Voorstel.Status.OPEN:
        raise ValidationError(_("Dit voorstel is %(status)s.") % {"status": v.get_status_display()})
    if soort not in Reactie.Soort.values:
        raise ValidationError({"soort": _("Kies akkoord of niet akkoord.")})
    toelichting = _note(
        toelichting,
        "toelichting",
        _("Geef de reden waarom uw partij niet akkoord is."),
        required=soort == Reactie.Soort.NIET_AKKOORD,
    )
    reactie = Reactie(
        voorstel=v, revisie=v.revisie, partij=user.partij, soort=soort, toelichting=toelichting, door=user
    )
    _save(reactie, user)
    _settle(v, user)
    return reactie


@transaction.atomic
def revise(user, voorstel: Voorstel, *, versie: int | None = None, **fields) -> Voorstel:
    """The proposer changes its proposal (after a niet akkoord, say): a new revision, on which every
    other party reacts again."""
    _require(user, policy.PROPOSE, voorstel)
    v = locked(Voorstel, voorstel.pk, versie)
    _open(v.programma)
    if v.status != Voorstel.Status.OPEN:
        raise ValidationError(_("Dit voorstel is %(status)s.") % {"status": v.get_status_display()})
    before = _content(v)
    if v.soort == SOORT.NIEUW:
        v.titel = (fields.get("titel") or v.titel).strip()[:300]
    _fill(v, fields)
    if _content(v) == before:
        raise ValidationError(_("U hebt niets gewijzigd; het voorstel blijft zoals het was."))
    v.revisie, v.versie, v.door = v.revisie + 1, v.versie + 1, user
    _save(v, user, "herzien")
    _settle(v, user)
    return v


def _content(v: Voorstel) -> tuple:
    return (v.titel, v.tekst, v.waarde, v.waarde_max, v.vergelijking, v.toelichting)


@transaction.atomic
def withdraw(user, voorstel: Voorstel, *, versie: int | None = None) -> Voorstel:
    _require(user, policy.PROPOSE, voorstel)
    v = locked(Voorstel, voorstel.pk, versie)
    _open(v.programma)
    if v.status != Voorstel.Status.OPEN:
        raise ValidationError(_("Dit voorstel is %(status)s.") % {"status": v.get_status_display()})
    v.status, v.versie = Voorstel.Status.INGETROKKEN, v.versie + 1
    _save(v, user, "ingetrokken")
    return v


@transaction.atomic
def comment(user, programma: Jaarprogramma, tekst: str, *, onderdeel: Onderdeel | None = None) -> Opmerking:
    _require(user, policy.COMMENT_PROGRAMME, programma)
    programma = Jaarprogramma.objects.get(pk=programma.pk)
    _open(programma)
    if onderdeel is not None and onderdeel.programma_id != programma.pk:
        raise ValidationError(_("Deze afspraak hoort niet bij dit jaarprogramma."))
    tekst = _note(tekst, "tekst", _("Schrijf uw opmerking."))
    opmerking = Opmerking(programma=programma, onderdeel=onderdeel, partij=user.partij, door=user, tekst=tekst)
    _save(opmerking, user)
    return opmerking
