"""Made-up municipalities in layouts the seeds do not have (tests/documenten/README.md), as text
files and as real PDFs."""

import pytest

from driehoek.importer import proposal
from driehoek.register.opendata import check

from .helpers import pdf, text


def read(name: str, as_pdf: bool) -> dict:
    content = pdf(name) if as_pdf else text(name)
    result = proposal.propose(f"{name}.{'pdf' if as_pdf else 'txt'}", content)
    check(result.data)
    return result.set


def outline(s: dict) -> dict:
    return {t["title"]: [a["number"] for a in t["agreements"]] for t in s["themes"]}


def agreement(s: dict, number: str) -> dict:
    return next(a for t in s["themes"] for a in t["agreements"] if a["number"] == number)


@pytest.mark.parametrize("as_pdf", [False, True], ids=["tekst", "pdf"])
def test_afspraak_numbering_restarting_per_theme(as_pdf):
    s = read("zilverveen", as_pdf)
    assert outline(s) == {
        "Betaalbaarheid": ["1.1", "1.2", "1.3"],
        "Beschikbaarheid": ["2.1", "2.2", "2.3"],
        "Duurzaamheid": ["3.1", "3.2"],
    }
    assert [p["name"] for p in s["parties"]] == [
        "Gemeente Zilverveen",
        "Stichting Woonbelang",
        "Huurdersraad Zilverveen",
    ]
    assert [p["kind"] for p in s["parties"]] == ["gemeente", "corporatie", "huurdersorganisatie"]
    assert (s["kind"], s["first_year"], s["last_year"]) == ("prestatieafspraken", 2027, 2030)
    assert agreement(s, "1.1")["title"] == "Gematigde huurverhoging"
    assert agreement(s, "1.1")["responsible"] == ["Stichting Woonbelang"]  # the tenants are only asked for advice
    assert set(agreement(s, "2.2")["responsible"]) == {p["name"] for p in s["parties"]}  # "We onderzoeken"
    nieuwbouw = agreement(s, "2.1")["targets"][0]
    assert (nieuwbouw["value"], nieuwbouw["value_max"], nieuwbouw["comparator"], nieuwbouw["year"]) == (
        150,
        180,
        "tussen",
        2030,
    )
    assert s["themes"][0]["lopende_afspraken"][1] == "Stichting Woonbelang biedt een betalingsregeling aan."
    assert s["themes"][0]["richtingen_label"] == "Uitgangspunten"


@pytest.mark.parametrize("as_pdf", [False, True], ids=["tekst", "pdf"])
def test_bullets_under_an_agreements_heading_and_a_signing_list(as_pdf):
    s = read("kranenmeer", as_pdf)
    assert outline(s) == {"Beschikbaarheid": ["2.1", "2.2", "2.3"], "Leefbaarheid": ["3.1", "3.2", "3.3"]}
    assert [(x["party"], x["person"]) for x in s["signatories"]] == [
        ("Gemeente Kranenmeer", "A.B. de Wit"),
        ("Woonstichting Lindehof", "C. Vermeer"),
        ("Huurdersvereniging Het Baken", "D. Kok"),
    ]
    assert s["source_document"]["date"] == "2027-11-14"
    assert agreement(s, "2.3")["responsible"] == ["Huurdersvereniging Het Baken"]
    assert agreement(s, "3.2")["kind"] == "gezamenlijk"
    budget = agreement(s, "3.3")["targets"][0]
    assert (budget["value"], budget["unit"], budget["comparator"]) == (50000, "euro", "ten_minste")


@pytest.mark.parametrize("as_pdf", [False, True], ids=["tekst", "pdf"])
def test_a_table_of_agreements_with_page_furniture(as_pdf):
    s = read("heidebroek", as_pdf)
    assert outline(s) == {
        "Beschikbaarheid": ["1", "2", "3"],
        "Betaalbaarheid": ["4", "5"],
        "Kwaliteit en duurzaamheid": ["6", "7"],
    }
    assert agreement(s, "2")["responsible"] == ["Gemeente Heidebroek"]
    assert agreement(s, "6")["responsible"] == ["Veldzicht"]
    assert agreement(s, "3")["targets"][0]["comparator"] == "ten_hoogste"
    assert [i["description"] for i in agreement(s, "6")["indicators"]] == ["aantal verbeterde woningen"]
    assert agreement(s, "6")["indicators"][0]["actiehouders"] == ["Veldzicht"]
    assert agreement(s, "3")["text"] == "Veldzicht verkoopt maximaal 5 woningen per jaar. Veldzicht 2029"
    assert "Foto" not in agreement(s, "4")["text"]


@pytest.mark.parametrize("as_pdf", [False, True], ids=["tekst", "pdf"])
def test_numbering_restarting_at_one_with_party_sections(as_pdf):
    s = read("ooievaarsdal", as_pdf)
    assert outline(s) == {
        "Betaalbaarheid": ["1.1", "1.2"],
        "Beschikbaarheid": ["2.1"],
        "Leefbaarheid": ["3.1", "3.2", "3.3"],
    }
    assert [p["name"] for p in s["parties"]] == [
        "Gemeente Ooievaarsdal",
        "Woonstichting Ooievaar",
        "Huurdersbelangenvereniging De Nesten",
    ]
    assert agreement(s, "1.1")["responsible"] == ["Woonstichting Ooievaar"]
    assert agreement(s, "3.2")["responsible"][0] == "Huurdersbelangenvereniging De Nesten"
    assert (agreement(s, "3.3")["section"], agreement(s, "3.3")["kind"]) == ("Doorkijk naar 2031", "doorkijk")
    assert "woningbouwprogramma" in agreement(s, "2.1")["text"]
    assert "beschikbaar voor bewonersinitiatieven" in agreement(s, "3.1")["text"]  # the footnote marker is gone
    target = agreement(s, "2.1")["targets"][0]
    assert (target["value"], target["comparator"], target["year"]) == (60, "ten_minste", 2034)


@pytest.mark.parametrize("as_pdf", [False, True], ids=["tekst", "pdf"])
def test_a_pipe_table_under_theme_words_and_group_word_sections(as_pdf):
    s = read("lindewaard", as_pdf)
    assert (s["kind"], s["first_year"]) == ("jaarprogramma", 2031)
    assert outline(s) == {"Betaalbaarheid": ["1", "2", "3"], "Beschikbaarheid": ["4"]}
    assert [a["section"] for a in s["themes"][0]["agreements"]] == [
        "Corporaties",
        "Corporaties",
        "Gemeente en huurdersraad",
    ]
    assert agreement(s, "3")["responsible"] == ["Gemeente Lindewaard", "Huurdersraad Lindewaard"]
    # The table's other cells: "Wanneer" kept as a labelled line, "Wie" read as the responsible parties.
    assert agreement(s, "1")["text"].endswith("onder de eerste aftoppingsgrens.\nWanneer: 2031") or agreement(s, "1")[
        "text"
    ].endswith("onder de eerste aftoppingsgrens. Wanneer: 2031")
    assert agreement(s, "1")["responsible"] == ["Woonzorg Lindewaard-Oost"]
    assert len(agreement(s, "4")["responsible"]) == len(s["parties"])  # "allen"
    assert agreement(s, "4")["targets"][0]["comparator"] == "circa"
