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


def rapport_path(instance, filename: str) -> str:
    return f"rapporten/{instance.afsprakenset.slug}/{filename}"


class Rapport(models.Model):
    """A yearly evaluation report, made in the background; its progress is shown while it is made."""

    class Formaat(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel"

    class Stand(models.TextChoices):
        WACHT = "wacht", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="rapporten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    formaat = models.CharField(_("formaat"), max_length=4, choices=Formaat.choices)
    stand = models.CharField(_("stand"), max_length=10, choices=Stand.choices, default=Stand.WACHT)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    bestand = models.FileField(_("bestand"), upload_to=rapport_path, blank=True)
    fout = models.TextField(_("fout"), blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    duur = models.FloatField(_("duur in seconden"), null=True, blank=True)

    class Meta:
        ordering = ["-aangevraagd_op"]
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporten")

    def __str__(self) -> str:
        return f"{self.afsprakenset} {self.jaar} ({self.formaat})"

    @property
    def download_name(self) -> str:
        """The name a download gets: the set and the year, never storage's shortened or suffixed name."""
        return f"evaluatie-{self.afsprakenset.slug}-{self.jaar}.{self.formaat}"


class Jaaroverzicht(models.Model):
    """What the national overview shows of one set in one year, kept by the services that change it
    (reports/samenvatting.py, docs/adr/0120): the adopted lights (per theme: `Themaoverzicht`), the
    target for net additions and the municipality's net additions. Never edited; rebuilt by
    `rebuild_summaries`."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="jaaroverzichten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    groen = models.PositiveIntegerField(default=0)
    oranje = models.PositiveIntegerField(default=0)
    rood = models.PositiveIntegerField(default=0)
    afgerond = models.PositiveIntegerField(default=0)
    vastgesteld = models.PositiveIntegerField(_("vastgestelde afspraken"), default=0)
    doel = models.BigIntegerField(_("doel netto toevoeging"), null=True)
    netto_opgeleverd = models.BigIntegerField(_("netto opgeleverd"), default=0)  # the municipality's, this year

    class Meta:
        verbose_name = _("jaaroverzicht")
        verbose_name_plural = _("jaaroverzichten")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "jaar"], name="jaaroverzicht_eenmaal_per_jaar")]

    def __str__(self) -> str:
        return f"{self.afsprakenset_id} {self.jaar}"


class Themaoverzicht(models.Model):
    """The adopted lights of one theme (by title) of a set in one year, kept with its Jaaroverzicht
    (docs/adr/0152): the lights per theme over the country are sums of integer columns."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="themaoverzichten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    thema = models.CharField(_("thema"), max_length=250)
    groen = models.PositiveIntegerField(default=0)
    oranje = models.PositiveIntegerField(default=0)
    rood = models.PositiveIntegerField(default=0)
    afgerond = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("themaoverzicht")
        verbose_name_plural = _("themaoverzichten")
        constraints = [
            models.UniqueConstraint(fields=["afsprakenset", "jaar", "thema"], name="themaoverzicht_eenmaal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.afsprakenset_id} {self.jaar} {self.thema}"


class SummaryVersion(models.Model):
    """One row: a number that every change to what the national figures are made of raises, in the
    change's transaction (reports/national_cache.py, docs/adr/0150). Without the row nothing is cached."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)


class NationalFigures(models.Model):
    """The national figures of the overview (totals, lights per theme) for one class of viewer and
    one filter, as computed under a version of the summaries; read only while that version holds."""

    key = models.CharField(max_length=64, unique=True)
    version = models.PositiveBigIntegerField()
    figures = models.JSONField()

    def __str__(self) -> str:
        return f"{self.key} @ {self.version}"
