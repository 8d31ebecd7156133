"""Every file leaves Driehoek as a download with a safe name, never to be opened in the page."""

import re
import unicodedata

from django.http import HttpResponse
from django.utils.http import content_disposition_header

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


def safe_filename(name: str, default: str = "bestand") -> str:
    """The last part of a name, without control characters, quotes or path separators."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r'[\x00-\x1f\x7f"<>:|?*;]+', "_", name).strip(" .")
    return name[:150] or default


def as_attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    return response
