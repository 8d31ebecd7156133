"""Every change to the annual cycle goes through these functions: policy, rules, the change and
its history in one transaction."""

import json
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require
from driehoek.core.audit import save as _save
from driehoek.core.text import same_text
from driehoek.core.versioning import locked
from driehoek.monitoring import rules as monitoring_rules
from driehoek.monitoring.models import Beoordeling, Kleur, Status
from driehoek.register import guard
from driehoek.reports import samenvatting

from . import outcome, rules
from .models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Correctie,
    Cyclus,
    Geschil,
    Moderatiesessie,
    Overleg,
    Overlegsoort,
    Planitem,
    Stem,
    Stemming,
    Stemoptie,
    Stemregel,
    Verslag,
)

CHECK_DAYS = 14  # "de andere partijen controleren en vullen de verslagen tijdig aan": two weeks


def template(sjabloon: str) -> dict:
    path = settings.DATA_DIR / "cycli" / f"{sjabloon}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def default_template(afsprakenset) -> str:
    return Cyclus.Sjabloon.KADERAFSPRAKEN if afsprakenset.soort != "prestatieafspraken" else Cyclus.Sjabloon.WONINGWET


def item_specs(afsprakenset, sjabloon: str, year: int) -> list[rules.ItemSpec]:
    agenda = afsprakenset.brongegevens.get("agenda") if afsprakenset.brongegevens else None
    if sjabloon == Cyclus.Sjabloon.WONINGWET and agenda and str(year) in agenda[-1]["when"]:
        return rules.from_agenda(agenda)  # the document's own agenda for its year
    return rules.from_template(template(sjabloon), year)


@transaction.atomic
def generate_year(user, afsprakenset, year: int, sjabloon: str | None = None) -> list[Planitem]:
    """Plan a year's meetings and deadlines from the set's cycle; a year that is planned stays as it is."""
    _require(user, policy.MANAGE_CYCLE, afsprakenset)
    type(afsprakenset).objects.check_year(afsprakenset, year)
    if afsprakenset.planitems.filter(jaar=year).exists():
        raise ValidationError(_("De jaarcyclus van %(jaar)s is al gepland.") % {"jaar": year})
    cyclus = Cyclus.objects.filter(afsprakenset=afsprakenset).first()
    if cyclus is None:
        cyclus = Cyclus(afsprakenset=afsprakenset, sjabloon=sjabloon or default_template(afsprakenset))
        _save(cyclus, user)
    items = []
    for order, spec in enumerate(item_specs(afsprakenset, cyclus.sjabloon, year)):
        item = Planitem(
            afsprakenset=afsprakenset,
            jaar=year,
            soort=spec.soort,
            overlegsoort=spec.overlegsoort,
            titel=spec.titel[:250],
            doel=spec.doel,
            wanneer=spec.wanneer,
            uiterlijk=spec.uiterlijk,
            volgorde=order,
        )
        _save(item, user)
        items.append(item)
    return items


@transaction.atomic
def plan_meeting(
    user, afsprakenset, *, soort: str, titel: str, datum=None, plaats: str = "", genodigden=(), planitem=None
) -> Overleg:
    """A meeting with its agenda filled in: the purpose, the focus points from the monitoring, the
    fixed items and the open action items."""
    _require(user, policy.MANAGE_CYCLE, afsprakenset)
    overleg = Overleg(
        afsprakenset=afsprakenset, soort=soort, titel=titel, datum=datum, plaats=plaats, planitem=planitem
    )
    _save(overleg, user)
    overleg.genodigden.set(genodigden or [d.partij for d in afsprakenset.deelnames.all()])
    points = []
    if planitem and planitem.doel:
        points.append((Agendapunt.Soort.DOEL, planitem.titel, planitem.doel, None))
    year = datum.year if datum else planitem.jaar if planitem else timezone.localdate().year
    focus_year = (
        afsprakenset.monitoringsjaren.filter(jaar__lte=year).order_by("-jaar").values_list("jaar", flat=True).first()
    )
    if focus_year:
        focus = Beoordeling.objects.filter(
            afspraak__afsprakenset=afsprakenset, jaar=focus_year, kleur__in=monitoring_rules.FOCUS
        )
        for b in focus.select_related("afspraak").order_by("afspraak__volgorde"):
            title = _("Focuspunt %(jaar)s: afspraak %(nummer)s (%(kleur)s)") % {
                "jaar": focus_year,
                "nummer": b.afspraak.nummer,
                "kleur": Kleur(b.kleur).label,
            }
            points.append((Agendapunt.Soort.FOCUS, title, b.toelichting, b.afspraak))
    if soort == Overlegsoort.BO and afsprakenset.soort == "kaderafspraken":
        # Chapter 8: leefbaarheid is a fixed item on every BO agenda.
        points.append(
            (Agendapunt.Soort.VAST, _("Leefbaarheid"), _("Vast agendapunt van ieder bestuurlijk overleg."), None)
        )
    for actiepunt in Actiepunt.objects.filter(
        overleg__afsprakenset=afsprakenset, status=Actiepunt.Status.OPEN
    ).select_related("eigenaar"):
        title = _("Actiepunt %(eigenaar)s: %(tekst)s") % {
            "eigenaar": actiepunt.eigenaar,
            "tekst": actiepunt.omschrijving[:200],
        }
        points.append((Agendapunt.Soort.ACTIEPUNT, title, "", actiepunt.afspraak))
    for order, (kind, title, text, afspraak) in enumerate(points):
        _save(
            Agendapunt(
                overleg=overleg, volgorde=order, titel=title[:300], toelichting=text, soort=kind, afspraak=afspraak
            ),
            user,
        )
    return overleg


