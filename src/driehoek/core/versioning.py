"""Optimistic version checks against lost updates (docs/adr/0060-version-check.md).

A form carries the `versie` it was drawn from. The service locks the row (SELECT ... FOR UPDATE)
and compares: when someone else saved in between, the save is refused with a ConflictError that
names who changed it, when, and what is stored now. The lock makes two truly simultaneous saves
queue: the second one sees the first one's new version and is refused.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@dataclass(frozen=True)
class Wijziging:
    """The other change: who saved it, when, and (for the message) what it says now."""

    wie: str
    wanneer: datetime | None
    wat: str = ""

    @property
    def wanneer_label(self) -> str:
        if self.wanneer is None:
            return ""
        return formats.date_format(timezone.localtime(self.wanneer), "DATETIME_FORMAT")


class ConflictError(Exception):
    """Someone else saved in the meantime; `current` is what they saved, `change` who and when."""

    def __init__(self, current, wat: str = ""):
        self.current = current
        self.change = last_change(current, wat)
        if self.change.wie:
            message = _(
                "%(wie)s heeft dit intussen gewijzigd (%(wanneer)s). Uw wijziging is niet opgeslagen: "
                "bekijk wat er nu staat en probeer het opnieuw."
            ) % {"wie": self.change.wie, "wanneer": self.change.wanneer_label}
        else:
            message = _("Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.")
        super().__init__(message)

    @property
    def detail(self) -> str:
        """The message with what is stored now, for places without a page to show it on (the API)."""
        return f"{self} {_('Nu opgeslagen')}: {self.change.wat}" if self.change.wat else str(self)


def person(user) -> str:
    if user is None:
        return _("systeem")
    party = getattr(getattr(user, "partij", None), "korte_naam", "")
    name = user.get_full_name() or user.username
    return f"{name} ({party})" if party else name


def last_change(obj, wat: str = "") -> Wijziging:
    """Who saved `obj` last, from its history (written in the same transaction as the save)."""
    if obj is None or not hasattr(obj, "history"):
        return Wijziging(wie="", wanneer=None, wat=wat)
    latest = obj.history.select_related("history_user").order_by("-history_date", "-history_id").first()
    if latest is None:
        return Wijziging(wie="", wanneer=None, wat=wat)
    return Wijziging(wie=person(latest.history_user), wanneer=latest.history_date, wat=wat)


def locked(model: type[models.Model], pk: int, versie: int | None, describe=None):
    """The row, locked until the end of the transaction; ConflictError when its version moved on.

    `versie=None` means the caller did not read a version (an internal step such as a status
    change by the system): it still takes the lock, so it cannot interleave with a save."""
    obj = model.objects.select_for_update().get(pk=pk)
    if versie is not None and obj.versie != versie:
        raise ConflictError(obj, describe(obj) if describe else "")
    return obj


def offer_current_version(form, current, field: str = "versie") -> None:
    """After a refusal the form keeps the person's own input but now carries the stored version,
    so that saving again, after reading the other change, is a deliberate overwrite."""
    if current is None or not form.is_bound:
        return
    data = form.data.copy()
    data[form.add_prefix(field)] = getattr(current, field)
    form.data = data


RELOAD = gettext_lazy(
    "Deze pagina mist de versie waarop uw wijziging voortbouwt: laad de pagina opnieuw en probeer het nog eens."
)


def version_field(**kwargs) -> forms.Field:
    """The hidden version a form was drawn from; required, so leaving it out cannot overwrite."""
    return forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": RELOAD}, **kwargs)
