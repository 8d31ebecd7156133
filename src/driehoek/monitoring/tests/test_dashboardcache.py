"""The dashboard's inbox and figures from the shared cache (issue 18, docs/adr/0190): served again
only to a viewer with the same party, role and right to adopt, in the same language, while nothing
they show has changed. After each kind of change the page served is the page made afresh."""

import re
from datetime import date

import pytest

from django.core.cache import cache
from django.urls import reverse

from driehoek.accounts import policy
from driehoek.monitoring import delegatie, services, tabelcache
from driehoek.monitoring.models import Monitoringsjaar
from driehoek.monitoring.tests.test_tabelcache import CHANGES, _beoordeling, _voorzet

pytestmark = pytest.mark.django_db

VIEWERS = ("secretaris", "woonborg", "ahwoon", "gemeente", "lezer", "beheerder")


@pytest.fixture(autouse=True)
def server_timing(settings):
    settings.SERVER_TIMING = True  # the header says whether the cache served


def _dashboard(client, kader) -> tuple[str, str]:
    """(the page's main content as served, "hit"/"miss" from the Server-Timing header)."""
    response = client.get(reverse("monitoring:dashboard", args=[kader.slug, 2026]))
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)
    timing = re.search(r"cache;desc=(\w+)", response.headers["Server-Timing"])
    return main, timing.group(1) if timing else ""


def _fresh(client, kader) -> str:
    """The page as made without the cache."""
    cache.clear()
    page, served = _dashboard(client, kader)
    assert served == "miss"
    return page


def _start(client) -> str:
    """The start page's list of tasks (what waits in the monitoring is kept: monitoring.taken.waiting)."""
    response = client.get(reverse("start"))
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_the_second_request_is_served_from_the_cache(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    first, served = _dashboard(client, kader)
    assert served == "miss" and "Wat wacht op" in first and "Beoordelingen per thema" in first
    second, served = _dashboard(client, kader)
    assert served == "hit" and second == first


def test_each_viewer_gets_their_own_inbox(client, kader, people, year_2026):
    """A party's inbox is not another's: each viewer's cached page is the one made for them alone."""
    _voorzet(kader, people)  # something waits for the other parties
    pages = {}
    for name in VIEWERS:
        client.force_login(people[name])
        fresh = _fresh(client, kader)
        pages[name] = fresh
    cache.clear()
    for name in VIEWERS:  # now all from one cache, each in turn
        client.force_login(people[name])
        _dashboard(client, kader)
    for name in VIEWERS:
        client.force_login(people[name])
        served, hit = _dashboard(client, kader)
        assert hit == "hit" and served == pages[name], name
    assert pages["woonborg"] != pages["ahwoon"]  # woonborg made the voorzet, WOON is asked to respond
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("monitoring:dashboard", args=[kader.slug, 2026])).status_code == 404


def test_each_language_has_its_own_page(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    dutch, _s = _dashboard(client, kader)
    client.cookies["django_language"] = "en"
    english, served = _dashboard(client, kader)
    assert served == "miss" and "Assessments per theme" in english and "Beoordelingen per thema" in dutch


def _delegation(kader, people):
    """An indicator delegated to its co-holder: the co-holder is now the one asked to fill it."""
    for indicator in (i for a in kader.afspraken.all() for i in a.indicatoren.all()):
        holders = indicator.actiehouders_lijst
        lead = next((u for u in people.values() if holders and u.partij_id == holders[0].pk), None)
        if len(holders) > 1 and lead and policy.can(lead, policy.DELEGATE, indicator):
            delegatie.delegate(lead, indicator, holders[1], versie=0)
            return holders[1].korte_naam
    raise AssertionError("no indicator with two actiehouders whose lead is among the people")


def _deadline(kader, people):
    """The year's deadlines, changed by the administrator (the inbox shows them)."""
    jaar = Monitoringsjaar.objects.get(afsprakenset=kader, jaar=2026)
    jaar.voorzet_uiterlijk, jaar.reacties_uiterlijk = date(2027, 2, 13), date(2027, 3, 14)
    jaar.save()
    return "13 februari 2027"


def _remark(kader, people):
    """A remark on a voorzet: the party is still asked to answer it."""
    _voorzet(kader, people)
    b = _beoordeling(kader)
    services.respond(people["ahwoon"], b, soort="opmerking", toelichting="Een vraag vooraf.", revisie=b.revisie)
    return None


@pytest.mark.parametrize("change", [*CHANGES, _delegation, _deadline, _remark])
@pytest.mark.parametrize("viewer", ["secretaris", "woonborg", "ahwoon"])
def test_after_each_kind_of_change_the_served_page_is_the_fresh_one(client, kader, people, year_2026, change, viewer):
    client.force_login(people[viewer])
    _dashboard(client, kader)
    before, served = _dashboard(client, kader)
    assert served == "hit"
    _start(client)
    token = tabelcache.token(kader)
    shown = change(kader, people)
    assert tabelcache.token(kader) != token
    after, served = _dashboard(client, kader)
    start = _start(client)
    assert served == "miss"
    assert after == _fresh(client, kader)
    assert start == _start(client)  # made afresh after the cache was cleared
    if shown and viewer == "secretaris" and change in (_deadline,):
        assert shown in after and shown not in before
