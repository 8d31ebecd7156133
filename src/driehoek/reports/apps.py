from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "driehoek.reports"
    verbose_name = _("Rapportages")
