"""Figures: legal rent and income limits per year, and what corporations provide per municipality:
stock (totals or one row per home), building plans, mutations and allocations. Nothing about tenants."""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Gemeente

MONEY = {"max_digits": 10, "decimal_places": 2, "null": True, "blank": True}


class Referentiejaar(models.Model):
    """Rent limits (euro per month, kale huur) and income limits (euro per year) of one year.
    Empty means unknown, never zero."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    kwaliteitskortingsgrens = models.DecimalField(_("kwaliteitskortingsgrens"), **MONEY)
    eerste_aftoppingsgrens = models.DecimalField(_("eerste aftoppingsgrens"), **MONEY)
    tweede_aftoppingsgrens = models.DecimalField(_("tweede aftoppingsgrens"), **MONEY)
    daeb_huurgrens = models.DecimalField(
        _("maximale huurgrens huurtoeslag / DAEB-huurgrens"),
        help_text=_("Tot 1 juli 2024 ook de liberalisatiegrens."),
        **MONEY,
    )
    liberalisatiegrens_middenhuur = models.DecimalField(
        _("liberalisatiegrens middenhuur"),
        help_text=_("Bovengrens gereguleerde middenhuur, sinds de Wet betaalbare huur (1 juli 2024)."),
        **MONEY,
    )
    daeb_inkomensgrens_1p = models.DecimalField(_("DAEB-inkomensgrens eenpersoons"), **MONEY)
    daeb_inkomensgrens_mp = models.DecimalField(_("DAEB-inkomensgrens meerpersoons"), **MONEY)
    passend_1p = models.DecimalField(_("passend toewijzen eenpersoons"), **MONEY)
    passend_mp = models.DecimalField(_("passend toewijzen meerpersoons"), **MONEY)
    passend_1p_aow = models.DecimalField(_("passend toewijzen eenpersoons, AOW-leeftijd"), **MONEY)
    passend_mp_aow = models.DecimalField(_("passend toewijzen meerpersoons, AOW-leeftijd"), **MONEY)
    bronnen = models.TextField(_("bronnen"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-jaar"]
        verbose_name = _("huur- en inkomensgrenzen")
        verbose_name_plural = _("huur- en inkomensgrenzen")

    def __str__(self) -> str:
        return str(self.jaar)


class Aanlevering(models.Model):
    """One delivery of figures by a corporation for a municipality and period. A new delivery of the
    same kind and period replaces the old one, which stays on the record."""

    class Soort(models.TextChoices):
        VOORRAAD = "voorraad", _("woningvoorraad (totaal)")
        WONINGREGISTER = "woningregister", _("woningregister (een regel per woning)")
        PLANNEN = "plannen", _("woningbouwplannen")
        MUTATIES = "mutaties", _("mutaties (verkoop, sloop, aankoop)")
        TOEWIJZINGEN = "toewijzingen", _("toewijzingen")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="aanleveringen")
    corporatie = models.ForeignKey(Partij, on_delete=models.PROTECT, related_name="aanleveringen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    peildatum = models.DateField(
        _("peildatum"), help_text=_("De datum waarop de cijfers gelden; voor jaarcijfers 31 december.")
    )
    bestandsnaam = models.CharField(_("bestand"), max_length=250, blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    rijen = models.PositiveIntegerField(_("aantal rijen"), default=0)
    geleverd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    geleverd_op = models.DateTimeField(_("geleverd op"), auto_now_add=True)
    vervangen_door = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-geleverd_op"]
        verbose_name = _("aanlevering")
        verbose_name_plural = _("aanleveringen")
        indexes = [models.Index(fields=["gemeente", "corporatie", "soort", "peildatum"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.corporatie} {self.gemeente} {self.peildatum}"


class Voorraadtelling(models.Model):
    aanlevering = models.OneToOneField(Aanlevering, on_delete=models.CASCADE, related_name="telling")
    aantal = models.PositiveIntegerField(_("aantal sociale huurwoningen"))

    def __str__(self) -> str:
        return f"{self.aanlevering}: {self.aantal}"


class Woning(models.Model):
    class Bestemming(models.TextChoices):
        DOOREXPLOITEREN = "doorexploiteren", _("doorexploiteren")
        VERKOOP = "verkoop", _("verkoop")
        SLOOP = "sloop", _("sloop")

    # Indexed by `woning_cijfers` below, which starts with it.
    aanlevering = models.ForeignKey(Aanlevering, on_delete=models.CASCADE, related_name="woningen", db_index=False)
    eigen_id = models.CharField(_("eigen nummer"), max_length=60)
    kern = models.CharField(_("kern"), max_length=80, blank=True)
    type = models.CharField(_("type"), max_length=80, blank=True)
    kale_huur = models.DecimalField(_("kale huur"), max_digits=8, decimal_places=2)
    energielabel = models.CharField(_("energielabel"), max_length=5, blank=True)
    nultredenwoning = models.BooleanField(_("nultredenwoning"), default=False)
    bestemming = models.CharField(
        _("bestemming"), max_length=20, choices=Bestemming.choices, default=Bestemming.DOOREXPLOITEREN
    )

    class Meta:
        verbose_name = _("woning")
        verbose_name_plural = _("woningen")
        # Covers the figures (rent bands, labels) per register: the database reads the index, not
        # the 2.3 million rows (docs/performance.md).
        indexes = [
            models.Index(fields=["aanlevering", "kale_huur", "energielabel", "bestemming"], name="woning_cijfers")
        ]

    def __str__(self) -> str:
        return self.eigen_id


class Woningbouwplan(models.Model):
    class Status(models.TextChoices):
        HARD = "hard", _("hard")
        ZACHT_BEKEND = "zacht_locatie_bekend", _("zacht, locatie bekend")
        ZACHT_ONBEKEND = "zacht_locatie_onbekend", _("zacht, locatie nog te vinden")
        IN_AANBOUW = "in_aanbouw", _("in aanbouw")
        OPGELEVERD = "opgeleverd", _("opgeleverd")

    aanlevering = models.ForeignKey(Aanlevering, on_delete=models.CASCADE, related_name="plannen")
    naam = models.CharField(_("naam"), max_length=200)
    kern = models.CharField(_("kern"), max_length=80, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    bruto = models.PositiveIntegerField(_("bruto"))
    sloop = models.PositiveIntegerField(_("sloop"), default=0)
    netto = models.IntegerField(_("netto"))
    jaar = models.PositiveSmallIntegerField(_("gepland jaar"), null=True, blank=True)
    na_jaar = models.BooleanField(_("na dat jaar"), default=False, help_text=_("Het plan valt na het genoemde jaar."))
    opleverdatum = models.DateField(_("opleverdatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("woningbouwplan")
        verbose_name_plural = _("woningbouwplannen")

    def __str__(self) -> str:
        return self.naam


class Mutatie(models.Model):
    aanlevering = models.ForeignKey(Aanlevering, on_delete=models.CASCADE, related_name="mutaties")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    verkoop = models.PositiveIntegerField(_("verkocht"), default=0)
    sloop = models.PositiveIntegerField(_("gesloopt"), default=0)
    aankoop = models.PositiveIntegerField(_("aangekocht"), default=0)

    def __str__(self) -> str:
        return f"{self.aanlevering.corporatie} {self.jaar}"


class Toewijzing(models.Model):
    aanlevering = models.ForeignKey(Aanlevering, on_delete=models.CASCADE, related_name="toewijzingen")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    totaal = models.PositiveIntegerField(_("toewijzingen"))
    urgent = models.PositiveIntegerField(_("aan urgente huishoudens"), default=0)
    uitstroom = models.PositiveIntegerField(_("uitstroom beschermd wonen en maatschappelijke opvang"), default=0)
    statushouders = models.PositiveIntegerField(_("statushouders"), default=0)
    passend = models.PositiveIntegerField(_("passend toegewezen"), default=0)

    def __str__(self) -> str:
        return f"{self.aanlevering.corporatie} {self.jaar}"


class Koppeling(models.Model):
    """A monitoring indicator that Driehoek fills from the figures."""

    class Berekening(models.TextChoices):
        OPGELEVERD_NETTO = "opgeleverd_netto", _("netto opgeleverde sociale huurwoningen per jaar")
        AANDEEL_TOT_TWEEDE = "aandeel_tot_tweede", _("aandeel woningen tot de tweede aftoppingsgrens (%)")
        AANDEEL_URGENT = "aandeel_urgent", _("aandeel toewijzingen aan urgente huishoudens (%)")
        AANDEEL_UITSTROOM = "aandeel_uitstroom", _("aandeel toewijzingen voor uitstroom BW/MO (%)")
        LABELS_EFG = "labels_efg", _("woningen met label E, F of G die blijven")

    indicator = models.OneToOneField("register.Indicator", on_delete=models.CASCADE, related_name="koppeling")
    berekening = models.CharField(_("berekening"), max_length=30, choices=Berekening.choices)
    corporatie = models.ForeignKey(
        Partij,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leeg: alle corporaties van de gemeente."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koppeling met de cijfers")
        verbose_name_plural = _("koppelingen met de cijfers")

    def __str__(self) -> str:
        return f"{self.indicator} ← {self.get_berekening_display()}"
