"""An uploaded agreement document and the draft set Driehoek proposes from it.

The file is kept in the database (not on a disk of one web machine), so that every web process can
show it and an upload is stored all or nothing with its proposal.
"""

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from driehoek.register.models import Afsprakenset


class Brondocument(models.Model):
    class Status(models.TextChoices):
        IN_BEOORDELING = "in_beoordeling", _("in beoordeling")
        AANVAARD = "aanvaard", _("aanvaard")

    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=250)
    inhoud = models.BinaryField(_("inhoud"))
    paginas = models.PositiveIntegerField(_("pagina's"), default=1)
    brontekst = models.TextField(_("brontekst"), help_text=_("De gelezen tekst, regel voor regel, na herstel."))
    voorstel = models.JSONField(_("voorstel"), help_text=_("De conceptset in het open-dataformaat."))
    meldingen = models.JSONField(_("meldingen"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_BEOORDELING)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geüpload door"), on_delete=models.PROTECT, related_name="+"
    )
    geupload_op = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    afsprakenset = models.ForeignKey(
        Afsprakenset,
        verbose_name=_("afsprakenset"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brondocumenten",
    )
    history = HistoricalRecords(excluded_fields=["inhoud", "brontekst"])

    class Meta:
        ordering = ["-geupload_op"]
        verbose_name = _("brondocument")
        verbose_name_plural = _("brondocumenten")

    def __str__(self) -> str:
        return self.bestandsnaam

    def get_absolute_url(self) -> str:
        return reverse("importer:document", args=[self.pk])

    @property
    def set(self) -> dict:
        return self.voorstel["sets"][0]

    @property
    def regels(self) -> list[str]:
        return self.brontekst.split("\n")
