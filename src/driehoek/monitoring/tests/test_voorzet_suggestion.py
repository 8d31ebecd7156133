"""The voorzet asks "Waarom wijkt u af van de suggestie?" only when the light chosen is not the
suggestion (issue 16 item 3: it asked when oranje was chosen and oranje was the suggestion)."""

import pytest

from django.urls import reverse

from driehoek.figures.tests.test_one_number import delivered  # noqa: F401  (the figures behind a suggestion)
from driehoek.monitoring import queries, rules
from driehoek.monitoring.models import Beoordeling

pytestmark = pytest.mark.django_db

QUESTION = "Waarom wijkt u af van de suggestie?"


def test_choosing_the_suggestion_is_no_deviation():
    s = rules.Suggestion("oranje", "a", 0, 0, "")
    assert not rules.deviates("oranje", "a", s)
    assert rules.deviates("groen", "", s) and rules.deviates("oranje", "b", s)
    assert not rules.deviates("groen", "", rules.Suggestion("groen", "", 0, 0, ""))
    assert not rules.deviates("rood", "a", None)


def test_the_form_asks_why_only_when_the_light_differs(client, kader, people, delivered):  # noqa: F811
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    suggestion = queries.suggestion_for(b)
    assert suggestion, "agreement 1 has a suggestion from the figures"
    light = suggestion[0]
    client.force_login(people["woonborg"])
    url = reverse("monitoring:beoordeling", args=[kader.slug, 2026, "1"])
    page = client.get(url)
    assert QUESTION not in page.content.decode()
    assert page.context["voorzet_form"].initial["reden"] == light.reden  # the suggestion's reason chosen too
    form = {"form": "voorzet", "voorzet-versie": b.versie, "voorzet-toelichting": "Zoals de cijfers zeggen."}
    response = client.post(url, {**form, "voorzet-kleur": light.kleur, "voorzet-reden": light.reden})
    assert response.status_code == 302
    b.refresh_from_db()
    assert (b.kleur, b.reden, b.afwijking_toelichting) == (light.kleur, light.reden, "")
    other = "rood" if light.kleur != "rood" else "oranje"
    response = client.post(url, {**form, "voorzet-versie": b.versie, "voorzet-kleur": other, "voorzet-reden": "a"})
    assert response.status_code == 400 and QUESTION in response.content.decode()
