"""Everything in a set stays in that set (issue 15, finding 2; docs/adr/0086).

An agreement's theme, its references ("verwijzingen"), a target's indicator, theme or agreement,
a responsible party, an actiehouder and a signatory all belong to the same set as the row that
points at them; a year programme hangs under a framework set of the same municipality. The
models' `clean()` asks `problems(instance)` (so the admin and every model form show it beside the
field); a pre_save signal refuses the same rows on every other road, and database triggers (migration
register `samenhang_binnen_een_set`) hold the rules a trigger can express even against raw SQL.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Indicator,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)


def _set_id_of_afspraak(afspraak_id) -> int | None:
    return Afspraak.objects.filter(pk=afspraak_id).values_list("afsprakenset_id", flat=True).first()


def _takes_part(afsprakenset_id, partij_id) -> bool:
    return Deelname.objects.filter(afsprakenset_id=afsprakenset_id, partij_id=partij_id).exists()


def problems(instance) -> dict[str, str]:
    """Field name -> what is wrong, for a row that points outside its own set."""
    model = type(instance)
    found: dict[str, str] = {}
    if model is Afspraak and instance.thema_id and instance.afsprakenset_id:
        if Thema.objects.filter(pk=instance.thema_id).values_list("afsprakenset_id", flat=True).first() != (
            instance.afsprakenset_id
        ):
            found["thema"] = _("Het thema hoort bij een andere set dan de afspraak.")
    elif model is Afsprakenset and instance.bovenliggende_set_id:
        parent = Afsprakenset.objects.filter(pk=instance.bovenliggende_set_id).values_list("gemeente_id", flat=True)
        if parent.first() != instance.gemeente_id or instance.bovenliggende_set_id == instance.pk:
            found["bovenliggende_set"] = _("Een set hoort alleen bij een andere set van dezelfde gemeente.")
    elif model is Doelstelling:
        found.update(_target_problems(instance))
    elif model in (Verantwoordelijke, Actiehouder, Ondertekenaar) and instance.partij_id:
        if model is Verantwoordelijke:
            set_id = _set_id_of_afspraak(instance.afspraak_id)
        elif model is Actiehouder:
            set_id = (
                Indicator.objects.filter(pk=instance.indicator_id)
                .values_list("afspraak__afsprakenset_id", flat=True)
                .first()
            )
        else:
            set_id = instance.afsprakenset_id
        if set_id is not None and not _takes_part(set_id, instance.partij_id):
            found["partij"] = _("Deze partij neemt geen deel aan de set.")
    return found


def _target_problems(target: Doelstelling) -> dict[str, str]:
    if target.afspraak_id:
        set_id = _set_id_of_afspraak(target.afspraak_id)
    elif target.thema_id:
        set_id = Thema.objects.filter(pk=target.thema_id).values_list("afsprakenset_id", flat=True).first()
    else:
        return {}
    if target.indicator_id:
        indicator_set = (
            Indicator.objects.filter(pk=target.indicator_id).values_list("afspraak__afsprakenset_id", flat=True).first()
        )
        if indicator_set != set_id:
            return {"indicator": _("De indicator hoort bij een andere set dan de doelstelling.")}
    return {}


def check(instance) -> None:
    found = problems(instance)
    if found:
        raise ValidationError(found)


def reference_problems(afspraak: Afspraak, targets) -> str | None:
    """References go to agreements of the same set, never to the agreement itself."""
    if any(t.afsprakenset_id != afspraak.afsprakenset_id or t.pk == afspraak.pk for t in targets):
        return _("Een afspraak verwijst alleen naar andere afspraken van dezelfde set.")
    return None


CHECKED = (Afspraak, Afsprakenset, Doelstelling, Verantwoordelijke, Actiehouder, Ondertekenaar)


@receiver(pre_save)
def _check_before_save(sender, instance, raw=False, **kwargs):
    if sender in CHECKED and not raw:
        check(instance)


@receiver(m2m_changed, sender=Afspraak.verwijzingen.through)
def _check_references(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "pre_add" or not pk_set:
        return
    if reverse:  # instance is the target; the rows in pk_set point at it
        sources = Afspraak.objects.filter(pk__in=pk_set)
        if any(s.afsprakenset_id != instance.afsprakenset_id or s.pk == instance.pk for s in sources):
            raise ValidationError(reference_problems(instance, [Afspraak(pk=0, afsprakenset_id=-1)]))
        return
    problem = reference_problems(instance, Afspraak.objects.filter(pk__in=pk_set))
    if problem:
        raise ValidationError({"verwijzingen": problem})


@receiver(m2m_changed)
def _check_parties_added(sender, instance, action, reverse, pk_set, **kwargs):
    """indicator.actiehouders.add(partij) and afspraak.verantwoordelijken.add(partij) write in bulk:
    the parties must take part in the set all the same."""
    if action != "pre_add" or not pk_set or sender not in (Actiehouder, Verantwoordelijke):
        return
    owner_model = Indicator if sender is Actiehouder else Afspraak
    path = "afspraak__afsprakenset_id" if sender is Actiehouder else "afsprakenset_id"
    if reverse:  # instance is the party, pk_set the indicators or agreements
        pairs = {(s, instance.pk) for s in owner_model.objects.filter(pk__in=pk_set).values_list(path, flat=True)}
    else:
        set_id = owner_model.objects.filter(pk=instance.pk).values_list(path, flat=True).first()
        pairs = {(set_id, p) for p in pk_set}
    if any(not _takes_part(s, p) for s, p in pairs):
        raise ValidationError({"partij": _("Deze partij neemt geen deel aan de set.")})
