from django.db import models
from django.utils.translation import gettext_lazy as _

from driehoek.register.models import Afspraak


def index_path(instance, filename: str) -> str:
    return f"zoekindex/{filename}"


class Zoekindex(models.Model):
    """One build of the similarity index. The newest finished build is the one in use; its file lies
    on the shared storage, so every web process reads the same index."""

    gebouwd_op = models.DateTimeField(_("gebouwd op"), auto_now_add=True)
    bestand = models.FileField(_("bestand"), upload_to=index_path)
    aantal_afspraken = models.PositiveIntegerField(_("aantal afspraken"))
    bouwtijd = models.FloatField(_("bouwtijd in seconden"))
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"))

    class Meta:
        ordering = ["-gebouwd_op", "-pk"]
        verbose_name = _("zoekindex")
        verbose_name_plural = _("zoekindexen")

    def __str__(self) -> str:
        return f"{self.gebouwd_op:%Y-%m-%d %H:%M} ({self.aantal_afspraken})"


class Indexstand(models.Model):
    """When agreements last changed, so that a queued rebuild knows whether it still has work."""

    gewijzigd_op = models.DateTimeField(_("gewijzigd op"))

    class Meta:
        verbose_name = _("stand van de zoekindex")
        verbose_name_plural = _("stand van de zoekindex")

    def __str__(self) -> str:
        return f"{self.gewijzigd_op:%Y-%m-%d %H:%M}"


class Concreetheid(models.Model):
    """The SMART score of an agreement, kept with the index so the national overview can count it."""

    afspraak = models.OneToOneField(Afspraak, on_delete=models.CASCADE, related_name="concreetheid")
    punten = models.PositiveSmallIntegerField(_("punten"))
    ja = models.JSONField(_("antwoorden"), default=dict)

    class Meta:
        verbose_name = _("concreetheid")
        verbose_name_plural = _("concreetheid")

    def __str__(self) -> str:
        return f"{self.afspraak}: {self.punten}/5"
