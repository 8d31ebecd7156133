"""The character n-gram index: compounds match their parts, a stored index answers as the built one,
and a query only reads its own n-grams' columns."""

import numpy as np

from driehoek.vergelijken.index import Index

ROWS = [
    (1, 10, "De corporaties passen de urgentieregeling aan zodat spoedzoekers sneller een woning vinden."),
    (2, 10, "Het aantal urgenten dat een woning krijgt, is ten hoogste 20 procent van de toewijzingen."),
    (3, 20, "De gemeente plaatst zonnepanelen op gemeentelijk vastgoed."),
    (4, 20, "Senioren die doorstromen naar een kleinere woning krijgen een verhuisvergoeding."),
    (5, 30, "Flexwonen: tijdelijke woningen voor spoedzoekers en statushouders."),
]


def test_a_compound_finds_its_parts():
    index = Index.build(ROWS)
    ranked = index.ranked(index.vector("urgentie"), sets=None, limit=3)
    assert [pk for pk, _score in ranked][:2] == [1, 2]
    flex = index.ranked(index.vector("flexwoningen voor spoedzoekers"), sets=None, limit=1)
    assert flex[0][0] == 5


def test_rows_outside_the_allowed_sets_and_the_agreement_itself_never_come_back():
    index = Index.build(ROWS)
    ranked = index.ranked(index.vector("woning spoedzoekers"), sets=[20, 30], limit=10, exclude=5)
    assert {pk for pk, _s in ranked} <= {3, 4}
    assert 5 not in {pk for pk, _s in ranked}


def test_the_stored_index_answers_as_the_built_one_without_pickle():
    index = Index.build(ROWS)
    payload = index.dumps()
    assert b"pickle" not in payload
    loaded = Index.loads(payload)
    query = "doorstroming van senioren naar kleinere woningen"
    assert loaded.ranked(loaded.vector(query), sets=None, limit=5) == index.ranked(
        index.vector(query), sets=None, limit=5
    )
    assert np.array_equal(loaded.sets, index.sets)


def test_scores_are_cosines_through_the_inverted_index():
    index = Index.build(ROWS)
    query = index.vector(ROWS[3][2])
    dense = (index.matrix @ query.T).toarray().ravel()
    assert np.allclose(index.scores(query), dense, atol=1e-6)
    assert abs(index.scores(query)[3] - 1.0) < 1e-5  # a text is its own best match


def test_an_empty_database_gives_an_empty_index():
    index = Index.build([])
    assert len(index) == 0 and index.ranked(index.vector("woning"), sets=None, limit=5) == []
    assert len(Index.loads(index.dumps())) == 0
