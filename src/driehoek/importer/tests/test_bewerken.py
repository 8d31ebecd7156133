"""The reviewer's corrections as plain functions on a draft."""

import copy

import pytest

from driehoek.importer import bewerken, proposal

from .helpers import text


@pytest.fixture(scope="module")
def draft():
    return proposal.propose("zilverveen.txt", text("zilverveen")).set


@pytest.fixture
def s(draft):
    return copy.deepcopy(draft)


def numbers(s, theme=None):
    return [a["number"] for t in s["themes"] if theme in (None, t["number"]) for a in t["agreements"]]


def test_merge_joins_text_parties_and_targets(s):
    bewerken.merge(s, "2.1")
    merged = s["themes"][1]["agreements"][0]
    assert numbers(s, "2") == ["2.1", "2.3"]
    assert "Doorstroming" in merged["text"] and "150-180" in merged["text"]
    assert "Huurdersraad Zilverveen" in merged["responsible"]
    with pytest.raises(bewerken.BewerkingFout, match="laatste"):
        bewerken.merge(s, "2.3")


def test_split_makes_a_new_agreement_with_the_rest(s):
    bewerken.split(s, "2.1", "De gemeente levert", "2.1a")
    assert numbers(s, "2") == ["2.1", "2.1a", "2.2", "2.3"]
    second = s["themes"][1]["agreements"][1]
    assert second["text"].startswith("De gemeente levert")
    assert s["themes"][1]["agreements"][0]["targets"][0]["value"] == 150
    with pytest.raises(bewerken.BewerkingFout):
        bewerken.split(s, "2.1", "staat er niet", "9")


def test_renumber_refuses_numbers_of_another_theme(s):
    with pytest.raises(bewerken.BewerkingFout, match="bestaan al"):
        bewerken.renumber(s, "2", start=1, prefix="1")
    bewerken.renumber(s, "2", start=4)
    assert numbers(s, "2") == ["4", "5", "6"]


def test_moving_an_agreement_to_another_theme(s):
    bewerken.edit_agreement(s, "3.2", {"theme": "1", "number": "1.4"})
    assert numbers(s, "1") == ["1.1", "1.2", "1.3", "1.4"] and numbers(s, "3") == ["3.1"]


def test_renaming_a_party_follows_everywhere(s):
    bewerken.edit_party(s, "Stichting Woonbelang", "Woonbelang", "Woonbelang", "corporatie")
    assert "Woonbelang" in s["themes"][0]["agreements"][0]["responsible"]
    bewerken.remove_party(s, "Huurdersraad Zilverveen")
    assert all("Huurdersraad Zilverveen" not in a["responsible"] for t in s["themes"] for a in t["agreements"])
    with pytest.raises(bewerken.BewerkingFout):
        bewerken.edit_agreement(s, "1.1", {"responsible": ["Niemand"]})


def test_edit_theme(s):
    bewerken.edit_theme(s, "3", "3", "Duurzaamheid en kwaliteit")
    assert s["themes"][2]["title"] == "Duurzaamheid en kwaliteit"
    with pytest.raises(bewerken.BewerkingFout):
        bewerken.edit_theme(s, "3", "1", "Dubbel")


def test_edit_set_checks_the_period_against_the_indicators(s):
    bewerken.edit_set(s, "Prestatieafspraken 2027-2031", "prestatieafspraken", 2027, 2031, "Zilverveen")
    assert (s["title"], s["last_year"]) == ("Prestatieafspraken 2027-2031", 2031)
    with pytest.raises(bewerken.BewerkingFout, match="voor het eerste"):
        bewerken.edit_set(s, "X", "kaderafspraken", 2031, 2027, "")
    s["themes"][0]["agreements"][0]["indicators"] = [{"years": "2030-2031", "actiehouders": []}]
    with pytest.raises(bewerken.BewerkingFout, match="buiten die looptijd"):
        bewerken.edit_set(s, "X", "kaderafspraken", 2027, 2029, "")


def test_remove_a_target_that_is_a_fact(s):
    targets_of_2_1 = s["themes"][1]["agreements"][0]["targets"]
    assert [t["value"] for t in targets_of_2_1] == [150, 4]  # 150-180 woningen, ten minste 4 bouwlocaties
    bewerken.remove_target(s, "2.1", 0)
    assert [t["value"] for t in s["themes"][1]["agreements"][0]["targets"]] == [4]
    with pytest.raises(bewerken.BewerkingFout):
        bewerken.remove_target(s, "2.1", 1)


def test_edit_theme_principles_and_ongoing_commitments(s):
    theme = s["themes"][0]
    bewerken.edit_theme(
        s, theme["number"], theme["number"], theme["title"], "Eerste richting\n\n Tweede ", "Lopend een"
    )
    assert theme["richtingen"] == ["Eerste richting", "Tweede"] and theme["lopende_afspraken"] == ["Lopend een"]
    bewerken.edit_theme(s, theme["number"], theme["number"], theme["title"])  # not given: kept
    assert theme["richtingen"] == ["Eerste richting", "Tweede"]


def test_edit_indicators(s):
    number = s["themes"][0]["agreements"][0]["number"]
    year = s["first_year"]
    bewerken.edit_indicators(
        s, number, f"Aantal woningen | {year} | gemeente\nTevredenheid | {year}-{s['last_year']} |"
    )
    indicators = s["themes"][0]["agreements"][0]["indicators"]
    assert [(i["description"], i["years"]) for i in indicators][0] == ("Aantal woningen", str(year))
    assert indicators[0]["actiehouders"] == [p["name"] for p in s["parties"] if p["kind"] == "gemeente"]
    with pytest.raises(bewerken.BewerkingFout, match="buiten de looptijd"):
        bewerken.edit_indicators(s, number, f"Iets | {year + 40} | gemeente")
    with pytest.raises(bewerken.BewerkingFout, match="omschrijving \\| jaren"):
        bewerken.edit_indicators(s, number, "zonder jaren")
    assert len(s["themes"][0]["agreements"][0]["indicators"]) == 2  # a refused edit changes nothing


def test_the_importer_says_what_it_is_unsure_of_with_the_sentence():
    document = (
        "Prestatieafspraken 2026 gemeente Proefdorp, woonstichting Voorbeeld\n\nAFSPRAKEN\n"
        "1. Er komen 12 woningen bij aan de Dorpsstraat.\n"
        "2. De gemeente organiseert in 2026 minimaal 3 bijeenkomsten.\n"
    )
    s = proposal.propose("proef.txt", document.encode()).set
    unsure = s["extra"]["onzeker"]
    assert set(unsure) == {"1"}
    what = [u["wat"] for u in unsure["1"]]
    assert any("Geen partij genoemd" in w for w in what) and any(w.startswith("12 woningen") for w in what)
    assert all(u["zin"].startswith("Er komen 12 woningen") for u in unsure["1"])
