"""Bounds on one document: pages, characters and time (settings IMPORTER_MAX_PAGES,
IMPORTER_MAX_CHARACTERS, IMPORTER_MAX_SECONDS; docs/configuration.md). Each refusal is a
DocumentError with a message for a person; nothing is stored."""

import time

from django.conf import settings
from django.utils.translation import gettext as _

from .extract import DocumentError


def check_pages(pages: int) -> None:
    most = settings.IMPORTER_MAX_PAGES
    if pages > most:
        raise DocumentError(
            _(
                "Het document heeft %(pages)s pagina's; Driehoek leest er ten hoogste %(most)s. "
                "Lees de afspraken in delen in, of laat de beheerder de grens verhogen."
            )
            % {"pages": pages, "most": most}
        )


def check_characters(characters: int) -> None:
    most = settings.IMPORTER_MAX_CHARACTERS
    if characters > most:
        raise DocumentError(
            _(
                "Het document bevat meer dan %(most)s tekens tekst; zo veel leest Driehoek niet in één keer. "
                "Lees de afspraken in delen in."
            )
            % {"most": f"{most:,}".replace(",", ".")}
        )


class Deadline:
    """The time one document may take; `check()` is called between the steps and inside long loops."""

    def __init__(self, seconds: float | None = None):
        self.seconds = settings.IMPORTER_MAX_SECONDS if seconds is None else seconds
        self.until = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.until:
            raise DocumentError(
                _(
                    "Het inlezen duurde langer dan %(seconds)s seconden en is gestopt; er is niets bewaard. "
                    "Lees het document in delen in, of als tekstbestand."
                )
                % {"seconds": self.seconds}
            )
