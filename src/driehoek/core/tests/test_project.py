"""Cheap safety nets for the whole project."""

import contextlib
import os
import re
import subprocess
import sys
from io import StringIO

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

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
    # Production refuses the test's key, after declaring its variables.
    with contextlib.suppress(ImproperlyConfigured):
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


def secretary_only(url: str) -> bool:
    """Pages the tenant association's user may not open (403, or 404 for a draft that is not his party's):
    planning meetings and reading in documents."""
    return url.endswith(("/overleg-plannen/", "/vaststellen/")) or url.startswith("/inlezen/")


def _all_pages(kader, people) -> list[str]:
    """Every page of the application, with the Aa en Hunze data and some monitoring and meetings."""
    from driehoek.cycle import services as cycle
    from driehoek.cycle.models import Overlegsoort
    from driehoek.monitoring import services as monitoring

    monitoring.start_year(people["secretaris"], kader, 2026)
    cycle.generate_year(people["secretaris"], kader, 2026)
    meeting = cycle.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.AO, titel="AO")
    geschil = cycle.report_dispute(people["ahwoon"], kader, onderwerp="Afspraak 1", omschrijving="Oranje of rood")
    from driehoek.core.help import PAGES

    pages = [reverse("start"), reverse("cycle:mijn_agenda"), reverse("reports:landelijk"), reverse("api_tokens")]
    pages += [reverse("help")] + [reverse("help_rol", args=[p.slug]) for p in PAGES]
    pages += [reverse("tweestaps_instellen")]
    for s in Afsprakenset.objects.all():
        pages += [s.get_absolute_url(), s.get_absolute_url() + "?q=huur", reverse("monitoring:index", args=[s.slug])]
        pages += [reverse(f"cycle:{name}", args=[s.slug]) for name in ("index", "geschillen", "open")]
        pages += [reverse("register:geschiedenis", args=[s.slug])]
        pages += [reverse("ondertekening:set", args=[s.slug])]
    pages += [a.get_absolute_url() for a in Afspraak.objects.filter(afsprakenset=kader)]
    pages += [
        reverse(f"monitoring:{name}", args=[kader.slug, 2026])
        for name in ("dashboard", "tabel", "focus", "reactieronde", "vaststellen", "lopend")
    ]
    pages += [reverse("reports:rapport_aanvragen", args=[kader.slug, 2026])]
    pages += [reverse("monitoring:beoordeling", args=[kader.slug, 2026, a.nummer]) for a in kader.afspraken.all()]
    pages += [
        reverse("figures:overzicht", args=[kader.gemeente.pk]),
        reverse("cycle:plan", args=[kader.slug]),
        reverse("cycle:overleg", args=[kader.slug, meeting.pk]),
        reverse("cycle:geschil", args=[kader.slug, geschil.pk]),
    ]
    from driehoek.importer import services as importer
    from driehoek.importer.tests.helpers import text

    document = importer.upload(people["secretaris"], "zilverveen.txt", text("zilverveen"))
    pages += [reverse("importer:lijst"), reverse("importer:document", args=[document.pk])]
    from driehoek.bod.tests.permission_attempts import submitted_bod

    bod = submitted_bod(people, kader.gemeente)
    pages += [reverse("bod:index"), reverse("bod:lijst", args=[kader.gemeente.pk]), bod.get_absolute_url()]
    from datetime import date, timedelta

    from driehoek.jaarprogramma import services as programmes

    programma = programmes.start(people["secretaris"], kader, 2027, reacties_uiterlijk=date.today() + timedelta(1))
    onderdeel = programma.onderdelen.get(nummer="14")
    voorstel = programmes.propose(people["woonborg"], programma, "tekst", onderdeel=onderdeel, tekst="Twee per jaar.")
    pages += [reverse("jaarprogramma:index", args=[kader.slug]), reverse("reports:periode", args=[kader.slug])]
    pages += [reverse("jaarprogramma:concept", args=[kader.slug, 2027])]
    pages += [reverse("jaarprogramma:onderdeel", args=[kader.slug, 2027, n]) for n in ("1", "14")]
    pages += [reverse("jaarprogramma:voorstel", args=[kader.slug, 2027, voorstel.pk])]
    return pages


@pytest.mark.django_db
def test_every_page_has_one_h1(client, kader, people):
    for url in (reverse("login"), reverse("reports:landelijk_openbaar"), reverse("password_reset")):
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
    pages = _all_pages(kader, people)
    for who in ("secretaris", "ahwoon"):
        client.force_login(people[who])
        for url in pages:
            if who == "ahwoon" and secretary_only(url):
                assert client.get(url).status_code in (403, 404)  # a draft of another party does not exist
                continue
            response = client.get(url)
            assert response.status_code == 200, url
            assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1, url


def test_translations_are_complete():
    import polib

    placeholder = re.compile(r"%\((\w+)\)[sd]")
    for po_path in (settings.SRC_DIR / "locale").glob("*/LC_MESSAGES/django.po"):
        po = polib.pofile(str(po_path))
        assert po.untranslated_entries() == [], po_path
        assert po.fuzzy_entries() == [], po_path
        # A translation with other placeholders than its source fails (or lies) at run time.
        for entry in po:
            pairs = [(entry.msgid, entry.msgstr)]
            if entry.msgid_plural:
                pairs = [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            for source, translated in pairs:
                assert set(placeholder.findall(source)) == set(placeholder.findall(translated)), source
