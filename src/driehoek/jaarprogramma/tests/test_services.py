from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.core.versioning import ConflictError
from driehoek.jaarprogramma import adopt, services
from driehoek.jaarprogramma.models import Onderdeel, Voorstel
from driehoek.monitoring import queries
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling
from driehoek.register.models import Afsprakenset, Jaardoel

from .helpers import adopt_2026

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 1)
DEADLINE = date(2026, 12, 1)
EVERYONE_BUT_AHWOON = ("gemeente", "woonborg", "volmacht", "woonzorg", "deelmacht")


@pytest.fixture
def programma(kader, people):
    adopt_2026(kader, people)
    return services.start(people["secretaris"], kader, 2027, reacties_uiterlijk=DEADLINE, today=TODAY)


def _agreement_1(programma) -> Onderdeel:
    return programma.onderdelen.get(nummer="1")


def test_start_puts_the_orange_agreement_first_with_its_measure_and_a_phased_yearly_target(programma):
    first = programma.onderdelen.order_by("volgorde").first()
    assert (first.nummer, first.kleur, first.reden) == ("1", "oranje", "a")
    assert "versnellen de locatie in Gieten" in first.maatregel
    assert programma.onderdelen.count() == 19
    regel = first.doelregels.get(indicator__omschrijving="aantal opgeleverde woningen")
    # 120 (the lower bound) to 2031 from 2025, no yearly target agreed yet: 20 a year.
    assert (regel.waarde, regel.vergelijking) == (Decimal("20.00"), "ten_minste")
    assert "fasering" in regel.herkomst
    # An indicator of other years only (agreement 2: split homes 2027-2031 runs; inventory 2026 not).
    assert not programma.onderdelen.get(nummer="2").doelregels.filter(indicator__jaar_tot=2026).exists()


def test_start_is_for_the_municipal_secretary_with_a_deadline_not_in_the_past(kader, people):
    with pytest.raises(ValidationError, match="in het verleden"):
        services.start(people["secretaris"], kader, 2027, reacties_uiterlijk=TODAY - timedelta(days=1), today=TODAY)
    for who in ("woonborg", "ahwoon", "gemeente", "beheerder", "buitenstaander"):
        with pytest.raises(PermissionDenied):
            services.start(people[who], kader, 2027, reacties_uiterlijk=DEADLINE, today=TODAY)
    with pytest.raises(ValidationError, match="buiten de looptijd"):
        services.start(people["secretaris"], kader, 2032, reacties_uiterlijk=DEADLINE, today=TODAY)
    services.start(people["secretaris"], kader, 2027, reacties_uiterlijk=DEADLINE, today=TODAY)
    with pytest.raises(ValidationError, match="al gestart"):
        services.start(people["secretaris"], kader, 2027, reacties_uiterlijk=DEADLINE, today=TODAY)


def test_a_yearly_target_is_agreed_after_a_revision_and_adopted_into_the_register(programma, people, kader):
    onderdeel = _agreement_1(programma)
    regel = onderdeel.doelregels.get(indicator__omschrijving="aantal opgeleverde woningen")
    voorstel = services.propose(
        people["ahwoon"],
        programma,
        "jaardoel",
        onderdeel=onderdeel,
        doelregel=regel,
        waarde=Decimal(35),
        toelichting="Inhalen wat in 2026 achterbleef.",
    )
    assert (voorstel.partij.korte_naam, voorstel.revisie) == ("AH WOON", 1)
    with pytest.raises(ValidationError, match="reden"):
        services.respond(people["woonborg"], voorstel, soort="niet_akkoord")
    services.respond(people["woonborg"], voorstel, soort="niet_akkoord", toelichting="35 haalt de planning niet.")
    with pytest.raises(PermissionDenied):  # a party never reacts to its own proposal
        services.respond(people["ahwoon"], voorstel, soort="akkoord")
    with pytest.raises(PermissionDenied):  # and only the proposer revises it
        services.revise(people["woonborg"], voorstel, waarde=Decimal(30), versie=voorstel.versie)
    with pytest.raises(ValidationError, match="niets gewijzigd"):  # the form submitted unchanged
        services.revise(
            people["ahwoon"], voorstel, waarde=Decimal(35), toelichting=voorstel.toelichting, versie=voorstel.versie
        )
    voorstel = services.revise(people["ahwoon"], voorstel, waarde=Decimal(30), versie=voorstel.versie)
    assert voorstel.revisie == 2
    with pytest.raises(ConflictError):  # Woonborg read revision 1
        services.respond(people["woonborg"], voorstel, soort="akkoord", revisie=1)
    for name in EVERYONE_BUT_AHWOON:
        services.respond(people[name], voorstel, soort="akkoord", revisie=2)
    voorstel.refresh_from_db()
    regel.refresh_from_db()
    assert voorstel.status == Voorstel.Status.AANGENOMEN
    assert regel.waarde == Decimal(30)

    programma.refresh_from_db()
    with pytest.raises(PermissionDenied):
        adopt.adopt(people["woonborg"], programma, datum=date(2026, 12, 10), orgaan="BO")
    nieuw = adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO 10 december 2026")
    assert (nieuw.soort, nieuw.bovenliggende_set, nieuw.eerste_jaar, nieuw.laatste_jaar, nieuw.status) == (
        Afsprakenset.Soort.JAARPROGRAMMA,
        kader,
        2027,
        2027,
        Afsprakenset.Status.CONCEPT,
    )
    assert nieuw.afspraken.count() == 19 and nieuw.deelnames.count() == 6
    assert nieuw.afspraken.get(nummer="1").tekst == kader.afspraken.get(nummer="1").tekst
    doel = Jaardoel.objects.get(indicator=regel.indicator, jaar=2027)
    assert (doel.waarde, doel.afsprakenset) == (Decimal(30), nieuw)
    assert doel.history.first().history_user == people["secretaris"]
    with pytest.raises(ValidationError, match="al vastgesteld"):
        services.comment(people["ahwoon"], programma, "Nog iets")


