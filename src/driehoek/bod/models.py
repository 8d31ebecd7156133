"""The bod: a corporation's activity overview for a municipality and a year (Woningwet art. 44),
with the reactions of its tenant associations and the municipality, and its answer to each."""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Gemeente

from . import rules

User = settings.AUTH_USER_MODEL


class Bod(models.Model):
    class Status(models.TextChoices):
        CONCEPT = rules.CONCEPT, _("concept")
        INGEDIEND = rules.INGEDIEND, _("ingediend, wacht op reacties")
        GEREAGEERD = rules.GEREAGEERD, _("gereageerd, wacht op antwoord van de corporatie")
        BEANTWOORD = rules.BEANTWOORD, _("beantwoord")

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="biedingen"
    )
    corporatie = models.ForeignKey(
        Partij, verbose_name=_("corporatie"), on_delete=models.PROTECT, related_name="biedingen"
    )
    jaar = models.PositiveSmallIntegerField(_("voor het jaar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    uiterlijk = models.DateField(_("in te dienen uiterlijk"))
    reacties_uiterlijk = models.DateField(_("reacties uiterlijk"), null=True, blank=True)
    teksten = models.JSONField(_("toelichting per thema"), default=dict, blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    ingediend_door = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["gemeente__naam", "-jaar", "corporatie__naam"]
        verbose_name = _("bod")
        verbose_name_plural = _("biedingen")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "corporatie", "jaar"], name="een_bod_per_corporatie_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{_('Bod')} {self.corporatie} {self.gemeente} {self.jaar}"

    def get_absolute_url(self) -> str:
        return reverse("bod:detail", args=[self.pk])

    @property
    def jaren(self) -> list[int]:
        return rules.years(self.jaar)


class Bodcijfer(models.Model):
    """One number of the five-year overview: a subject in a year."""

    bod = models.ForeignKey(Bod, on_delete=models.CASCADE, related_name="cijfers")
    onderwerp = models.CharField(_("onderwerp"), max_length=30, choices=[(o.key, o.label) for o in rules.ONDERWERPEN])
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("waarde"), max_digits=9, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["bod", "onderwerp", "jaar"]
        verbose_name = _("cijfer uit het bod")
        verbose_name_plural = _("cijfers uit het bod")
        constraints = [models.UniqueConstraint(fields=["bod", "onderwerp", "jaar"], name="bodcijfer_eenmaal")]

    def __str__(self) -> str:
        return f"{self.bod}: {self.onderwerp} {self.jaar} = {self.waarde}"


def bodbijlage_path(instance, filename: str) -> str:
    return f"bod/{instance.bod.gemeente_id}/{instance.bod_id}/{filename}"


class Bodbijlage(models.Model):
    """A file with the bod. Stored under var/media, which no URL serves; it leaves as a download."""

    bod = models.ForeignKey(Bod, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(_("bestand"), upload_to=bodbijlage_path, max_length=300)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    geplaatst_door = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["geplaatst_op"]
        verbose_name = _("bijlage bij het bod")
        verbose_name_plural = _("bijlagen bij het bod")

    def __str__(self) -> str:
        return self.naam


class Bodreactie(models.Model):
    """A party's reaction to a bod, and the corporation's answer to it."""

    bod = models.ForeignKey(Bod, on_delete=models.CASCADE, related_name="reacties")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("reactie"))
    formeel_advies = models.BooleanField(
        _("formeel advies (Overlegwet)"),
        default=False,
        help_text=_("Een huurdersorganisatie kan haar reactie als formeel advies onder de Overlegwet geven."),
    )
    door = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    antwoord = models.TextField(_("antwoord van de corporatie"), blank=True)
    beantwoord_door = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("reactie op het bod")
        verbose_name_plural = _("reacties op het bod")
        constraints = [models.UniqueConstraint(fields=["bod", "partij"], name="een_reactie_per_partij")]

    def __str__(self) -> str:
        return f"{self.partij}: {self.tekst[:60]}"
