"""Single sign-on with OpenID Connect, the whole code flow against a small local provider."""

from urllib.parse import urlsplit

import pytest
import requests

from django.test import Client
from django.urls import reverse

from driehoek.accounts.models import User
from driehoek.accounts.tests.oidc_provider import Provider
from driehoek.accounts.tests.twofactor import app_of, next_code

pytestmark = pytest.mark.django_db
PORT = 8301


@pytest.fixture
def provider(settings):
    with Provider(PORT) as provider:
        for name, value in provider.settings().items():
            setattr(settings, name, value)
        yield provider


def _sign_in(client: Client, provider: Provider, email: str, next_url: str = "/"):
    """Click 'Inloggen via ...', let the provider log the person in, and come back."""
    provider.email = email
    start = client.get(reverse("oidc_authentication_init"), {"next": next_url})
    assert start.status_code == 302 and start.url.startswith(provider.base + "/authorize?")
    back = requests.get(start.url, allow_redirects=False, timeout=5)
    assert back.status_code == 302
    callback = urlsplit(back.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def test_without_settings_there_is_no_single_sign_on(client):
    assert "Inloggen via" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404


def test_a_known_user_signs_in_through_the_provider(provider, user_factory):
    user_factory(username="wim", email="Wim@Woonborg.example", rol=User.Rol.INVULLER)
    client = Client()
    assert "Inloggen via Testorganisatie" in client.get(reverse("login")).content.decode()
    response = _sign_in(client, provider, "wim@woonborg.example", next_url="/landelijk/")
    assert response.status_code == 302 and response.url == "/landelijk/"
    assert client.get("/landelijk/").wsgi_request.user.username == "wim"


def test_an_unknown_or_inactive_person_is_not_let_in(provider, user_factory):
    user_factory(username="oud", email="oud@example.org", is_active=False)
    for email in ("niemand@example.org", "oud@example.org"):
        client = Client()
        response = _sign_in(client, provider, email)
        assert response.status_code == 302 and response.url == reverse("login")
        page = client.get(response.url).content.decode()
        assert "Inloggen via Testorganisatie is niet gelukt" in page
        assert client.get("/").status_code == 302
    assert not User.objects.filter(email="niemand@example.org").exists()  # no accounts made


def test_people_without_an_account_do_not_lock_out_the_address(provider, user_factory, settings):
    # Password lockout is per user name and address; a return from the provider has no password.
    user_factory(username="wim", email="wim@example.org")
    for attempt in range(settings.AXES_FAILURE_LIMIT + 2):
        response = _sign_in(Client(), provider, f"niemand{attempt}@example.org")
        assert response.status_code == 302 and response.url == reverse("login")
    client = Client()
    assert _sign_in(client, provider, "wim@example.org").status_code == 302
    assert client.get("/").status_code == 200


def test_a_forged_code_is_refused(provider, user_factory):
    user_factory(username="wim", email="wim@example.org")
    client = Client()
    provider.email = "wim@example.org"
    client.get(reverse("oidc_authentication_init"))
    response = client.get(reverse("oidc_authentication_callback"), {"code": "verzonnen", "state": "verzonnen"})
    assert response.status_code == 400 and client.get("/").status_code == 302


def test_a_token_for_another_application_is_refused(provider, user_factory):
    user_factory(username="wim", email="wim@example.org")
    provider.audience = "een-andere-toepassing"
    client = Client()
    response = _sign_in(client, provider, "wim@example.org")
    assert response.status_code == 302 and response.url == reverse("login")
    assert client.get("/").status_code == 302


def test_a_secretaris_still_gives_the_second_factor(provider, user_factory):
    # Even when the provider says it used MFA: Driehoek's own code is asked (docs/adr/0032).
    provider.amr = ["pwd", "mfa"]
    user = user_factory(username="sanne", email="sanne@example.org", rol=User.Rol.SECRETARIS)
    app_of(user)
    client = Client()
    _sign_in(client, provider, "sanne@example.org")
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(reverse("tweestaps_controle"))
    assert client.post(reverse("tweestaps_controle"), {"code": next_code(user)}).status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("verified", [None, False, "true"])
def test_an_address_the_provider_has_not_verified_is_not_let_in(provider, user_factory, verified):
    """Only `email_verified: true`: an account at the provider with someone else's address, not
    (yet) verified, must not open that person's Driehoek account (issue 15, finding 11)."""
    user_factory(username="wim", email="wim@woonborg.example", rol=User.Rol.INVULLER)
    provider.email_verified = verified
    client = Client()
    response = _sign_in(client, provider, "wim@woonborg.example")
    assert response.status_code == 302 and response.url == reverse("login")
    assert client.get("/").status_code == 302
