"""The agreement register: municipalities, agreement sets, themes, agreements, indicators, targets.

Texts are the agreed wording and are stored exactly; nothing here paraphrases.
"""

from simple_history.models import HistoricalRecords

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.accounts.policy import remember_visible

from . import rules


class StaysInItsSet:
    """clean(): what a row points at belongs to the same set (register.consistency), and a signed set
    changes only by decision (register.guard), so every model form says so beside its fields."""

    def clean(self):
        super().clean()
        from . import consistency, guard  # both read these models

        consistency.check(self)
        guard.check(self)


class Gemeente(models.Model):
    class Provincie(models.TextChoices):
        DRENTHE = "Drenthe"
        FLEVOLAND = "Flevoland"
        FRIESLAND = "Fryslân"
        GELDERLAND = "Gelderland"
        GRONINGEN = "Groningen"
        LIMBURG = "Limburg"
        NOORD_BRABANT = "Noord-Brabant", "Noord-Brabant"
        NOORD_HOLLAND = "Noord-Holland", "Noord-Holland"
        OVERIJSSEL = "Overijssel"
        UTRECHT = "Utrecht"
        ZEELAND = "Zeeland"
        ZUID_HOLLAND = "Zuid-Holland", "Zuid-Holland"

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True, help_text=_("Bijvoorbeeld GM1680."))
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices, blank=True)
    fictief = models.BooleanField(
        _("fictief"),
        default=False,
        help_text=_("Verzonnen gemeente uit de landelijke testdataset (generate_national)."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        constraints = [models.UniqueConstraint(fields=["cbs_code"], condition=~Q(cbs_code=""), name="unieke_cbs_code")]

    def __str__(self) -> str:
        return self.naam


class AfsprakensetQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AfsprakensetQuerySet":
        """The sets a user may see: those their party takes part in; every set for the administrator."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser or user.rol == user.Rol.BEHEERDER:
            return self
        if user.partij_id is None:
            return self.none()
        return self.filter(deelnames__partij_id=user.partij_id).distinct()

    def published(self) -> "AfsprakensetQuerySet":
        """The sets the public sees: those with at least one published year (reports.Publicatie),
        and those whose signed agreements were submitted through Driehoek (ondertekening.Indiening),
        which are public from then on without an evaluation."""
        # EXISTS per set rather than a join made distinct: a page of 25 municipalities asks about its own
        # sets, not about every set in the country (issue 18: the public national overview grew with it).
        publicaties = self.model.publicaties.rel.related_model.objects.filter(afsprakenset=OuterRef("pk"))
        indieningen = self.model.indiening.related.related_model.objects.filter(afsprakenset=OuterRef("pk"))
        return self.filter(Exists(publicaties) | Exists(indieningen))

    def visible_or_404(self, user, slug: str) -> "Afsprakenset":
        """The set with this slug if the user may see it; otherwise as if it did not exist."""
        afsprakenset = get_object_or_404(self.visible_to(user).select_related("gemeente"), slug=slug)
        remember_visible(user, afsprakenset)
        return afsprakenset

    def check_year(self, afsprakenset: "Afsprakenset", year: int) -> None:
        """Refuse a year outside the set's period, in words the user reads."""
        if not afsprakenset.eerste_jaar <= year <= afsprakenset.laatste_jaar:
            raise ValidationError(
                gettext("%(jaar)s valt buiten de looptijd van deze set (%(periode)s).")
                % {"jaar": year, "periode": afsprakenset.periode}
            )


class Afsprakenset(StaysInItsSet, models.Model):
    class Soort(models.TextChoices):
        PRESTATIEAFSPRAKEN = "prestatieafspraken", _("prestatieafspraken")
        KADERAFSPRAKEN = "kaderafspraken", _("kaderafspraken")
        JAARPROGRAMMA = "jaarprogramma", _("jaarprogramma")

    class Status(models.TextChoices):
        # The steps of making a set; they change only through ondertekening/services.py.
        CONCEPT = "concept", _("concept")
        IN_ONDERHANDELING = "in_onderhandeling", _("in onderhandeling")
        AKKOORD = "akkoord", _("akkoord per partij")
        ONDERTEKEND = "ondertekend", _("ondertekend")
        INGEDIEND = "ingediend", _("ingediend")
        VERVALLEN = "vervallen", _("vervallen")

    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="sets")
    slug = models.SlugField(_("kenmerk"), max_length=120, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=250)
    eerste_jaar = models.PositiveSmallIntegerField(_("eerste jaar"))
    laatste_jaar = models.PositiveSmallIntegerField(_("laatste jaar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    bovenliggende_set = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jaarprogrammas",
    )
    partijen = models.ManyToManyField(Partij, through="Deelname", related_name="sets", verbose_name=_("partijen"))
    bron_titel = models.CharField(_("brondocument"), max_length=250, blank=True)
    bron_bestand = models.CharField(_("bestand van het brondocument"), max_length=250, blank=True)
    bron_datum = models.DateField(_("datum van het brondocument"), null=True, blank=True)
    brongegevens = models.JSONField(
        _("tabellen uit het brondocument"),
        default=dict,
        blank=True,
        help_text=_("Voorraad, woningbouwplannen, grenzen en agenda zoals het document ze geeft."),
    )
    history = HistoricalRecords()

    objects = AfsprakensetQuerySet.as_manager()

    class Meta:
        ordering = ["gemeente__naam", "-eerste_jaar", "titel"]
        verbose_name = _("afsprakenset")
        verbose_name_plural = _("afsprakensets")
        constraints = [
            models.CheckConstraint(condition=Q(laatste_jaar__gte=models.F("eerste_jaar")), name="periode_oplopend"),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.gemeente})"

    def get_absolute_url(self) -> str:
        return reverse("register:set", args=[self.slug])

    @property
    def periode(self) -> str:
        return rules.format_years(self.eerste_jaar, self.laatste_jaar)

    @property
    def is_ondertekend(self) -> bool:
        """Signed (and perhaps submitted): from here on the set changes only by a decision."""
        return self.status in (self.Status.ONDERTEKEND, self.Status.INGEDIEND)


class Deelname(StaysInItsSet, models.Model):
    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="deelnames")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="deelnames")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("deelnemende partij")
        verbose_name_plural = _("deelnemende partijen")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "partij"], name="partij_eenmaal_per_set")]

    def __str__(self) -> str:
        return str(self.partij)

    def save(self, *args, **kwargs):
        # A party that takes part in a set works in that set's municipality (Partij.gemeenten).
        super().save(*args, **kwargs)
        self.partij.gemeenten.add(self.afsprakenset.gemeente_id)


