from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "driehoek.register"
    verbose_name = _("Afsprakenregister")

    def ready(self) -> None:
        from . import consistency, guard  # noqa: F401 -- connect the set's guards to every register write
