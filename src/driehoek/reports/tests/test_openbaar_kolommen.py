"""The public page's net additions say what they show: delivered minus sold, as the XLSX's sheet
"Cijfers" and the figures page call it (issue 18, mend a)."""

import re
from types import SimpleNamespace

import pytest

from django.urls import reverse
from django.utils import translation

from driehoek.reports import services
from driehoek.reports.evaluation import additions_series
from driehoek.reports.tests.test_openbaar_cache import _adopt

pytestmark = pytest.mark.django_db


def _headings(client, kader) -> list[str]:
    html = client.get(reverse("reports:openbaar", args=[kader.slug, 2026])).content.decode()
    table = html[html.index('id="cijfers-kop"') :]
    table = table[: table.index("</thead>")]
    return re.findall(r'<th scope="col">([^<]*)</th>', table)


def _xlsx_headings(language: str) -> list[str]:
    with translation.override(language):
        empty = SimpleNamespace(net={}, planned_hard={}, planned_soft={})
        return [translation.gettext("Jaar"), *(str(s.label) for s in additions_series(empty))]


def test_the_net_additions_are_headed_as_what_they_are(client, kader, people, year_2026):
    _adopt(kader, people, "5", "groen", "Inventarisatie afgerond.")
    services.publish(people["secretaris"], kader, 2026)
    dutch = _headings(client, kader)
    assert dutch == _xlsx_headings("nl")
    assert dutch[1] == "opgeleverd min verkocht"
    client.cookies["django_language"] = "en"
    english = _headings(client, kader)
    assert english == _xlsx_headings("en")
    assert english[1] == "delivered minus sold"
