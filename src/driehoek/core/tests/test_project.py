"""Cheap safety nets for the whole project."""

import os
import re
import subprocess
import sys
from io import StringIO

import pytest

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.conf.env import REGISTRY
from driehoek.register.models import Afspraak, Afsprakenset


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_environment_variable_is_documented():
    doc = (settings.BASE_DIR / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", doc, re.MULTILINE))
    import driehoek.conf.production  # noqa: F401  (declares the production-only variables)

    assert set(REGISTRY) <= documented, set(REGISTRY) - documented


def _production(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DRIEHOEK_ENVIRONMENT"}
    }
    code = "import django; django.setup()"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "driehoek.conf.production",
            "PYTHONPATH": str(settings.SRC_DIR.parent),
            **env,
        },
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key_and_hosts():
    assert "SECRET_KEY must be set" in _production({}).stderr
    assert "ALLOWED_HOSTS must be set" in _production({"SECRET_KEY": "x" * 50}).stderr
    assert _production({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "driehoek.example"}).returncode == 0


@pytest.mark.django_db
def test_every_page_has_one_h1(client, user_factory):
    user = user_factory(partij=Partij.objects.get(naam="Gemeente Aa en Hunze"))
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    pages = [reverse("login")]
    client_pages = [reverse("start")]
    for s in Afsprakenset.objects.all():
        client_pages.append(s.get_absolute_url())
        client_pages.append(s.get_absolute_url() + "?q=huur")
    client_pages += [a.get_absolute_url() for a in Afspraak.objects.filter(afsprakenset=kader)]
    for url in pages:
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
    client.force_login(user)
    for url in client_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1, url


def test_translations_are_complete():
    import polib

    for po_path in (settings.SRC_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        po = polib.pofile(str(po_path))
        assert po.untranslated_entries() == [], po_path
        assert po.fuzzy_entries() == [], po_path
