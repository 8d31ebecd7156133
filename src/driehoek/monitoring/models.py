"""Monitoring: per agreement and year the indicator values and the assessment by the stoplight
model of chapter 8 of the Kaderafspraken, with the voorzet, the reactions and the adoption."""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Indicator, LopendeAfspraak


class Monitoringsjaar(models.Model):
    """A year of a set whose monitoring has been started."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="monitoringsjaren")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    voorzet_uiterlijk = models.DateField(_("voorzetten uiterlijk"), null=True, blank=True)
    reacties_uiterlijk = models.DateField(_("reacties uiterlijk"), null=True, blank=True)
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["afsprakenset", "-jaar"]
        verbose_name = _("monitoringsjaar")
        verbose_name_plural = _("monitoringsjaren")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "jaar"], name="jaar_eenmaal_per_set")]

    def __str__(self) -> str:
        return f"{self.afsprakenset.titel} {self.jaar}"


class Indicatorwaarde(models.Model):
    """What the actiehouder reports for an indicator in a year: a number or a judgement."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="waarden")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=60, blank=True)
    oordeel = models.TextField(_("oordeel"), blank=True, help_text=_("Voor een kwalitatieve indicator of mijlpaal."))
    bron = models.CharField(_("bron"), max_length=300, blank=True, help_text=_("Waar het getal vandaan komt."))
    berekening = models.CharField(
        _("berekend uit de cijfers"),
        max_length=30,
        blank=True,
        help_text=_("Leeg als de waarde met de hand is ingevuld."),
    )
    partij = models.ForeignKey(Partij, verbose_name=_("ingevuld namens"), on_delete=models.PROTECT, related_name="+")
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "jaar"]
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "jaar"], name="waarde_eenmaal_per_jaar"),
            models.CheckConstraint(condition=Q(waarde__isnull=False) | ~Q(oordeel=""), name="waarde_of_oordeel"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.jaar}"


def bijlage_path(instance, filename: str) -> str:
    return f"bijlagen/{instance.indicatorwaarde.indicator.afspraak.afsprakenset.slug}/{filename}"