@transaction.atomic
def add_agenda_item(user, overleg: Overleg, titel: str, toelichting: str = "") -> Agendapunt:
    """The secretary, or a tenant association, puts an item on the agenda before the minutes exist."""
    _require(user, policy.ADD_AGENDA_ITEM, overleg)
    if Verslag.objects.filter(overleg=overleg).exists():
        raise ValidationError(_("Het verslag van dit overleg is al begonnen; de agenda staat vast."))
    if not titel.strip():
        raise ValidationError({"titel": _("Geef het agendapunt een titel.")})
    overleg = locked(Overleg, overleg.pk, None)  # two items at once get their own places
    order = (overleg.agendapunten.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0) + 1
    point = Agendapunt(
        overleg=overleg, volgorde=order, titel=titel.strip(), toelichting=toelichting, ingebracht_door=user.partij
    )
    _save(point, user)
    return point


# --- minutes ------------------------------------------------------------------------------------


def _locked_minutes(verslag: Verslag, versie: int | None) -> Verslag:
    return locked(Verslag, verslag.pk, versie, lambda v: v.tekst)


@transaction.atomic
def write_minutes(user, overleg: Overleg, tekst: str, versie: int | None = None) -> Verslag:
    """The municipality drafts the minutes; during the round it works accepted corrections in."""
    _require(user, policy.DRAFT_MINUTES, overleg)
    if not tekst.strip():
        raise ValidationError({"tekst": _("Het verslag is leeg.")})
    # Lock the meeting first, so that two first drafts queue up too (there is no minutes row to
    # lock yet); the second one then finds the first one's minutes. A form drawn before the first
    # draft carries version 0.
    Overleg.objects.select_for_update().filter(pk=overleg.pk).first()
    verslag = Verslag.objects.filter(overleg=overleg).first()
    if verslag is None:
        verslag = Verslag(overleg=overleg, tekst=tekst)
    else:
        verslag = _locked_minutes(verslag, versie)
        if verslag.status == Verslag.Status.DEFINITIEF:
            raise ValidationError(_("Het verslag is definitief en kan niet meer veranderen."))
        if same_text(verslag.tekst, tekst):
            return verslag  # saved unchanged: no new version
        verslag.tekst = tekst
        verslag.versie += 1
    _save(verslag, user)
    return verslag


@transaction.atomic
def send_for_check(user, verslag: Verslag, uiterlijk: date | None = None, versie: int | None = None) -> Verslag:
    _require(user, policy.DRAFT_MINUTES, verslag.overleg)
    verslag = _locked_minutes(verslag, versie)  # the version read: not a text one has not seen
    verslag.status = rules.minutes_next(verslag.status, "ter_controle")
    verslag.controle_uiterlijk = uiterlijk or timezone.localdate() + timedelta(days=CHECK_DAYS)
    verslag.versie += 1
    _save(verslag, user, "ter controle")
    return verslag


