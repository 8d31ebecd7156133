from datetime import date
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.monitoring import jaarstand, queries, rules, services
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Kleur, Status

pytestmark = pytest.mark.django_db


def _beoordeling(kader, nummer="1", jaar=2026):
    return Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=jaar)


def _indicator(kader, nummer, index=0):
    return kader.afspraken.get(nummer=nummer).indicatoren.order_by("volgorde")[index]


def test_start_year(kader, people):
    services.start_year(people["secretaris"], kader, 2026)
    assert Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=2026, status=Status.OPEN).count() == 19
    with pytest.raises(ValidationError, match="al gestart"):
        services.start_year(people["secretaris"], kader, 2026)
    with pytest.raises(ValidationError, match="buiten de looptijd"):
        services.start_year(people["secretaris"], kader, 2032)
    for who in ("woonborg", "ahwoon", "beheerder", "bestuurder", "buitenstaander"):
        with pytest.raises(PermissionDenied):
            services.start_year(people[who], kader, 2027)


def test_values_only_by_the_actiehouders_party_and_within_the_indicators_years(kader, people, year_2026):
    opgeleverd = _indicator(kader, "1", 0)  # actiehouder: corporaties
    value = services.save_value(
        people["woonborg"], opgeleverd, 2026, waarde=Decimal(14), eenheid="woningen", bron="jaarverslag"
    )
    assert (value.partij.korte_naam, value.versie) == ("Woonborg", 1)
    for who in ("ahwoon", "gemeente", "lezer", "beheerder", "buitenstaander"):
        with pytest.raises(PermissionDenied):
            services.save_value(people[who], opgeleverd, 2026, waarde=Decimal(1), versie=1)
    with pytest.raises(ValidationError, match="nog niet gestart"):
        services.save_value(people["woonborg"], opgeleverd, 2027, waarde=Decimal(1))
    gesplitst = _indicator(kader, "2", 2)  # 2027-2031
    with pytest.raises(ValidationError, match="hoort daar niet bij"):
        services.save_value(people["volmacht"], gesplitst, 2026, waarde=Decimal(1))
    with pytest.raises(ValidationError):
        services.save_value(people["volmacht"], opgeleverd, 2026, versie=1)  # neither value nor judgement
    locaties = _indicator(kader, "1", 1)  # corporaties, gemeente en huurdersverenigingen
    services.save_value(people["ahwoon"], locaties, 2026, oordeel="Twee locaties aangewezen in Gieten.")


def test_a_stale_version_is_refused_and_shows_the_other_change(kader, people, year_2026):
    opgeleverd = _indicator(kader, "1", 0)
    services.save_value(people["woonborg"], opgeleverd, 2026, waarde=Decimal(14), versie=0)
    services.save_value(people["volmacht"], opgeleverd, 2026, waarde=Decimal(16), versie=1)
    with pytest.raises(services.ConflictError) as conflict:
        services.save_value(people["woonborg"], opgeleverd, 2026, waarde=Decimal(15), versie=1)
    assert conflict.value.current.waarde == Decimal(16)
    assert Indicatorwaarde.objects.get(indicator=opgeleverd, jaar=2026).waarde == Decimal(16)
    with pytest.raises(services.ConflictError):
        services.save_value(people["woonzorg"], opgeleverd, 2026, waarde=Decimal(1), versie=0)  # created meanwhile

    b = _beoordeling(kader)
    services.make_voorzet(people["woonborg"], b, kleur="groen", versie=b.versie)
    with pytest.raises(services.ConflictError) as conflict:
        services.make_voorzet(people["volmacht"], b, kleur="rood", reden="a", toelichting="x", versie=b.versie)
    assert conflict.value.current.kleur == Kleur.GROEN


