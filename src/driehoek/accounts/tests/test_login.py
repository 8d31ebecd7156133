"""Logging in: Argon2, the second factor, lockout, password reset by e-mail and session expiry."""

import re
import time
from base64 import b32decode
from datetime import timedelta

import pytest
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.hashers import check_password
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from driehoek.accounts.models import User
from driehoek.accounts.tests.twofactor import app_of, code_for, current_step, next_code
from driehoek.conf import base

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"  # UserFactory's


def _log_in(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def _code_from_page(html: str) -> str:
    """What an authenticator app shows after the person typed the key from the page."""
    secret = re.search(r'<code class="otp-secret" id="sleutel">([A-Z2-7 ]+)</code>', html).group(1)
    key = b32decode(secret.replace(" ", ""))
    step = int(timezone.now().timestamp()) // 30
    return f"{hotp(key, step):06d}"


def _key_from_page(html: str) -> dict:
    """The signed key the set-up page carries to its confirming post."""
    return {"sleutel": re.search(r'name="sleutel" value="([^"]+)"', html).group(1)}


def test_opening_the_set_up_page_writes_nothing(user_factory):
    """Issue 20: a GET of /tweestaps/instellen/ created an unconfirmed device."""
    user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    client = Client()
    _log_in(client, "sanne")
    first = client.get(reverse("tweestaps_instellen")).content.decode()
    again = client.get(reverse("tweestaps_instellen")).content.decode()
    assert not TOTPDevice.objects.exists()
    assert _key_from_page(first) != _key_from_page(again)  # each view offers a key; none is stored
    wrong = client.post(reverse("tweestaps_instellen"), {"code": "000000", **_key_from_page(first)})
    assert "Deze code klopt niet" in wrong.content.decode() and not TOTPDevice.objects.exists()
    forged = client.post(reverse("tweestaps_instellen"), {"code": _code_from_page(first), "sleutel": "x"})
    assert "Deze pagina is verlopen" in forged.content.decode() and not TOTPDevice.objects.exists()


def test_passwords_are_hashed_with_argon2_outside_the_tests(user_factory, settings):
    # The test settings use a fast hasher; every other environment takes base's list.
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = user_factory(username="wim")
    user.set_password("een-lang-wachtwoord")
    user.save()
    assert user.password.startswith("argon2$argon2id$")
    assert check_password("een-lang-wachtwoord", user.password) and not check_password("fout", user.password)
    assert _log_in(Client(), "wim", "een-lang-wachtwoord").status_code == 302


def test_a_secretaris_sets_up_the_app_before_any_other_page(user_factory):
    user = user_factory(username="sanne", rol=User.Rol.SECRETARIS, is_staff=True)
    client = Client()
    assert _log_in(client, "sanne").status_code == 302
    for url in ("/", "/landelijk/", "/beheer/", "/api-sleutels/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/tweestaps/instellen/?next="), url
    page = client.get(reverse("tweestaps_instellen")).content.decode()
    assert "otpauth://totp/Driehoek%3Asanne?secret=" in page and "<svg" in page
    wrong = client.post(reverse("tweestaps_instellen"), {"code": "000000", **_key_from_page(page)})
    assert "Deze code klopt niet" in wrong.content.decode()
    time.sleep(1.1)  # after a wrong code django-otp makes the next attempt wait a second
    done = client.post(
        reverse("tweestaps_instellen"), {"code": _code_from_page(page), "next": "/", **_key_from_page(page)}
    )
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/").status_code == 200
    # With the second factor, still not in the admin: that is the administrator's (docs/adr/0085).
    assert client.get("/beheer/").status_code == 403
    assert TOTPDevice.objects.get(user=user).confirmed
    assert user.history.latest().history_change_reason == "tweestapsverificatie ingesteld"


def test_after_the_password_the_code_is_asked_and_used_once(user_factory):
    user = user_factory(username="bea", rol=User.Rol.BEHEERDER, is_superuser=True)
    device = app_of(user)
    client = Client()
    _log_in(client, "bea")
    response = client.get("/landelijk/")
    assert response.status_code == 302 and response.url == "/tweestaps/controle/?next=%2Flandelijk%2F"
    wrong = client.post(reverse("tweestaps_controle"), {"code": "123456", "next": "/landelijk/"})
    assert "Deze code klopt niet of is al gebruikt" in wrong.content.decode()
    time.sleep(1.1)  # after a wrong code django-otp makes the next attempt wait a second
    device.refresh_from_db()
    code = code_for(device, current_step(device))
    ok = client.post(reverse("tweestaps_controle"), {"code": code, "next": "/landelijk/"})
    assert ok.status_code == 302 and ok.url == "/landelijk/"
    assert client.get("/landelijk/").status_code == 200
    other = Client()
    _log_in(other, "bea")
    replay = other.post(reverse("tweestaps_controle"), {"code": code})
    assert replay.status_code == 200 and other.get("/").status_code == 302


def test_a_new_phone_replaces_the_old_app(client, user_factory):
    user = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    client.force_login(user)
    old = TOTPDevice.objects.get(user=user)
    assert "Tweestapsverificatie staat aan" in client.get(reverse("tweestaps_instellen")).content.decode()
    page = client.get(reverse("tweestaps_instellen") + "?opnieuw=1").content.decode()
    client.post(reverse("tweestaps_instellen") + "?opnieuw=1", {"code": _code_from_page(page), **_key_from_page(page)})
    new = TOTPDevice.objects.get(user=user)
    assert new.pk != old.pk and new.confirmed


def test_a_backup_code_works_once(user_factory):
    user = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    client = Client()
    _log_in(client, "sanne")
    page = client.get(reverse("tweestaps_instellen")).content.decode()
    done = client.post(reverse("tweestaps_instellen"), {"code": _code_from_page(page), **_key_from_page(page)})
    backup = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())[0]
    for expected in (302, 200):
        fresh = Client()
        _log_in(fresh, "sanne")
        assert fresh.post(reverse("tweestaps_controle"), {"code": backup}).status_code == expected
    assert user.staticdevice_set.get().token_set.count() == 9


