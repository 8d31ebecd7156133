"""The chosen method is measured against the alternatives on the judged set, and must stay ahead of
each by at least the noise (docs/adr/0110). The judged set covers 40 queries and 40 pairs."""

from driehoek.vergelijken import evaluation


def test_the_judged_set_is_complete_and_every_judgement_names_agreements():
    docs = evaluation.documents()
    queries, pairs = evaluation.judged(docs)
    assert len(queries) >= 40 and len(pairs) >= 40
    assert len(docs) > 400  # both seeds and the importer corpus
    for key, relevant in queries + pairs:
        assert len(relevant) >= 2, key
        assert relevant <= set(docs), relevant - set(docs)


def test_char_ngrams_beat_every_alternative_by_more_than_the_noise():
    results = {u.method: u for u in evaluation.evaluate()}
    chosen = results.pop("char n-gram TF-IDF (3-5, gebruikt)")
    assert chosen.both >= 0.75
    for other in results.values():
        assert chosen.both - other.both > max(chosen.noise, other.noise), (other.method, other.both, chosen.both)
