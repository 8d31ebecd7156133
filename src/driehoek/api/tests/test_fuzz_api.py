"""Property-based: whatever a party's system sends to the API, the answer is a result or a problem
(4xx) in words, never a server error, and nothing half-written."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driehoek.api.models import ApiToken
from driehoek.core.tests.strategies import hostile_text
from driehoek.monitoring.models import Indicatorwaarde

pytestmark = pytest.mark.django_db
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

NUMBERS = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    hostile_text(30),
)
BODIES = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "value": NUMBERS,
            "unit": hostile_text(100),
            "judgement": hostile_text(),
            "source": st.one_of(hostile_text(), st.text(min_size=301, max_size=400)),
            "version": st.one_of(st.none(), st.integers(-(10**12), 10**12), hostile_text(10)),
        },
    ).map(json.dumps),
    hostile_text(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(body=BODIES)
def test_any_value_body_gets_an_answer_not_an_error(client, kader, people, year_2026, body):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    _token, secret = ApiToken.issue(people["woonborg"], "fuzz")
    before = Indicatorwaarde.objects.filter(indicator=indicator).count()
    response = client.put(
        f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code in (200, 400, 409, 422, 428), (response.status_code, response.content[:300])
    if response.status_code != 200:
        assert response["Content-Type"] == "application/problem+json"
        assert Indicatorwaarde.objects.filter(indicator=indicator).count() == before


def test_nul_characters_are_refused_in_words(client, kader, people, year_2026):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    _token, secret = ApiToken.issue(people["woonborg"], "nul")
    response = client.put(
        f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026",
        {"judgement": "a\x00b"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 422 and "NUL" in response.content.decode()


@pytest.mark.parametrize("value", ["1e20", "NaN", "-Infinity"])
def test_values_the_column_cannot_hold_are_refused_in_words(client, kader, people, year_2026, value):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    _token, secret = ApiToken.issue(people["woonborg"], "groot")
    response = client.put(
        f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026",
        {"value": value, "version": 0},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 422, response.content[:300]
    assert not Indicatorwaarde.objects.filter(indicator=indicator, jaar=2026).exists()