@transaction.atomic
def propose_correction(user, verslag: Verslag, tekst: str) -> Correctie:
    _require(user, policy.CORRECT_MINUTES, verslag.overleg)
    if verslag.status != Verslag.Status.TER_CONTROLE:
        raise ValidationError(_("Het verslag ligt nu niet ter controle."))
    if verslag.controle_uiterlijk and timezone.localdate() > verslag.controle_uiterlijk:
        raise ValidationError(
            _("De termijn voor correcties liep tot %(datum)s.")
            % {"datum": verslag.controle_uiterlijk.strftime("%d-%m-%Y")}
        )
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf de correctie of aanvulling.")})
    correctie = Correctie(verslag=verslag, partij=user.partij, door=user, tekst=tekst.strip())
    _save(correctie, user)
    return correctie


@transaction.atomic
def decide_correction(user, correctie: Correctie, *, accept: bool, reden: str = "") -> Correctie:
    _require(user, policy.MANAGE_CYCLE, correctie.verslag.overleg)
    if correctie.status != Correctie.Status.VOORGESTELD:
        raise ValidationError(_("Over deze correctie is al besloten."))
    if not accept and not reden.strip():
        raise ValidationError({"reden": _("Geef de reden waarom de correctie niet wordt overgenomen.")})
    correctie.status = Correctie.Status.OVERGENOMEN if accept else Correctie.Status.AFGEWEZEN
    correctie.reden = reden.strip()
    _save(correctie, user)
    if accept:  # worked into the minutes text, as a new version that names the party
        verslag = Verslag.objects.select_for_update().get(pk=correctie.verslag_id)
        kop = _("Correctie van %(partij)s") % {"partij": correctie.partij.naam}
        verslag.tekst = f"{verslag.tekst.rstrip()}\n\n{kop}: {correctie.tekst}"
        verslag.versie += 1
        _save(verslag, user, "correctie overgenomen")
    return correctie


def finalized_early(verslag: Verslag) -> bool:
    """Made final while the parties could still send corrections."""
    return bool(verslag.controle_uiterlijk) and timezone.localdate() <= verslag.controle_uiterlijk


@transaction.atomic
def finalize_minutes(user, verslag: Verslag, versie: int | None = None) -> Verslag:
    _require(user, policy.MANAGE_CYCLE, verslag.overleg)
    verslag = _locked_minutes(verslag, versie)
    if verslag.correcties.filter(status=Correctie.Status.VOORGESTELD).exists():
        raise ValidationError(_("Beslis eerst over alle voorgestelde correcties."))
    early = finalized_early(verslag)
    verslag.status = rules.minutes_next(verslag.status, "definitief")
    verslag.definitief_op = timezone.now()
    verslag.versie += 1
    _save(verslag, user, "definitief voor het einde van de controletermijn" if early else "definitief")
    return verslag


# --- decisions and action items -----------------------------------------------------------------


@transaction.atomic
def record_decision(
    user, overleg: Overleg, *, soort: str, tekst: str, jaar: int | None = None, afspraken=()
) -> tuple[Besluit, list]:
    """A decision in the minutes. Adopting a year's evaluation (only a BO can) locks every
    assessment of that year the parties agreed on; the others are returned, not adopted."""
    _require(user, policy.MANAGE_CYCLE, overleg)
    if not tekst.strip():
        raise ValidationError({"tekst": _("Schrijf het besluit.")})
    if soort in (
        Besluit.Soort.EVALUATIE,
        Besluit.Soort.JAARPROGRAMMA,
        Besluit.Soort.WIJZIGING,
    ) and overleg.soort not in (
        Overlegsoort.BO,
        Overlegsoort.TRIPARTIET,
    ):
        raise ValidationError({"soort": _("Alleen een bestuurlijk overleg stelt vast of wijzigt afspraken.")})
    if soort == Besluit.Soort.GEEN_BOD and overleg.soort != Overlegsoort.BO:
        raise ValidationError({"soort": _("Alleen een bestuurlijk overleg stelt vast dat er geen bod is ontvangen.")})
    if soort == Besluit.Soort.EVALUATIE and not jaar:
        raise ValidationError({"jaar": _("Noem het jaar waarvan de evaluatie wordt vastgesteld.")})
    besluit = Besluit(overleg=overleg, soort=soort, tekst=tekst.strip(), jaar=jaar, genomen_door=user)
    _save(besluit, user)
    besluit.afspraken.set(afspraken)
    not_agreed = []
    if soort == Besluit.Soort.EVALUATIE:
        datum = overleg.datum.date() if overleg.datum else timezone.localdate()
        # Locked: a voorzet saved at the same moment waits, and is then refused as outdated.
        assessments = Beoordeling.objects.filter(afspraak__afsprakenset=overleg.afsprakenset, jaar=jaar)
        for b in assessments.select_related("afspraak").select_for_update(of=("self",)):
            if b.status != Status.CONSENSUS:
                not_agreed.append(b)
                continue
            b.status = monitoring_rules.next_status(b.status, monitoring_rules.VASTSTELLEN)
            b.vastgesteld_op, b.vastgesteld_door, b.vastgesteld_bij = datum, str(overleg)[:200], besluit
            b.versie += 1
            _save(b, user, "vastgesteld")
        samenvatting.refresh(overleg.afsprakenset)
    return besluit, not_agreed


