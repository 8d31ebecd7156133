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
