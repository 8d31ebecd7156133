"""Behind reverse proxies the client's address comes from X-Forwarded-For, the same way for the
lockout (django-axes through django-ipware) and the public API's rate limit (issue 15, findings 5
and 7); without proxies X-Forwarded-For is ignored, so nobody escapes a limit by sending one."""

import pytest
from axes.helpers import get_client_ip_address

from django.conf import settings as django_settings
from django.test import Client, RequestFactory
from django.urls import reverse

from driehoek.conf.proxies import proxy_settings

PROXY = "10.0.0.1"
ALICE, BOB = "198.51.100.9", "203.0.113.5"


@pytest.fixture
def proxies(settings):
    def use(count: int):
        for name, value in proxy_settings(count).items():
            setattr(settings, name, value)

    return use


def _log_in(client, username, password, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_the_settings_come_from_the_one_documented_setting():
    import ninja.conf

    assert django_settings.NINJA_NUM_PROXIES == 0 == ninja.conf.settings.NUM_PROXIES
    assert django_settings.AXES_IPWARE_META_PRECEDENCE_ORDER == ("REMOTE_ADDR",)
    assert proxy_settings(2)["NINJA_NUM_PROXIES"] == 2


def test_direct_x_forwarded_for_is_ignored(proxies):
    proxies(0)
    request = RequestFactory().get("/", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR=BOB)
    assert get_client_ip_address(request) == ALICE


def test_behind_one_proxy_the_address_it_added_counts_not_what_the_client_wrote(proxies):
    proxies(1)
    factory = RequestFactory()
    assert get_client_ip_address(factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ALICE)) == ALICE
    spoofed = factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{BOB}, {ALICE}")
    assert get_client_ip_address(spoofed) == ALICE


@pytest.mark.django_db
def test_direct_a_guesser_cannot_escape_the_lockout_with_x_forwarded_for(proxies, user_factory):
    proxies(0)
    user_factory(username="wim")
    client = Client()
    for i in range(django_settings.AXES_FAILURE_LIMIT):
        _log_in(client, "wim", "fout", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
    assert _log_in(client, "wim", "fout", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


@pytest.mark.django_db
def test_behind_a_proxy_the_lockout_is_per_client_not_per_proxy(proxies, user_factory):
    proxies(1)
    user_factory(username="wim")
    guesser = Client()
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        _log_in(guesser, "wim", "fout", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ALICE)
    assert _log_in(guesser, "wim", "fout", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{BOB}, {ALICE}").status_code == 429
    # Wim himself, behind the same proxy, is not locked out by someone else's guesses.
    assert (
        _log_in(Client(), "wim", "geheim-wachtwoord-123", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=BOB).status_code
        == 302
    )


@pytest.mark.django_db
def test_the_public_api_limit_cannot_be_bypassed_with_x_forwarded_for(client):
    for i in range(60):
        response = client.get("/api/v1/sets", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
        assert response.status_code == 200
    assert client.get("/api/v1/sets", REMOTE_ADDR=ALICE, HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429
    assert client.get("/api/v1/sets", REMOTE_ADDR=BOB).status_code == 200


@pytest.mark.django_db
def test_behind_a_proxy_the_public_api_limit_is_per_client(client, monkeypatch):
    import ninja.conf

    monkeypatch.setattr(ninja.conf.settings, "NUM_PROXIES", proxy_settings(1)["NINJA_NUM_PROXIES"])
    for i in range(60):
        spoof = f"192.0.2.{i}, {ALICE}"
        assert client.get("/api/v1/sets", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=spoof).status_code == 200
    assert client.get("/api/v1/sets", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ALICE).status_code == 429
    assert client.get("/api/v1/sets", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=BOB).status_code == 200
