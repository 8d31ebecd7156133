"""The annual cycle: planned items, meetings (overleggen) with agendas and minutes, decisions,
action items, and the dispute procedure of chapter 8."""

import hashlib

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset

User = settings.AUTH_USER_MODEL


class Stemregel(models.TextChoices):
    """Who has a vote when a dispute goes to a vote (chapter 8 of the Kaderafspraken: each party)."""

    PARTIJ = "partij", _("één stem per partij")
    SOORT = "soort", _("één stem per soort partij (gemeente, corporaties, huurdersorganisaties)")


class Cyclus(models.Model):
    class Sjabloon(models.TextChoices):
        KADERAFSPRAKEN = (
            "kaderafspraken",
            _("kaderafspraken (hoofdstuk 8): AO en BO voor 1 april, AO, twee AO's en BO voor 15 december"),
        )
        WONINGWET = "woningwet", _("Woningwet: activiteitenoverzicht 1 juli, ondertekening en indiening 15 december")

    afsprakenset = models.OneToOneField(Afsprakenset, on_delete=models.CASCADE, related_name="cyclus")
    sjabloon = models.CharField(_("sjabloon"), max_length=20, choices=Sjabloon.choices)
    stemregel = models.CharField(_("stemregel"), max_length=10, choices=Stemregel.choices, default=Stemregel.PARTIJ)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jaarcyclus")
        verbose_name_plural = _("jaarcycli")

    def __str__(self) -> str:
        return f"{self.afsprakenset}: {self.get_sjabloon_display()}"


class Overlegsoort(models.TextChoices):
    AO = "ao", _("ambtelijk overleg")
    BO = "bo", _("bestuurlijk overleg")
    TRIPARTIET = "tripartiet", _("tripartiet overleg")
    LOCATIE = "locatie", _("locatieoverleg")
    HUURDERS_ENERGIE = "huurders_energie", _("huurders- en energieoverleg")
    OVERIG = "overig", _("overig")


