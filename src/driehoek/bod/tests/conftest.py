from datetime import date, timedelta

import pytest


@pytest.fixture
def aa_en_hunze(db):
    from driehoek.register.models import Gemeente

    return Gemeente.objects.get(naam="Aa en Hunze")


@pytest.fixture
def bod_2027(people, aa_en_hunze):
    """Woonborg's concept bod for 2027, due in a month, with a few numbers."""
    from decimal import Decimal

    from driehoek.bod import services

    today = date.today()
    jaar = today.year + 1
    bod = services.start_bod(people["woonborg"], aa_en_hunze, jaar, uiterlijk=today + timedelta(days=30))
    cijfers = {("nieuwbouw_sociaal", jaar): Decimal(12), ("nieuwbouw_sociaal", jaar + 1): Decimal(20)}
    cijfers[("verkoop", jaar)] = Decimal(3)
    return services.save_bod(
        people["woonborg"],
        bod,
        cijfers=cijfers,
        teksten={"beschikbaarheid": "We bouwen in Gieten en Rolde."},
        uiterlijk=bod.uiterlijk,
        reacties_uiterlijk=today + timedelta(days=60),
        versie=bod.versie,
    )
