"""The delegation form on the agreement's page and its post-only target (docs/adr/0130)."""

import pytest

from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.monitoring import delegatie
from driehoek.monitoring.models import Delegatie

pytestmark = pytest.mark.django_db


def _opgeleverd(kader):
    return kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]


def _page(kader):
    return reverse("monitoring:beoordeling", args=[kader.slug, 2026, "1"])


def _url(kader, indicator):
    return reverse("monitoring:delegeren", args=[kader.slug, 2026, "1", indicator.pk])


def _volmacht():
    return Partij.objects.get(naam="Woningstichting De Volmacht")


def test_the_lead_sees_the_choice_and_delegates(client, kader, people, year_2026):
    indicator = _opgeleverd(kader)
    client.force_login(people["woonborg"])
    html = client.get(_page(kader)).content.decode()
    assert "Een indicator laten invullen door een mede-actiehouder" in html
    assert f'name="d{indicator.pk}-partij" value="{_volmacht().pk}"' in html
    assert "Woonborg (trekker)" in html

    response = client.post(
        _url(kader, indicator), {f"d{indicator.pk}-partij": _volmacht().pk, f"d{indicator.pk}-versie": 0}
    )

    assert response.status_code == 302 and response["Location"].endswith(f"#wie-vult-in-{indicator.pk}")
    assert Delegatie.objects.get(indicator=indicator).partij == _volmacht()
    html = client.get(_page(kader)).content.decode()
    assert "De Volmacht vult “aantal opgeleverde woningen" in html  # the message
    article = html[html.index(f'id="indicator-{indicator.pk}"') :]
    assert "De Volmacht vult in" in article[:2000] and "gedelegeerd door" in article[:2000]
    # Taking it back is choosing the trekker again.
    client.post(
        _url(kader, indicator), {f"d{indicator.pk}-partij": people["woonborg"].partij_id, f"d{indicator.pk}-versie": 1}
    )
    assert Delegatie.objects.get(indicator=indicator).partij is None
    assert "weer zelf in" in client.get(_page(kader)).content.decode()


def test_the_co_holder_gets_the_task_and_no_choice(client, kader, people, year_2026):
    indicator = _opgeleverd(kader)
    delegatie.delegate(people["woonborg"], indicator, _volmacht(), versie=0)
    client.force_login(people["volmacht"])
    start = client.get(reverse("start")).content.decode()
    assert "Afspraak 1: waarden invullen" in start
    html = client.get(_page(kader)).content.decode()
    assert "Een indicator laten invullen" not in html
    article = html[html.index(f'id="indicator-{indicator.pk}"') :]
    assert "data-leeg" in article[: article.index("</details>")]  # asked: opened on a wide screen
    client.force_login(people["woonborg"])  # the lead may still enter it, but is no longer asked
    html = client.get(_page(kader)).content.decode()
    article = html[html.index(f'id="indicator-{indicator.pk}"') :]
    assert "data-leeg" not in article[: article.index("</details>")]
    # The form open on a phone is the first one Woonborg is still asked for: the second indicator.
    second = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[1]
    section = html[html.index(f'id="indicator-{second.pk}"') :]
    assert '<details class="waarde-invoer" open' in section[: section.index("</details>")]
    assert '<details class="waarde-invoer" open' not in article[: article.index("</details>")]


def test_another_party_is_refused_with_a_dutch_message(client, kader, people, year_2026, user_factory):
    indicator = _opgeleverd(kader)
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")  # in the set, but no holder of it
    outsider = people["buitenstaander"].partij
    client.force_login(people["woonborg"])
    for partij in (gemeente, outsider):
        response = client.post(
            _url(kader, indicator), {f"d{indicator.pk}-partij": partij.pk, f"d{indicator.pk}-versie": 0}
        )
        assert response.status_code == 400
        assert "Kies de trekker of een mede-actiehouder van deze indicator." in response.content.decode()
    response = client.post(_url(kader, indicator), {f"d{indicator.pk}-partij": _volmacht().pk})
    assert response.status_code == 400 and "laad de pagina opnieuw" in response.content.decode()
    assert not Delegatie.objects.exists()


def test_an_outdated_form_shows_who_changed_it(client, kader, people, year_2026):
    indicator = _opgeleverd(kader)
    delegatie.delegate(people["woonborg"], indicator, _volmacht(), versie=0)
    woonzorg = Partij.objects.get(naam="Woonzorg Nederland")
    client.force_login(people["woonborg"])
    response = client.post(
        _url(kader, indicator), {f"d{indicator.pk}-partij": woonzorg.pk, f"d{indicator.pk}-versie": 0}
    )
    html = response.content.decode()
    assert (
        response.status_code == 400 and "heeft dit intussen gewijzigd" in html and "gedelegeerd aan De Volmacht" in html
    )
    assert Delegatie.objects.get().partij == _volmacht()


def test_not_the_lead_is_forbidden_and_another_municipality_finds_nothing(client, kader, people, year_2026):
    indicator = _opgeleverd(kader)
    data = {f"d{indicator.pk}-partij": _volmacht().pk, f"d{indicator.pk}-versie": 0}
    for who, status in (("volmacht", 403), ("secretaris", 403), ("lezer", 403), ("buitenstaander", 404)):
        client.force_login(people[who])
        assert client.post(_url(kader, indicator), data).status_code == status, who
    client.logout()
    assert client.post(_url(kader, indicator), data).status_code == 302  # to the log-in page
    assert client.get(_url(kader, indicator)).status_code in (302, 405)
    assert not Delegatie.objects.exists()
