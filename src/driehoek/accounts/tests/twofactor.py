"""Logging in with the second factor in tests, the honest way: a real authenticator-app key on
the user, and the code it would show typed into the real verification page.

There is no setting that skips the second factor, so every test that logs in a secretaris or
beheerder goes through here (the `client` fixture in src/conftest.py and the browser helper).
"""

from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import Client as DjangoClient
from django.urls import reverse

from driehoek.accounts import twofactor


def app_of(user) -> TOTPDevice:
    """The user's authenticator app; set one up (as the enrolment page would) if there is none."""
    return twofactor.app_device(user) or TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def code_for(device: TOTPDevice, t: int) -> str:
    return f"{hotp(device.bin_key, t, digits=device.digits):0{device.digits}d}"


def current_step(device: TOTPDevice) -> int:
    import time

    return (int(time.time()) - device.t0) // device.step + device.drift


def next_code(user) -> str:
    """A code the verification page accepts now: what the app shows (or its next code when this
    one was just used, which the page allows for clock drift). A test that logs the same person
    in a third time within one half minute gets a fresh backup code instead, as a person would."""
    device = app_of(user)
    device.refresh_from_db()
    now = current_step(device)
    t = max(now, device.last_t + 1)
    if t <= now + device.tolerance:
        return code_for(device, t)
    static, _created = StaticDevice.objects.get_or_create(user=user, name="reservecodes", confirmed=True)
    return static.token_set.create(token=StaticToken.random_token()).token


def complete_second_step(client: DjangoClient, user) -> None:
    response = client.post(reverse("tweestaps_controle"), {"code": next_code(user)})
    assert response.status_code == 302 and "/tweestaps/" not in response.url, "the second step was refused"


class Client(DjangoClient):
    """The test client; force_login also completes the second step for those who need it."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        # An inactive user is not logged in at all (Django's backend refuses them): no second step.
        if user.is_active and (twofactor.is_required(user) or twofactor.has_second_factor(user)):
            app_of(user)
            complete_second_step(self, user)