class Ondertekenaar(StaysInItsSet, models.Model):
    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="ondertekenaars")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT)
    persoon = models.CharField(_("persoon"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    datum = models.DateField(_("datum"), null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=120, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("ondertekenaar")
        verbose_name_plural = _("ondertekenaars")

    def __str__(self) -> str:
        return f"{self.persoon} ({self.partij})"


class Thema(StaysInItsSet, models.Model):
    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="themas")
    nummer = models.CharField(_("nummer"), max_length=20, help_text=_("Zoals gedrukt, bijvoorbeeld 4.1."))
    titel = models.CharField(_("titel"), max_length=250)
    doel = models.TextField(_("doel"), blank=True)
    richtingen_label = models.CharField(_("kop van de richtingen"), max_length=80, blank=True, default="Richtingen")
    richtingen = models.JSONField(_("richtingen of uitgangspunten"), default=list, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["afsprakenset", "volgorde"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "nummer"], name="themanummer_uniek_in_set")]

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}"


class Afspraak(StaysInItsSet, models.Model):
    class Soort(models.TextChoices):
        GEZAMENLIJK = "gezamenlijk", _("gezamenlijk")
        PER_PARTIJ = "per_partij", _("per partij")
        DOORKIJK = "doorkijk", _("doorkijk")
        PROCESAFSPRAAK = "procesafspraak", _("procesafspraak")

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="afspraken")
    thema = models.ForeignKey(Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="afspraken")
    nummer = models.CharField(_("nummer"), max_length=20)
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    tekst = models.TextField(_("tekst"), help_text=_("De afgesproken tekst, letterlijk."))
    sectie = models.CharField(_("sectie"), max_length=200, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    verantwoordelijken = models.ManyToManyField(
        Partij, through="Verantwoordelijke", related_name="afspraken", verbose_name=_("verantwoordelijke partijen")
    )
    verwijzingen = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="verwezen_door", verbose_name=_("verwijst naar")
    )
    bronlocatie = models.CharField(_("plaats in het brondocument"), max_length=200, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    # Raised on every change of the text, so that a change based on an older text is refused.
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[verwijzingen])

    class Meta:
        ordering = ["afsprakenset", "volgorde"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        constraints = [models.UniqueConstraint(fields=["afsprakenset", "nummer"], name="afspraaknummer_uniek_in_set")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}" if self.titel else f"Afspraak {self.nummer}"

    def get_absolute_url(self) -> str:
        return reverse("register:afspraak", args=[self.afsprakenset.slug, self.nummer])

    @property
    def verantwoordelijken_lijst(self) -> list[Partij]:
        return [v.partij for v in self.verantwoordelijkheden.all()]


class Verantwoordelijke(StaysInItsSet, models.Model):
    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="verantwoordelijkheden")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("verantwoordelijke partij")
        verbose_name_plural = _("verantwoordelijke partijen")
        constraints = [models.UniqueConstraint(fields=["afspraak", "partij"], name="verantwoordelijke_eenmaal")]

    def __str__(self) -> str:
        return str(self.partij)


