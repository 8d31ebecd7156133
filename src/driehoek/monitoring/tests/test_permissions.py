"""Every role against every monitoring action, on agreement 1 of the Kaderafspraken (actiehouder of
its first indicator: the corporations, Woonborg first), with a voorzet by Woonborg."""

import pytest

from django.urls import reverse

from driehoek.accounts import policy
from driehoek.monitoring import services
from driehoek.monitoring.models import Beoordeling

pytestmark = pytest.mark.django_db

PEOPLE = [
    "secretaris",
    "gemeente",
    "bestuurder",
    "woonborg",
    "volmacht",
    "woonzorg",
    "ahwoon",
    "deelmacht",
    "lezer",
    "beheerder",
    "buitenstaander",
]
CORPORATIONS = {"woonborg", "volmacht", "woonzorg"}
ALLOWED = {
    policy.VIEW_SET: set(PEOPLE) - {"buitenstaander"},
    policy.CHANGE_REGISTER: {"beheerder"},  # in the admin, the administrator's tool (docs/adr/0085)
    policy.START_YEAR: {"secretaris"},
    "enter_value_corporaties": CORPORATIONS,
    "enter_value_allen": CORPORATIONS | {"gemeente", "secretaris", "ahwoon", "deelmacht"},
    policy.MAKE_VOORZET: CORPORATIONS,
    policy.RESPOND: {"secretaris", "gemeente", "bestuurder", "volmacht", "woonzorg", "ahwoon", "deelmacht"},
    policy.ADOPT: {"secretaris"},
    policy.REVISE: CORPORATIONS | {"secretaris"},
}
CASES = [(action, who) for action in ALLOWED for who in PEOPLE]


@pytest.fixture
def situation(kader, people, year_2026):
    afspraak = kader.afspraken.get(nummer="1")
    b = Beoordeling.objects.get(afspraak=afspraak, jaar=2026)
    services.make_voorzet(people["woonborg"], b, kleur="groen")
    b.refresh_from_db()
    indicators = list(afspraak.indicatoren.order_by("volgorde"))
    return {
        policy.VIEW_SET: kader,
        policy.CHANGE_REGISTER: kader,
        policy.START_YEAR: kader,
        "enter_value_corporaties": indicators[0],
        "enter_value_allen": indicators[1],
        policy.MAKE_VOORZET: b,
        policy.RESPOND: b,
        policy.ADOPT: b,
        policy.REVISE: b,
    }


@pytest.mark.parametrize(("action", "who"), CASES)
def test_policy_table(situation, people, action, who):
    name = policy.ENTER_VALUE if action.startswith("enter_value") else action
    assert policy.can(people[who], name, situation[action]) is (who in ALLOWED[action])


def test_forbidden_posts_are_refused_by_the_pages(client, kader, people, situation):
    b = situation[policy.MAKE_VOORZET]
    url = reverse("monitoring:beoordeling", args=[kader.slug, 2026, "1"])
    client.force_login(people["ahwoon"])
    response = client.post(
        url,
        {
            "form": "voorzet",
            "voorzet-kleur": "rood",
            "voorzet-reden": "a",
            "voorzet-toelichting": "x",
            "voorzet-versie": b.versie,
        },
    )
    assert response.status_code == 403
    b.refresh_from_db()
    assert b.kleur == "groen"
    indicator = situation["enter_value_corporaties"]
    response = client.post(
        reverse("monitoring:waarde", args=[kader.slug, 2026, "1", indicator.pk]), {f"i{indicator.pk}-waarde": "3"}
    )
    assert response.status_code == 403
    response = client.post(reverse("monitoring:index", args=[kader.slug]), {"start-jaar": 2027})
    assert response.status_code == 403
    client.force_login(people["buitenstaander"])
    for page in ("dashboard", "tabel", "focus"):
        assert client.get(reverse(f"monitoring:{page}", args=[kader.slug, 2026])).status_code == 404
    assert client.get(url).status_code == 404