class Bijlage(models.Model):
    """A supporting file. Stored outside the web root (MEDIA is never served directly)."""

    indicatorwaarde = models.ForeignKey(Indicatorwaarde, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(_("bestand"), upload_to=bijlage_path, max_length=300)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    geplaatst_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["geplaatst_op"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.naam


class Kleur(models.TextChoices):
    GROEN = "groen", _("groen")
    ORANJE = "oranje", _("oranje")
    ROOD = "rood", _("rood")
    AFGEROND = "afgerond", _("afgerond")


class Reden(models.TextChoices):
    A = "a", "a"
    B = "b", "b"
    C = "c", "c"


class Status(models.TextChoices):
    OPEN = "open", _("open")
    VOORZET = "voorzet", _("voorzet")
    IN_BESPREKING = "in_bespreking", _("in bespreking")
    CONSENSUS = "consensus", _("consensus")
    VASTGESTELD = "vastgesteld", _("vastgesteld")


class Beoordeling(models.Model):
    """The assessment of one agreement for one year."""

    afspraak = models.ForeignKey(Afspraak, on_delete=models.PROTECT, related_name="beoordelingen")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    kleur = models.CharField(_("beoordeling"), max_length=10, choices=Kleur.choices, blank=True)
    reden = models.CharField(_("reden"), max_length=1, choices=Reden.choices, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    voorzet_partij = models.ForeignKey(Partij, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    voorzet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voorzet_op = models.DateTimeField(_("voorzet op"), null=True, blank=True)
    # The light Driehoek suggested from the figures, and why the actiehouder chose otherwise.
    suggestie_kleur = models.CharField(_("voorgestelde kleur"), max_length=10, choices=Kleur.choices, blank=True)
    suggestie_reden = models.CharField(max_length=1, choices=Reden.choices, blank=True)
    afwijking_toelichting = models.TextField(_("waarom afwijken van de suggestie"), blank=True)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.CharField(_("vastgesteld door"), max_length=200, blank=True)
    vastgesteld_bij = models.ForeignKey(
        "cycle.Besluit",
        verbose_name=_("besluit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="beoordelingen",
    )
    revisie = models.PositiveSmallIntegerField(_("revisie"), default=0)
    herzieningsreden = models.TextField(_("reden van herziening"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["afspraak__volgorde", "jaar"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        constraints = [
            models.UniqueConstraint(fields=["afspraak", "jaar"], name="beoordeling_eenmaal_per_jaar"),
            models.CheckConstraint(condition=Q(status="open") | ~Q(kleur=""), name="alleen_open_zonder_kleur"),
        ]
        # The national overview counts the adopted lights of every set from this index alone.
        indexes = [models.Index(fields=["status", "afspraak", "jaar", "kleur"], name="beoordeling_lichten")]

    def __str__(self) -> str:
        return f"{self.afspraak} {self.jaar}"


class Reactie(models.Model):
    class Soort(models.TextChoices):
        AKKOORD = "akkoord", _("akkoord")
        NIET_AKKOORD = "niet_akkoord", _("niet akkoord")
        OPMERKING = "opmerking", _("opmerking")

    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="reacties")
    revisie = models.PositiveSmallIntegerField(_("op revisie"))
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("reactie"), max_length=20, choices=Soort.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort="niet_akkoord") | ~Q(toelichting=""), name="niet_akkoord_met_reden"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partij}: {self.get_soort_display()}"


class Jaarcheck(models.Model):
    """The yearly check of an ongoing commitment ("Dit doen we al") or of a target that stands on a
    theme (e.g. label E, F and G improved by 2028): does it still run, is it done, or stopped?"""

    class Stand(models.TextChoices):
        LOOPT = "loopt", _("loopt nog")
        AFGEROND = "afgerond", _("afgerond")
        GESTOPT = "gestopt", _("gestopt")

    lopende_afspraak = models.ForeignKey(
        LopendeAfspraak, null=True, blank=True, on_delete=models.CASCADE, related_name="jaarchecks"
    )
    doelstelling = models.ForeignKey(
        Doelstelling, null=True, blank=True, on_delete=models.CASCADE, related_name="jaarchecks"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    stand = models.CharField(_("stand"), max_length=10, choices=Stand.choices, blank=True)
    opmerking = models.TextField(_("opmerking"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partij = models.ForeignKey(Partij, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["jaar", "pk"]
        verbose_name = _("jaarlijkse check")
        verbose_name_plural = _("jaarlijkse checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(lopende_afspraak__isnull=False, doelstelling__isnull=True)
                | Q(lopende_afspraak__isnull=True, doelstelling__isnull=False),
                name="check_van_lopende_afspraak_of_doelstelling",
            ),
            models.UniqueConstraint(fields=["lopende_afspraak", "jaar"], name="lopende_afspraak_eenmaal_per_jaar"),
            models.UniqueConstraint(fields=["doelstelling", "jaar"], name="doelstelling_eenmaal_per_jaar"),
        ]

    def __str__(self) -> str:
        return f"{self.onderwerp[:60]} {self.jaar}"

    @property
    def thema(self):
        return (self.lopende_afspraak or self.doelstelling).thema

    @property
    def afsprakenset(self):
        return self.thema.afsprakenset

    @property
    def onderwerp(self) -> str:
        if self.lopende_afspraak_id:
            return self.lopende_afspraak.tekst
        d = self.doelstelling
        return d.onderwerp or d.brontekst


class Delegatie(models.Model):
    """The lead party of an indicator (its first-named actiehouder) hands the asking for its value to
    one co-holder, for the indicator as a whole, until it takes it back (issue 20, docs/adr/0130).
    The voorzet stays with the lead. Taking back keeps the row, without a party: the history shows
    both steps, and the version goes on counting."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="delegatie")
    partij = models.ForeignKey(
        Partij, verbose_name=_("gedelegeerd aan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(_("op"))
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegatie")
        verbose_name_plural = _("delegaties")

    def __str__(self) -> str:
        return f"{self.indicator} → {self.partij or '-'}"


class Tabelversie(models.Model):
    """A set's monitoringstabel as it now stands, as a token: every change to what the table shows
    writes a new one in the same transaction (monitoring/tabelcache.py, docs/adr/0125), so a
    rendered table cached under the old token is never served again."""

    # No foreign key: a set being deleted may still raise its version on the way out, and a token is
    # random, so a set that later gets the same number never meets an old table.
    afsprakenset_id = models.BigIntegerField(primary_key=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("versie van de monitoringstabel")
        verbose_name_plural = _("versies van de monitoringstabel")

    def __str__(self) -> str:
        return self.token
