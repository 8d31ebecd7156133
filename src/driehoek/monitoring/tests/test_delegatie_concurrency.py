"""Two members of the lead party delegate the same indicator at the same moment, both from the page
drawn before any delegation: exactly one wins, the other is refused and told who chose what
(core/tests/test_concurrency.py explains why this runs on PostgreSQL only)."""

import pytest

from django.conf import settings

from driehoek.accounts.models import Partij, User
from driehoek.core.tests.test_concurrency import race, winner_and_loser

pytestmark = [
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="two simultaneous sessions need PostgreSQL; the in-memory SQLite test database cannot wait for a lock",
    ),
]


def test_two_first_delegations_at_once(aa_en_hunze_loaded, kader, people, year_2026, user_factory):
    from driehoek.monitoring import delegatie
    from driehoek.monitoring.models import Delegatie

    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    colleague = user_factory(username="wb-2", partij=people["woonborg"].partij, rol=User.Rol.SECRETARIS)
    volmacht = Partij.objects.get(naam="Woningstichting De Volmacht")
    woonzorg = Partij.objects.get(naam="Woonzorg Nederland")
    outcomes = race(
        lambda: delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0),
        lambda: delegatie.delegate(colleague, indicator, woonzorg, versie=0),
    )
    winner, refused = winner_and_loser(outcomes)
    stored = Delegatie.objects.get(indicator=indicator)
    assert (stored.partij_id, stored.versie, stored.history.count()) == (winner.partij_id, 1, 1)
    assert refused.change.wat == f"gedelegeerd aan {winner.partij.korte_naam}"
