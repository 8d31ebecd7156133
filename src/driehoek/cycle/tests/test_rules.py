from datetime import date

import pytest

from driehoek.cycle import rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Januari/ begin februari 2022", date(2022, 2, 15)),
        ("Maart/ april 2022", date(2022, 4, 30)),
        ("Juni 2022", date(2022, 6, 30)),
        ("Uiterlijk 1 juli 2022", date(2022, 7, 1)),
        ("Eind augustus 2022 (in te plannen op moment na 1 juli 2022)", date(2022, 8, 31)),
        ("Begin september 2022", date(2022, 9, 15)),
        ("Eind september 2022", date(2022, 9, 30)),
        ("Medio/eind november 2022", date(2022, 11, 30)),
        ("Maandagmiddag in december, maar (ruim) vóór 15 december 2022", date(2022, 12, 14)),
        ("Uiterlijk 15 december 2022", date(2022, 12, 15)),
        ("ergens", None),
    ],
)
def test_deadline_from_the_agenda_as_printed(text, expected):
    assert rules.deadline_from_text(text) == expected


def test_kind_from_the_agenda_as_printed():
    assert rules.kind_from_text("Tripartiet bestuurlijk overleg prestatieafspraken") == ("overleg", "tripartiet")
    assert rules.kind_from_text("1e ambtelijk overleg prestatieafspraken 2023") == ("overleg", "ao")
    assert rules.kind_from_text("Ambtelijke bijeenkomst over:\n• Vaststellen jaarplanning") == ("overleg", "ao")
    assert rules.kind_from_text("Aanleveren activiteitenoverzicht door corporaties") == ("deadline", "")


def test_a_meeting_that_only_refers_to_a_tripartite_one_keeps_its_own_kind():
    """Defect (domain review): "Ambtelijk reserveoverleg … n.a.v. tripartiet bestuurlijk overleg"
    became tripartiet, and record_decision then let that meeting adopt and amend agreements."""
    line = (
        "Ambtelijk reserveoverleg over evt. laatste wijzigingen prestatieafspraken 2023, "
        "n.a.v. tripartiet bestuurlijk overleg."
    )
    assert rules.kind_from_text(line) == ("overleg", "ao")
    assert rules.kind_from_text("Bestuurlijk overleg n.a.v. het ambtelijk overleg") == ("overleg", "bo")


def test_votes_most_wins_and_a_tie_is_a_tie():
    outcome = rules.count_votes([1, 2, 3], [1, 2, 1, 1, 3, 2])
    assert outcome.winners == [1] and not outcome.tie and outcome.counts == {1: 3, 2: 2, 3: 1}
    outcome = rules.count_votes([1, 2], [1, 2, 1, 2])
    assert outcome.tie and outcome.winners == [1, 2]
    assert rules.count_votes([1, 2], []).tie


def test_minutes_move_only_forward():
    assert rules.minutes_next("concept", "ter_controle") == "ter_controle"
    assert rules.minutes_next("ter_controle", "definitief") == "definitief"
    for status, action in [("concept", "definitief"), ("definitief", "ter_controle"), ("ter_controle", "ter_controle")]:
        with pytest.raises(ValueError):
            rules.minutes_next(status, action)
