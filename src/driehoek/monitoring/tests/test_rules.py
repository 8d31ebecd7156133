from decimal import Decimal

import pytest

from driehoek.monitoring import rules
from driehoek.monitoring.models import Kleur, Status

D = Decimal

# The expected outcome of every (state, action) pair, written out by hand from chapter 8.
EXPECTED = {
    (Status.OPEN, rules.VOORZET_DOEN): Status.VOORZET,
    (Status.OPEN, rules.REAGEREN): None,
    (Status.OPEN, rules.VASTSTELLEN): None,
    (Status.OPEN, rules.HERZIEN): None,
    (Status.VOORZET, rules.VOORZET_DOEN): Status.VOORZET,
    (Status.VOORZET, rules.REAGEREN): "reaction",
    (Status.VOORZET, rules.VASTSTELLEN): None,
    (Status.VOORZET, rules.HERZIEN): None,
    (Status.IN_BESPREKING, rules.VOORZET_DOEN): Status.VOORZET,
    (Status.IN_BESPREKING, rules.REAGEREN): "reaction",
    (Status.IN_BESPREKING, rules.VASTSTELLEN): None,
    (Status.IN_BESPREKING, rules.HERZIEN): None,
    (Status.CONSENSUS, rules.VOORZET_DOEN): Status.VOORZET,
    (Status.CONSENSUS, rules.REAGEREN): "reaction",
    (Status.CONSENSUS, rules.VASTSTELLEN): Status.VASTGESTELD,
    (Status.CONSENSUS, rules.HERZIEN): None,
    (Status.VASTGESTELD, rules.VOORZET_DOEN): None,
    (Status.VASTGESTELD, rules.REAGEREN): None,
    (Status.VASTGESTELD, rules.VASTSTELLEN): None,
    (Status.VASTGESTELD, rules.HERZIEN): Status.VOORZET,
}


def test_expected_covers_every_pair():
    assert set(EXPECTED) == {(s, a) for s in Status.values for a in rules.ACTIONS}


@pytest.mark.parametrize(
    ("pair", "outcome"), list(EXPECTED.items()), ids=lambda x: "-".join(x) if isinstance(x, tuple) else str(x)
)
def test_transition(pair, outcome):
    status, action = pair
    if outcome is None:
        assert not rules.allowed(status, action)
        with pytest.raises(rules.TransitionNotAllowed):
            rules.next_status(status, action)
    elif outcome == "reaction":
        assert rules.next_status(status, action, consensus=False) == Status.IN_BESPREKING
        assert rules.next_status(status, action, consensus=True) == Status.CONSENSUS
    else:
        assert rules.next_status(status, action) == outcome


@pytest.mark.parametrize(
    ("kleur", "reden", "toelichting", "fields"),
    [
        ("groen", "", "", set()),
        ("afgerond", "", "", set()),
        ("groen", "a", "", {"reden"}),
        ("oranje", "a", "Oorzaak, gevolg, aanpak.", set()),
        ("oranje", "b", "Oorzaak, gevolg, aanpak.", set()),
        ("oranje", "c", "Oorzaak.", {"reden"}),
        ("oranje", "", "", {"reden", "toelichting"}),
        ("oranje", "a", "   ", {"toelichting"}),
        ("rood", "a", "x", set()),
        ("rood", "b", "x", set()),
        ("rood", "c", "x", set()),
        ("rood", "d", "x", {"reden"}),
        ("rood", "c", "", {"toelichting"}),
        ("paars", "", "", {"kleur"}),
    ],
)
def test_light_errors(kleur, reden, toelichting, fields):
    assert set(rules.light_errors(kleur, reden, toelichting)) == fields


def test_light_errors_say_what_to_write():
    errors = rules.light_errors("rood", "", "")
    assert "niet volgens planning gestart" in errors["reden"]
    assert "oorzaak" in errors["toelichting"] and "gevolg" in errors["toelichting"]


def test_describe_light():
    assert rules.describe_light("oranje", "a") == "oranje (a): vertraagde uitvoering"
    assert rules.describe_light("") == "nog niet beoordeeld"


def test_consensus_needs_every_other_party_to_agree_with_the_latest_verdict():
    responders = {1, 2, 3}
    assert not rules.has_consensus(responders, [(1, "akkoord"), (2, "akkoord")])
    assert rules.has_consensus(responders, [(1, "akkoord"), (2, "akkoord"), (3, "akkoord")])
    assert not rules.has_consensus(responders, [(1, "akkoord"), (2, "niet_akkoord"), (3, "akkoord")])
    assert rules.has_consensus(responders, [(1, "akkoord"), (2, "niet_akkoord"), (3, "akkoord"), (2, "akkoord")])
    assert rules.has_consensus(responders, [(1, "akkoord"), (2, "akkoord"), (3, "akkoord"), (3, "opmerking")])
    assert not rules.has_consensus(responders, [(1, "opmerking"), (2, "akkoord"), (3, "akkoord")])
    assert rules.has_consensus(set(), [])


TARGET = D(120)


def _suggest(values, year, target=TARGET, deadline=2031, comparator="tussen"):
    return rules.suggest_light(
        target=target, comparator=comparator, deadline=deadline, baseline_year=2025, year=year, values=values
    )


def test_suggestion_on_the_line_from_2025_to_120_homes_in_2031():
    # Expected by end 2026: 120 x 1/6 = 20; by end 2028: 120 x 3/6 = 60.
    s = _suggest({2026: D(20)}, 2026)
    assert (s.kleur, s.reden, s.expected, s.realised) == (Kleur.GROEN, "", D(20), D(20))
    s = _suggest({2026: D(12)}, 2026)  # 60% of 20
    assert (s.kleur, s.reden) == (Kleur.ORANJE, "a")
    s = _suggest({2026: D(9)}, 2026)  # 45% of 20
    assert (s.kleur, s.reden) == (Kleur.ROOD, "a")
    s = _suggest({2026: D(15), 2027: D(15), 2028: D(30)}, 2028)  # 60 of 60, cumulative
    assert (s.kleur, s.expected, s.realised) == (Kleur.GROEN, D(60), D(60))
    s = _suggest({2026: D(40), 2031: D(60)}, 2031)  # 100 < 120 at the deadline: 83%
    assert (s.kleur, s.reden) == (Kleur.ORANJE, "a")
    s = _suggest({2026: D(20), 2031: D(30)}, 2031)  # 50 < 60: not achieved at the deadline
    assert (s.kleur, s.reden) == (Kleur.ROOD, "b")
    s = _suggest({2026: D(70), 2030: D(55)}, 2031)
    assert s.kleur == Kleur.AFGEROND
    assert "volgens de lijn naar 120 in 2031 verwacht: 120" in s.explanation


def test_no_suggestion_where_the_line_means_nothing():
    assert _suggest({2026: D(1)}, 2026, comparator="ten_hoogste") is None
    assert _suggest({2026: D(1)}, 2025) is None
    assert _suggest({2026: D(1)}, 2026, target=D(0)) is None
