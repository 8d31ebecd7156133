"""A dispute's outcome takes effect (issue 14 item 8): when a vote closes with a winner or the
moderator records consensus, the assessment takes the decided light and reason, and a decision
(Besluit) that names the dispute is written in the meeting where the dispute was handled."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require, save
from driehoek.core.versioning import locked
from driehoek.monitoring import rules as monitoring_rules
from driehoek.monitoring.models import Beoordeling, Status

from .models import Besluit, Cyclus, Geschil, Overleg, Stemregel


def meeting_for(geschil: Geschil) -> Overleg:
    """Where the outcome is recorded: the meeting whose agenda holds the dispute, else the set's
    latest meeting held by now, else its next planned one."""
    if geschil.agendapunt_id:
        return geschil.agendapunt.overleg
    meetings = Overleg.objects.filter(afsprakenset_id=geschil.afsprakenset_id)
    held = meetings.filter(datum__lte=timezone.now()).order_by("-datum").first()
    meeting = held or meetings.order_by("datum", "pk").first()
    if meeting is None:
        raise ValidationError(_("Plan eerst het overleg waarin de uitkomst van dit geschil wordt vastgelegd."))
    return meeting


def light_problems(geschil: Geschil, kleur: str, reden: str, toelichting: str) -> dict:
    """For a dispute about an assessment: the light must be one the stoplight model allows."""
    if geschil.beoordeling_id is None or not kleur:
        return {}
    return monitoring_rules.light_errors(kleur, reden, toelichting)


def take_effect(user, geschil: Geschil, *, uitkomst: str, kleur: str = "", reden: str = "") -> Besluit:
    """Write the decision that names the dispute; an assessment in dispute takes the decided light
    (and stays unchanged when the outcome names no light). Runs inside the caller's transaction."""
    besluit = Besluit(
        overleg=meeting_for(geschil),
        soort=Besluit.Soort.GESCHIL,
        tekst=_("Uitkomst van het geschil “%(o)s”: %(u)s") % {"o": geschil.onderwerp, "u": uitkomst},
        geschil=geschil,
        genomen_door=user,
    )
    b = geschil.beoordeling
    if b is not None:
        besluit.jaar = b.jaar
    save(besluit, user, "geschil")
    if b is None:
        return besluit
    besluit.afspraken.set([b.afspraak_id])
    if kleur:
        b = locked(Beoordeling, b.pk, None)
        if b.status == Status.VASTGESTELD:
            raise ValidationError(_("De beoordeling is al vastgesteld; heropen haar eerst."))
        b.kleur, b.reden, b.toelichting = kleur, reden, uitkomst
        b.status = Status.CONSENSUS
        b.versie += 1
        save(b, user, _("uitkomst van het geschil"))
    return besluit


@transaction.atomic
def set_vote_rule(user, afsprakenset, stemregel: str) -> Cyclus:
    """The secretary sets the set's vote rule; a vote already open keeps the rule it was opened with."""
    require(user, policy.MANAGE_CYCLE, afsprakenset)
    if stemregel not in Stemregel.values:
        raise ValidationError({"stemregel": _("Kies een stemregel.")})
    from .services import default_template

    cyclus = Cyclus.objects.filter(afsprakenset=afsprakenset).first() or Cyclus(
        afsprakenset=afsprakenset, sjabloon=default_template(afsprakenset)
    )
    if cyclus.pk and cyclus.stemregel == stemregel:
        return cyclus
    cyclus.stemregel = stemregel
    save(cyclus, user, "stemregel")
    return cyclus


def vote_rule(afsprakenset) -> str:
    cyclus = Cyclus.objects.filter(afsprakenset=afsprakenset).first()
    return cyclus.stemregel if cyclus else Stemregel.PARTIJ
