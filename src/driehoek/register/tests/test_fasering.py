from decimal import Decimal

from driehoek.register import fasering

D = Decimal


def test_without_yearly_targets_the_phasing_is_the_straight_line():
    schijven = fasering.phasing(target=D(120), baseline_year=2025, deadline=2031, yearly={})
    assert [s.per_jaar for s in schijven] == [D(20)] * 6
    assert [s.opgeteld for s in schijven] == [D(20), D(40), D(60), D(80), D(100), D(120)]
    assert not any(s.afgesproken for s in schijven)


def test_an_agreed_year_leaves_the_rest_to_the_other_years_and_still_ends_at_the_target():
    schijven = fasering.phasing(target=D(120), baseline_year=2025, deadline=2031, yearly={2027: D(30)})
    assert [(s.jaar, s.per_jaar, s.afgesproken) for s in schijven][:3] == [
        (2026, D(18), False),
        (2027, D(30), True),
        (2028, D(18), False),
    ]
    assert schijven[-1].opgeteld == D(120)
    assert fasering.expected_by(schijven, 2027) == D(48)
    assert fasering.expected_by(schijven, 2025) is None


def test_agreed_years_above_the_target_stand_and_the_others_get_nothing_never_negative():
    schijven = fasering.phasing(target=D(50), baseline_year=2025, deadline=2028, yearly={2026: D(40), 2027: D(30)})
    assert [s.per_jaar for s in schijven] == [D(40), D(30), D(0)]
    assert schijven[-1].opgeteld == D(70)


def test_years_outside_the_period_are_ignored_and_shares_are_rounded_to_cents():
    schijven = fasering.phasing(target=D(100), baseline_year=2025, deadline=2028, yearly={2040: D(5)})
    assert [s.per_jaar for s in schijven] == [D("33.33")] * 3


def test_yearly_target_errors():
    ok = {
        "waarde": D(30),
        "waarde_max": None,
        "vergelijking": "ten_minste",
        "jaar": 2027,
        "jaar_van": 2026,
        "jaar_tot": 2031,
    }
    assert fasering.yearly_target_errors(**ok) == {}
    assert "waarde" in fasering.yearly_target_errors(**{**ok, "waarde": None})
    assert "waarde" in fasering.yearly_target_errors(**{**ok, "waarde": D(-1)})
    assert "waarde_max" in fasering.yearly_target_errors(**{**ok, "vergelijking": "tussen"})
    assert "waarde_max" in fasering.yearly_target_errors(**{**ok, "waarde_max": D(10)})
    assert "hoort daar niet bij" in fasering.yearly_target_errors(**{**ok, "jaar": 2032})["jaar"]


def test_met():
    assert fasering.met(D(30), waarde=D(30), waarde_max=None, vergelijking="ten_minste")
    assert not fasering.met(D(29), waarde=D(30), waarde_max=None, vergelijking="ten_minste")
    assert fasering.met(D(5), waarde=D(5), waarde_max=None, vergelijking="ten_hoogste")
    assert not fasering.met(D(6), waarde=D(5), waarde_max=None, vergelijking="ten_hoogste")
    assert fasering.met(D(130), waarde=D(120), waarde_max=D(140), vergelijking="tussen")
    assert not fasering.met(D(141), waarde=D(120), waarde_max=D(140), vergelijking="tussen")
