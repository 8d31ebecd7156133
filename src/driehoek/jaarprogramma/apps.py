from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JaarprogrammaConfig(AppConfig):
    name = "driehoek.jaarprogramma"
    verbose_name = _("Jaarprogramma")
