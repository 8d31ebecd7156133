"""The public page of a published year from the shared cache (reports/views.py openbaar): the same
for every visitor, served again while nothing it shows has changed; a newly adopted light shows."""

import re
from datetime import date

import pytest

from django.urls import reverse

from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling
from driehoek.reports import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def server_timing(settings):
    settings.SERVER_TIMING = True  # the header says whether the cache served


def _adopt(kader, people, nummer: str, kleur: str, toelichting: str) -> None:
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=2026)
    monitoring.make_voorzet(
        people["woonborg"], b, kleur=kleur, reden="a" if kleur == "rood" else "", toelichting=toelichting
    )
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        b.refresh_from_db()
        monitoring.respond(people[who], b, soort="akkoord")
    b.refresh_from_db()
    monitoring.adopt(people["secretaris"], b, datum=date(2027, 3, 20), orgaan="Bestuurlijk overleg")


def _page(client, kader) -> tuple[str, str]:
    response = client.get(reverse("reports:openbaar", args=[kader.slug, 2026]))
    assert response.status_code == 200
    cache = re.search(r"cache;desc=(\w+)", response.headers["Server-Timing"])
    html = response.content.decode()
    return html[html.index("<h1") : html.index("</main>")], cache.group(1) if cache else ""


def test_the_public_page_is_served_again_until_a_light_is_adopted(client, kader, people, year_2026):
    _adopt(kader, people, "5", "groen", "Inventarisatie afgerond.")
    services.publish(people["secretaris"], kader, 2026)
    first, cache = _page(client, kader)
    assert cache == "miss" and "Inventarisatie afgerond." in first
    second, cache = _page(client, kader)
    assert cache == "hit" and second == first
    client.force_login(people["ahwoon"])  # a logged-in visitor sees the same public page
    assert _page(client, kader) == (first, "hit")
    client.logout()
    _adopt(kader, people, "1", "rood", "Loopt achter op de planning.")
    third, cache = _page(client, kader)
    assert cache == "miss" and "Loopt achter op de planning." in third
    client.cookies["django_language"] = "en"
    english, cache = _page(client, kader)
    assert cache == "miss" and english != third