def test_the_whole_round_from_voorzet_to_adoption_and_revision(kader, people, year_2026):
    b = _beoordeling(kader)
    with pytest.raises(ValidationError) as error:
        services.make_voorzet(people["woonborg"], b, kleur="oranje", reden="a", toelichting="")
    assert "toelichting" in error.value.message_dict
    for who in ("ahwoon", "gemeente", "secretaris", "lezer", "beheerder"):
        with pytest.raises(PermissionDenied):
            services.make_voorzet(people[who], b, kleur="groen")
    with pytest.raises(PermissionDenied):  # nothing to respond to is still not theirs to decide
        services.respond(people["woonborg"], b, soort="akkoord")

    b = services.make_voorzet(
        people["woonborg"],
        b,
        kleur="oranje",
        reden="a",
        toelichting="Twee projecten schuiven naar 2027.",
        versie=b.versie,
    )
    assert (b.status, b.revisie, b.voorzet_partij.korte_naam) == (Status.VOORZET, 1, "Woonborg")
    b = services.make_voorzet(
        people["volmacht"], b, kleur="oranje", reden="a", toelichting="Aangevuld door De Volmacht."
    )
    assert b.voorzet_partij.korte_naam == "Woonborg" and b.revisie == 2  # a co-holder edits, the lead stays

    with pytest.raises(ValidationError, match="reden"):
        services.respond(people["ahwoon"], b, soort="niet_akkoord")
    services.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="De vertraging is groter dan gemeld.")
    b.refresh_from_db()
    assert b.status == Status.IN_BESPREKING
    services.respond(people["gemeente"], b, soort="akkoord")
    with pytest.raises(PermissionDenied):
        services.respond(people["lezer"], b, soort="akkoord")
    with pytest.raises(PermissionDenied):
        services.respond(people["woonborg"], b, soort="akkoord")  # the lead does not judge itself
    with pytest.raises(rules.TransitionNotAllowed):
        services.adopt(people["secretaris"], b, datum=date(2027, 3, 20), orgaan="Bestuurlijk overleg")

    for who in ("volmacht", "woonzorg", "deelmacht"):
        services.respond(people[who], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.IN_BESPREKING  # AH WOON still disagrees
    services.respond(people["ahwoon"], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.CONSENSUS

    with pytest.raises(PermissionDenied):
        services.adopt(people["gemeente"], b, datum=date(2027, 3, 20), orgaan="Bestuurlijk overleg")
    b = services.adopt(people["secretaris"], b, datum=date(2027, 3, 20), orgaan="Bestuurlijk overleg", versie=b.versie)
    assert (b.status, b.vastgesteld_op) == (Status.VASTGESTELD, date(2027, 3, 20))

    with pytest.raises(rules.TransitionNotAllowed):
        services.make_voorzet(people["woonborg"], b, kleur="groen")  # adopted: locked
    with pytest.raises(rules.TransitionNotAllowed):
        services.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="Te laat.")
    with pytest.raises(ValidationError):
        services.revise(people["woonborg"], b, reden=" ")
    b = services.revise(people["woonborg"], b, reden="Nieuwe opleveringscijfers.", versie=b.versie)
    assert (b.status, b.revisie, b.vastgesteld_op) == (Status.VOORZET, 3, None)
    adopted = b.history.filter(status=Status.VASTGESTELD).first()
    assert adopted.vastgesteld_door == "Bestuurlijk overleg" and adopted.history_user.username == "secretaris"
    # Reactions on earlier voorzetten stay, but no longer count.
    assert b.reacties.count() == 6 and not b.reacties.filter(revisie=3).exists()


def test_a_new_voorzet_asks_everyone_again(kader, people, year_2026):
    b = _beoordeling(kader, "5")  # actiehouder: corporaties
    b = services.make_voorzet(people["woonborg"], b, kleur="groen")
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        services.respond(people[who], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.CONSENSUS
    b = services.make_voorzet(people["woonborg"], b, kleur="afgerond")
    assert b.status == Status.VOORZET


def test_following_the_suggestion_or_explaining_why_not(kader, people, year_2026):
    opgeleverd = _indicator(kader, "1", 0)
    services.save_value(people["woonborg"], opgeleverd, 2026, waarde=Decimal(12))
    b = _beoordeling(kader)
    suggestion, target = queries.suggestion_for(b)
    assert (suggestion.kleur, suggestion.reden, suggestion.expected) == (Kleur.ORANJE, "a", Decimal(20))
    assert target.waarde == Decimal(120)
    with pytest.raises(ValidationError) as error:
        services.make_voorzet(people["woonborg"], b, kleur="groen", suggestie=suggestion)
    assert "afwijking_toelichting" in error.value.message_dict
    b = services.make_voorzet(
        people["woonborg"],
        b,
        kleur="groen",
        suggestie=suggestion,
        afwijking_toelichting="Acht woningen zijn in december opgeleverd.",
    )
    assert (b.suggestie_kleur, b.kleur) == (Kleur.ORANJE, Kleur.GROEN)
    b = services.make_voorzet(
        people["woonborg"], b, kleur="oranje", reden="a", toelichting="Vertraagd.", suggestie=suggestion
    )
    assert b.afwijking_toelichting == ""


def test_monitoringstabel_2026_has_every_row_of_the_document_in_order(kader, people, year_2026):
    from driehoek.register.tests.test_aa_en_hunze import MONITORINGSTABEL

    rows = queries.monitoringstabel(kader, 2026)
    assert [
        (r.afspraak.nummer, r.indicator.omschrijving, r.indicator.jaren, r.indicator.actiehouders_label) for r in rows
    ] == (MONITORINGSTABEL)
    assert [r.running for r in rows if r.afspraak.nummer == "2"] == [True, True, False]


def test_focus_list_inbox_and_dashboard(kader, people, year_2026):
    b = services.make_voorzet(
        people["woonborg"], _beoordeling(kader), kleur="oranje", reden="a", toelichting="Vertraagd."
    )
    services.make_voorzet(people["woonborg"], _beoordeling(kader, "5"), kleur="groen")
    services.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="Te optimistisch.")
    assert [x.afspraak.nummer for x in queries.focuslijst(kader, 2026)] == ["1"]
    filtered = queries.monitoringstabel(kader, 2026, kleur="oranje")
    assert {r.afspraak.nummer for r in filtered} == {"1"}
    assert {r.afspraak.nummer for r in queries.monitoringstabel(kader, 2026, status="voorzet")} == {"5"}

    inbox = jaarstand.inbox(people["deelmacht"], kader, 2026)
    assert {x.afspraak.nummer for x in inbox.to_respond} == {"1", "5"}
    assert {x.afspraak.nummer for x in jaarstand.inbox(people["ahwoon"], kader, 2026).to_respond} == {"5"}
    woonborg = jaarstand.inbox(people["woonborg"], kader, 2026)
    assert "aantal opgeleverde woningen" in [i.omschrijving for i in woonborg.to_fill]
    assert "1" not in {x.afspraak.nummer for x in woonborg.to_propose}
    assert jaarstand.inbox(people["lezer"], kader, 2026).to_fill == []

    data = jaarstand.dashboard(kader, 2026)
    beschikbaarheid = next(t for t in data["lights"] if t.thema.nummer == "3")
    assert dict(beschikbaarheid.cells) == {"groen": 0, "oranje": 1, "rood": 0, "afgerond": 0, "": 3}
    assert data["states"] == {"open": 17, "voorzet": 1, "in_bespreking": 1, "consensus": 0, "vastgesteld": 0}
    # 30 rows; not in 2026: 2 (2027-2031), 4 twice (2028-2030) and 19 (2030).
    assert len(data["stale"]) == data["running"] == 26
    assert beschikbaarheid.segments() == [("oranje", 0.0, 25.0, 1), ("", 25.0, 75.0, 3)]
