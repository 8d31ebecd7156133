"""A value takes at most the indicator's decimals, and is negative only where the indicator allows
it (issue 15, finding 11): on the page and through the API alike."""

import json
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from driehoek.api.models import ApiToken
from driehoek.monitoring import rules, services
from driehoek.monitoring.models import Indicatorwaarde
from driehoek.register.models import Indicator

pytestmark = pytest.mark.django_db


def test_the_rule():
    assert rules.value_problem(Decimal("12"), 0, False) is None
    assert rules.value_problem(Decimal("12.0"), 0, False) is None
    assert "geheel getal" in rules.value_problem(Decimal("12.5"), 0, False)
    assert "ten hoogste 1 cijfer" in rules.value_problem(Decimal("12.25"), 1, False)
    assert rules.value_problem(Decimal("12.50"), 1, False) is None
    assert "geen negatieve" in rules.value_problem(Decimal("-3"), 2, False)
    assert rules.value_problem(Decimal("-3"), 2, True) is None
    assert rules.value_problem(Decimal("1E+3"), 0, False) is None


@pytest.fixture
def indicator(kader):
    # The Kaderafspraken are signed, so they change only by decision (register.guard): the test
    # takes them as agreed with a whole-number indicator, written as data, not through the register.
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    Indicator.objects.filter(pk=indicator.pk).update(decimalen=0, negatief_toegestaan=False)
    indicator.refresh_from_db()
    return indicator


def test_the_service_refuses_and_stores_nothing(indicator, people, year_2026):
    for waarde in ("12.5", "-4"):
        with pytest.raises(ValidationError):
            services.save_value(people["woonborg"], indicator, 2026, waarde=Decimal(waarde), versie=0)
    assert not Indicatorwaarde.objects.filter(indicator=indicator).exists()
    Indicator.objects.filter(pk=indicator.pk).update(negatief_toegestaan=True)
    indicator.refresh_from_db()
    assert services.save_value(people["woonborg"], indicator, 2026, waarde=Decimal("-4"), versie=0).waarde == -4


def test_the_page_says_so_in_dutch(client, kader, indicator, people, year_2026):
    client.force_login(people["woonborg"])
    url = reverse("monitoring:waarde", args=[kader.slug, 2026, "1", indicator.pk])
    response = client.post(url, {f"i{indicator.pk}-waarde": "12,5", f"i{indicator.pk}-versie": "0"})
    assert response.status_code == 400 and "Vul een geheel getal in" in response.content.decode()
    assert not Indicatorwaarde.objects.filter(indicator=indicator).exists()


def test_the_api_says_so_with_422(client, kader, indicator, people, year_2026):
    _token, secret = ApiToken.issue(people["woonborg"], "vorm")
    url = f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026"
    response = client.put(
        url,
        json.dumps({"value": "-1", "version": 0}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 422 and "geen negatieve" in response.json()["detail"]
    assert not Indicatorwaarde.objects.filter(indicator=indicator).exists()
