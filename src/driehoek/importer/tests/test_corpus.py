"""The corpus written apart from the importer (tests/corpus/README.md): the importer's figures on it,
tuning and held-out apart, may not fall below what issue 17 asks (held out: agreements 90%, responsible
parties 85%, parties with their kind 90%). And two of its shapes as rules of their own."""

from driehoek.importer import corpus_eval, proposal


def _totals():
    totals = {False: corpus_eval.Figures(), True: corpus_eval.Figures()}
    for _number, held, figures, _seconds in corpus_eval.run(lambda name, c: proposal.propose(name, c).set):
        totals[held].add(figures)
    return totals


def test_the_corpus_figures_meet_the_aims():
    totals = _totals()
    for held in (False, True):
        f = totals[held]
        assert f.recall >= 0.90 and f.precision >= 0.90, f.row()
        assert f.party_accuracy >= 0.85, f.row()
        assert f.parties_with_kind >= 0.90, f.row()
    assert totals[True].agreements_true >= 60  # the held-out set is read, not empty


def test_the_split_is_every_third_document_less_the_moved_ones():
    held = [n for n, _p in corpus_eval.documents() if corpus_eval.held_out(n)]
    assert held == [n for n in range(3, 19, 3) if n not in corpus_eval.MOVED_TO_TUNING]


def test_a_table_of_contents_is_skipped_and_lettered_themes_are_themes():
    document = (
        "Prestatieafspraken 2026 gemeente Proefdorp\n\nInhoud\nInleiding ........................ 2\n"
        "A Een thuis voor iedereen ........ 3\nB Betaalbaar wonen ............. 4\n\f"
        "Thema A – Een thuis voor iedereen\nAfspraak A1: De gemeente bouwt 10 woningen.\n"
        "Afspraak A2: De gemeente bouwt 20 woningen.\n\n"
        "Thema B – Betaalbaar wonen\nAfspraak B1: De gemeente houdt de huren laag.\n"
    )
    result = proposal.propose("proef.txt", document.encode())
    themes = [(t["number"], t["title"], [a["number"] for a in t["agreements"]]) for t in result.set["themes"]]
    assert themes == [("A", "Een thuis voor iedereen", ["A1", "A2"]), ("B", "Betaalbaar wonen", ["B1"])]
    assert any("inhoudsopgave" in note for note in result.notes)


def test_more_counted_units():
    from driehoek.importer import targets

    found = targets.find(
        "We betrekken ten minste 30 huurders. Binnen 15 dagen volgt een gesprek. "
        "De gemeente financiert 25 bemiddelingstrajecten en houdt 6 spreekuren per jaar."
    )
    assert [(t["value"], t["unit"]) for t in found] == [
        (30, "huurders"),
        (15, "dagen"),
        (25, "bemiddelingstrajecten"),
        (6, "spreekuren"),
    ]
