"""The rules of signing as plain functions: the status steps, the approving bodies per kind of
party, the deadline, and when a set is signed. No database here; services.py applies them."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afsprakenset

from .models import Orgaan

Status = Afsprakenset.Status

# Where a set may go from each status. Back from akkoord or ondertekend only when a step is
# withdrawn or the text reopened; nothing leaves ingediend but vervallen (a later set replaces it).
TRANSITIONS: dict[str, set[str]] = {
    Status.CONCEPT: {Status.IN_ONDERHANDELING, Status.AKKOORD, Status.VERVALLEN},
    Status.IN_ONDERHANDELING: {Status.AKKOORD, Status.VERVALLEN},
    Status.AKKOORD: {Status.IN_ONDERHANDELING, Status.ONDERTEKEND, Status.VERVALLEN},
    Status.ONDERTEKEND: {Status.AKKOORD, Status.INGEDIEND},
    Status.INGEDIEND: {Status.VERVALLEN},
    Status.VERVALLEN: set(),
}

ORGANEN: dict[str, tuple[str, ...]] = {
    Partij.Soort.GEMEENTE: (Orgaan.COLLEGE,),
    Partij.Soort.CORPORATIE: (Orgaan.RAAD_VAN_COMMISSARISSEN, Orgaan.BESTUUR),
    Partij.Soort.HUURDERSORGANISATIE: (Orgaan.BESTUUR, Orgaan.LEDENVERGADERING),
}
OTHER_ORGANEN = (Orgaan.BESTUUR,)

# The Woningwet's date: agreements for a year are signed (and sent) by 15 December before it.
DEADLINE_MONTH, DEADLINE_DAY = 12, 15


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, set()):
        raise ValidationError(
            _("Een set met status ‘%(van)s’ kan niet naar ‘%(naar)s’.")
            % {"van": Status(current).label, "naar": Status(target).label}
        )


def organen(soort: str) -> tuple[str, ...]:
    """The bodies that approve for a party of this kind."""
    return ORGANEN.get(soort, OTHER_ORGANEN)


def check_orgaan(soort: str, orgaan: str) -> None:
    if orgaan not in organen(soort):
        names = ", ".join(str(Orgaan(o).label) for o in organen(soort))
        raise ValidationError({"orgaan": _("Voor deze partij keurt goed: %(organen)s.") % {"organen": names}})


def default_deadline(eerste_jaar: int, today: date) -> date:
    """15 December before the set's first year; when that has passed, the next 15 December."""
    deadline = date(eerste_jaar - 1, DEADLINE_MONTH, DEADLINE_DAY)
    if deadline < today:
        deadline = date(today.year, DEADLINE_MONTH, DEADLINE_DAY)
        if deadline < today:
            deadline = date(today.year + 1, DEADLINE_MONTH, DEADLINE_DAY)
    return deadline


def check_deadline(deadline: date, today: date) -> None:
    if deadline < today:
        raise ValidationError({"uiterlijk": _("Een termijn in het verleden kan niet; kies vandaag of later.")})


def check_not_future(field: str, day: date, today: date) -> None:
    if day > today:
        raise ValidationError({field: _("Deze datum ligt in de toekomst.")})


def missing(parties: Iterable[int], done: Iterable[int]) -> set[int]:
    """The parties (ids) that have not yet done a step."""
    return set(parties) - set(done)


def is_signed(parties: Iterable[int], approved: Iterable[int], signed: Iterable[int]) -> bool:
    """Every party approved and signed (a set without parties is never signed)."""
    parties = set(parties)
    return bool(parties) and not missing(parties, approved) and not missing(parties, signed)


def package_is_current(package_made, last_change) -> bool:
    """A package shows the signatures as they are only if it was made after the last of them."""
    return package_made is not None and (last_change is None or package_made >= last_change)
