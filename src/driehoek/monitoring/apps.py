from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "driehoek.monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from . import tabelcache  # noqa: F401 -- every write the monitoringstabel shows raises its version
