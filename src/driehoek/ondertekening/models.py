"""Making a set binding: each party's approval, the signatures, the submission package and the
submission to the minister and the Autoriteit woningcorporaties (issue 14 items 4 and 5).

The register keeps what was agreed (register.Afsprakenset, its status and its Ondertekenaar rows);
this room keeps how it became binding. Nothing here is deleted: a withdrawal is a date on the row,
and every change is in the history (django-simple-history).
"""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afsprakenset


class Ronde(models.Model):
    """The signing round of a set: when the text became final, and the deadline for signing."""

    afsprakenset = models.OneToOneField(Afsprakenset, on_delete=models.CASCADE, related_name="ondertekenronde")
    uiterlijk = models.DateField(_("ondertekend uiterlijk"))
    tekst_definitief_op = models.DateTimeField(_("tekst definitief op"))
    tekst_definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondertekenronde")
        verbose_name_plural = _("ondertekenrondes")

    def __str__(self) -> str:
        return str(self.afsprakenset)


class Orgaan(models.TextChoices):
    """The body that approves for a party; which ones fit a party follows its kind (rules.organen)."""

    COLLEGE = "college", _("College van burgemeester en wethouders")
    RAAD_VAN_COMMISSARISSEN = "raad_van_commissarissen", _("Raad van Commissarissen")
    BESTUUR = "bestuur", _("bestuur")
    LEDENVERGADERING = "ledenvergadering", _("ledenvergadering")


def besluit_path(instance, filename: str) -> str:
    return f"ondertekening/{instance.afsprakenset.slug}/besluiten/{filename}"


def pakket_path(instance, filename: str) -> str:
    return f"ondertekening/{instance.afsprakenset.slug}/pakketten/{filename}"


class Intrekbaar(models.Model):
    """A step a party can withdraw before submission; the withdrawal stays on the row."""

    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reden_intrekking = models.CharField(_("reden van intrekking"), max_length=500, blank=True)

    class Meta:
        abstract = True

    @property
    def ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None


class Goedkeuring(Intrekbaar):
    """A party's internal approval of the final text, with the decision document."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="goedkeuringen")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="+")
    orgaan = models.CharField(_("goedgekeurd door"), max_length=30, choices=Orgaan.choices)
    datum = models.DateField(_("datum van het besluit"))
    besluit = models.FileField(_("besluit"), upload_to=besluit_path, max_length=300)
    besluit_naam = models.CharField(_("bestandsnaam"), max_length=200)
    besluit_soort = models.CharField(_("soort bestand"), max_length=10)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["vastgelegd_op"]
        verbose_name = _("goedkeuring")
        verbose_name_plural = _("goedkeuringen")
        constraints = [
            models.UniqueConstraint(
                fields=["afsprakenset", "partij"],
                condition=Q(ingetrokken_op__isnull=True),
                name="een_goedkeuring_per_partij",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partij}: {self.get_orgaan_display()} {self.datum}"


class Handtekening(Intrekbaar):
    """A signatory's confirmation in Driehoek, attested by a verified second factor."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="handtekeningen")
    partij = models.ForeignKey(Partij, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200)
    datum = models.DateField(_("datum"))
    plaats = models.CharField(_("plaats"), max_length=120)
    # The attestation: the code of the signer's authenticator app was checked at this moment.
    tweede_factor_geverifieerd = models.BooleanField(_("tweede factor gecontroleerd"))
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["geplaatst_op"]
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        constraints = [
            models.UniqueConstraint(
                fields=["afsprakenset", "partij"],
                condition=Q(ingetrokken_op__isnull=True),
                name="een_handtekening_per_partij",
            ),
            models.CheckConstraint(condition=Q(tweede_factor_geverifieerd=True), name="handtekening_met_tweede_factor"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.partij})"


class Indieningspakket(models.Model):
    """The submission package as stored: the signed agreements as PDF with the monitoringstabel."""

    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="indieningspakketten")
    bestand = models.FileField(_("bestand"), upload_to=pakket_path, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    gemaakt_op = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-gemaakt_op"]
        verbose_name = _("indieningspakket")
        verbose_name_plural = _("indieningspakketten")

    def __str__(self) -> str:
        return f"{self.afsprakenset} {self.sha256[:12]}"


class Indiening(models.Model):
    """The secretary sent the package to the minister and the Autoriteit woningcorporaties."""

    afsprakenset = models.OneToOneField(Afsprakenset, on_delete=models.PROTECT, related_name="indiening")
    pakket = models.ForeignKey(Indieningspakket, on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum van indiening"))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indiening")
        verbose_name_plural = _("indieningen")

    def __str__(self) -> str:
        return f"{self.afsprakenset} {self.datum}"
