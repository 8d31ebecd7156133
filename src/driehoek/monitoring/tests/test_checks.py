"""Ongoing commitments and targets on a theme are checked every year (issue 14 item 7)."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.core.versioning import ConflictError
from driehoek.monitoring import checks
from driehoek.monitoring.models import Jaarcheck
from driehoek.register.models import Doelstelling, LopendeAfspraak

pytestmark = pytest.mark.django_db


def test_starting_a_year_gives_every_commitment_and_theme_target_a_check(kader, year_2026):
    rows = checks.for_year(kader, 2026)
    lopend = LopendeAfspraak.objects.filter(thema__afsprakenset=kader).count()
    doelen = Doelstelling.objects.filter(thema__afsprakenset=kader).count()
    assert lopend > 0 and len(rows) == lopend + doelen
    assert all(c.stand == "" for c in rows)
    efg = [c for c in rows if c.lopende_afspraak and "energielabel E, F of G" in c.lopende_afspraak.tekst]
    assert len(efg) == 1  # "woningen met een energielabel E, F of G uiterlijk in 2028 verbeterd"


def test_a_check_by_the_parties_that_carry_it(kader, people, year_2026):
    check = next(c for c in checks.for_year(kader, 2026) if c.lopende_afspraak)
    check.lopende_afspraak.partijen.set([Partij.objects.get(naam="Woonborg")])
    for name in ("volmacht", "ahwoon", "lezer", "buitenstaander"):
        with pytest.raises(PermissionDenied):
            checks.record(people[name], check, stand="loopt")
    with pytest.raises(ValidationError, match="gestopt"):
        checks.record(people["woonborg"], check, stand="gestopt", versie=check.versie)
    done = checks.record(people["woonborg"], check, stand="afgerond", opmerking="Klaar in juni.", versie=0)
    assert (done.stand, done.partij.korte_naam, done.versie) == ("afgerond", "Woonborg", 1)
    with pytest.raises(ConflictError):
        checks.record(people["secretaris"], check, stand="loopt", versie=0)
    assert checks.record(people["secretaris"], done, stand="afgerond", opmerking="Klaar in juni.", versie=1).versie == 1
    assert Jaarcheck.objects.get(pk=check.pk).history.first().history_user == people["woonborg"]


def test_without_named_parties_every_working_party_checks(kader, people, year_2026):
    check = next(c for c in checks.for_year(kader, 2026) if c.doelstelling or not c.lopende_afspraak.partijen.exists())
    checks.record(people["ahwoon"], check, stand="loopt")
    with pytest.raises(PermissionDenied):
        checks.record(people["lezer"], check, stand="gestopt", opmerking="x")


def test_the_monitoringstabel_and_the_check_page_show_them(client, kader, people, year_2026):
    check = next(c for c in checks.for_year(kader, 2026) if c.lopende_afspraak)
    checks.record(people["woonborg"], check, stand="gestopt", opmerking="Project beëindigd.")
    client.force_login(people["ahwoon"])
    tabel = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).content.decode()
    assert "Lopende afspraken en doelen bij een thema" in tabel and "Project beëindigd." in tabel
    page = client.get(reverse("monitoring:lopend", args=[kader.slug, 2026]))
    assert page.status_code == 200 and "Project beëindigd." in page.content.decode()
    assert 'name="form" value="c' in page.content.decode()
    client.force_login(people["lezer"])
    page = client.get(reverse("monitoring:lopend", args=[kader.slug, 2026])).content.decode()
    assert 'name="form" value="c' not in page
