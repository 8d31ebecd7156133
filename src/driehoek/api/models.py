import hashlib
import secrets

from simple_history.models import HistoricalRecords

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A key for a party's own systems. It acts as the user who made it, with that user's rights;
    only a hash is stored, so it can be revoked but not read back."""

    naam = models.CharField(_("naam"), max_length=120)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    sleutel_hash = models.CharField(max_length=64, unique=True)
    begin = models.CharField(_("begint met"), max_length=8)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["laatst_gebruikt"])

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.naam} ({self.begin}…)"

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user, naam: str) -> tuple["ApiToken", str]:
        secret = "dh_" + secrets.token_urlsafe(32)
        token = cls(naam=naam, gebruiker=user, sleutel_hash=cls.hash(secret), begin=secret[:8])
        token._history_user = user
        token.save()
        return token, secret
