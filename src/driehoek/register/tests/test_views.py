import pytest

from django.urls import reverse

from driehoek.accounts.models import Partij, User
from driehoek.register.models import Afspraak, Afsprakenset

pytestmark = pytest.mark.django_db

KADER = "aa-en-hunze-kaderafspraken-2026-2031"
PA2022 = "aa-en-hunze-prestatieafspraken-2022"


@pytest.fixture
def ahwoon(client, user_factory):
    user = user_factory(partij=Partij.objects.get(naam="Algemene Huurdersvereniging WOON"))
    client.force_login(user)
    return user


def test_pages_need_a_login(client):
    for url in [
        reverse("start"),
        reverse("register:set", args=[KADER]),
        reverse("register:afspraak", args=[KADER, "5"]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_start_page_lists_the_sets_of_the_users_party(client, ahwoon):
    html = client.get(reverse("start")).content.decode()
    assert "Kaderafspraken 2026-2031" in html and "Prestatieafspraken 2022" in html
    assert "19 afspraken" in html and "85 afspraken" in html


def test_a_set_outside_the_users_party_is_not_found(client, user_factory):
    client.force_login(user_factory(partij=Partij.objects.get(naam="Woonzorg Nederland")))
    assert client.get(reverse("register:set", args=[PA2022])).status_code == 404
    assert client.get(reverse("register:afspraak", args=[PA2022, "12"])).status_code == 404
    assert "Prestatieafspraken 2022" not in client.get(reverse("start")).content.decode()


def test_set_page_shows_parties_themes_sections_and_ongoing_commitments(client, ahwoon):
    html = client.get(reverse("register:set", args=[PA2022])).content.decode()
    assert "H. Heijerman" in html and "Wethouder Volkshuisvesting" in html
    assert "4.1 Betaalbaarheid" in html and "Prestaties Woonborg en De Volmacht" in html
    assert html.count('class="agreement"') == 85
    kader = client.get(reverse("register:set", args=[KADER])).content.decode()
    assert "Dit doen we al en hier blijven we ons aan committeren" in kader
    assert "Uitgangspunten" in kader


def test_full_text_search_finds_and_marks_the_word(client, ahwoon):
    response = client.get(reverse("register:set", args=[KADER]), {"q": "aftoppingsgrens"})
    html = response.content.decode()
    numbers = [a.nummer for a in response.context["groepen"][0]["secties"][0][1]] if response.context["groepen"] else []
    found = [a.nummer for g in response.context["groepen"] for _s, afspraken in g["secties"] for a in afspraken]
    assert "5" in found and "1" not in found
    assert numbers  # the first group has hits
    assert "<mark>aftoppingsgrens</mark>" in html
    assert "afspraken gevonden" in html or "afspraak gevonden" in html


def test_filters_by_theme_party_and_section(client, ahwoon):
    url = reverse("register:set", args=[PA2022])
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")
    response = client.get(url, {"sectie": "Prestaties gemeente"})
    found = {a.nummer for g in response.context["groepen"] for _s, afspraken in g["secties"] for a in afspraken}
    assert found == {"20", "21", "42", "56", "57", "66", "67", "68", "72", "80", "81", "82"}
    thema = Afspraak.objects.get(afsprakenset__slug=PA2022, nummer="71").thema
    response = client.get(url, {"thema": thema.pk, "partij": gemeente.pk})
    found = {a.nummer for g in response.context["groepen"] for _s, afspraken in g["secties"] for a in afspraken}
    assert found == {"72"}


def test_search_without_hits_says_what_to_do(client, ahwoon):
    html = client.get(reverse("register:set", args=[KADER]), {"q": "zzzonbekendzzz"}).content.decode()
    assert "0 afspraken gevonden" in html and "Probeer een ander zoekwoord" in html


def test_htmx_request_gets_only_the_results(client, ahwoon):
    response = client.get(reverse("register:set", args=[KADER]), {"q": "instrumentenkoffer"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="resultaten"') and "<h1" not in html


def test_agreement_page(client, ahwoon):
    html = client.get(reverse("register:afspraak", args=[KADER, "1"])).content.decode()
    assert "Toevoegen van netto 180 sociale huurwoningen" in html
    assert "aantal opgeleverde woningen" in html and "2026-2031" in html
    assert "tussen 120 en 140" in html
    assert "Woonzorg Nederland" in html  # responsible party
    assert "aangemaakt" in html  # history from the import


def test_agreement_page_shows_links_and_changes(client, ahwoon, user_factory):
    Afsprakenset.objects.filter(slug=PA2022).update(status="concept")  # a correction to a draft
    afspraak = Afspraak.objects.get(afsprakenset__slug=PA2022, nummer="72")
    afspraak.titel = "Kleine kernen gemeente"
    afspraak._history_user = user_factory(
        username="sanne", first_name="Sanne", last_name="Secretaris", rol=User.Rol.SECRETARIS
    )
    afspraak.save()
    html = client.get(afspraak.get_absolute_url()).content.decode()
    assert 'href="/sets/aa-en-hunze-prestatieafspraken-2022/afspraken/34/"' in html
    assert "Sanne Secretaris" in html and "Kleine kernen gemeente" in html
    html34 = client.get(reverse("register:afspraak", args=[PA2022, "34"])).content.decode()
    assert "Genoemd in" in html34


def test_english_interface(client, ahwoon):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("start")).content.decode()
    assert 'lang="en"' in html
    assert "My agreements" in html and "Mijn afspraken" not in html


def test_dutch_unless_english_was_chosen(client, ahwoon):
    html = client.get(reverse("start"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="nl"' in html and "Mijn afspraken" in html