def test_text_change_removal_and_new_agreement(programma, people):
    onderdeel = programma.onderdelen.get(nummer="14")
    nieuw_tekst = onderdeel.tekst.replace("één", "twee", 1) + " In 2027 Gieten en Annen."
    tekst = services.propose(people["gemeente"], programma, "tekst", onderdeel=onderdeel, tekst=nieuw_tekst)
    with pytest.raises(ValidationError, match="al een voorstel open"):
        services.propose(people["woonborg"], programma, "tekst", onderdeel=onderdeel, tekst="Iets anders.")
    schrappen = services.propose(
        people["woonzorg"],
        programma,
        "schrappen",
        onderdeel=programma.onderdelen.get(nummer="19"),
        toelichting="Convenant is er al.",
    )
    thema = programma.afsprakenset.themas.get(titel__icontains="Leefbaarheid")
    nieuw = services.propose(
        people["deelmacht"],
        programma,
        "nieuw",
        thema=thema,
        titel="Huurdersbijeenkomst",
        tekst="De Deelmacht organiseert jaarlijks een bijeenkomst.",
    )
    everyone = ("gemeente", "woonborg", "volmacht", "woonzorg", "ahwoon", "deelmacht")
    for voorstel in (tekst, schrappen, nieuw):
        for name in everyone:
            if people[name].partij_id != voorstel.partij_id:
                services.respond(people[name], voorstel, soort="akkoord")
    onderdeel.refresh_from_db()
    assert onderdeel.tekst == nieuw_tekst
    assert programma.onderdelen.get(nummer="19").vervalt
    added = programma.onderdelen.get(nummer="20")
    assert (added.titel, added.indiener.korte_naam) == ("Huurdersbijeenkomst", "De Deelmacht")
    set_2027 = adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO")
    assert not set_2027.afspraken.filter(nummer="19").exists()
    leefbaarheid = set_2027.afspraken.filter(thema__titel__icontains="Leefbaarheid").order_by("volgorde")
    assert list(leefbaarheid.values_list("nummer", flat=True)) == ["11", "12", "13", "14", "20"]
    assert set_2027.afspraken.get(nummer="14").tekst == nieuw_tekst
    assert list(set_2027.afspraken.get(nummer="20").verantwoordelijken.values_list("korte_naam", flat=True)) == [
        "De Deelmacht"
    ]


def test_open_proposals_are_left_out_at_adoption_and_a_stale_adoption_is_refused(programma, people):
    onderdeel = _agreement_1(programma)
    voorstel = services.propose(
        people["woonborg"], programma, "schrappen", onderdeel=onderdeel, toelichting="Past niet."
    )
    stale = programma.versie
    services.comment(people["ahwoon"], programma, "Graag eerst bespreken in het AO.")
    adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO", versie=stale)
    voorstel.refresh_from_db()
    assert voorstel.status == Voorstel.Status.VERVALLEN
    programma.refresh_from_db()
    assert programma.programma.afspraken.filter(nummer="1").exists()
    with pytest.raises(ConflictError):
        adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO", versie=stale)


def test_only_the_sets_parties_take_part(programma, people):
    for who in ("buitenstaander", "beheerder"):
        with pytest.raises(PermissionDenied):
            services.propose(people[who], programma, "schrappen", onderdeel=_agreement_1(programma), toelichting="x")
    with pytest.raises(PermissionDenied):  # a reader reads
        services.comment(people["lezer"], programma, "Mag ik iets zeggen?")


def test_the_2027_suggestion_follows_the_yearly_target(programma, people, kader):
    onderdeel = _agreement_1(programma)
    regel = onderdeel.doelregels.get(indicator__omschrijving="aantal opgeleverde woningen")
    with pytest.raises(ValidationError, match="gelijk aan het huidige"):
        services.propose(
            people["gemeente"], programma, "jaardoel", onderdeel=onderdeel, doelregel=regel, waarde=regel.waarde
        )
    voorstel = services.propose(
        people["ahwoon"], programma, "jaardoel", onderdeel=onderdeel, doelregel=regel, waarde=Decimal(40)
    )
    for name in EVERYONE_BUT_AHWOON:
        services.respond(people[name], voorstel, soort="akkoord")
    adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO")
    monitoring.start_year(people["secretaris"], kader, 2027)
    monitoring.save_value(people["woonborg"], regel.indicator, 2027, waarde=Decimal(30), eenheid="woningen")
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2027)
    suggestion, doel = queries.suggestion_for(b)
    # 12 in 2026 + 30 = 42. Phasing: 2027 = 40; the other five years share 80: 16 each. By 2027: 56.
    # The straight line would expect 40 and say groen; against the yearly target it is oranje.
    assert suggestion.expected == Decimal("56.00")
    assert (suggestion.kleur, suggestion.reden) == ("oranje", "a")
    assert "jaardoelen" in suggestion.explanation
    assert isinstance(doel, Jaardoel) and doel.waarde == Decimal(40)
    rows = [r for r in queries.monitoringstabel(kader, 2027) if r.indicator == regel.indicator]
    assert rows[0].jaardoel == doel
