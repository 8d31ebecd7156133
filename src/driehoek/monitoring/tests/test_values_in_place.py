"""Issue 20 item 2 and issue 16 item 9: all values of an agreement in one form, saved in place with
htmx; only the first unfilled indicator open; "Opslaan en volgende afspraak" after the voorzet."""

import re
from decimal import Decimal

import pytest

from django.urls import reverse

from driehoek.monitoring import services
from driehoek.monitoring.models import Indicatorwaarde

pytestmark = pytest.mark.django_db


def _url(kader, name, *args):
    return reverse(f"monitoring:{name}", args=[kader.slug, 2026, *args])


def _indicators(kader, nummer):
    return list(kader.afspraken.get(nummer=nummer).indicatoren.order_by("volgorde"))


def test_only_the_first_unfilled_indicator_is_open(client, kader, people, year_2026):
    first, second, third = _indicators(kader, "1")
    services.save_value(people["woonborg"], first, 2026, waarde=3, eenheid="woningen")
    client.force_login(people["woonborg"])
    html = client.get(_url(kader, "beoordeling", "1")).content.decode()
    opened = re.findall(r'<details class="waarde-invoer" open', html)
    assert len(opened) == 1
    section = html[html.index(f'id="indicator-{second.pk}"') : html.index(f'id="indicator-{third.pk}"')]
    assert '<details class="waarde-invoer" open' in section


def test_all_values_of_an_agreement_in_one_htmx_save(client, kader, people, year_2026):
    first, second, third = _indicators(kader, "1")
    client.force_login(people["woonborg"])
    response = client.post(
        _url(kader, "waarden", "1"),
        {
            f"i{first.pk}-waarde": "12",
            f"i{first.pk}-eenheid": "woningen",
            f"i{first.pk}-versie": "0",
            f"i{second.pk}-oordeel": "Loopt volgens plan.",
            f"i{second.pk}-versie": "0",
            f"i{third.pk}-versie": "0",  # untouched: not saved
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html  # the section only, no page reload
    assert 'id="indicatoren"' in html and "2 waarden zijn opgeslagen." in html and "Volgende afspraak" in html
    stored = dict(Indicatorwaarde.objects.filter(jaar=2026).values_list("indicator_id", "waarde"))
    assert stored == {first.pk: Decimal(12), second.pk: None}
    assert Indicatorwaarde.objects.get(indicator=second).oordeel == "Loopt volgens plan."


def test_one_refused_value_saves_none_and_says_why(client, kader, people, year_2026):
    first, second, _third = _indicators(kader, "1")
    services.save_value(people["volmacht"], second, 2026, waarde=5)  # a co-holder saved meanwhile
    client.force_login(people["woonborg"])
    response = client.post(
        _url(kader, "waarden", "1"),
        {
            f"i{first.pk}-waarde": "12",
            f"i{first.pk}-versie": "0",
            f"i{second.pk}-waarde": "7",
            f"i{second.pk}-versie": "0",  # drawn before the co-holder's save
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'class="conflict"' in html
    assert not Indicatorwaarde.objects.filter(indicator=first).exists()  # all or nothing
    assert Indicatorwaarde.objects.get(indicator=second).waarde == 5


def test_an_unchanged_submit_changes_nothing(client, kader, people, year_2026):
    first, *_ = _indicators(kader, "1")
    value = services.save_value(people["woonborg"], first, 2026, waarde=12, eenheid="woningen")
    client.force_login(people["woonborg"])
    html = client.get(_url(kader, "beoordeling", "1")).content.decode()
    data = dict(re.findall(r'name="(i\d+-(?:waarde|eenheid|bron|versie))"[^>]*value="([^"]*)"', html))
    response = client.post(_url(kader, "waarden", "1"), data)
    html = response.content.decode()
    # Said once, where the form starts; the indicators nobody touched show no error of their own
    # (each was shown as "Vul een waarde of een oordeel in" too, found walking the page).
    assert response.status_code == 400 and html.count("Vul een waarde of een oordeel in") == 1
    value.refresh_from_db()
    assert value.versie == 1 and value.history.count() == 1


def test_an_error_in_one_value_shows_on_that_indicator_only(client, kader, people, year_2026):
    first, second, third = _indicators(kader, "1")
    client.force_login(people["woonborg"])
    response = client.post(
        _url(kader, "waarden", "1"),
        {
            f"i{first.pk}-waarde": "twaalf",  # not a number
            f"i{first.pk}-versie": "0",
            f"i{second.pk}-versie": "0",  # untouched
            f"i{third.pk}-versie": "0",  # untouched
        },
    )
    html = response.content.decode()
    assert response.status_code == 400 and not Indicatorwaarde.objects.exists()
    sections = [html[html.index(f'id="indicator-{i.pk}"') :] for i in (first, second, third)]
    first_part = sections[0][: sections[0].index(f'id="indicator-{second.pk}"')]
    assert "utrecht-form-field-error-message" in first_part or "errorlist" in first_part
    assert "Vul een waarde of een oordeel in" not in html


def test_save_and_next_goes_to_the_next_open_agreement(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    response = client.post(
        _url(kader, "beoordeling", "5"),
        {"form": "voorzet", "voorzet-kleur": "groen", "voorzet-versie": "1", "na": "volgende"},
    )
    assert response.status_code == 302
    assert response.url == _url(kader, "beoordeling", "1")  # the first task left: agreement 1


def test_switching_to_groen_drops_the_reason_the_suggestion_ticked(client, kader, people, year_2026):
    first, *_ = _indicators(kader, "1")
    services.save_value(people["woonborg"], first, 2026, waarde=1, eenheid="woningen")  # suggests rood (a)
    client.force_login(people["woonborg"])
    html = client.get(_url(kader, "beoordeling", "1")).content.decode()
    assert re.search(r'name="voorzet-reden" value="a"[^>]*checked', html)  # following it costs no click
    response = client.post(
        _url(kader, "beoordeling", "1"),
        {
            "form": "voorzet",
            "voorzet-kleur": "groen",
            "voorzet-reden": "a",
            "voorzet-afwijking_toelichting": "De plannen zijn rond.",
            "voorzet-versie": "1",
        },
    )
    assert response.status_code == 302
    b = services.Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    assert (b.kleur, b.reden) == ("groen", "")
