"""Every change to a bod goes through these functions: each asks the policy, checks the rules,
refuses a save based on an outdated version, and writes the change and its history in one
transaction."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.audit import require, save
from driehoek.core.downloads import safe_filename
from driehoek.core.versioning import locked

from . import queries, rules
from .models import Bod, Bodbijlage, Bodcijfer, Bodreactie


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _check_deadline(field: str, value: date | None, today: date) -> None:
    error = rules.deadline_error(value, today)
    if error:
        raise ValidationError({field: error})


def describe(bod: Bod) -> str:
    return f"{bod.get_status_display()}, {_('in te dienen uiterlijk')} {bod.uiterlijk:%d-%m-%Y}"


def _update_status(bod: Bod, user) -> None:
    reacties = list(bod.reacties.all())
    new = rules.status(
        ingediend=bod.ingediend_op is not None,
        expected={p.pk for p in queries.expected_reactors(bod)},
        reacted={r.partij_id for r in reacties},
        answered={r.partij_id for r in reacties if r.antwoord},
    )
    if new != bod.status:
        bod.status = new
        bod.versie += 1
        save(bod, user, f"status: {new}")


@transaction.atomic
def start_bod(user, gemeente, jaar: int, uiterlijk: date | None = None, today: date | None = None) -> Bod:
    """A corporation starts its bod for a municipality and a year, as a concept."""
    require(user, policy.WRITE_BOD, gemeente)
    today = _today(today)
    if not today.year <= jaar <= today.year + rules.YEARS:
        raise ValidationError(
            {"jaar": _("Kies een jaar van %(a)s tot en met %(b)s.") % {"a": today.year, "b": today.year + rules.YEARS}}
        )
    uiterlijk = uiterlijk or rules.default_deadline(jaar)
    _check_deadline("uiterlijk", uiterlijk, today)
    if Bod.objects.filter(gemeente=gemeente, corporatie=user.partij, jaar=jaar).exists():
        raise ValidationError(
            {"jaar": _("%(c)s heeft al een bod voor %(j)s in %(g)s.") % {"c": user.partij, "j": jaar, "g": gemeente}}
        )
    bod = Bod(gemeente=gemeente, corporatie=user.partij, jaar=jaar, uiterlijk=uiterlijk)
    save(bod, user, "start_bod")
    return bod


@transaction.atomic
def save_bod(
    user,
    bod: Bod,
    *,
    cijfers: dict[tuple[str, int], Decimal | None],
    teksten: dict[str, str],
    uiterlijk: date,
    reacties_uiterlijk: date | None,
    versie: int | None,
    today: date | None = None,
) -> Bod:
    """Save the concept: the five-year numbers, the text per theme and the deadlines. Nothing that
    did not change is written; a deadline that changes may not lie in the past."""
    require(user, policy.WRITE_BOD, bod)
    bod = locked(Bod, bod.pk, versie, describe)
    if bod.status != Bod.Status.CONCEPT:
        raise ValidationError(_("Een ingediend bod wordt niet meer gewijzigd."))
    today = _today(today)
    errors = {}
    for (key, jaar), value in cijfers.items():
        onderwerp = rules.BY_KEY.get(key)
        if onderwerp is None or jaar not in bod.jaren:
            errors["__all__"] = _("Onbekende regel of jaar in het overzicht.")
        elif value is not None and (error := rules.value_error(onderwerp, value)):
            errors[f"c_{key}_{jaar}"] = error
    deadlines = (
        ("uiterlijk", bod.uiterlijk, uiterlijk),
        ("reacties_uiterlijk", bod.reacties_uiterlijk, reacties_uiterlijk),
    )
    for field, old, new in deadlines:
        if new != old and (error := rules.deadline_error(new, today)):
            errors[field] = error
    if reacties_uiterlijk and reacties_uiterlijk < uiterlijk and "reacties_uiterlijk" not in errors:
        errors["reacties_uiterlijk"] = _("De reacties kunnen niet eerder dan het bod zelf.")
    if errors:
        raise ValidationError(errors)
    changed = False
    stored = {(c.onderwerp, c.jaar): c for c in bod.cijfers.all()}
    for key, value in cijfers.items():
        current = stored.get(key)
        if value is None and current is not None:
            current._history_user = user
            current.delete()
            changed = True
        elif value is not None and (current is None or current.waarde != value):
            cijfer = current or Bodcijfer(bod=bod, onderwerp=key[0], jaar=key[1])
            cijfer.waarde = value
            save(cijfer, user)
            changed = True
    teksten = {k: v.strip()[: rules.MAX_TEXT] for k, v in teksten.items() if v.strip()}
    if (teksten, uiterlijk, reacties_uiterlijk) != (bod.teksten, bod.uiterlijk, bod.reacties_uiterlijk):
        bod.teksten, bod.uiterlijk, bod.reacties_uiterlijk = teksten, uiterlijk, reacties_uiterlijk
        changed = True
    if changed:
        bod.versie += 1
        save(bod, user, "save_bod")
    return bod


@transaction.atomic
def submit_bod(user, bod: Bod, versie: int | None = None, today: date | None = None) -> Bod:
    """Submit the concept to the municipality and the tenant associations; from now on it is fixed."""
    require(user, policy.WRITE_BOD, bod)
    bod = locked(Bod, bod.pk, versie, describe)
    if bod.status != Bod.Status.CONCEPT:
        raise ValidationError(_("Dit bod is al ingediend."))
    if not bod.cijfers.exists() and not bod.teksten:
        raise ValidationError(_("Vul het activiteitenoverzicht of een toelichting in voordat u het bod indient."))
    if bod.reacties_uiterlijk is None:
        raise ValidationError(
            {"reacties_uiterlijk": _("Geef aan tot wanneer de huurdersorganisaties en de gemeente kunnen reageren.")}
        )
    _check_deadline("reacties_uiterlijk", bod.reacties_uiterlijk, _today(today))
    bod.ingediend_op, bod.ingediend_door = timezone.now(), user
    bod.status = Bod.Status.INGEDIEND
    bod.versie += 1
    save(bod, user, "submit_bod")
    _update_status(bod, user)
    return bod


@transaction.atomic
def add_attachment(user, bod: Bod, upload, soort: str) -> Bodbijlage:
    """A file with the concept (its type was checked by content in the form)."""
    require(user, policy.WRITE_BOD, bod)
    bod = locked(Bod, bod.pk, None)
    if bod.status != Bod.Status.CONCEPT:
        raise ValidationError(_("Een ingediend bod wordt niet meer gewijzigd."))
    bijlage = Bodbijlage(bod=bod, naam=upload.name[:200], soort=soort, grootte=upload.size, geplaatst_door=user)
    bijlage.bestand.save(safe_filename(upload.name), upload, save=False)
    save(bijlage, user)
    return bijlage


@transaction.atomic
def react(user, bod: Bod, tekst: str, formeel_advies: bool = False, versie: int | None = None) -> Bodreactie:
    """A party's reaction to a submitted bod, its own text; a tenant association may mark it as formal
    advice under the Overlegwet. It can be changed until the corporation has answered it."""
    require(user, policy.REACT_BOD, bod)
    bod = locked(Bod, bod.pk, None)
    if bod.status == Bod.Status.CONCEPT:
        raise ValidationError(_("Op een concept wordt nog niet gereageerd."))
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": _("Schrijf uw reactie.")})
    if formeel_advies and user.partij.soort != user.partij.Soort.HUURDERSORGANISATIE:
        raise ValidationError({"formeel_advies": _("Alleen een huurdersorganisatie geeft formeel advies.")})
    reactie = Bodreactie.objects.select_for_update().filter(bod=bod, partij=user.partij).first()
    if reactie is None:
        reactie = Bodreactie(bod=bod, partij=user.partij)
    else:
        reactie = locked(Bodreactie, reactie.pk, versie, lambda r: r.tekst)
        if reactie.antwoord:
            raise ValidationError(_("De corporatie heeft uw reactie al beantwoord; die staat vast."))
        if (reactie.tekst, reactie.formeel_advies) == (tekst, formeel_advies):
            return reactie
        reactie.versie += 1
    reactie.tekst, reactie.formeel_advies, reactie.door = tekst, formeel_advies, user
    save(reactie, user, "react")
    _update_status(bod, user)
    return reactie


@transaction.atomic
def answer(user, reactie: Bodreactie, antwoord: str, versie: int | None = None) -> Bodreactie:
    """The corporation records how it answers one reaction."""
    require(user, policy.WRITE_BOD, reactie.bod)
    reactie = locked(Bodreactie, reactie.pk, versie, lambda r: r.antwoord or r.tekst)
    antwoord = antwoord.strip()
    if not antwoord:
        raise ValidationError({"antwoord": _("Schrijf hoe de corporatie op deze reactie ingaat.")})
    if antwoord == reactie.antwoord:
        return reactie
    reactie.antwoord, reactie.beantwoord_door, reactie.beantwoord_op = antwoord, user, timezone.now()
    reactie.versie += 1
    save(reactie, user, "answer")
    _update_status(locked(Bod, reactie.bod_id, None), user)
    return reactie
