"""Issue 20 item 2: the lead party delegates an indicator to a co-holder, and takes it back
(monitoring/delegatie.py, docs/adr/0130). The service, then who the inbox and dashboard ask."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from driehoek.accounts.models import Partij, User
from driehoek.core.versioning import ConflictError
from driehoek.monitoring import delegatie, jaarstand, services
from driehoek.monitoring.models import Delegatie
from driehoek.monitoring.roles import asked_for_values, indicator_leads, voorzet_leads
from driehoek.register.models import Afsprakenset, Deelname, Gemeente

pytestmark = pytest.mark.django_db


def _opgeleverd(kader):
    """Agreement 1's first indicator: Woonborg leads, De Volmacht and Woonzorg Nederland co-hold."""
    return kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]


def _party(name):
    return Partij.objects.get(naam=name)


def _to_fill(user, kader):
    return {i.pk for i in jaarstand.inbox(user, kader, 2026).to_fill}


def test_the_lead_delegates_and_the_co_holder_is_asked_instead(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    volmacht = _party("Woningstichting De Volmacht")
    assert indicator.pk in _to_fill(people["woonborg"], kader)
    assert indicator.pk not in _to_fill(people["volmacht"], kader)

    row = delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0)

    row.refresh_from_db()
    assert (row.partij, row.door, row.versie) == (volmacht, people["woonborg"], 1)
    assert indicator.pk in _to_fill(people["volmacht"], kader)
    assert indicator.pk not in _to_fill(people["woonborg"], kader)
    assert asked_for_values(kader)[indicator.pk] == volmacht.pk
    # The voorzet stays with the lead.
    assert indicator_leads(kader)[indicator.pk] == _party("Woonborg").pk
    assert voorzet_leads(kader)[indicator.afspraak_id] == _party("Woonborg").pk
    assert "1" in {b.afspraak.nummer for b in jaarstand.inbox(people["woonborg"], kader, 2026).to_propose}
    assert "1" not in {b.afspraak.nummer for b in jaarstand.inbox(people["volmacht"], kader, 2026).to_propose}
    # The audit record, written in the same transaction: who, and what.
    history = list(row.history.order_by("history_date"))
    assert [(h.history_user, h.partij_id, h.history_change_reason) for h in history] == [
        (people["woonborg"], volmacht.pk, "gedelegeerd aan De Volmacht")
    ]


