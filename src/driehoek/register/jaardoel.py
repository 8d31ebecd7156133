"""Yearly targets (jaardoelen): the target of one indicator for one year, as a yearly programme
(jaarschijf) or the framework itself adopted it. The register is the record of what was agreed,
so every yearly target names the set that adopted it (docs/adr/0075)."""

from simple_history.models import HistoricalRecords

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Doelstelling  # models.py imports this module at its end, after Doelstelling


class Jaardoel(models.Model):
    # The indicator the target is for: a framework indicator when a yearly programme phases it.
    indicator = models.ForeignKey(
        "register.Indicator", verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="jaardoelen"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    waarde_max = models.DecimalField(_("bovengrens"), max_digits=14, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=120, blank=True)
    vergelijking = models.CharField(
        _("vergelijking"), max_length=20, choices=Doelstelling.Vergelijking.choices, default="ten_minste"
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    # Which set adopted it: the yearly programme, or the framework when it gives a phasing itself.
    afsprakenset = models.ForeignKey(
        "register.Afsprakenset", verbose_name=_("vastgesteld in"), on_delete=models.CASCADE, related_name="jaardoelen"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "jaar"]
        verbose_name = _("jaardoel")
        verbose_name_plural = _("jaardoelen")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "jaar", "afsprakenset"], name="jaardoel_eenmaal_per_bron"),
            models.CheckConstraint(
                condition=Q(waarde_max__isnull=True) | Q(waarde_max__gte=models.F("waarde")),
                name="jaardoel_bereik_oplopend",
            ),
            models.CheckConstraint(
                condition=~Q(vergelijking="tussen") | Q(waarde_max__isnull=False), name="jaardoel_tussen_bovengrens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaar}: {self.doel_tekst}"

    @property
    def doel_tekst(self) -> str:
        """The target in words, without its year: 'ten minste 30 woningen'."""
        return rules.describe_target(self, with_year=False)
