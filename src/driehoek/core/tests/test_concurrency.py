"""No lost updates: two sessions, each on its own database connection, save the same thing at the
same moment from the same version. Exactly one wins; the other is refused with the winner's change;
the stored value is the winner's and exactly one history row is added.

They need real commits and a second connection, so they run with the transactional tests, and
only on PostgreSQL (the second half of scripts/test.sh), where the row lock (SELECT ... FOR UPDATE)
makes the second save wait and then see the new version. Not on SQLite: its test database is an
in-memory database with a shared cache, whose table locks fail at once ("database table is
locked") instead of waiting, so the race would test the test database, not Driehoek. (A real
SQLite file queues writers through the IMMEDIATE transactions of conf/base.py.)"""

import threading
from datetime import datetime
from decimal import Decimal

import pytest

from django.conf import settings
from django.db import connection
from django.utils import timezone

from driehoek.core.versioning import ConflictError

pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="two simultaneous sessions need PostgreSQL; the in-memory SQLite test database cannot wait for a lock",
    ),
]


def race(first, second) -> list:
    """Run both saves at once, each in its own thread and so on its own connection."""
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list = [None, None]

    def run(index: int, save) -> None:
        try:
            barrier.wait()
            outcomes[index] = save()
        except Exception as e:  # noqa: BLE001 -- the test inspects what each session got
            outcomes[index] = e
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, save)) for i, save in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a save hung"
    return outcomes


def winner_and_loser(outcomes: list):
    refused = [o for o in outcomes if isinstance(o, ConflictError)]
    saved = [o for o in outcomes if not isinstance(o, Exception)]
    assert len(refused) == 1 and len(saved) == 1, outcomes
    return saved[0], refused[0]


def test_beoordeling(aa_en_hunze_loaded, kader, people, year_2026):
    from driehoek.monitoring import services
    from driehoek.monitoring.models import Beoordeling

    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    versie, rows = b.versie, b.history.count()
    outcomes = race(
        lambda: services.make_voorzet(people["woonborg"], b, kleur="groen", toelichting="Woonborg", versie=versie),
        lambda: services.make_voorzet(
            people["volmacht"], b, kleur="oranje", reden="a", toelichting="Volmacht", versie=versie
        ),
    )
    winner, refused = winner_and_loser(outcomes)
    b.refresh_from_db()
    assert (b.toelichting, b.versie, b.history.count()) == (winner.toelichting, versie + 1, rows + 1)
    assert refused.change.wat.endswith(winner.toelichting)
    assert winner.voorzet_door.partij.korte_naam in str(refused)


@pytest.mark.parametrize("first_entry", [True, False], ids=["first entry", "change"])
def test_indicator_value(aa_en_hunze_loaded, kader, people, year_2026, first_entry):
    from driehoek.monitoring import services
    from driehoek.monitoring.models import Indicatorwaarde

    indicator = kader.afspraken.get(nummer="1").indicatoren.get(omschrijving__icontains="opgeleverde")
    versie = 0
    if not first_entry:
        versie = services.save_value(people["woonborg"], indicator, 2026, waarde=Decimal(10), versie=0).versie
    rows = Indicatorwaarde.history.filter(indicator_id=indicator.pk).count()
    outcomes = race(
        lambda: services.save_value(people["woonborg"], indicator, 2026, waarde=Decimal(11), versie=versie),
        lambda: services.save_value(people["volmacht"], indicator, 2026, waarde=Decimal(12), versie=versie),
    )
    winner, refused = winner_and_loser(outcomes)
    value = Indicatorwaarde.objects.get(indicator=indicator, jaar=2026)
    assert (value.waarde, value.versie) == (winner.waarde, versie + 1)
    assert Indicatorwaarde.history.filter(indicator_id=indicator.pk).count() == rows + 1
    assert refused.change.wat.startswith(str(int(winner.waarde)))


@pytest.mark.parametrize("first_draft", [True, False], ids=["first draft", "change"])
def test_minutes(aa_en_hunze_loaded, kader, people, first_draft):
    from driehoek.cycle import services
    from driehoek.cycle.models import Overlegsoort, Verslag

    meeting = services.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.AO, titel="AO", datum=None)
    versie = 0 if first_draft else services.write_minutes(people["secretaris"], meeting, "Concept.", 0).versie
    rows = Verslag.history.filter(overleg_id=meeting.pk).count()
    outcomes = race(
        lambda: services.write_minutes(people["secretaris"], meeting, "Versie van Sanne.", versie),
        lambda: services.write_minutes(people["secretaris"], meeting, "Versie van de collega.", versie),
    )
    winner, refused = winner_and_loser(outcomes)
    verslag = Verslag.objects.get(overleg=meeting)
    assert (verslag.tekst, verslag.versie) == (winner.tekst, versie + 1)
    assert Verslag.history.filter(overleg_id=meeting.pk).count() == rows + 1
    assert refused.change.wat == winner.tekst


def test_agreement_text_by_decision(aa_en_hunze_loaded, kader, people):
    from driehoek.cycle import services
    from driehoek.cycle.models import Besluit, Overlegsoort
    from driehoek.register.models import Afspraak

    bo = services.plan_meeting(
        people["secretaris"],
        kader,
        soort=Overlegsoort.BO,
        titel="BO",
        datum=timezone.make_aware(datetime(2027, 3, 20, 14)),
    )
    besluit, _ = services.record_decision(people["secretaris"], bo, soort=Besluit.Soort.WIJZIGING, tekst="Wijziging.")
    afspraak = kader.afspraken.get(nummer="14")
    versie, rows = afspraak.versie, afspraak.history.count()
    outcomes = race(
        lambda: services.change_agreement_text(people["secretaris"], besluit, afspraak, "Tekst A.", versie),
        lambda: services.change_agreement_text(people["secretaris"], besluit, afspraak, "Tekst B.", versie),
    )
    winner, refused = winner_and_loser(outcomes)
    afspraak = Afspraak.objects.get(pk=afspraak.pk)
    assert (afspraak.tekst, afspraak.versie, afspraak.history.count()) == (winner.tekst, versie + 1, rows + 1)
    assert refused.change.wat == winner.tekst
