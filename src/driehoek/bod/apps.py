from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodConfig(AppConfig):
    name = "driehoek.bod"
    verbose_name = _("Bod en reacties")
