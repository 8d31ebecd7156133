"""The fictional national data set, the figures counted by the database, and the plumbing `make bench`
reads (Server-Timing, the minimal view)."""

from datetime import date
from decimal import Decimal

import pytest

from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.core.synthetic import Generator, Sizes
from driehoek.figures import queries, rules
from driehoek.figures.models import Aanlevering, Woning
from driehoek.register.models import Afspraak, Afsprakenset, Gemeente

pytestmark = pytest.mark.django_db


def _fingerprint() -> tuple:
    """What the data says, without database ids (sequences are not rolled back on PostgreSQL)."""
    homes = Woning.objects.filter(aanlevering__gemeente__fictief=True)
    return (
        sorted(Gemeente.objects.filter(fictief=True).values_list("naam", "provincie")),
        sorted(Partij.objects.filter(fictief=True).values_list("naam", flat=True)),
        sorted(Afsprakenset.objects.filter(gemeente__fictief=True).values_list("slug", flat=True)),
        sorted(Afspraak.objects.filter(afsprakenset__gemeente__fictief=True).values_list("tekst", flat=True)),
        homes.count(),
        homes.aggregate(total=Sum("kale_huur"))["total"],
    )


def test_same_seed_same_data_other_seed_other_data():
    with transaction.atomic():
        point = transaction.savepoint_create()
        Generator(scale=0.002, seed=11, progress=None).run()
        first = _fingerprint()
        transaction.savepoint_rollback(point)
    with transaction.atomic():
        point = transaction.savepoint_create()
        Generator(scale=0.002, seed=12, progress=None).run()
        other = _fingerprint()
        transaction.savepoint_rollback(point)
    Generator(scale=0.002, seed=11, progress=None).run()
    assert _fingerprint() == first
    assert other != first


def test_the_country_at_a_scale_is_fictional_and_complete():
    counts = Generator(scale=0.01, seed=3, progress=None).run()
    sizes = Sizes.at(0.01)
    assert counts["gemeenten"] == sizes.gemeenten == 3
    assert counts["afsprakensets"] == sizes.sets == 12
    assert counts["woningen"] == sizes.woningen == Woning.objects.count() - _aa_en_hunze_homes()
    assert Sizes.at(1.0) == Sizes(342, 280, 1200, 2_300_000)
    generated = Gemeente.objects.filter(fictief=True)
    assert generated.count() == 3 and not Gemeente.objects.filter(naam="Aa en Hunze", fictief=True).exists()
    assert not Partij.objects.filter(fictief=False, naam__startswith="Gemeente ", sets__gemeente__fictief=True)
    for s in Afsprakenset.objects.filter(gemeente__fictief=True):
        assert 20 <= s.afspraken.count() <= 90
        assert s.deelnames.filter(partij__fictief=False).count() == 0
    assert (
        Afsprakenset.objects.filter(gemeente__fictief=True, soort="jaarprogramma", bovenliggende_set=None).count() == 0
    )


def _aa_en_hunze_homes() -> int:
    return Woning.objects.filter(aanlevering__gemeente__fictief=False).count()


def test_the_command_says_what_is_wrong_in_dutch():
    with pytest.raises(CommandError, match="--scale moet tussen 0 en 2"):
        call_command("generate_national", scale=0, verbosity=0)
    call_command("generate_national", scale=0.002, seed=1, verbosity=0)
    with pytest.raises(CommandError, match="Er staat al een fictieve landelijke dataset"):
        call_command("generate_national", scale=0.002, seed=1, verbosity=0)


def test_the_database_counts_rent_bands_as_the_rule_does(people):
    """A rent exactly at a limit is in the lower band, one cent above in the next: the grouped
    query gives what rules.rent_bands gives for the same rents."""
    gemeente = Gemeente.objects.get(naam="Aa en Hunze")
    corporatie = Partij.objects.get(naam="Woonborg")
    register = Aanlevering.objects.create(
        gemeente=gemeente, corporatie=corporatie, soort="woningregister", peildatum=date(2025, 12, 31), rijen=0
    )
    limits = queries.limits(2025)
    rents = [Decimal("100.00")]
    for edge in limits.values():
        rents += [edge, edge + Decimal("0.01")]
    labels = ["E", "F", "G", "A", "B", "E", "G", "C", "E"]
    Woning.objects.bulk_create(
        Woning(
            aanlevering=register,
            eigen_id=str(i),
            kale_huur=rent,
            energielabel=labels[i],
            bestemming="verkoop" if i == 0 else "doorexploiteren",
        )
        for i, rent in enumerate(rents)
    )
    (figures,) = [r for r in queries.rents(gemeente, corporatie) if r.aanlevering == register]
    assert figures.bands == rules.rent_bands(rents, limits)
    assert [b.count for b in figures.bands] == [2, 2, 2, 2, 1]
    kept = [(label, "verkoop" if i == 0 else "doorexploiteren") for i, label in enumerate(labels)]
    assert figures.efg == rules.efg_remaining(kept) == 5  # the E of the home for sale is not counted


def test_minimal_view_reads_nothing_and_every_response_says_its_server_time(client):
    with CaptureQueriesContext(connection) as queries_run:
        response = client.get(reverse("gezond"))
    assert response.status_code == 200 and response.content == b"ok"
    assert len(queries_run) == 0
    timing = response.headers["Server-Timing"]
    assert timing.startswith("app;dur=") and ", cpu;dur=" in timing
    assert "Server-Timing" in client.get(reverse("login")).headers