def test_taking_back_asks_the_lead_again_and_is_recorded(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    delegatie.delegate(people["woonborg"], indicator, _party("Woningstichting De Volmacht"), versie=0)

    row = delegatie.take_back(people["woonborg"], indicator, versie=1)

    row.refresh_from_db()
    assert (row.partij, row.versie) == (None, 2)
    assert indicator.pk in _to_fill(people["woonborg"], kader)
    assert indicator.pk not in _to_fill(people["volmacht"], kader)
    assert row.history.count() == 2
    assert row.history.latest("history_date").history_change_reason == "teruggenomen door de trekker"


def test_saving_the_same_choice_again_changes_nothing(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    volmacht = _party("Woningstichting De Volmacht")
    assert delegatie.take_back(people["woonborg"], indicator, versie=0) is None  # not delegated: nothing
    assert not Delegatie.objects.exists()
    delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0)
    again = delegatie.delegate(people["woonborg"], indicator, volmacht, versie=1)
    assert again.versie == 1 and again.history.count() == 1


def test_only_a_co_holder_of_that_indicator_in_that_set(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    elsewhere = Gemeente.objects.create(naam="Zuiderstrand")
    other_set = Afsprakenset.objects.create(
        gemeente=elsewhere,
        slug="zuiderstrand",
        soort="prestatieafspraken",
        titel="Z",
        eerste_jaar=2026,
        laatste_jaar=2027,
    )
    other_municipality = Partij.objects.create(
        naam="Gemeente Zuiderstrand", korte_naam="Zuiderstrand", soort="gemeente"
    )
    Deelname.objects.create(afsprakenset=other_set, partij=other_municipality)
    refused = [
        _party("Gemeente Aa en Hunze"),  # in the set, but no holder of this indicator
        _party("Woonborg"),  # the lead itself: that is taking back
        other_municipality,
        people["buitenstaander"].partij,
        None,
    ]
    for partij in refused:
        with pytest.raises(ValidationError) as error:
            delegatie.delegate(people["woonborg"], indicator, partij, versie=0)
        message = error.value.message_dict["partij"][0]
        assert "alleen delegeren aan een mede-actiehouder" in message and "De Volmacht" in message
    assert not Delegatie.objects.exists()


def test_only_the_lead_partys_working_members(kader, people, year_2026, user_factory):
    indicator = _opgeleverd(kader)
    volmacht = _party("Woningstichting De Volmacht")
    woonborg_lezer = user_factory(username="wb-lezer", partij=_party("Woonborg"), rol=User.Rol.LEZER)
    woonborg_bestuurder = user_factory(username="wb-best", partij=_party("Woonborg"), rol=User.Rol.BESTUURDER)
    for who in (
        people["volmacht"],
        people["secretaris"],
        people["ahwoon"],
        people["beheerder"],
        people["buitenstaander"],
    ):
        with pytest.raises(PermissionDenied):
            delegatie.delegate(who, indicator, volmacht, versie=0)
    for who in (woonborg_lezer, woonborg_bestuurder):
        with pytest.raises(PermissionDenied):
            delegatie.delegate(who, indicator, volmacht, versie=0)
    delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0)
    with pytest.raises(PermissionDenied):  # the co-holder cannot hand it back or on
        delegatie.take_back(people["volmacht"], indicator, versie=1)
    secretaris = user_factory(username="wb-sec", partij=_party("Woonborg"), rol=User.Rol.SECRETARIS)
    assert delegatie.take_back(secretaris, indicator, versie=1).partij is None


def test_an_outdated_form_is_refused(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    volmacht, woonzorg = _party("Woningstichting De Volmacht"), _party("Woonzorg Nederland")
    with pytest.raises(ConflictError):
        delegatie.delegate(people["woonborg"], indicator, volmacht, versie=3)  # none stored yet
    delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0)
    with pytest.raises(ConflictError) as conflict:  # drawn before the first delegation
        delegatie.delegate(people["woonborg"], indicator, woonzorg, versie=0)
    assert "gedelegeerd aan De Volmacht" in conflict.value.detail
    with pytest.raises(ConflictError):
        delegatie.take_back(people["woonborg"], indicator, versie=0)
    assert Delegatie.objects.get().partij == volmacht


def test_the_co_holder_enters_the_value_and_the_dashboard_names_it(kader, people, year_2026):
    indicator = _opgeleverd(kader)
    volmacht = _party("Woningstichting De Volmacht")
    delegatie.delegate(people["woonborg"], indicator, volmacht, versie=0)
    stale = {i.pk: i.lead for i in jaarstand.dashboard(kader, 2026)["stale"]}
    assert stale[indicator.pk] == volmacht
    value = services.save_value(people["volmacht"], indicator, 2026, waarde=4, eenheid="woningen", versie=0)
    assert value.partij == volmacht
    assert indicator.pk not in _to_fill(people["volmacht"], kader)


def test_a_delegate_no_longer_holding_the_indicator_is_not_asked(kader, people, year_2026):
    """Should the register drop the co-holder (by decision), its delegation counts for nothing."""
    indicator = _opgeleverd(kader)
    gemeente = _party("Gemeente Aa en Hunze")  # no holder of this indicator
    Delegatie.objects.create(indicator=indicator, partij=gemeente, op=timezone.now())
    assert asked_for_values(kader)[indicator.pk] == _party("Woonborg").pk
    assert indicator.pk in _to_fill(people["woonborg"], kader)
    assert indicator.pk not in _to_fill(people["gemeente"], kader)


def test_the_reminder_mail_asks_the_co_holder_not_the_lead(kader, people, year_2026):
    from datetime import timedelta

    from django.core import mail

    from driehoek.cycle.tasks import send_reminders

    delegatie.delegate(people["woonborg"], _opgeleverd(kader), _party("Woningstichting De Volmacht"), versie=0)
    kader.monitoringsjaren.filter(jaar=2026).update(voorzet_uiterlijk=timezone.localdate() + timedelta(days=20))
    send_reminders.call()
    asked = "Indicator invullen: afspraak 1, aantal opgeleverde woningen"
    volmacht = next(m for m in mail.outbox if m.to == [people["volmacht"].email])
    woonborg = next(m for m in mail.outbox if m.to == [people["woonborg"].email])
    assert asked in volmacht.body and asked not in woonborg.body
    assert "Indicator invullen: afspraak 1, aangewezen locaties" in woonborg.body  # its other ones stay