@transaction.atomic
def change_agreement_text(user, besluit: Besluit, afspraak, nieuwe_tekst: str, versie: int | None = None):
    """ "Wijziging via bestuurlijke vaststelling": the only way an agreed text changes. The old
    wording stays in the history with the decision as reason. `versie` is the version of the
    agreement the secretary read: a change based on an older text is refused."""
    _require(user, policy.MANAGE_CYCLE, besluit.overleg)
    if besluit.soort != Besluit.Soort.WIJZIGING or afspraak.afsprakenset_id != besluit.overleg.afsprakenset_id:
        raise ValidationError(
            _("Een afspraak wijzigt alleen met een wijzigingsbesluit van een bestuurlijk overleg van dezelfde set.")
        )
    if not nieuwe_tekst.strip():
        raise ValidationError({"tekst": _("De nieuwe tekst is leeg.")})
    afspraak = locked(type(afspraak), afspraak.pk, versie, lambda a: a.tekst)
    afspraak.tekst = nieuwe_tekst.strip()
    afspraak.versie += 1
    with guard.by_decision(besluit):  # a signed set changes only so (docs/adr/0087)
        guard.require_changeable(afspraak.afsprakenset)
        _save(afspraak, user, _("gewijzigd bij besluit van %(overleg)s") % {"overleg": besluit.overleg})
    besluit.afspraken.add(afspraak)
    return afspraak


@transaction.atomic
def add_action(user, overleg: Overleg, *, omschrijving: str, eigenaar, uiterlijk=None, afspraak=None) -> Actiepunt:
    _require(user, policy.MANAGE_CYCLE, overleg)
    if not overleg.afsprakenset.deelnames.filter(partij=eigenaar).exists():
        raise ValidationError({"eigenaar": _("De eigenaar moet een partij van deze set zijn.")})
    actiepunt = Actiepunt(
        overleg=overleg, omschrijving=omschrijving, eigenaar=eigenaar, uiterlijk=uiterlijk, afspraak=afspraak
    )
    _save(actiepunt, user)
    return actiepunt


@transaction.atomic
def set_action_done(user, actiepunt: Actiepunt, done: bool = True) -> Actiepunt:
    _require(user, policy.FINISH_ACTION, actiepunt)
    actiepunt.status = Actiepunt.Status.AFGEROND if done else Actiepunt.Status.OPEN
    _save(actiepunt, user)
    return actiepunt


# --- the dispute procedure ----------------------------------------------------------------------


@transaction.atomic
def report_dispute(
    user, afsprakenset, *, onderwerp: str, omschrijving: str, beoordeling=None, agendapunt=None
) -> Geschil:
    _require(user, policy.REPORT_DISPUTE, afsprakenset)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": _("Beschrijf waarover geen consensus is.")})
    handled = (Geschil.Status.BESLOTEN, Geschil.Status.CONSENSUS)
    if beoordeling is not None and beoordeling.geschillen.exclude(status__in=handled).exists():
        raise ValidationError(_("Over deze beoordeling loopt al een geschil."))
    geschil = Geschil(
        afsprakenset=afsprakenset,
        onderwerp=onderwerp[:300],
        omschrijving=omschrijving.strip(),
        gemeld_door=user.partij,
        beoordeling=beoordeling,
        agendapunt=agendapunt,
    )
    _save(geschil, user)
    return geschil


