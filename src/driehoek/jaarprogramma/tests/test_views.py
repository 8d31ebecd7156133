from datetime import date, timedelta

import pytest

from django.urls import reverse

from driehoek.jaarprogramma import services
from driehoek.jaarprogramma.models import Voorstel

pytestmark = pytest.mark.django_db


@pytest.fixture
def programma(kader, people):
    return services.start(people["secretaris"], kader, 2027, reacties_uiterlijk=date.today() + timedelta(days=5))


def test_a_text_proposal_shows_tracked_changes_with_labels_for_screen_readers(client, programma, people, kader):
    onderdeel = programma.onderdelen.get(nummer="14")
    nieuw = onderdeel.tekst.replace("een dorp of wijk", "twee dorpen of wijken", 1)
    assert nieuw != onderdeel.tekst
    voorstel = services.propose(people["woonborg"], programma, "tekst", onderdeel=onderdeel, tekst=nieuw)
    client.force_login(people["ahwoon"])
    html = client.get(reverse("jaarprogramma:voorstel", args=[kader.slug, 2027, voorstel.pk])).content.decode()
    assert (
        '<del><span class="visually-hidden">[geschrapt: </span>een dorp<span class="visually-hidden">]</span></del>'
        in html
    )
    assert (
        '<ins><span class="visually-hidden">[toegevoegd: </span>twee dorpen<span class="visually-hidden">]</span></ins>'
        in html
    )
    assert "Reageren namens Algemene Huurdersvereniging WOON" in html
    client.force_login(people["woonborg"])  # the proposer revises, but does not react to itself
    html = client.get(reverse("jaarprogramma:voorstel", args=[kader.slug, 2027, voorstel.pk])).content.decode()
    assert "Uw voorstel herzien" in html and "Reageren namens" not in html
    response = client.post(
        reverse("jaarprogramma:voorstel", args=[kader.slug, 2027, voorstel.pk]),
        {"form": "reactie", "reactie-soort": "akkoord", "reactie-revisie": 1},
    )
    assert response.status_code == 403


def test_the_text_form_submitted_unchanged_changes_nothing(client, programma, people, kader):
    client.force_login(people["gemeente"])
    url = reverse("jaarprogramma:onderdeel", args=[kader.slug, 2027, "14"])
    tekst = programma.onderdelen.get(nummer="14").tekst
    response = client.post(url, {"form": "tekst", "tekst-tekst": tekst})
    assert response.status_code == 400
    assert "gelijk aan de huidige" in response.content.decode()
    assert not Voorstel.objects.exists()


def test_the_draft_does_not_exist_for_other_parties_and_readers_only_read(client, programma, people, kader):
    url = reverse("jaarprogramma:concept", args=[kader.slug, 2027])
    client.force_login(people["buitenstaander"])
    assert client.get(url).status_code == 404
    client.force_login(people["lezer"])
    html = client.get(url).content.decode()
    assert "Jaarprogramma 2027" in html and "Opmerking plaatsen" not in html and "Vaststellen" not in html
    assert client.post(url, {"form": "opmerking", "opmerking-tekst": "Hallo"}).status_code == 403
