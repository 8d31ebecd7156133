import json
from datetime import date
from decimal import Decimal

import pytest

from django.core.cache import cache
from django.urls import reverse

from driehoek.api.models import ApiToken
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def _token(client, user, naam="Woningbeheersysteem") -> str:
    client.force_login(user)
    response = client.post(reverse("api_tokens"), {"form": "nieuw", "naam": naam})
    client.logout()
    return response.context["secret"]


def _auth(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_public_sees_only_what_was_published(client, kader, people, year_2026):
    assert client.get("/api/v1/sets").json() == []
    assert client.get(f"/api/v1/sets/{kader.slug}")["Content-Type"] == PROBLEM
    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen")
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        monitoring.respond(people[who], b5, soort="akkoord")
    monitoring.adopt(people["secretaris"], Beoordeling.objects.get(pk=b5.pk), datum=date(2027, 3, 20), orgaan="BO")
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b1, kleur="rood", reden="a", toelichting="concept")
    client.force_login(people["secretaris"])
    client.post(reverse("reports:publiceren", args=[kader.slug, 2026]))
    client.logout()
    assert [s["slug"] for s in client.get("/api/v1/sets").json()] == [kader.slug]
    data = client.get(f"/api/v1/sets/{kader.slug}").json()
    assert data["slug"] == kader.slug and sum(len(t["agreements"]) for t in data["themes"]) == 19
    assessments = client.get(f"/api/v1/sets/{kader.slug}/beoordelingen", {"jaar": 2026}).json()
    assert [(a["agreement"], a["light"]) for a in assessments] == [("5", "groen")]  # no draft


def test_a_token_acts_for_its_party_with_the_same_rules(client, kader, people, year_2026):
    secret = _token(client, people["woonborg"])
    assert ApiToken.objects.get().sleutel_hash != secret
    slugs = {s["slug"] for s in client.get("/api/v1/sets", **_auth(secret)).json()}
    assert slugs == {kader.slug, "aa-en-hunze-prestatieafspraken-2022"}
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    url = f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026"
    body = json.dumps({"value": "12", "unit": "woningen", "version": 0})
    response = client.put(url, body, content_type="application/json", **_auth(secret))
    assert response.status_code == 200 and response.json()["version"] == 1
    stored = Indicatorwaarde.objects.get(indicator=indicator, jaar=2026)
    assert stored.waarde == Decimal(12) and stored.bijgewerkt_door == people["woonborg"]
    stale = client.put(url, json.dumps({"value": "13", "version": 0}), content_type="application/json", **_auth(secret))
    assert stale.status_code == 409 and stale["Content-Type"] == PROBLEM

    other = _token(client, people["ahwoon"], "Huurderssysteem")
    refused = client.put(
        url, json.dumps({"value": "99", "version": 1}), content_type="application/json", **_auth(other)
    )
    assert refused.status_code == 403 and refused["Content-Type"] == PROBLEM
    assert refused.json()["title"] == "Niet toegestaan"
    assert Indicatorwaarde.objects.get(indicator=indicator, jaar=2026).waarde == Decimal(12)

    no_value = client.put(url, json.dumps({"version": 1}), content_type="application/json", **_auth(secret))
    assert no_value.status_code == 422 and "waarde" in no_value.json()["errors"]
    garbage = client.put(url, "{niet json", content_type="application/json", **_auth(secret))
    assert garbage.status_code in (400, 422)


def test_unknown_and_revoked_tokens(client, kader, people):
    assert (
        client.put(
            f"/api/v1/sets/{kader.slug}/indicatoren/1/waarden/2026", "{}", content_type="application/json"
        ).status_code
        == 401
    )
    secret = _token(client, people["woonborg"])
    client.force_login(people["woonborg"])
    client.post(reverse("api_tokens"), {"form": "intrekken", "token": ApiToken.objects.get().pk})
    client.logout()
    response = client.get("/api/v1/sets", **_auth(secret))
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    client.force_login(people["lezer"])
    assert client.get(reverse("api_tokens")).status_code == 403


def test_figure_upload_through_the_api(client, kader, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    secret = _token(client, people["volmacht"])
    url = f"/api/v1/gemeenten/{kader.gemeente.pk}/aanleveringen"
    bad = SimpleUploadedFile("r.csv", b"eigen_id;kale_huur\nA1;veel\n")
    response = client.post(url, {"soort": "woningregister", "peildatum": "2025-12-31", "bestand": bad}, **_auth(secret))
    assert response.status_code == 422 and "Rij 2, kolom “kale_huur”" in response.json()["detail"]
    good = SimpleUploadedFile("r.csv", b"eigen_id;kale_huur\nA1;650,00\n")
    response = client.post(
        url, {"soort": "woningregister", "peildatum": "2025-12-31", "bestand": good}, **_auth(secret)
    )
    assert response.status_code == 201 and response.json()["rows"] == 1
    ahwoon = _token(client, people["ahwoon"])
    good.seek(0)
    response = client.post(
        url, {"soort": "woningregister", "peildatum": "2025-12-31", "bestand": good}, **_auth(ahwoon)
    )
    assert response.status_code == 403
    assert client.get(f"/api/v1/gemeenten/{kader.gemeente.pk}/cijfers", **_auth(secret)).status_code == 200
    assert client.get(f"/api/v1/gemeenten/{kader.gemeente.pk}/cijfers").status_code == 404  # nothing published


def test_rate_limit(client):
    statuses = [client.get("/api/v1/sets").status_code for _ in range(62)]
    assert statuses[:60] == [200] * 60 and statuses[-1] == 429


def test_openapi_description_and_schemathesis(kader, people, year_2026):
    """Every operation of the OpenAPI description, fed generated input through the WSGI application
    (so on the test database): no server error."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from driehoek.conf.wsgi import application

    # Keep the test's transaction: the WSGI handler would close the connection after each request
    # (Django's own test client switches this off in the same way).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        cases, errors = _run_schemathesis(
            schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application), given, settings, HealthCheck
        )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert cases[0] > 50 and errors == []
    print(f"schemathesis: {cases[0]} cases, no server error")


def _run_schemathesis(schema, given, settings, HealthCheck):
    cases, errors = [0], []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def run(case):
            cache.clear()  # the rate limit is not what is tested here
            cases[0] += 1
            response = case.call()
            if response.status_code >= 500:
                errors.append((case.method, case.path, response.status_code))

        run()
    return cases, errors
