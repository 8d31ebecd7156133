from driehoek.register.fidelity import INTERRUPTED, WHOLE, locate, missing_fragments, normalised_source

SOURCE = """De Volmacht hanteert voor minimaal 85% van haar bezit een huur-
prijs tot de tweede aftoppingsgrens (€ 678) 1.

Bron Stichting Woonborg

Wij werken met zorg- en
welzijnspartijen samen aan een

Type plan Aantal
Hard 56

nieuwe aanpak voor iedereen in de gemeente.
"""


def test_repaired_extraction_damage_is_faithful():
    haystacks = normalised_source(SOURCE)
    text = "De Volmacht hanteert voor minimaal 85% van haar bezit een huurprijs tot de tweede aftoppingsgrens (€ 678)."
    assert missing_fragments(text, haystacks) == []
    assert locate("Wij werken met zorg- en welzijnspartijen samen", haystacks) == WHOLE


def test_sentence_interrupted_by_a_table_is_found_as_interrupted():
    haystacks = normalised_source(SOURCE)
    fragment = "Wij werken met zorg- en welzijnspartijen samen aan een nieuwe aanpak voor iedereen in de gemeente."
    assert locate(fragment, haystacks) == INTERRUPTED


def test_a_changed_word_is_caught():
    haystacks = normalised_source(SOURCE)
    text = "De Volmacht hanteert voor maximaal 85% van haar bezit een huurprijs tot de tweede aftoppingsgrens (€ 678)."
    assert missing_fragments(text, haystacks) == [text]
