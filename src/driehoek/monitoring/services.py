"""Every change to the monitoring goes through these functions: each checks the policy and the
rules, refuses a save based on an outdated version, and writes the change and its history in one
transaction."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require
from driehoek.core.audit import save as _save
from driehoek.core.downloads import safe_filename
from driehoek.core.text import same_text
from driehoek.core.versioning import ConflictError, locked
from driehoek.reports import samenvatting

from . import checks, rules
from .models import Beoordeling, Bijlage, Indicatorwaarde, Monitoringsjaar, Reactie, Status
from .roles import responders, voorzet_holders


def describe_value(value: Indicatorwaarde) -> str:
    number = "" if value.waarde is None else f"{floatformat(value.waarde, -2)} {value.eenheid}"
    return " — ".join(part for part in (number.strip(), value.oordeel) if part)


def describe_beoordeling(b: Beoordeling) -> str:
    light = b.get_kleur_display() + (f" ({b.reden})" if b.reden else "") if b.kleur else b.get_status_display()
    return " — ".join(part for part in (light, b.toelichting) if part)


MAX_VALUE = Decimal(10**12)


def _locked(model, pk: int, versie: int | None):
    describe = describe_value if model is Indicatorwaarde else describe_beoordeling
    return locked(model, pk, versie, describe)


@transaction.atomic
def start_year(user, afsprakenset, jaar: int) -> Monitoringsjaar:
    _require(user, policy.START_YEAR, afsprakenset)
    type(afsprakenset).objects.check_year(afsprakenset, jaar)
    if afsprakenset.monitoringsjaren.filter(jaar=jaar).exists():
        raise ValidationError(_("De monitoring van %(jaar)s is al gestart.") % {"jaar": jaar})
    monitoringsjaar = Monitoringsjaar(
        afsprakenset=afsprakenset,
        jaar=jaar,
        gestart_door=user,
        voorzet_uiterlijk=date(jaar + 1, 2, 1),
        reacties_uiterlijk=date(jaar + 1, 3, 1),
    )
    _save(monitoringsjaar, user)
    for afspraak in afsprakenset.afspraken.all():
        _save(Beoordeling(afspraak=afspraak, jaar=jaar), user)
    checks.start(user, afsprakenset, jaar)
    return monitoringsjaar


def _require_year(indicator_or_afspraak_set, jaar: int) -> None:
    if not indicator_or_afspraak_set.monitoringsjaren.filter(jaar=jaar).exists():
        raise ValidationError(_("De monitoring van %(jaar)s is nog niet gestart.") % {"jaar": jaar})


@transaction.atomic
def save_value(
    user, indicator, jaar: int, *, waarde=None, eenheid="", oordeel="", bron="", versie=None
) -> Indicatorwaarde:
    _require(user, policy.ENTER_VALUE, indicator)
    _require_year(indicator.afspraak.afsprakenset, jaar)
    if not indicator.jaar_van <= jaar <= indicator.jaar_tot:
        raise ValidationError(
            _("Deze indicator loopt van %(jaren)s; %(jaar)s hoort daar niet bij.")
            % {"jaren": indicator.jaren, "jaar": jaar}
        )
    if waarde is None and not oordeel.strip():
        raise ValidationError({"waarde": _("Vul een waarde of een oordeel in.")})
    if waarde is not None and (not Decimal(waarde).is_finite() or abs(Decimal(waarde)) >= MAX_VALUE):
        # The column holds 14 digits, 2 after the comma; the API has no form to say so first.
        raise ValidationError({"waarde": _("De waarde moet een getal onder het biljoen zijn.")})
    if waarde is not None and (
        problem := rules.value_problem(Decimal(waarde), indicator.decimalen, indicator.negatief_toegestaan)
    ):
        raise ValidationError({"waarde": problem})
    # Lock the indicator first, so that two first entries for the same year queue up too (there
    # is no value row to lock yet); the second one then finds the first one's row.
    type(indicator).objects.select_for_update().filter(pk=indicator.pk).first()
    existing = Indicatorwaarde.objects.filter(indicator=indicator, jaar=jaar).first()
    if existing:
        # A form drawn before the first entry carries version 0.
        value = _locked(Indicatorwaarde, existing.pk, versie)
        value.versie += 1
    else:
        if versie not in (None, 0):
            raise ConflictError(None)
        value = Indicatorwaarde(indicator=indicator, jaar=jaar)
    value.waarde, value.eenheid, value.oordeel, value.bron = waarde, eenheid, oordeel.strip(), bron
    value.berekening = ""  # entered by hand: the figures no longer overwrite it
    value.partij, value.bijgewerkt_door = user.partij, user
    _save(value, user)
    return value


@transaction.atomic
def add_attachment(user, value: Indicatorwaarde, upload, soort: str) -> Bijlage:
    _require(user, policy.ENTER_VALUE, value.indicator)
    bijlage = Bijlage(
        indicatorwaarde=value, naam=upload.name[:200], soort=soort, grootte=upload.size, geplaatst_door=user
    )
    bijlage.bestand.save(safe_filename(upload.name), upload, save=False)
    _save(bijlage, user)
    return bijlage


@transaction.atomic
def make_voorzet(
    user,
    beoordeling: Beoordeling,
    *,
    kleur: str,
    reden: str = "",
    toelichting: str = "",
    afwijking_toelichting: str = "",
    suggestie: rules.Suggestion | None = None,
    versie: int | None = None,
) -> Beoordeling:
    _require(user, policy.MAKE_VOORZET, beoordeling)
    b = _locked(Beoordeling, beoordeling.pk, versie)
    status = rules.next_status(b.status, rules.VOORZET_DOEN)
    unchanged = (
        (b.kleur, b.reden) == (kleur, reden)
        and same_text(b.toelichting, toelichting)
        and same_text(b.afwijking_toelichting, afwijking_toelichting if suggestie else "")
    )
    if unchanged and b.status in (Status.VOORZET, Status.IN_BESPREKING, Status.CONSENSUS):
        return b  # the same voorzet saved again: no new revision, the reactions to it stay valid
    errors = rules.light_errors(kleur, reden, toelichting)
    if rules.deviates(kleur, reden, suggestie) and not afwijking_toelichting.strip():
        errors["afwijking_toelichting"] = _("U wijkt af van de suggestie uit de cijfers: leg uit waarom.")
    if errors:
        raise ValidationError(errors)
    holders = voorzet_holders(b.afspraak)
    # The first-named actiehouder leads; a co-holder editing keeps the lead where it is.
    b.voorzet_partij = holders[0] if holders else user.partij
    b.status, b.kleur, b.reden, b.toelichting = status, kleur, reden, toelichting.strip()
    b.suggestie_kleur = suggestie.kleur if suggestie else ""
    b.suggestie_reden = suggestie.reden if suggestie else ""
    b.afwijking_toelichting = afwijking_toelichting.strip() if suggestie else ""
    b.voorzet_door, b.voorzet_op = user, timezone.now()
    b.revisie += 1
    b.versie += 1
    _save(b, user, "voorzet")
    return b


@transaction.atomic
def respond(
    user, beoordeling: Beoordeling, *, soort: str, toelichting: str = "", revisie: int | None = None
) -> Reactie:
    """A party's reaction to the current voorzet. `revisie` is the voorzet the person read: a
    reaction to a voorzet that changed meanwhile is refused, so nobody agrees to what they did not
    see. Reactions of different parties do not conflict with each other."""
    _require(user, policy.RESPOND, beoordeling)
    b = _locked(Beoordeling, beoordeling.pk, None)
    if revisie is not None and b.revisie != revisie:
        raise ConflictError(b, describe_beoordeling(b))
    if soort not in Reactie.Soort.values:
        raise ValidationError({"soort": _("Kies akkoord, niet akkoord of opmerking.")})
    if soort != Reactie.Soort.AKKOORD and not toelichting.strip():
        message = (
            _("Geef de reden waarom uw partij niet akkoord is.")
            if soort == Reactie.Soort.NIET_AKKOORD
            else _("Schrijf uw opmerking.")
        )
        raise ValidationError({"toelichting": message})
    if not rules.allowed(b.status, rules.REAGEREN):
        rules.next_status(b.status, rules.REAGEREN)  # raises with the reason
    reactie = Reactie(
        beoordeling=b, revisie=b.revisie, partij=user.partij, soort=soort, toelichting=toelichting.strip(), door=user
    )
    _save(reactie, user)
    current = list(b.reacties.filter(revisie=b.revisie).order_by("op", "pk").values_list("partij_id", "soort"))
    consensus = rules.has_consensus({p.pk for p in responders(b)}, current)
    b.status = rules.next_status(b.status, rules.REAGEREN, consensus=consensus)
    b.versie += 1
    _save(b, user, "reactie")
    return reactie


@transaction.atomic
def adopt(user, beoordeling: Beoordeling, *, datum: date, orgaan: str, versie: int | None = None) -> Beoordeling:
    _require(user, policy.ADOPT, beoordeling)
    b = _locked(Beoordeling, beoordeling.pk, versie)
    b.status = rules.next_status(b.status, rules.VASTSTELLEN)
    if not orgaan.strip():
        raise ValidationError({"orgaan": _("Noem het overleg dat de beoordeling vaststelde.")})
    b.vastgesteld_op, b.vastgesteld_door = datum, orgaan.strip()
    b.versie += 1
    _save(b, user, "vastgesteld")
    samenvatting.refresh(b.afspraak.afsprakenset)
    return b


@transaction.atomic
def revise(user, beoordeling: Beoordeling, *, reden: str, versie: int | None = None) -> Beoordeling:
    """Open an adopted assessment again: a new revision, with its reason on the record."""
    _require(user, policy.REVISE, beoordeling)
    b = _locked(Beoordeling, beoordeling.pk, versie)
    b.status = rules.next_status(b.status, rules.HERZIEN)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de herziening.")})
    b.herzieningsreden = reden.strip()
    b.vastgesteld_op, b.vastgesteld_door, b.vastgesteld_bij = None, "", None  # the adoption stays in the history
    b.revisie += 1
    b.versie += 1
    _save(b, user, "herzien")
    samenvatting.refresh(b.afspraak.afsprakenset)
    return b
