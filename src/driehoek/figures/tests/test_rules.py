from decimal import Decimal as D

import pytest

from driehoek.figures import rules

LIMITS_2025 = {
    "kwaliteitskortingsgrens": D("477.20"),
    "eerste_aftoppingsgrens": D("682.96"),
    "tweede_aftoppingsgrens": D("731.93"),
    "daeb_huurgrens": D("900.07"),
}


@pytest.mark.parametrize(
    ("rent", "band"),
    [
        (D("477.20"), "kwaliteitskortingsgrens"),
        (D("477.21"), "eerste_aftoppingsgrens"),
        (D("682.96"), "eerste_aftoppingsgrens"),
        (D("682.97"), "tweede_aftoppingsgrens"),
        (D("731.93"), "tweede_aftoppingsgrens"),
        (D("731.94"), "daeb_huurgrens"),
        (D("900.07"), "daeb_huurgrens"),
        (D("900.08"), "boven"),
    ],
)
def test_a_rent_exactly_at_a_limit_is_in_the_lower_band_one_cent_above_is_not(rent, band):
    bands = rules.rent_bands([rent], LIMITS_2025)
    assert [b.key for b in bands if b.count] == [band]


def test_distribution_and_the_85_percent_share():
    rents = [D(400)] * 2 + [D(650)] * 10 + [D(700)] * 5 + [D(800)] * 2 + [D(950)]
    bands = rules.rent_bands(rents, LIMITS_2025)
    assert [b.count for b in bands] == [2, 10, 5, 2, 1]
    assert [b.share for b in bands] == [D("10.0"), D("50.0"), D("25.0"), D("10.0"), D("5.0")]
    assert rules.share_up_to_second(bands) == D("85.0")
    assert [b.grens for b in bands] == [D("477.20"), D("682.96"), D("731.93"), D("900.07"), None]


def test_unknown_limits_give_no_distribution():
    assert rules.rent_bands([D(500)], {**LIMITS_2025, "tweede_aftoppingsgrens": None}) is None


def test_labels_efg_among_homes_that_stay():
    homes = [
        ("E", "doorexploiteren"),
        ("f", "doorexploiteren"),
        ("G", "sloop"),
        ("B", "doorexploiteren"),
        ("E", "verkoop"),
    ]
    assert rules.efg_remaining(homes) == 2


def test_trajectory_and_cumulative():
    assert rules.trajectory(D(120), 2025, 2031, [2025, 2026, 2028, 2031, 2033]) == {
        2025: D("0.0"),
        2026: D("20.0"),
        2028: D("60.0"),
        2031: D("120.0"),
        2033: D("120.0"),
    }
    assert rules.cumulative({2026: 10, 2028: 5}, [2026, 2027, 2028]) == {2026: 10, 2027: 10, 2028: 15}


def test_the_plan_table_of_the_kaderafspraken_does_not_add_up():
    rows = [
        {"bruto": 56, "sloop": 3, "netto": 53},
        {"bruto": 62, "sloop": None, "netto": None},
        {"bruto": 103, "sloop": None, "netto": None},
    ]
    assert rules.plan_rows_netto(rows) == [53, 62, 103]
    check = rules.stated_total_check("Woningbouwplannen netto", 161, rules.plan_rows_netto(rows))
    assert not check.ok and "161" in check.message and "218" in check.message
    assert rules.stated_total_check("bruto", 221, [56, 62, 103]).ok


def test_document_figures_against_the_reference():
    assert not rules.reference_check("Inkomensgrens", 46669, D("49669")).ok
    assert rules.reference_check("Inkomensgrens", 54847, D("54847")).ok
    assert rules.reference_check("Tweede aftoppingsgrens 2021", 678, D("678.66")).ok  # the seeds cut to whole euros
    assert rules.reference_check("Eerste aftoppingsgrens 2025", D("682.96"), D("682.96")).ok
    assert not rules.reference_check("Eerste aftoppingsgrens", D("680"), D("682.96")).ok
    assert rules.reference_check("Onbekend", 1, None).ok


def test_stock_change_against_mutations_and_shares():
    assert rules.stock_change_check(1544, 1550, delivered=10, sold=4, demolished=0, bought=0).ok
    check = rules.stock_change_check(1544, 1560, delivered=10, sold=4, demolished=0, bought=0)
    assert not check.ok and "1550" in check.message
    assert not rules.shares_check("urgent", 30, 20).ok and rules.shares_check("urgent", 20, 20).ok
