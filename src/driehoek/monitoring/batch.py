"""Work on many agreements at once, through the same services as one at a time: the reaction round
(one transaction per reaction, so one refused row keeps the others) and the adoption list (all
agreements at consensus on the BO agenda and adopted in one decision, all or nothing)."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require as _require

from . import rules, services
from .models import Beoordeling, Reactie, Status
from .roles import responders


@dataclass
class RowResult:
    beoordeling: Beoordeling
    soort: str
    toelichting: str
    error: str = ""
    conflict: object = None


@dataclass
class RoundResult:
    saved: list[RowResult] = field(default_factory=list)
    refused: list[RowResult] = field(default_factory=list)


def respond_all(user, choices: list[tuple[Beoordeling, str, str, int | None]]) -> RoundResult:
    """Each (beoordeling, soort, toelichting, revisie) through `services.respond`, each in its own
    transaction: a refused row (a changed voorzet, a missing reason) comes back with its message and
    the rows saved before and after it stay saved."""
    result = RoundResult()
    for b, soort, toelichting, revisie in choices:
        row = RowResult(b, soort, toelichting)
        try:
            services.respond(user, b, soort=soort, toelichting=toelichting, revisie=revisie)
        except services.ConflictError as e:
            row.error = _("De voorzet is intussen gewijzigd. Lees de nieuwe voorzet en kies opnieuw.")
            row.conflict = e
        except ValidationError as e:
            row.error = " ".join(e.messages)
        except rules.TransitionNotAllowed as e:
            row.error = str(e)
        except PermissionDenied as e:
            row.error = str(e)
        (result.refused if row.error else result.saved).append(row)
    return result


def why_not_adoptable(b: Beoordeling, current: list[Reactie]) -> str:
    """Why an agreement cannot be adopted with the others yet, in words for the secretary."""
    if b.status == Status.VASTGESTELD:
        return _("Al vastgesteld.")
    if b.status == Status.OPEN:
        return _("Er is nog geen voorzet.")
    answered = {r.partij_id: r for r in current if r.soort != Reactie.Soort.OPMERKING}
    against = [r.partij.korte_naam for r in answered.values() if r.soort == Reactie.Soort.NIET_AKKOORD]
    waiting = [p.korte_naam for p in responders(b) if p.pk not in answered]
    parts = []
    if against:
        parts.append(_("Niet akkoord: %(partijen)s.") % {"partijen": ", ".join(against)})
    if waiting:
        parts.append(_("Wacht op de reactie van %(partijen)s.") % {"partijen": ", ".join(waiting)})
    return " ".join(parts) or _("Nog geen consensus.")


@transaction.atomic
def adopt_at_consensus(user, afsprakenset, jaar: int, *, expected: set[int], overleg=None):
    """Put every agreement at consensus on a BO agenda and adopt them in one recorded decision
    (cycle's `record_decision`, soort evaluatie) that names each agreement. `expected` is the list
    the secretary saw: if it changed meanwhile, nothing is done. Returns (besluit, overleg)."""
    from driehoek.cycle import services as cycle_services
    from driehoek.cycle.models import Besluit, Overlegsoort

    _require(user, policy.ADOPT, afsprakenset)
    at_consensus = list(
        Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset, jaar=jaar, status=Status.CONSENSUS)
        .select_related("afspraak")
        .select_for_update(of=("self",))
        .order_by("afspraak__volgorde")
    )
    if not at_consensus:
        raise ValidationError(_("Er is geen afspraak met consensus om vast te stellen."))
    if {b.pk for b in at_consensus} != expected:
        raise ValidationError(_("De lijst is intussen veranderd. Bekijk de nieuwe lijst en stel dan opnieuw vast."))
    if overleg is None:
        overleg = cycle_services.plan_meeting(
            user,
            afsprakenset,
            soort=Overlegsoort.BO,
            titel=_("Bestuurlijk overleg: vaststelling evaluatie %(jaar)s") % {"jaar": jaar},
            datum=None,
        )
    elif overleg.afsprakenset_id != afsprakenset.pk or overleg.soort != Overlegsoort.BO:
        raise ValidationError({"overleg": _("Kies een bestuurlijk overleg van deze afsprakenset.")})
    for b in at_consensus:
        cycle_services.add_agenda_item(
            user,
            overleg,
            _("Vaststelling beoordeling %(jaar)s: afspraak %(nummer)s (%(kleur)s)")
            % {"jaar": jaar, "nummer": b.afspraak.nummer, "kleur": b.get_kleur_display()},
            b.toelichting,
        )
    nummers = ", ".join(b.afspraak.nummer for b in at_consensus)
    tekst = _(
        "Het bestuurlijk overleg stelt de beoordeling %(jaar)s vast van de afspraken %(nummers)s, "
        "zoals de partijen die in consensus hebben gegeven."
    ) % {"jaar": jaar, "nummers": nummers}
    besluit, not_agreed = cycle_services.record_decision(
        user,
        overleg,
        soort=Besluit.Soort.EVALUATIE,
        tekst=tekst,
        jaar=jaar,
        afspraken=[b.afspraak for b in at_consensus],
    )
    adopted = Beoordeling.objects.filter(vastgesteld_bij=besluit).count()
    if adopted != len(at_consensus):  # a guard: the decision adopts exactly the list, or nothing
        raise ValidationError(_("Niet alle afspraken konden worden vastgesteld; er is niets vastgesteld."))
    return besluit, overleg
