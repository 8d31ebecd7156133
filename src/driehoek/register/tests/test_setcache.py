"""The set page's list of agreements from the shared cache (register/setcache.py): served again only
to a viewer of the same class, in the same language, while nothing it shows has changed."""

import re

import pytest

from django.urls import reverse

from driehoek.monitoring import tabelcache
from driehoek.register.models import Afsprakenset, LopendeAfspraak

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def server_timing(settings):
    settings.SERVER_TIMING = True  # the header says whether the cache served


def _list(client, kader, **params) -> tuple[str, str]:
    """(the list of agreements as served, "hit"/"miss"/"" from the Server-Timing header)."""
    response = client.get(reverse("register:set", args=[kader.slug]), params)
    assert response.status_code == 200
    html = response.content.decode()
    part = html[html.index('<div id="resultaten"') : html.index("</main>")]
    cache = re.search(r"cache;desc=(\w+)", response.headers["Server-Timing"])
    return part, cache.group(1) if cache else ""


def test_the_second_request_is_served_from_the_cache_with_the_same_list(client, kader, people):
    client.force_login(people["secretaris"])
    first, cache = _list(client, kader)
    assert cache == "miss"
    second, cache = _list(client, kader)
    assert cache == "hit" and second == first
    assert first.count('class="agreement"') == kader.afspraken.count()
    for afspraak in kader.afspraken.all():
        assert f'href="{afspraak.get_absolute_url()}"' in first


def test_htmx_gets_the_cached_list_alone(client, kader, people):
    client.force_login(people["secretaris"])
    full, _c = _list(client, kader)
    response = client.get(reverse("register:set", args=[kader.slug]), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.strip().startswith('<div id="resultaten"') and "<main" not in html
    assert html.strip() in full


def test_a_search_or_filter_is_made_each_time(client, kader, people):
    client.force_login(people["secretaris"])
    _list(client, kader)
    part, cache = _list(client, kader, q="aftoppingsgrens")
    assert cache == "" and "<mark>aftoppingsgrens</mark>" in part.lower()
    part, cache = _list(client, kader, q="", thema="")  # empty filters: the whole list, from the cache
    assert cache == "hit"


def test_viewers_of_different_classes_never_share_an_entry(client, kader, people):
    client.force_login(people["woonborg"])
    _list(client, kader)
    assert _list(client, kader)[1] == "hit"
    client.force_login(people["beheerder"])
    assert _list(client, kader)[1] == "miss"  # not the party's entry
    client.force_login(people["buitenstaander"])  # another municipality's party: no set, cached or not
    assert client.get(reverse("register:set", args=[kader.slug])).status_code == 404


def test_each_language_has_its_own_list(client, kader, people):
    client.force_login(people["secretaris"])
    dutch, _c = _list(client, kader)
    client.cookies["django_language"] = "en"
    english, cache = _list(client, kader)
    assert cache == "miss" and "Responsible" in english and "Verantwoordelijk" in dutch


def _unsign(kader):
    Afsprakenset.objects.filter(pk=kader.pk).update(status="concept")  # the signed-set guard is not tested here


def _title(kader):
    _unsign(kader)
    afspraak = kader.afspraken.get(nummer="1")
    afspraak.titel = "Een nieuwe titel voor afspraak een"
    afspraak.save()
    return "Een nieuwe titel voor afspraak een"


def _party(kader):
    partij = kader.afspraken.get(nummer="1").verantwoordelijken.first()
    partij.korte_naam = "Kortenaam-nieuw"
    partij.save()
    return "Kortenaam-nieuw"


def _theme(kader):
    _unsign(kader)
    thema = kader.themas.first()
    thema.doel = "Een nieuw doel voor het eerste thema."
    thema.save()
    return "Een nieuw doel voor het eerste thema."


def _ongoing(kader):
    _unsign(kader)
    thema = kader.themas.first()
    LopendeAfspraak.objects.create(thema=thema, tekst="Een nieuwe lopende afspraak.", volgorde=99)
    return "Een nieuwe lopende afspraak."


@pytest.mark.parametrize("change", [_title, _party, _theme, _ongoing])
def test_each_kind_of_change_raises_the_version_and_shows(client, kader, people, change):
    client.force_login(people["secretaris"])
    _list(client, kader)
    assert _list(client, kader)[1] == "hit"
    token = tabelcache.token(kader)
    shown = change(kader)
    assert tabelcache.token(kader) != token
    part, cache = _list(client, kader)
    assert cache == "miss" and shown in part
