"""Small things found in the journey walk (issue 16 item 11)."""

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from driehoek.register.models import Gemeente

pytestmark = pytest.mark.django_db


def test_the_api_root_leads_to_its_description(client):
    response = client.get("/api/v1/")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/openapi.json"
    assert client.get(response["Location"]).json()["info"]["title"] == "Driehoek API"


def test_provinces_are_spelled_with_their_hyphen(client, kader):
    labels = dict(Gemeente.Provincie.choices)
    assert [labels[v] for v in ("Noord-Brabant", "Noord-Holland", "Zuid-Holland")] == [
        "Noord-Brabant",
        "Noord-Holland",
        "Zuid-Holland",
    ]
    page = client.get(reverse("reports:landelijk_openbaar")).content.decode()
    assert ">Noord-Brabant</option>" in page
    assert "Noord Brabant" not in page


def test_one_row_is_one_row(client, kader, people):
    client.force_login(people["gemeente"])
    page = client.get(reverse("figures:overzicht", args=[kader.gemeente_id])).content.decode()
    assert ": 1 rij" in page
    assert "1 rijen" not in page


def test_the_import_link_reads_naturally_in_english():
    with translation.override("en"):
        assert gettext("Document inlezen") == "Import a document"


def test_a_municipality_in_the_national_table_links_to_its_public_page(client, kader, people):
    from driehoek.reports.models import Publicatie

    client.force_login(people["gemeente"])
    page = client.get(reverse("reports:landelijk")).content.decode()
    assert '<th scope="row">Aa en Hunze</th>' in page  # nothing public yet: no link
    Publicatie.objects.create(afsprakenset=kader, jaar=2026, gepubliceerd_door=people["secretaris"])
    url = reverse("reports:openbaar", args=[kader.slug, 2026])
    for name in ("reports:landelijk", "reports:landelijk_openbaar"):
        page = client.get(reverse(name)).content.decode()
        assert f'<th scope="row"><a href="{url}">Aa en Hunze</a></th>' in page
