"""A dispute's outcome takes effect (issue 14 item 8): the assessment takes the decided light and a
decision names the dispute; the vote rule is set per set; a tie goes back to the moderator."""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from driehoek.cycle import outcome, rules, services
from driehoek.cycle.models import Besluit, Geschil, Stemregel
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Status

pytestmark = pytest.mark.django_db

VOTES = [  # the three corporations against the two tenant associations and the municipality
    ("woonborg", 0),
    ("volmacht", 0),
    ("woonzorg", 0),
    ("ahwoon", 1),
    ("deelmacht", 1),
    ("gemeente", 1),
]


def test_light_from_text_and_votes_per_kind():
    assert rules.light_from_text("Oranje (a): vertraagd") == ("oranje", "a")
    assert rules.light_from_text("rood b") == ("rood", "b")
    assert rules.light_from_text("Groen") == ("groen", "")
    assert rules.light_from_text("Roodachtig") is None
    assert rules.light_from_text("Ja") is None
    votes = [(1, "corporatie"), (1, "corporatie"), (1, "corporatie"), (2, "huurdersorganisatie")]
    votes += [(2, "huurdersorganisatie"), (2, "gemeente")]
    assert rules.count_votes([1, 2], [o for o, _k in votes]).tie  # one vote per party: 3-3
    by_kind = rules.count_votes_by_kind([1, 2], votes)
    assert by_kind.counts == {1: 1, 2: 2} and by_kind.winners == [2]
    split = rules.count_votes_by_kind([1, 2], [(1, "corporatie"), (2, "corporatie"), (1, "gemeente")])
    assert split.counts == {1: 1, 2: 0}  # a kind that is split casts no vote


@pytest.fixture
def in_dispute(kader, people, year_2026):
    """Agreement 1 of 2026: Woonborg proposes green, AH WOON disagrees, AH WOON reports a dispute."""
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b, kleur="groen", toelichting="Op koers.")
    monitoring.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="Er is niets opgeleverd.")
    b.refresh_from_db()
    geschil = services.report_dispute(
        people["ahwoon"], kader, onderwerp="Afspraak 1, 2026", omschrijving="Groen of oranje?", beoordeling=b
    )
    deadline = timezone.localdate() + timedelta(days=5)
    services.appoint_moderator(people["secretaris"], geschil, moderator="Mr. J. de Vries", deadline=deadline)
    geschil.refresh_from_db()
    return geschil


def _vote(people, geschil, votes=VOTES):
    after = geschil.deadline + timedelta(days=1)
    stemming = services.open_vote(
        people["secretaris"], geschil, ["Groen", "Oranje (a): de oplevering loopt een jaar uit"], today=after
    )
    options = list(stemming.opties.all())
    for who, index in votes:
        services.cast_vote(people[who], stemming, options[index])
    return stemming


def test_a_decided_vote_sets_the_light_and_writes_a_decision_naming_the_dispute(kader, people, in_dispute):
    ao = services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO najaar")
    stemming = _vote(people, in_dispute, VOTES[:5])  # 3 corporations green, 2 tenant associations orange
    assert [(o.kleur, o.reden) for o in stemming.opties.all()] == [("groen", ""), ("oranje", "a")]
    services.close_vote(people["secretaris"], stemming)
    b = Beoordeling.objects.get(pk=in_dispute.beoordeling_id)
    assert (b.kleur, b.reden, b.status) == ("groen", "", Status.CONSENSUS)
    assert "Besloten bij stemming: Groen" in b.toelichting
    besluit = Besluit.objects.get(geschil=in_dispute)
    assert (besluit.soort, besluit.overleg, besluit.jaar) == (Besluit.Soort.GESCHIL, ao, 2026)
    assert "Afspraak 1, 2026" in besluit.tekst and list(besluit.afspraken.all()) == [b.afspraak]
    assert b.history.first().history_user == people["secretaris"]


def test_one_vote_per_party_kind_when_the_set_says_so(kader, people, in_dispute):
    services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    outcome.set_vote_rule(people["secretaris"], kader, Stemregel.SOORT)
    stemming = _vote(people, in_dispute)
    assert stemming.stemregel == Stemregel.SOORT
    services.close_vote(people["secretaris"], stemming)
    in_dispute.refresh_from_db()
    assert in_dispute.status == Geschil.Status.BESLOTEN and "Oranje (a)" in in_dispute.uitkomst
    b = Beoordeling.objects.get(pk=in_dispute.beoordeling_id)
    assert (b.kleur, b.reden) == ("oranje", "a")


def test_a_tie_goes_back_to_the_moderator_and_changes_nothing(kader, people, in_dispute):
    services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    stemming = _vote(people, in_dispute)  # 3-3 with one vote per party
    assert services.close_vote(people["secretaris"], stemming).tie
    in_dispute.refresh_from_db()
    assert in_dispute.status == Geschil.Status.GELIJKSPEL
    assert Beoordeling.objects.get(pk=in_dispute.beoordeling_id).kleur == "groen"  # the voorzet, untouched
    assert not Besluit.objects.filter(geschil=in_dispute).exists()


def test_consensus_by_the_moderator_takes_effect(kader, people, in_dispute):
    services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    with pytest.raises(ValidationError) as error:
        services.record_consensus(people["secretaris"], in_dispute, "Oranje.", kleur="oranje")
    assert "reden" in error.value.message_dict
    services.record_consensus(
        people["secretaris"], in_dispute, "Vertraagd door de stikstof.", kleur="oranje", reden="a"
    )
    b = Beoordeling.objects.get(pk=in_dispute.beoordeling_id)
    assert (b.kleur, b.reden, b.toelichting, b.status) == ("oranje", "a", "Vertraagd door de stikstof.", "consensus")
    assert Besluit.objects.get(geschil=in_dispute).soort == Besluit.Soort.GESCHIL


def test_without_a_meeting_nothing_is_half_written(people, in_dispute):
    with pytest.raises(ValidationError, match="Plan eerst het overleg"):
        services.record_consensus(people["secretaris"], in_dispute, "Oranje.", kleur="oranje", reden="a")
    in_dispute.refresh_from_db()
    assert in_dispute.status == Geschil.Status.MODERATIE and in_dispute.uitkomst == ""


def test_one_dispute_at_a_time_and_the_pages_show_it(client, kader, people, in_dispute):
    b = in_dispute.beoordeling
    with pytest.raises(ValidationError, match="loopt al een geschil"):
        services.report_dispute(people["deelmacht"], kader, onderwerp="Nog een", omschrijving="x", beoordeling=b)
    client.force_login(people["deelmacht"])
    page = client.get(reverse("monitoring:beoordeling", args=[kader.slug, 2026, "1"])).content.decode()
    assert "Geen consensus melden" not in page and "Afspraak 1, 2026" in page
    services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    services.record_consensus(people["secretaris"], in_dispute, "Vertraagd.", kleur="oranje", reden="a")
    page = client.get(reverse("register:afspraak", args=[kader.slug, "1"])).content.decode()
    assert "Afspraak 1, 2026" in page and "Vertraagd." in page


def test_every_ballot_shows_the_rule(client, kader, people, in_dispute):
    stemming = _vote(people, in_dispute, [])
    client.force_login(people["ahwoon"])
    page = client.get(reverse("cycle:geschil", args=[kader.slug, in_dispute.pk])).content.decode()
    assert "één stem per partij" in page
    assert stemming.stemregel == Stemregel.PARTIJ