@transaction.atomic
def appoint_moderator(user, geschil: Geschil, *, moderator: str, deadline: date) -> Geschil:
    _require(user, policy.MANAGE_CYCLE, geschil)
    if geschil.status not in (Geschil.Status.GEMELD, Geschil.Status.GELIJKSPEL):
        raise ValidationError(_("Er is al een moderator aangesteld of het geschil is afgehandeld."))
    if not moderator.strip():
        raise ValidationError({"moderator": _("Noem de onafhankelijke moderator.")})
    if deadline <= timezone.localdate():
        raise ValidationError({"deadline": _("De termijn wordt vooraf vastgelegd en ligt dus in de toekomst.")})
    geschil.moderator, geschil.deadline, geschil.status = moderator.strip(), deadline, Geschil.Status.MODERATIE
    _save(geschil, user, "moderator")
    return geschil


@transaction.atomic
def log_session(user, geschil: Geschil, *, datum: date, verslag: str) -> Moderatiesessie:
    _require(user, policy.MANAGE_CYCLE, geschil)
    if geschil.status != Geschil.Status.MODERATIE:
        raise ValidationError(_("Sessies horen bij een geschil dat bij de moderator ligt."))
    sessie = Moderatiesessie(geschil=geschil, datum=datum, verslag=verslag)
    _save(sessie, user)
    return sessie


@transaction.atomic
def record_consensus(user, geschil: Geschil, uitkomst: str, kleur: str = "", reden: str = "") -> Geschil:
    """The parties agree after all: the outcome takes effect (cycle/outcome.py)."""
    _require(user, policy.MANAGE_CYCLE, geschil)
    if geschil.status in (Geschil.Status.BESLOTEN, Geschil.Status.CONSENSUS):
        raise ValidationError(_("Dit geschil is al afgehandeld."))
    if not uitkomst.strip():
        raise ValidationError({"uitkomst": _("Schrijf de uitkomst op.")})
    if errors := outcome.light_problems(geschil, kleur, reden, uitkomst):
        raise ValidationError(errors)
    geschil.status, geschil.uitkomst = Geschil.Status.CONSENSUS, uitkomst.strip()
    _save(geschil, user, "consensus")
    outcome.take_effect(user, geschil, uitkomst=geschil.uitkomst, kleur=kleur, reden=reden)
    return geschil


@transaction.atomic
def open_vote(user, geschil: Geschil, options: list[str], today: date | None = None) -> Stemming:
    """Only when the moderator's deadline, fixed beforehand, has passed without consensus."""
    _require(user, policy.MANAGE_CYCLE, geschil)
    today = today or timezone.localdate()
    if geschil.status != Geschil.Status.MODERATIE or not geschil.deadline or today <= geschil.deadline:
        raise ValidationError(_("Stemmen kan pas als de termijn van de moderator zonder consensus is verstreken."))
    options = [o.strip() for o in options if o.strip()]
    if len(options) < 2:
        raise ValidationError({"opties": _("Schrijf ten minste twee opties op.")})
    lights = [rules.light_from_text(o) if geschil.beoordeling_id else None for o in options]
    for option, light in zip(options, lights, strict=True):
        if light and (errors := outcome.light_problems(geschil, *light, option)):
            raise ValidationError({"opties": f"{option}: {' '.join(errors.values())}"})
    stemming = Stemming(geschil=geschil, stemregel=outcome.vote_rule(geschil.afsprakenset))
    _save(stemming, user)
    for order, (text, light) in enumerate(zip(options, lights, strict=True)):
        kleur, reden = light or ("", "")
        Stemoptie.objects.create(stemming=stemming, tekst=text, volgorde=order, kleur=kleur, reden=reden)
    geschil.status = Geschil.Status.STEMMING
    _save(geschil, user, "stemming")
    return stemming


@transaction.atomic
def cast_vote(user, stemming: Stemming, optie: Stemoptie) -> Stem:
    _require(user, policy.VOTE, stemming.geschil)
    if stemming.gesloten_op or optie.stemming_id != stemming.pk:
        raise ValidationError(_("Deze stemming is gesloten."))
    if stemming.stemmen.filter(partij=user.partij).exists():
        raise ValidationError(_("Uw partij heeft al gestemd."))
    stem = Stem(stemming=stemming, partij=user.partij, optie=optie, door=user)
    _save(stem, user)
    return stem


