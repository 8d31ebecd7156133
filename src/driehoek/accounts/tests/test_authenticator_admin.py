"""Issue 20: nobody but the user sees their authenticator secret, the beheerder included."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.urls import NoReverseMatch, reverse

from driehoek.accounts.models import User
from driehoek.accounts.tests.twofactor import app_of
from driehoek.accounts.twofactor import secret_for_typing

pytestmark = pytest.mark.django_db


def test_the_admin_has_no_view_of_a_key_or_qr_code(client, user_factory):
    beheerder = user_factory(username="bea", rol=User.Rol.BEHEERDER, is_superuser=True, is_staff=True)
    sanne = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    device = app_of(sanne)
    client.force_login(beheerder)
    for name in ("admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=[device.pk])
    pages = [
        f"/beheer/otp_totp/totpdevice/{device.pk}/config/",
        f"/beheer/otp_totp/totpdevice/{device.pk}/qrcode/",
        f"/beheer/otp_totp/totpdevice/{device.pk}/change/",
        "/beheer/otp_totp/totpdevice/",
        "/beheer/otp_totp/totpdevice/add/",
        "/beheer/otp_static/staticdevice/",
    ]
    for url in pages:
        response = client.get(url, follow=True)
        html = response.content.decode()
        secret = secret_for_typing(device).replace(" ", "")
        assert device.key not in html and secret not in html and "otpauth" not in html, url
        assert "otp_totp/admin/config.html" not in [t.name for t in response.templates], url
        assert response["Content-Type"].startswith("text/html"), url  # no QR image either
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 200  # who has one: yes
    assert client.get("/beheer/otp_totp/totpdevice/add/").status_code == 403
    assert client.get("/beheer/otp_static/staticdevice/").status_code == 404


def test_the_beheerder_removes_a_lost_app_on_the_record(client, user_factory):
    beheerder = user_factory(username="bea", rol=User.Rol.BEHEERDER, is_superuser=True, is_staff=True)
    sanne = user_factory(username="sanne", rol=User.Rol.SECRETARIS)
    device = app_of(sanne)
    client.force_login(beheerder)
    response = client.post(f"/beheer/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=sanne).exists()
    assert sanne.history.latest().history_change_reason == "tweestapsverificatie verwijderd door de beheerder"
    assert StaticDevice.objects.filter(user=sanne).count() == 0
