from datetime import date
from decimal import Decimal

from driehoek.bod import rules


def test_the_overview_covers_the_year_and_the_four_after_it():
    assert rules.years(2027) == [2027, 2028, 2029, 2030, 2031]


def test_the_woningwet_deadline_is_1_july_of_the_year_before():
    assert rules.default_deadline(2027) == date(2026, 7, 1)


def test_a_deadline_in_the_past_is_refused_in_words():
    today = date(2026, 11, 30)
    assert rules.deadline_error(date(2026, 11, 30), today) is None
    assert rules.deadline_error(None, today) is None
    assert "01-07-2026" in rules.deadline_error(date(2026, 7, 1), today)
    assert "verleden" in rules.deadline_error(date(2026, 7, 1), today)


def test_numbers_are_whole_homes_within_bounds_and_rent_in_percent():
    build = rules.BY_KEY["nieuwbouw_sociaal"]
    assert rules.value_error(build, Decimal(12)) is None
    assert rules.value_error(build, Decimal("12.5")) is not None
    assert rules.value_error(build, Decimal(-1)) is not None
    assert rules.value_error(build, Decimal(100_001)) is not None
    rent = rules.BY_KEY["huurverhoging"]
    assert rules.value_error(rent, Decimal("4.5")) is None
    assert rules.value_error(rent, Decimal(-2)) is None
    assert rules.value_error(rent, Decimal(101)) is not None


def test_status_waits_for_every_expected_reaction_then_for_every_answer():
    expected = {1, 2}
    assert rules.status(ingediend=False, expected=expected, reacted=set(), answered=set()) == rules.CONCEPT
    assert rules.status(ingediend=True, expected=expected, reacted={1}, answered={1}) == rules.INGEDIEND
    assert rules.status(ingediend=True, expected=expected, reacted={1, 2}, answered={1}) == rules.GEREAGEERD
    assert rules.status(ingediend=True, expected=expected, reacted={1, 2}, answered={1, 2}) == rules.BEANTWOORD
    # Nobody expected (no tenant association linked): submitted means every reaction is in.
    assert rules.status(ingediend=True, expected=set(), reacted=set(), answered=set()) == rules.BEANTWOORD
