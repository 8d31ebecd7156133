"""Shared steps of the yearly-programme tests: the 2026 evaluation of Aa en Hunze adopted through
the real services, so that the 2027 programme starts from it."""

from datetime import date
from decimal import Decimal

from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling

OTHERS_OF_WOONBORG = ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht")


def adopt_2026(kader, people, *, nummer="1", kleur="oranje", reden="a", toelichting="", delivered=Decimal(12)):
    """Agreement `nummer`'s 2026 assessment made by Woonborg, agreed by all and adopted in the BO."""
    if not kader.monitoringsjaren.filter(jaar=2026).exists():
        monitoring.start_year(people["secretaris"], kader, 2026)
    afspraak = kader.afspraken.get(nummer=nummer)
    if nummer == "1":
        indicator = afspraak.indicatoren.order_by("volgorde")[0]
        monitoring.save_value(people["woonborg"], indicator, 2026, waarde=delivered, eenheid="woningen")
    b = Beoordeling.objects.get(afspraak=afspraak, jaar=2026)
    toelichting = toelichting or "Twee projecten schoven door naar 2027; we versnellen de locatie in Gieten."
    monitoring.make_voorzet(people["woonborg"], b, kleur=kleur, reden=reden, toelichting=toelichting)
    for name in OTHERS_OF_WOONBORG:
        monitoring.respond(people[name], b, soort="akkoord")
    b.refresh_from_db()
    monitoring.adopt(people["secretaris"], b, datum=date(2027, 3, 20), orgaan="BO 20 maart 2027")
    return b