class Planitem(models.Model):
    """A meeting or deadline the cycle plans for a year."""

    class Soort(models.TextChoices):
        OVERLEG = "overleg", _("overleg")
        DEADLINE = "deadline", _("deadline")

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="planitems")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    overlegsoort = models.CharField(_("soort overleg"), max_length=20, choices=Overlegsoort.choices, blank=True)
    titel = models.CharField(_("titel"), max_length=250)
    doel = models.TextField(_("doel"), blank=True)
    wanneer = models.CharField(_("wanneer (zoals gepland)"), max_length=200, blank=True)
    uiterlijk = models.DateField(_("uiterlijk"), null=True, blank=True)
    afgerond = models.BooleanField(_("afgerond"), default=False)
    volgorde = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["jaar", "volgorde"]
        verbose_name = _("gepland item")
        verbose_name_plural = _("geplande items")
        constraints = [
            models.UniqueConstraint(fields=["afsprakenset", "jaar", "volgorde"], name="planitem_volgorde_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.jaar}: {self.titel}"

    @property
    def te_laat(self) -> bool:
        return bool(
            self.uiterlijk and not self.afgerond and self.uiterlijk < timezone.localdate() and not self.overleg_gehouden
        )

    @property
    def overleg_gehouden(self) -> bool:
        return any(o.datum and o.datum.date() <= timezone.localdate() for o in self.overleggen.all())


class Overleg(models.Model):
    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="overleggen")
    planitem = models.ForeignKey(Planitem, null=True, blank=True, on_delete=models.SET_NULL, related_name="overleggen")
    soort = models.CharField(_("soort"), max_length=20, choices=Overlegsoort.choices)
    titel = models.CharField(_("titel"), max_length=250)
    datum = models.DateTimeField(_("datum en tijd"), null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    genodigden = models.ManyToManyField(Partij, blank=True, related_name="+", verbose_name=_("genodigde partijen"))
    aanwezigen = models.TextField(
        _("aanwezigen"), blank=True, help_text=_("Per partij de namen, één partij per regel.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")

    def __str__(self) -> str:
        return self.titel


class Agendapunt(models.Model):
    class Soort(models.TextChoices):
        DOEL = "doel", _("doel van het overleg")
        FOCUS = "focus", _("focuspunt uit de monitoring")
        VAST = "vast", _("vast agendapunt")
        ACTIEPUNT = "actiepunt", _("openstaand actiepunt")
        OVERIG = "overig", _("overig")

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agendapunten")
    volgorde = models.PositiveSmallIntegerField(default=0)
    titel = models.CharField(_("titel"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    afspraak = models.ForeignKey(Afspraak, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    ingebracht_door = models.ForeignKey(
        Partij, verbose_name=_("ingebracht door"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["overleg", "volgorde"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.titel


class Verslag(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        TER_CONTROLE = "ter_controle", _("ter controle en aanvulling")
        DEFINITIEF = "definitief", _("definitief")

    overleg = models.OneToOneField(Overleg, on_delete=models.CASCADE, related_name="verslag")
    tekst = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    controle_uiterlijk = models.DateField(_("controleren en aanvullen uiterlijk"), null=True, blank=True)
    definitief_op = models.DateTimeField(_("definitief op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verslag")
        verbose_name_plural = _("verslagen")

    def __str__(self) -> str:
        return f"{_('Verslag')} {self.overleg}"


class Correctie(models.Model):
    """A party's proposed correction or addition to draft minutes."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("voorgesteld")
        OVERGENOMEN = "overgenomen", _("overgenomen")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    verslag = models.ForeignKey(Verslag, on_delete=models.CASCADE, related_name="correcties")
    partij = models.ForeignKey(Partij, on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    tekst = models.TextField(_("correctie of aanvulling"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    reden = models.TextField(_("reden van afwijzen"), blank=True)
    op = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")
        constraints = [
            models.CheckConstraint(condition=~Q(status="afgewezen") | ~Q(reden=""), name="afwijzen_met_reden")
        ]

    def __str__(self) -> str:
        return f"{self.partij}: {self.tekst[:60]}"


class Besluit(models.Model):
    class Soort(models.TextChoices):
        EVALUATIE = "evaluatie", _("vaststelling van de evaluatie van een jaar")
        JAARPROGRAMMA = "jaarprogramma", _("vaststelling van het jaarprogramma")
        WIJZIGING = "wijziging", _("wijziging van een afspraak")
        GEEN_BOD = "geen_bod", _("geen bod of activiteitenoverzicht ontvangen")
        GESCHIL = "geschil", _("uitkomst van een geschil")
        OVERIG = "overig", _("overig besluit")

    overleg = models.ForeignKey(Overleg, on_delete=models.PROTECT, related_name="besluiten")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    tekst = models.TextField(_("besluit"))
    jaar = models.PositiveSmallIntegerField(_("over jaar"), null=True, blank=True)
    afspraken = models.ManyToManyField(Afspraak, blank=True, related_name="besluiten", verbose_name=_("afspraken"))
    genomen_door = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    geschil = models.ForeignKey(
        "Geschil", null=True, blank=True, on_delete=models.PROTECT, related_name="besluiten", verbose_name=_("geschil")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["op"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.tekst[:80]


class Actiepunt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEROND = "afgerond", _("afgerond")

    overleg = models.ForeignKey(Overleg, on_delete=models.PROTECT, related_name="actiepunten")
    omschrijving = models.TextField(_("actiepunt"))
    eigenaar = models.ForeignKey(Partij, verbose_name=_("eigenaar"), on_delete=models.PROTECT, related_name="+")
    uiterlijk = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    afspraak = models.ForeignKey(Afspraak, null=True, blank=True, on_delete=models.SET_NULL, related_name="actiepunten")
    history = HistoricalRecords()

    class Meta:
        ordering = ["uiterlijk", "pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self) -> str:
        return self.omschrijving[:80]


class Geschil(models.Model):
    """No consensus: moderator, a deadline fixed beforehand, then a vote (chapter 8)."""

    class Status(models.TextChoices):
        GEMELD = "gemeld", _("geen consensus gemeld")
        MODERATIE = "moderatie", _("bij de moderator")
        STEMMING = "stemming", _("stemming open")
        GELIJKSPEL = "gelijkspel", _("gelijke stemmen: terug naar de moderator")
        BESLOTEN = "besloten", _("besloten")
        CONSENSUS = "consensus", _("alsnog consensus")

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="geschillen")
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    beoordeling = models.ForeignKey(
        "monitoring.Beoordeling", null=True, blank=True, on_delete=models.PROTECT, related_name="geschillen"
    )
    agendapunt = models.ForeignKey(
        Agendapunt, null=True, blank=True, on_delete=models.PROTECT, related_name="geschillen"
    )
    omschrijving = models.TextField(_("waarover geen consensus"))
    gemeld_door = models.ForeignKey(Partij, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.GEMELD)
    moderator = models.CharField(_("onafhankelijke moderator"), max_length=200, blank=True)
    deadline = models.DateField(_("termijn van de moderator"), null=True, blank=True, help_text=_("Vooraf vastgelegd."))
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    op = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-op"]
        verbose_name = _("geschil")
        verbose_name_plural = _("geschillen")

    def __str__(self) -> str:
        return self.onderwerp


class Moderatiesessie(models.Model):
    geschil = models.ForeignKey(Geschil, on_delete=models.CASCADE, related_name="sessies")
    datum = models.DateField(_("datum"))
    verslag = models.TextField(_("verslag van de sessie"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum"]
        verbose_name = _("moderatiesessie")
        verbose_name_plural = _("moderatiesessies")

    def __str__(self) -> str:
        return f"{self.geschil}: {self.datum}"


class Stemming(models.Model):
    geschil = models.ForeignKey(Geschil, on_delete=models.CASCADE, related_name="stemmingen")
    geopend_op = models.DateTimeField(auto_now_add=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    stemregel = models.CharField(_("stemregel"), max_length=10, choices=Stemregel.choices, default=Stemregel.PARTIJ)
    history = HistoricalRecords()

    class Meta:
        ordering = ["geopend_op"]
        verbose_name = _("stemming")
        verbose_name_plural = _("stemmingen")

    def __str__(self) -> str:
        return f"{self.geschil}: {self.geopend_op:%Y-%m-%d}"


class Stemoptie(models.Model):
    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="opties")
    tekst = models.CharField(_("optie"), max_length=500)
    volgorde = models.PositiveSmallIntegerField(default=0)
    # The light this option gives the assessment when it wins (a dispute about a beoordeling).
    kleur = models.CharField(_("kleur"), max_length=10, blank=True)
    reden = models.CharField(_("reden"), max_length=1, blank=True)

    class Meta:
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.tekst


class Stem(models.Model):
    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="stemmen")
    partij = models.ForeignKey(Partij, on_delete=models.PROTECT, related_name="+")
    optie = models.ForeignKey(Stemoptie, on_delete=models.PROTECT, related_name="stemmen")
    door = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [models.UniqueConstraint(fields=["stemming", "partij"], name="een_stem_per_partij")]

    def __str__(self) -> str:
        return f"{self.partij}: {self.optie}"


class Agendatoken(models.Model):
    """The secret of a personal calendar feed; only its hash is stored, so it can be revoked, not read."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="agendatoken")
    sleutel_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()


class Herinnering(models.Model):
    """That a reminder about one item went to one user on one day: never twice."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    onderwerp = models.CharField(max_length=200)
    datum = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "onderwerp", "datum"], name="herinnering_eenmaal_per_dag")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.onderwerp} ({self.datum})"
