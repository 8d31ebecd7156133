"""Drafting next year's programme (jaarprogramma, jaarschijf) under a framework set: the draft
with one part per agreement, the yearly target per indicator, the parties' proposals and their
reactions, and comments. Adopting it writes the programme into the register (services.adopt)."""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Indicator, Thema
from driehoek.register.rules import describe_target

USER = settings.AUTH_USER_MODEL


class Jaarprogramma(models.Model):
    """The draft of one year's programme under a framework set."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("in voorbereiding")
        VASTGESTELD = "vastgesteld", _("vastgesteld")

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.PROTECT, related_name="programmaconcepten")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    evaluatiejaar = models.PositiveSmallIntegerField(_("uit de evaluatie van"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    reacties_uiterlijk = models.DateField(_("reacties uiterlijk"))
    gestart_door = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.CharField(_("vastgesteld door"), max_length=200, blank=True)
    programma = models.OneToOneField(
        Afsprakenset,
        verbose_name=_("vastgesteld programma"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmaconcept",
    )
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["afsprakenset", "-jaar"]
        verbose_name = _("jaarprogramma in voorbereiding")
        verbose_name_plural = _("jaarprogramma's in voorbereiding")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "jaar"], name="programma_eenmaal_per_jaar")]

    def __str__(self) -> str:
        return f"{_('Jaarprogramma')} {self.jaar} ({self.afsprakenset.titel})"


class Onderdeel(models.Model):
    """One agreement in the draft: a framework agreement, or a new one the parties agreed to add."""

    programma = models.ForeignKey(Jaarprogramma, on_delete=models.CASCADE, related_name="onderdelen")
    afspraak = models.ForeignKey(Afspraak, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    nummer = models.CharField(_("nummer"), max_length=20)
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    tekst = models.TextField(_("tekst"))
    indiener = models.ForeignKey(Partij, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # The light of the adopted evaluation and the measure agreed with it (its toelichting).
    kleur = models.CharField(_("beoordeling"), max_length=10, blank=True)
    reden = models.CharField(_("reden"), max_length=1, blank=True)
    maatregel = models.TextField(_("afgesproken maatregel"), blank=True)
    vervalt = models.BooleanField(_("vervalt"), default=False)
    volgorde = models.PositiveIntegerField(default=0)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programma", "volgorde"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        constraints = [models.UniqueConstraint(fields=["programma", "nummer"], name="onderdeelnummer_uniek")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}" if self.titel else f"{_('Afspraak')} {self.nummer}"

    @property
    def afsprakenset(self) -> Afsprakenset:
        return self.programma.afsprakenset

    @property
    def kadertekst(self) -> str:
        return self.afspraak.tekst if self.afspraak else ""


class Doelregel(models.Model):
    """The yearly target of one indicator in the draft (empty where none is set, e.g. a judgement)."""

    onderdeel = models.ForeignKey(Onderdeel, on_delete=models.CASCADE, related_name="doelregels")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    waarde = models.DecimalField(_("jaardoel"), max_digits=14, decimal_places=2, null=True, blank=True)
    waarde_max = models.DecimalField(_("bovengrens"), max_digits=14, decimal_places=2, null=True, blank=True)
    vergelijking = models.CharField(
        _("vergelijking"), max_length=20, choices=Doelstelling.Vergelijking.choices, default="ten_minste"
    )
    eenheid = models.CharField(_("eenheid"), max_length=120, blank=True)
    herkomst = models.CharField(_("herkomst"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["onderdeel", "indicator__volgorde"]
        verbose_name = _("jaardoel in voorbereiding")
        verbose_name_plural = _("jaardoelen in voorbereiding")
        constraints = [models.UniqueConstraint(fields=["onderdeel", "indicator"], name="doelregel_eenmaal")]

    def __str__(self) -> str:
        return self.doel_tekst or "—"

    @property
    def doel_tekst(self) -> str:
        return "" if self.waarde is None else describe_target(self, with_year=False)

    @property
    def jaar(self) -> None:  # describe_target asks for it
        return None


class Voorstel(models.Model):
    """A party's proposal: a new agreement, a changed text, a yearly target, or a removal."""

    class Soort(models.TextChoices):
        NIEUW = "nieuw", _("nieuwe afspraak")
        TEKST = "tekst", _("tekstwijziging")
        JAARDOEL = "jaardoel", _("jaardoel")
        SCHRAPPEN = "schrappen", _("afspraak schrappen")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AANGENOMEN = "aangenomen", _("aangenomen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")
        VERVALLEN = "vervallen", _("niet overgenomen")

    programma = models.ForeignKey(Jaarprogramma, on_delete=models.CASCADE, related_name="voorstellen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    onderdeel = models.ForeignKey(
        Onderdeel, null=True, blank=True, on_delete=models.CASCADE, related_name="voorstellen"
    )
    doelregel = models.ForeignKey(
        Doelregel, null=True, blank=True, on_delete=models.CASCADE, related_name="voorstellen"
    )
    thema = models.ForeignKey(Thema, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    tekst = models.TextField(_("voorgestelde tekst"), blank=True)
    basis = models.TextField(_("huidige tekst"), blank=True, help_text=_("De tekst waartegen het voorstel is gedaan."))
    waarde = models.DecimalField(_("jaardoel"), max_digits=14, decimal_places=2, null=True, blank=True)
    waarde_max = models.DecimalField(_("bovengrens"), max_digits=14, decimal_places=2, null=True, blank=True)
    vergelijking = models.CharField(
        _("vergelijking"), max_length=20, choices=Doelstelling.Vergelijking.choices, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    partij = models.ForeignKey(Partij, verbose_name=_("voorgesteld door"), on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)
    revisie = models.PositiveSmallIntegerField(_("revisie"), default=1)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programma", "op"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.partij})"

    @property
    def afsprakenset(self) -> Afsprakenset:
        return self.programma.afsprakenset

    @property
    def doel_tekst(self) -> str:
        return "" if self.waarde is None else describe_target(self, with_year=False)

    @property
    def eenheid(self) -> str:
        return self.doelregel.eenheid if self.doelregel else ""

    @property
    def jaar(self) -> None:  # describe_target asks for it
        return None


class Reactie(models.Model):
    class Soort(models.TextChoices):
        AKKOORD = "akkoord", _("akkoord")
        NIET_AKKOORD = "niet_akkoord", _("niet akkoord")

    voorstel = models.ForeignKey(Voorstel, on_delete=models.CASCADE, related_name="reacties")
    revisie = models.PositiveSmallIntegerField(_("op revisie"))
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("reactie"), max_length=20, choices=Soort.choices)
    toelichting = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("reactie op een voorstel")
        verbose_name_plural = _("reacties op voorstellen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort="niet_akkoord") | ~Q(toelichting=""), name="voorstel_niet_akkoord_met_reden"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partij}: {self.get_soort_display()}"


class Opmerking(models.Model):
    """A comment in the draft, on the programme as a whole or on one agreement."""

    programma = models.ForeignKey(Jaarprogramma, on_delete=models.CASCADE, related_name="opmerkingen")
    onderdeel = models.ForeignKey(
        Onderdeel, null=True, blank=True, on_delete=models.CASCADE, related_name="opmerkingen"
    )
    partij = models.ForeignKey(Partij, on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    tekst = models.TextField(_("opmerking"))
    op = models.DateTimeField(_("op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")

    def __str__(self) -> str:
        return self.tekst[:80]

    @property
    def afsprakenset(self) -> Afsprakenset:
        return self.programma.afsprakenset
