from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OndertekeningConfig(AppConfig):
    name = "driehoek.ondertekening"
    verbose_name = _("Ondertekening en indiening")
