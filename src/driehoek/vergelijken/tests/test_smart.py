"""The SMART rules on real sentences of the two Aa en Hunze documents."""

import pytest

from driehoek.register.models import Afspraak
from driehoek.vergelijken import smart

KADER = "aa-en-hunze-kaderafspraken-2026-2031"
PA2022 = "aa-en-hunze-prestatieafspraken-2022"


def _afspraak(slug, nummer):
    return Afspraak.objects.prefetch_related("verantwoordelijkheden", "indicatoren", "doelstellingen").get(
        afsprakenset__slug=slug, nummer=nummer
    )


@pytest.mark.django_db
def test_agreement_1_of_the_kaderafspraken_is_concrete():
    score = smart.score_afspraak(_afspraak(KADER, "1"))
    assert score.oordeel == "concreet" and score.punten >= 4
    assert score.ja["meetbaar"] and score.ja["tijd"] and score.ja["verantwoordelijk"] and score.ja["indicator"]


@pytest.mark.django_db
def test_going_into_conversation_scores_low():
    # 2022 #19: "Gemeente, corporaties en de GKB gaan met elkaar in gesprek om het proces ... te verkorten"
    afspraak = _afspraak(PA2022, "19")
    assert "in gesprek" in afspraak.tekst
    score = smart.score_afspraak(afspraak)
    assert score.oordeel == "vaag" and score.punten <= 1
    assert "in gesprek" in score.vaag
    assert {v.code for v in score.ontbrekend} >= {"meetbaar", "tijd", "indicator", "nulmeting"}


def test_a_draft_is_scored_on_its_words_alone():
    weak = smart.score_text("We gaan in gesprek over de doorstroming van senioren.")
    strong = smart.score_text(
        "De corporaties wijzen in 2027 ten minste 25% van de vrijkomende eengezinswoningen toe aan "
        "senioren die een sociale huurwoning achterlaten; in 2026 was dat 12%, de nulmeting."
    )
    assert weak.punten == 0 and weak.oordeel == "vaag"
    assert strong.ja == {
        "meetbaar": True,
        "tijd": True,
        "verantwoordelijk": True,
        "indicator": False,
        "nulmeting": True,
    }
    assert strong.oordeel == "concreet"


@pytest.mark.parametrize(
    "text, measure",
    [
        ("De Volmacht hanteert voor minimaal 85% van haar bezit een huurprijs tot de tweede aftoppingsgrens.", True),
        ("In de 'Wijk van de toekomst' zijn sloopplannen voor ca. 65 woningen.", True),
        ("In 2026 maken we een gezamenlijke inventarisatie van potentieel transformeerbaar vastgoed.", True),
        ("We hebben aandacht voor de stijgende energieprijzen in 2022.", False),  # a year is no measure
        ("Partijen zijn transparant en open en informeren elkaar.", False),
    ],
)
def test_what_counts_as_a_number_or_measurable_result(text, measure):
    assert smart.has_measure(text) is measure


@pytest.mark.parametrize(
    "text, deadline",
    [
        ("Uiterlijk in 2027 is er een inventarisatie gemaakt.", True),
        ("De gemeente informeert de corporaties ieder kwartaal; jaarlijks evalueren we.", True),
        ("Corporaties behouden positie in de kleine kernen.", False),
    ],
)
def test_what_counts_as_a_deadline(text, deadline):
    assert smart.has_deadline(text) is deadline
