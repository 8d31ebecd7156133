"""A report downloads under the set's name and the year, whatever name storage gave the file
(issue 16 item 11: `…kaderafspraken-202_oZE6izn.xlsx`)."""

import pytest

from django.urls import reverse

from driehoek.reports.models import Rapport
from driehoek.reports.tasks import build_report

pytestmark = pytest.mark.django_db


def test_the_download_is_named_after_the_set_and_the_year(client, kader, people, year_2026, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rapport = Rapport.objects.create(afsprakenset=kader, jaar=2026, formaat="xlsx")
    build_report.call(rapport.pk)
    build_report.call(rapport.pk)  # made again: storage gives the second file a suffix
    rapport.refresh_from_db()
    client.force_login(people["woonborg"])
    response = client.get(reverse("reports:rapport_download", args=[rapport.pk]))
    expected = f"evaluatie-{kader.slug}-2026.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    assert rapport.bestand.name.rsplit("/", 1)[-1] != expected  # storage's own name differs
