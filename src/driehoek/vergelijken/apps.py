from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VergelijkenConfig(AppConfig):
    name = "driehoek.vergelijken"
    verbose_name = _("Vergelijken met andere gemeenten")

    def ready(self):
        from . import signals  # noqa: F401
