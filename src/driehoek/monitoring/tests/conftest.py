import pytest

from driehoek.accounts.models import Partij, User
from driehoek.monitoring import services
from driehoek.register.models import Afsprakenset

KADER = "aa-en-hunze-kaderafspraken-2026-2031"


@pytest.fixture
def kader(db):
    return Afsprakenset.objects.get(slug=KADER)


@pytest.fixture
def people(db, user_factory):
    """One user per part a person can play in Aa en Hunze's monitoring."""

    def party(name):
        return Partij.objects.get(naam=name)

    return {
        "secretaris": user_factory(
            username="secretaris", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.SECRETARIS
        ),
        "gemeente": user_factory(username="gemeente", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.INVULLER),
        "bestuurder": user_factory(username="wethouder", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.BESTUURDER),
        "woonborg": user_factory(username="woonborg", partij=party("Woonborg"), rol=User.Rol.INVULLER),
        "volmacht": user_factory(
            username="volmacht", partij=party("Woningstichting De Volmacht"), rol=User.Rol.INVULLER
        ),
        "woonzorg": user_factory(username="woonzorg", partij=party("Woonzorg Nederland"), rol=User.Rol.INVULLER),
        "ahwoon": user_factory(
            username="ahwoon", partij=party("Algemene Huurdersvereniging WOON"), rol=User.Rol.INVULLER
        ),
        "deelmacht": user_factory(
            username="deelmacht", partij=party("Huurdersvereniging De Deelmacht"), rol=User.Rol.INVULLER
        ),
        "lezer": user_factory(username="lezer", partij=party("Algemene Huurdersvereniging WOON"), rol=User.Rol.LEZER),
        "beheerder": user_factory(username="beheerder", rol=User.Rol.BEHEERDER, is_superuser=True),
        "buitenstaander": user_factory(
            username="buiten",
            partij=Partij.objects.create(naam="Fictieve Woningstichting", korte_naam="FW", soort="corporatie"),
            rol=User.Rol.SECRETARIS,
        ),
    }


@pytest.fixture
def year_2026(kader, people):
    return services.start_year(people["secretaris"], kader, 2026)
