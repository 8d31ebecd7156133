from datetime import date

import pytest

from django.core.exceptions import ValidationError

from driehoek.ondertekening import rules
from driehoek.register.models import Afsprakenset

S = Afsprakenset.Status


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.CONCEPT, S.IN_ONDERHANDELING),
        (S.CONCEPT, S.AKKOORD),
        (S.IN_ONDERHANDELING, S.AKKOORD),
        (S.AKKOORD, S.ONDERTEKEND),
        (S.AKKOORD, S.IN_ONDERHANDELING),
        (S.ONDERTEKEND, S.AKKOORD),
        (S.ONDERTEKEND, S.INGEDIEND),
        (S.INGEDIEND, S.VERVALLEN),
    ],
)
def test_allowed_steps(van, naar):
    rules.check_transition(van, naar)


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.CONCEPT, S.ONDERTEKEND),
        (S.IN_ONDERHANDELING, S.ONDERTEKEND),
        (S.AKKOORD, S.INGEDIEND),
        (S.INGEDIEND, S.AKKOORD),
        (S.INGEDIEND, S.ONDERTEKEND),
        (S.ONDERTEKEND, S.VERVALLEN),
        (S.VERVALLEN, S.CONCEPT),
    ],
)
def test_refused_steps_say_both_statuses(van, naar):
    with pytest.raises(ValidationError) as e:
        rules.check_transition(van, naar)
    assert str(S(van).label) in e.value.messages[0] and str(S(naar).label) in e.value.messages[0]


def test_every_status_has_its_steps():
    assert set(rules.TRANSITIONS) == set(S.values)


def test_bodies_depend_on_the_kind_of_party():
    assert rules.organen("gemeente") == ("college",)
    assert set(rules.organen("corporatie")) == {"raad_van_commissarissen", "bestuur"}
    assert set(rules.organen("huurdersorganisatie")) == {"bestuur", "ledenvergadering"}
    assert rules.organen("zorg_welzijn") == ("bestuur",)
    rules.check_orgaan("corporatie", "raad_van_commissarissen")
    with pytest.raises(ValidationError):
        rules.check_orgaan("huurdersorganisatie", "college")
    with pytest.raises(ValidationError):
        rules.check_orgaan("gemeente", "ledenvergadering")


def test_default_deadline_is_15_december_before_the_first_year_or_the_next_one():
    assert rules.default_deadline(2027, date(2026, 11, 30)) == date(2026, 12, 15)
    assert rules.default_deadline(2026, date(2026, 11, 30)) == date(2026, 12, 15)  # 2025 is past
    assert rules.default_deadline(2027, date(2026, 12, 16)) == date(2027, 12, 15)
    assert rules.default_deadline(2030, date(2026, 1, 5)) == date(2029, 12, 15)


def test_a_deadline_in_the_past_is_refused():
    rules.check_deadline(date(2026, 11, 30), date(2026, 11, 30))
    with pytest.raises(ValidationError) as e:
        rules.check_deadline(date(2026, 11, 29), date(2026, 11, 30))
    assert "verleden" in str(e.value)


def test_signed_needs_every_party_approved_and_signed():
    assert rules.is_signed([1, 2], [1, 2], [2, 1])
    assert not rules.is_signed([1, 2], [1, 2], [1])
    assert not rules.is_signed([1, 2], [1], [1, 2])
    assert not rules.is_signed([], [], [])
    assert rules.missing([1, 2, 3], [2]) == {1, 3}


def test_a_package_is_current_only_after_the_last_change():
    assert rules.package_is_current(5, 4) and rules.package_is_current(5, None) and rules.package_is_current(5, 5)
    assert not rules.package_is_current(3, 4)
    assert not rules.package_is_current(None, None)


def test_is_ondertekend_for_signed_and_submitted_sets():
    assert [s for s in S.values if Afsprakenset(status=s).is_ondertekend] == ["ondertekend", "ingediend"]