class LopendeAfspraak(StaysInItsSet, models.Model):
    """An ongoing commitment: "Dit doen we al en hier blijven we ons aan committeren"."""

    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="lopende_afspraken")
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # Who carries it; empty: all parties of the set together (monitoring.Jaarcheck).
    partijen = models.ManyToManyField(Partij, blank=True, related_name="+", verbose_name=_("partijen"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["thema", "volgorde"]
        verbose_name = _("lopende afspraak")
        verbose_name_plural = _("lopende afspraken")

    def __str__(self) -> str:
        return self.tekst[:80]


class Indicator(StaysInItsSet, models.Model):
    class Soort(models.TextChoices):
        AANTAL = "aantal", _("aantal")
        PERCENTAGE = "percentage", _("percentage")
        BEDRAG = "bedrag", _("bedrag")
        KWALITATIEF = "kwalitatief", _("kwalitatief oordeel")
        MIJLPAAL = "mijlpaal", _("mijlpaal")

    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="indicatoren")
    omschrijving = models.TextField(_("omschrijving"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    jaar_van = models.PositiveSmallIntegerField(_("van jaar"))
    jaar_tot = models.PositiveSmallIntegerField(_("tot en met jaar"))
    actiehouders = models.ManyToManyField(
        Partij, through="Actiehouder", related_name="indicatoren", verbose_name=_("actiehouders")
    )
    actiehouders_label = models.CharField(_("actiehouders zoals gedrukt"), max_length=250, blank=True)
    # What a value may look like (issue 15): at most this many decimals, and below zero only where
    # the indicator allows it (a net change may be negative, a count of homes built may not).
    decimalen = models.PositiveSmallIntegerField(
        _("cijfers achter de komma"), default=2, validators=[MaxValueValidator(2)]
    )
    negatief_toegestaan = models.BooleanField(_("negatieve waarden toegestaan"), default=False)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["afspraak", "volgorde"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.CheckConstraint(condition=Q(jaar_tot__gte=models.F("jaar_van")), name="indicatorjaren_oplopend")
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def jaren(self) -> str:
        return rules.format_years(self.jaar_van, self.jaar_tot)

    @property
    def actiehouders_lijst(self) -> list[Partij]:
        return [a.partij for a in self.actiehouderschappen.all()]


class Actiehouder(StaysInItsSet, models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actiehouderschappen")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("actiehouder")
        verbose_name_plural = _("actiehouders")
        constraints = [models.UniqueConstraint(fields=["indicator", "partij"], name="actiehouder_eenmaal")]

    def __str__(self) -> str:
        return str(self.partij)


class Doelstelling(StaysInItsSet, models.Model):
    class Vergelijking(models.TextChoices):
        TEN_MINSTE = "ten_minste", _("ten minste")
        TEN_HOOGSTE = "ten_hoogste", _("ten hoogste")
        TUSSEN = "tussen", _("tussen")
        CIRCA = "circa", _("circa")
        GELIJK = "gelijk", _("gelijk aan")

    # A target belongs to an agreement, or to a theme when the document states it in the theme's
    # goal, principles or ongoing commitments rather than in a numbered agreement.
    afspraak = models.ForeignKey(
        Afspraak, null=True, blank=True, on_delete=models.CASCADE, related_name="doelstellingen"
    )
    thema = models.ForeignKey(Thema, null=True, blank=True, on_delete=models.CASCADE, related_name="doelstellingen")
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="doelstellingen",
    )
    waarde = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    waarde_max = models.DecimalField(_("bovengrens"), max_digits=14, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(_("eenheid"), max_length=120)
    vergelijking = models.CharField(_("vergelijking"), max_length=20, choices=Vergelijking.choices)
    jaar = models.PositiveSmallIntegerField(_("uiterlijk in jaar"), null=True, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=300, blank=True)
    brontekst = models.TextField(_("brontekst"), help_text=_("De zin waar de doelstelling uit komt."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["afspraak", "thema", "volgorde"]
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(afspraak__isnull=False, thema__isnull=True) | Q(afspraak__isnull=True, thema__isnull=False),
                name="doelstelling_bij_afspraak_of_thema",
            ),
            models.CheckConstraint(
                condition=Q(waarde_max__isnull=True) | Q(waarde_max__gte=models.F("waarde")), name="bereik_oplopend"
            ),
            models.CheckConstraint(
                condition=~Q(vergelijking="tussen") | Q(waarde_max__isnull=False), name="tussen_heeft_bovengrens"
            ),
        ]

    def __str__(self) -> str:
        return rules.describe_target(self)


from .jaardoel import Jaardoel  # noqa: E402, F401  (its own module: the register is long enough)
from .search_index import Zoekdocument  # noqa: E402,F401  (the search index; kept in its own module)
