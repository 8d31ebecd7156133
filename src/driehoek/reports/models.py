from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from driehoek.register.models import Afsprakenset


class Publicatie(models.Model):
    """The secretary published a year's adopted evaluation of a set: it is public from then on."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.PROTECT, related_name="publicaties")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), auto_now_add=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["afsprakenset", "-jaar"]
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "jaar"], name="publicatie_eenmaal_per_jaar")]

    def __str__(self) -> str:
        return f"{self.afsprakenset} {self.jaar}"
