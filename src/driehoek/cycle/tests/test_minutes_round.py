"""The minutes round (issue 16 item 7): an accepted correction lands in the minutes text, minutes
made final before the check period ends warn and say so in their history, and a decision names
its agreements by number and title."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from driehoek.cycle import services as cycle
from driehoek.cycle.models import Besluit
from driehoek.register.models import Afspraak

pytestmark = pytest.mark.django_db


def _in_check(people, meeting, uiterlijk):
    verslag = cycle.write_minutes(people["gemeente"], meeting, "1. Opening")
    return cycle.send_for_check(people["gemeente"], verslag, uiterlijk=uiterlijk)


def test_an_accepted_correction_is_merged_into_the_minutes(people, meeting):
    verslag = _in_check(people, meeting, timezone.localdate() + timedelta(days=14))
    accepted = cycle.propose_correction(people["ahwoon"], verslag, "AH WOON was aanwezig met twee bestuursleden.")
    rejected = cycle.propose_correction(people["volmacht"], verslag, "Agendapunt 3 ontbreekt.")
    cycle.decide_correction(people["secretaris"], accepted, accept=True)
    cycle.decide_correction(people["secretaris"], rejected, accept=False, reden="Stond er niet op.")
    verslag.refresh_from_db()
    assert verslag.tekst.startswith("1. Opening")
    assert "AH WOON was aanwezig met twee bestuursleden." in verslag.tekst
    assert "Agendapunt 3 ontbreekt." not in verslag.tekst
    assert verslag.versie == 3  # draft, sent, correction worked in: a form drawn before it is stale


def test_minutes_made_final_early_warn_and_record_it(client, kader, people, meeting):
    verslag = _in_check(people, meeting, timezone.localdate() + timedelta(days=3))
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg", args=[kader.slug, meeting.pk])
    page = client.get(url).content.decode()
    assert "controletermijn loopt nog" in page
    response = client.post(url, {"form": "definitief", "versie": verslag.versie}, follow=True)
    assert "voor het einde van de controletermijn" in response.content.decode()
    verslag.refresh_from_db()
    assert verslag.status == "definitief"
    assert "voor het einde van de controletermijn" in verslag.history.first().history_change_reason


def test_minutes_made_final_after_the_period_are_not_early(people, meeting):
    verslag = _in_check(people, meeting, timezone.localdate() - timedelta(days=1))
    verslag = cycle.finalize_minutes(people["secretaris"], verslag)
    assert verslag.history.first().history_change_reason == "definitief"


def test_a_decision_names_its_agreements_by_number_and_title(client, kader, people, meeting):
    afspraak = Afspraak.objects.get(afsprakenset=kader, nummer="1")
    cycle.record_decision(
        people["secretaris"], meeting, soort=Besluit.Soort.OVERIG, tekst="Besproken.", afspraken=[afspraak]
    )
    client.force_login(people["ahwoon"])
    page = client.get(reverse("cycle:overleg", args=[kader.slug, meeting.pk])).content.decode()
    assert f"{afspraak.nummer}. {afspraak.titel}" in page
