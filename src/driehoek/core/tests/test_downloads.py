"""Every download goes through core/downloads.py (issue 15, finding 9): a file name with quotes
cannot add a second filename parameter, and no view builds a Content-Disposition by hand."""

import re
from email.message import EmailMessage

import pytest

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from driehoek.core.downloads import as_attachment, safe_filename

HOSTILE = [
    "rapport.pdf\"; filename*=UTF-8''evil.html",
    'a"; filename="evil.html',
    "verslag\r\nSet-Cookie: x=1.pdf",
    '..\\..\\evil.html";.pdf',
    'één "twee".pdf',
]


def _parameters(header: str) -> list[str]:
    """The header's parameter names, as a mail or HTTP client parses them."""
    message = EmailMessage()
    message["Content-Disposition"] = header
    return list(message["Content-Disposition"].params)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_quoted_name_gives_one_filename_parameter(name):
    header = as_attachment(HttpResponse(), name)["Content-Disposition"]
    assert header.startswith("attachment; ")
    assert _parameters(header) == ["filename"], header
    assert "\r" not in header and "\n" not in header and safe_filename(name).count('"') == 0


def test_no_view_builds_a_content_disposition_by_hand():
    """Only core/downloads.py writes the header; views call as_attachment or FileResponse with
    filename=safe_filename(...)."""
    offenders = []
    for path in settings.SRC_DIR.rglob("*.py"):
        if "tests" in path.parts or path.name == "downloads.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"Content-Disposition|content_disposition_header", line, re.IGNORECASE):
                offenders.append(f"{path.relative_to(settings.SRC_DIR)}:{number}")
            if re.search(r"\bfilename=(?!safe_filename\()", line) and "FileResponse" in path.read_text():
                offenders.append(f"{path.relative_to(settings.SRC_DIR)}:{number} (filename= without safe_filename)")
    assert offenders == []


@pytest.mark.django_db
def test_the_importers_download_of_a_quoted_name(client, user_factory):
    from driehoek.accounts.models import Partij, User
    from driehoek.importer import services
    from driehoek.importer.tests.helpers import text

    partij = Partij.objects.create(naam="Gemeente Zilverveen", korte_naam="Gemeente", soort="gemeente")
    name = "zilverveen.txt\"; filename*=UTF-8''evil.html"
    user = user_factory(username="zilver", partij=partij, rol=User.Rol.SECRETARIS)
    client.force_login(user)
    document = services.upload(user, name, text("zilverveen"))  # the name as the API or a command gives it
    header = client.get(reverse("importer:bestand", args=[document.pk]))["Content-Disposition"]
    assert _parameters(header) == ["filename"], header
    assert header == f'attachment; filename="{safe_filename(document.bestandsnaam)}"', header
