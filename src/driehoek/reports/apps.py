from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "driehoek.reports"
    verbose_name = _("Rapportages")

    def ready(self):
        from . import national_cache  # noqa: F401 -- what the national figures are made of raises their version