def test_others_are_offered_two_factor_and_then_held_to_it(user_factory):
    user = user_factory(username="anton", rol=User.Rol.INVULLER)
    client = Client()
    _log_in(client, "anton")
    assert client.get("/").status_code == 200
    assert "Beveilig uw account" in client.get(reverse("tweestaps_instellen")).content.decode()
    app_of(user)
    again = Client()
    _log_in(again, "anton")
    assert again.get("/").status_code == 302
    assert again.post(reverse("tweestaps_controle"), {"code": next_code(user)}).status_code == 302
    assert again.get("/").status_code == 200


def test_the_test_clients_force_login_goes_through_the_real_page(client, user_factory):
    user = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    client.force_login(user)
    assert client.get("/").status_code == 200
    assert TOTPDevice.objects.get(user=user).last_t >= 0  # a real code was verified


def test_lockout_after_repeated_failures_says_when_to_retry(user_factory, settings):
    user_factory(username="wim")
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for _ in range(limit - 1):
        response = _log_in(client, "wim", "verkeerd-wachtwoord")
        assert response.status_code == 200 and "Inloggen is niet gelukt" in response.content.decode()
    locked = _log_in(client, "wim", "verkeerd-wachtwoord")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in text and "Probeer het over 15 minuten opnieuw" in text
    assert _log_in(client, "wim").status_code == 429  # also the right password, for now
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert _log_in(elsewhere, "wim", REMOTE_ADDR="192.0.2.7").status_code == 302


def _run_queue() -> None:
    from django_tasks_db.models import DBTaskResult

    for row in DBTaskResult.objects.ready().filter(task_path="driehoek.accounts.password_reset.send_reset"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()


def test_password_reset_by_email(user_factory):
    user_factory(username="vera", email="vera@example.org")
    client = Client()
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()
    response = client.post(reverse("password_reset"), {"email": "VERA@example.org"})
    assert response.status_code == 302 and mail.outbox == []  # queued for the worker
    _run_queue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["vera@example.org"] and message.subject == "Nieuw wachtwoord voor Driehoek"
    # The link points at the address the request came in on (no DRIEHOEK_SITE_URL in the tests).
    link = re.search(r"http://testserver(/wachtwoord-vergeten/\S+/)", message.body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session key first
    new = "een-nieuw-lang-wachtwoord-2026"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")
    assert _log_in(Client(), "vera", new).status_code == 302
    assert "Deze link werkt niet meer" in Client().get(link, follow=True).content.decode()
    assert client.post(reverse("password_reset"), {"email": "onbekend@example.org"}).status_code == 302
    _run_queue()
    assert len(mail.outbox) == 1  # nobody with that address: no mail, and the page does not tell


def test_sessions_expire(user_factory, settings):
    user_factory(username="wim")
    client = Client()
    response = _log_in(client, "wim")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # ends when the browser closes
    session = Session.objects.get(session_key=cookie.value)
    lasts = session.expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < lasts <= timedelta(hours=8)
    assert client.get("/").status_code == 200
    session.expire_date = timezone.now() - timedelta(seconds=1)  # eight hours later
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_administrator_resets_a_lost_phone_in_the_admin(client, user_factory):
    sanne = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    device = app_of(sanne)
    client.force_login(user_factory(username="bea", rol=User.Rol.BEHEERDER, is_staff=True, is_superuser=True))
    assert str(sanne) in client.get("/beheer/otp_totp/totpdevice/").content.decode()
    response = client.post(f"/beheer/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=sanne).exists()
    again = Client()
    _log_in(again, "sanne")
    assert again.get("/").url.startswith(reverse("tweestaps_instellen"))


def test_every_page_loads_the_user_with_their_party_and_app_in_one_query(user_factory):
    """docs/adr/0165: the session's user, the party the header names and whether they set up an
    app (asked on every page) come in one query; an app set up since counts on the next page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from driehoek.accounts.tests.factories import PartijFactory

    partij = PartijFactory(naam="Woonstichting Bram", korte_naam="WS Bram")
    user = user_factory(username="bram", rol=User.Rol.INVULLER, partij=partij)
    client = Client()
    _log_in(client, "bram")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("help"))
    assert page.status_code == 200 and "· WS Bram" in page.content.decode()
    session, user_query = (q["sql"] for q in queries.captured_queries)  # nothing more on this page
    assert '"django_session"' in session
    assert all(f'"{table}"' in user_query for table in ("accounts_user", "accounts_partij", "otp_totp_totpdevice"))
    app_of(user)  # in another tab
    assert client.get(reverse("help")).url.startswith(reverse("tweestaps_controle"))
