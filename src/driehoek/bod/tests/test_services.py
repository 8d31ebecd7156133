"""The bod's services against the real database: rights, deadlines, versions, status and history."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.accounts.models import Partij
from driehoek.bod import queries, services
from driehoek.bod.models import Bod, Bodcijfer, Bodreactie
from driehoek.core.versioning import ConflictError

pytestmark = pytest.mark.django_db


def test_the_aa_en_hunze_tenant_associations_work_for_their_own_corporation():
    ahwoon = Partij.objects.get(korte_naam="AH WOON")
    deelmacht = Partij.objects.get(korte_naam="De Deelmacht")
    assert [p.naam for p in ahwoon.corporaties.all()] == ["Woonborg"]
    assert [p.naam for p in deelmacht.corporaties.all()] == ["Woningstichting De Volmacht"]


def test_a_corporation_starts_its_own_bod_with_the_woningwet_deadline(people, aa_en_hunze):
    today = date(2026, 3, 1)
    bod = services.start_bod(people["woonborg"], aa_en_hunze, 2027, today=today)
    assert (bod.corporatie.naam, bod.jaar, bod.uiterlijk, bod.status) == ("Woonborg", 2027, date(2026, 7, 1), "concept")
    assert bod.history.first().history_user == people["woonborg"]


def test_a_deadline_in_the_past_is_refused_with_a_clear_message(people, aa_en_hunze):
    with pytest.raises(ValidationError) as error:
        services.start_bod(people["woonborg"], aa_en_hunze, 2027, today=date(2026, 11, 30))
    assert "ligt in het verleden" in str(error.value.message_dict["uiterlijk"])
    assert not Bod.objects.exists()


def test_one_bod_per_corporation_municipality_and_year(people, aa_en_hunze, bod_2027):
    with pytest.raises(ValidationError, match="al een bod"):
        services.start_bod(people["woonborg"], aa_en_hunze, bod_2027.jaar, uiterlijk=bod_2027.uiterlijk)


def test_only_a_corporation_starts_a_bod(people, aa_en_hunze):
    for name in ("ahwoon", "gemeente", "secretaris", "lezer", "buitenstaander", "beheerder"):
        with pytest.raises(PermissionDenied):
            services.start_bod(people[name], aa_en_hunze, date.today().year + 1, date.today() + timedelta(days=9))


def test_saving_writes_only_what_changed_and_unchanged_saves_nothing(people, bod_2027):
    jaar = bod_2027.jaar
    history = (bod_2027.history.count(), Bodcijfer.history.count())
    values = {(c.onderwerp, c.jaar): c.waarde for c in bod_2027.cijfers.all()}
    same = services.save_bod(
        people["woonborg"],
        bod_2027,
        cijfers=values,
        teksten=bod_2027.teksten,
        uiterlijk=bod_2027.uiterlijk,
        reacties_uiterlijk=bod_2027.reacties_uiterlijk,
        versie=bod_2027.versie,
    )
    assert same.versie == bod_2027.versie
    assert (bod_2027.history.count(), Bodcijfer.history.count()) == history
    values[("verkoop", jaar)] = None  # emptied: the number goes
    values[("sloop", jaar + 2)] = Decimal(4)
    changed = services.save_bod(
        people["woonborg"],
        same,
        cijfers=values,
        teksten=same.teksten,
        uiterlijk=same.uiterlijk,
        reacties_uiterlijk=same.reacties_uiterlijk,
        versie=same.versie,
    )
    assert changed.versie == same.versie + 1
    stored = {(c.onderwerp, c.jaar): c.waarde for c in changed.cijfers.all()}
    assert stored == {("nieuwbouw_sociaal", jaar): 12, ("nieuwbouw_sociaal", jaar + 1): 20, ("sloop", jaar + 2): 4}


def test_an_outdated_save_is_refused_and_changes_nothing(people, bod_2027):
    with pytest.raises(ConflictError):
        services.save_bod(
            people["woonborg"],
            bod_2027,
            cijfers={("verkoop", bod_2027.jaar): Decimal(9)},
            teksten={},
            uiterlijk=bod_2027.uiterlijk,
            reacties_uiterlijk=bod_2027.reacties_uiterlijk,
            versie=bod_2027.versie - 1,
        )
    assert bod_2027.cijfers.get(onderwerp="verkoop").waarde == 3


def test_bad_numbers_and_a_reaction_date_before_the_bod_are_refused_all_or_nothing(people, bod_2027):
    jaar = bod_2027.jaar
    with pytest.raises(ValidationError) as error:
        services.save_bod(
            people["woonborg"],
            bod_2027,
            cijfers={("verkoop", jaar): Decimal(1), ("sloop", jaar): Decimal("2.5")},
            teksten={},
            uiterlijk=bod_2027.uiterlijk,
            reacties_uiterlijk=bod_2027.uiterlijk - timedelta(days=1),
            versie=bod_2027.versie,
        )
    assert set(error.value.message_dict) == {f"c_sloop_{jaar}", "reacties_uiterlijk"}
    assert bod_2027.cijfers.get(onderwerp="verkoop").waarde == 3


def test_the_whole_round_submit_react_answer(people, bod_2027):
    with pytest.raises(ValidationError, match="concept"):
        services.react(people["ahwoon"], bod_2027, "Te vroeg")
    bod = services.submit_bod(people["woonborg"], bod_2027, bod_2027.versie)
    assert bod.status == Bod.Status.INGEDIEND
    assert [p.korte_naam for p in queries.expected_reactors(bod)] == ["Gemeente", "AH WOON"]
    with pytest.raises(ValidationError):
        services.save_bod(
            people["woonborg"],
            bod,
            cijfers={},
            teksten={},
            uiterlijk=bod.uiterlijk,
            reacties_uiterlijk=bod.reacties_uiterlijk,
            versie=bod.versie,
        )
    advies = services.react(people["ahwoon"], bod, "Meer nieuwbouw in Annen.", formeel_advies=True)
    assert advies.formeel_advies
    with pytest.raises(ValidationError, match="formeel advies"):
        services.react(people["gemeente"], bod, "Akkoord.", formeel_advies=True)
    services.react(people["gemeente"], bod, "Akkoord met de aantallen.")
    bod.refresh_from_db()
    assert bod.status == Bod.Status.GEREAGEERD
    services.answer(people["woonborg"], advies, "We onderzoeken Annen in 2028.", versie=advies.versie)
    with pytest.raises(ValidationError, match="staat vast"):
        services.react(people["ahwoon"], bod, "Toch anders.", versie=Bodreactie.objects.get(pk=advies.pk).versie)
    gemeente = Bodreactie.objects.get(bod=bod, partij__soort="gemeente")
    services.answer(people["woonborg"], gemeente, "Dank u.", versie=gemeente.versie)
    bod.refresh_from_db()
    assert bod.status == Bod.Status.BEANTWOORD
    assert Bodreactie.objects.get(pk=advies.pk).history.first().history_user == people["woonborg"]


def test_only_the_corporations_own_tenant_association_and_the_municipality_react(people, bod_2027):
    bod = services.submit_bod(people["woonborg"], bod_2027, bod_2027.versie)
    for name in ("deelmacht", "volmacht", "woonborg", "lezer", "buitenstaander", "beheerder"):
        with pytest.raises(PermissionDenied):
            services.react(people[name], bod, "Reactie")
    with pytest.raises(PermissionDenied):
        services.answer(people["volmacht"], services.react(people["ahwoon"], bod, "Reactie"), "Antwoord")


def test_another_corporation_does_not_write_woonborgs_bod(people, bod_2027):
    with pytest.raises(PermissionDenied):
        services.submit_bod(people["volmacht"], bod_2027, bod_2027.versie)


def test_open_tasks_per_party(people, bod_2027):
    assert [t.key for t in queries.open_bod_taken(people["woonborg"])] == [f"bod:{bod_2027.pk}"]
    assert queries.open_bod_taken(people["ahwoon"]) == []
    bod = services.submit_bod(people["woonborg"], bod_2027, bod_2027.versie)
    ahwoon = queries.open_bod_taken(people["ahwoon"])
    assert [(t.key, t.deadline) for t in ahwoon] == [(f"bodreactie:{bod.pk}", bod.reacties_uiterlijk)]
    assert ahwoon[0].url == f"/bod/{bod.pk}/"
    assert queries.open_bod_taken(people["deelmacht"]) == []
    assert queries.open_bod_taken(people["lezer"]) == []  # reads, does not react
    services.react(people["ahwoon"], bod, "Reactie")
    assert queries.open_bod_taken(people["ahwoon"]) == []
    assert [t.key for t in queries.open_bod_taken(people["woonborg"])] == [f"bodantwoord:{bod.pk}:1"]


def test_the_figures_see_only_submitted_bods(people, aa_en_hunze, bod_2027):
    assert queries.planned_from_bods(aa_en_hunze) == []
    services.submit_bod(people["woonborg"], bod_2027, bod_2027.versie)
    (gepland,) = queries.planned_from_bods(aa_en_hunze)
    assert gepland.bod.corporatie.naam == "Woonborg"
    rows = {o.key: values for o, values in gepland.rijen}
    assert rows["nieuwbouw_sociaal"][:2] == [12, 20]
    assert queries.bod_numbers(aa_en_hunze, {"nieuwbouw_sociaal", "nieuwbouw_middenhuur"}) == {
        bod_2027.jaar: 12,
        bod_2027.jaar + 1: 20,
    }


def test_the_daily_reminder_names_the_bod_due_within_a_week(people, aa_en_hunze, mailoutbox):
    from driehoek.cycle.tasks import send_reminders

    people["woonborg"].email = "wim@example.org"
    people["woonborg"].save()
    soon = date.today() + timedelta(days=5)
    bod = services.start_bod(people["woonborg"], aa_en_hunze, date.today().year + 1, uiterlijk=soon)
    assert send_reminders.call() >= 1
    (mail,) = [m for m in mailoutbox if m.to == ["wim@example.org"]]
    assert f"Bod {bod.jaar} voor Aa en Hunze indienen" in mail.body and f"/bod/{bod.pk}/" in mail.body
    assert send_reminders.call() == 0  # once a day
