from simple_history.models import HistoricalRecords

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Partij(models.Model):
    """A party to agreements: the municipality, a corporation, a tenant association or another."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        CORPORATIE = "corporatie", _("woningcorporatie")
        HUURDERSORGANISATIE = "huurdersorganisatie", _("huurdersorganisatie")
        ZORG_WELZIJN = "zorg_welzijn", _("zorg- of welzijnspartij")
        OVERIG = "overig", _("overig")

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    korte_naam = models.CharField(_("korte naam"), max_length=80)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    fictief = models.BooleanField(
        _("fictief"), default=False, help_text=_("Verzonnen partij uit de landelijke testdataset (generate_national).")
    )
    # The municipalities the party works in: a gemeente its own, a corporation often several. Its
    # figures rights follow from this (accounts.policy), not from whichever set it can see.
    gemeenten = models.ManyToManyField(
        "register.Gemeente",
        verbose_name=_("gemeenten"),
        related_name="partijen",
        blank=True,
        help_text=_("De gemeenten waarin deze partij werkt."),
    )
    # A tenant association works for one or more corporations: it reacts to their bod (bod/).
    corporaties = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="huurdersorganisaties",
        limit_choices_to={"soort": "corporatie"},
        verbose_name=_("werkt voor corporaties"),
        help_text=_("Alleen bij een huurdersorganisatie: de corporaties van wier huurders zij is."),
    )
    history = HistoricalRecords(m2m_fields=[gemeenten])

    class Meta:
        ordering = ["naam"]
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")

    def __str__(self) -> str:
        return self.korte_naam or self.naam


class User(AbstractUser):
    """A person using Driehoek. Every user but the administrator acts for one party."""

    class Rol(models.TextChoices):
        LEZER = "lezer", _("lezer")
        INVULLER = "invuller", _("invuller / actiehouder")
        SECRETARIS = "secretaris", _("secretaris")
        BESTUURDER = "bestuurder", _("bestuurder")
        BEHEERDER = "beheerder", _("beheerder")

    partij = models.ForeignKey(
        Partij, verbose_name=_("partij"), null=True, blank=True, on_delete=models.PROTECT, related_name="gebruikers"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.LEZER)
    # Groups and permissions too: "every change to users and permissions" is on the record.
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups", "user_permissions"])

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