@transaction.atomic
def close_vote(user, stemming: Stemming) -> rules.Outcome:
    """Most votes decide. A tie is reported as a tie and goes back to the moderator."""
    _require(user, policy.MANAGE_CYCLE, stemming.geschil)
    if stemming.gesloten_op:
        raise ValidationError(_("Deze stemming is al gesloten."))
    options = list(stemming.opties.all())
    option_ids = [o.pk for o in options]
    if stemming.stemregel == Stemregel.SOORT:
        votes = list(stemming.stemmen.values_list("optie_id", "partij__soort"))
        result = rules.count_votes_by_kind(option_ids, votes)
    else:
        result = rules.count_votes(option_ids, list(stemming.stemmen.values_list("optie_id", flat=True)))
    stemming.gesloten_op = timezone.now()
    _save(stemming, user)
    geschil = stemming.geschil
    counts = ", ".join(f"{o.tekst}: {result.counts[o.pk]}" for o in options)
    if result.tie:
        geschil.status = Geschil.Status.GELIJKSPEL
        geschil.uitkomst = _("Gelijke stemmen (%(counts)s). Terug naar de moderator.") % {"counts": counts}
    else:
        winner = next(o for o in options if o.pk == result.winners[0])
        geschil.status = Geschil.Status.BESLOTEN
        geschil.uitkomst = _("Besloten bij stemming: %(winner)s (%(counts)s).") % {
            "winner": winner.tekst,
            "counts": counts,
        }
    _save(geschil, user, "stemming gesloten")
    if not result.tie:
        outcome.take_effect(user, geschil, uitkomst=geschil.uitkomst, kleur=winner.kleur, reden=winner.reden)
    return result


@transaction.atomic
def mark_planitem(user, item: Planitem, done: bool = True) -> Planitem:
    _require(user, policy.MANAGE_CYCLE, item)
    item.afgerond = done
    _save(item, user)
    return item


@transaction.atomic
def update_meeting(user, overleg: Overleg, *, datum, plaats: str, genodigden, aanwezigen: str) -> Overleg:
    _require(user, policy.MANAGE_CYCLE, overleg)
    unchanged = (
        overleg.datum == datum
        and overleg.plaats == plaats
        and same_text(overleg.aanwezigen, aanwezigen)
        and {p.pk for p in overleg.genodigden.all()} == {p.pk for p in genodigden}
    )
    if unchanged:
        return overleg  # saved unchanged: nothing to record
    overleg.datum, overleg.plaats, overleg.aanwezigen = datum, plaats, aanwezigen
    _save(overleg, user)
    overleg.genodigden.set(genodigden)
    return overleg


@transaction.atomic
def add_agreement(user, besluit: Besluit, *, thema, nummer: str, titel: str, tekst: str, soort: str):
    """A new agreement, adopted by a bestuurlijk overleg (a jaarprogramma or a change decision)."""
    from driehoek.register.models import Afspraak

    _require(user, policy.MANAGE_CYCLE, besluit.overleg)
    afsprakenset = besluit.overleg.afsprakenset
    if (
        besluit.soort not in (Besluit.Soort.JAARPROGRAMMA, Besluit.Soort.WIJZIGING)
        or thema.afsprakenset_id != afsprakenset.pk
    ):
        raise ValidationError(
            _(
                "Een afspraak komt er alleen bij met een besluit over het jaarprogramma "
                "of een wijziging, in dezelfde set."
            )
        )
    if afsprakenset.afspraken.filter(nummer=nummer).exists():
        raise ValidationError({"nummer": _("Afspraak %(n)s bestaat al in deze set.") % {"n": nummer}})
    if not tekst.strip():
        raise ValidationError({"tekst": _("De tekst is leeg.")})
    last = afsprakenset.afspraken.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0
    afspraak = Afspraak(
        afsprakenset=afsprakenset,
        thema=thema,
        nummer=nummer,
        titel=titel,
        tekst=tekst.strip(),
        soort=soort,
        sectie=_("Toegevoegd bij besluit"),
        volgorde=last + 1,
    )
    with guard.by_decision(besluit):  # a signed set changes only so (docs/adr/0087)
        guard.require_changeable(afsprakenset)
        _save(afspraak, user, _("toegevoegd bij besluit van %(overleg)s") % {"overleg": besluit.overleg})
    besluit.afspraken.add(afspraak)
    return afspraak
