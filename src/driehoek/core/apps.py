from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Plumbing shared by the domain rooms: translations, page-wide checks."""

    name = "driehoek.core"
