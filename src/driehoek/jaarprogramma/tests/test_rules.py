from datetime import date
from decimal import Decimal

from driehoek.jaarprogramma import diff, rules
from driehoek.monitoring import rules as monitoring_rules


def test_word_diff_marks_whole_words_and_keeps_the_rest_exactly():
    old = "Eén leefbaarheidsronde per jaar,\n\nin één dorp of wijk."
    new = "Twee leefbaarheidsrondes per jaar,\n\nin één dorp of wijk."
    segments = diff.word_diff(old, new)
    assert [(s.kind, s.text) for s in segments] == [
        ("del", "Eén leefbaarheidsronde"),
        ("ins", "Twee leefbaarheidsrondes"),
        ("same", " per jaar,\n\nin één dorp of wijk."),
    ]
    # Reading only what stays and what comes gives the new text; what stays and what goes, the old.
    assert "".join(s.text for s in segments if s.kind != "del") == new
    assert "".join(s.text for s in segments if s.kind != "ins") == old
    assert diff.changed(segments)
    assert not diff.changed(diff.word_diff(old, old))


def test_word_diff_of_an_addition_at_the_end_and_from_nothing():
    segments = diff.word_diff("Wij bouwen.", "Wij bouwen. Ook in Eext.")
    assert [(s.kind, s.text) for s in segments] == [("same", "Wij bouwen."), ("ins", " Ook in Eext.")]
    assert [(s.kind, s.text) for s in diff.word_diff("", "Nieuw.")] == [("ins", "Nieuw.")]


def test_red_and_orange_come_first_then_document_order():
    items = [("groen", 1), ("oranje", 5), ("", 2), ("rood", 9), ("oranje", 3)]
    assert sorted(items, key=lambda i: rules.draft_order(*i)) == [
        ("rood", 9),
        ("oranje", 3),
        ("oranje", 5),
        ("groen", 1),
        ("", 2),
    ]


def test_agreed_needs_every_other_party_on_akkoord_the_latest_verdict_counting():
    assert not rules.agreed({1, 2}, [(1, "akkoord")])
    assert not rules.agreed({1, 2}, [(1, "akkoord"), (2, "niet_akkoord")])
    assert rules.agreed({1, 2}, [(1, "akkoord"), (2, "niet_akkoord"), (2, "akkoord")])
    assert rules.agreed(set(), [])


def test_a_deadline_in_the_past_is_refused_today_is_fine():
    today = date(2026, 11, 30)
    assert "in het verleden" in rules.deadline_errors(date(2026, 11, 29), today)["reacties_uiterlijk"]
    assert rules.deadline_errors(today, today) == {}
    assert rules.deadline_errors(None, today)


def test_next_number():
    assert rules.next_number(["1", "19", "4.2", "20"]) == "21"
    assert rules.next_number([]) == "1"


def test_suggestion_from_a_yearly_target_alone():
    s = monitoring_rules.suggest_from_yearly_target(
        value=Decimal(40), waarde=Decimal(50), waarde_max=None, vergelijking="ten_minste", year=2027
    )
    assert (s.kleur, s.reden) == ("oranje", "a")
    s = monitoring_rules.suggest_from_yearly_target(
        value=Decimal(10), waarde=Decimal(50), waarde_max=None, vergelijking="ten_minste", year=2027
    )
    assert (s.kleur, s.reden) == ("rood", "b")
    s = monitoring_rules.suggest_from_yearly_target(
        value=Decimal(50), waarde=Decimal(50), waarde_max=None, vergelijking="ten_minste", year=2027
    )
    assert s.kleur == "groen" and "jaardoel voor 2027 is 50" in s.explanation


def test_the_line_follows_the_yearly_targets():
    common = {"target": Decimal(120), "comparator": "tussen", "deadline": 2031, "baseline_year": 2025, "year": 2027}
    values = {2026: Decimal(12), 2027: Decimal(30)}
    straight = monitoring_rules.suggest_light(**common, values=values)
    phased = monitoring_rules.suggest_light(**common, values=values, yearly={2027: Decimal(40)})
    assert (straight.expected, straight.kleur) == (Decimal(40), "groen")
    assert (phased.expected, phased.kleur) == (Decimal(56), "oranje")
