"""Which way of finding similar agreements works best on real Dutch agreement texts: precision@5 on
a judged set (beoordeeld/judged.json), for the method Driehoek uses and the alternatives weighed in
docs/adr/0110. Used by `manage.py similarity_eval` (make similarity-eval) and by a test that fails
when the chosen method falls behind an alternative by more than the noise.

The documents are the two Aa en Hunze seeds and the importer's corpus of fictional municipalities;
the judgements name corpus agreements by template family (beoordeeld/families.json)."""

import json
import random
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from django.conf import settings

from .index import Index

HERE = Path(__file__).parent / "beoordeeld"
SEEDS = {"p": "prestatieafspraken-2022.json", "k": "kaderafspraken-2026-2031.json"}
K = 5
# The judgements were written over these corpus documents; later ones are unjudged and stay out.
JUDGED_CORPUS = range(1, 19)
FTS5_WORDS = "unicode61 remove_diacritics 2"  # words without accents, as register/search.py reads them


def documents() -> dict[str, str]:
    """{id: text} for every agreement of the seeds (p12, k4) and the corpus (c07:3.2, c03:#5)."""
    docs = {}
    for prefix, name in SEEDS.items():
        data = json.loads((settings.BASE_DIR / "data" / "aa-en-hunze" / name).read_text())
        for theme in data["sets"][0]["themes"]:
            for a in theme["agreements"]:
                docs[f"{prefix}{a['number']}"] = a["text"]
    corpus = settings.SRC_DIR / "importer" / "tests" / "corpus"
    for path in sorted(corpus.glob("corpus-*.json")):
        n = re.search(r"(\d+)", path.stem).group(1)
        if int(n) not in JUDGED_CORPUS:
            continue
        for i, a in enumerate(json.loads(path.read_text())["agreements"], 1):
            docs[f"c{n}:{a['number'] or f'#{i}'}"] = a["text"]
    return docs


def judged(docs: dict[str, str]) -> tuple[list[tuple[str, set[str]]], list[tuple[str, set[str]]]]:
    """(queries, pairs) with the judged relevant ids spelled out."""
    families = json.loads((HERE / "families.json").read_text())
    data = json.loads((HERE / "judged.json").read_text())

    def relevant(item) -> set[str]:
        ids = set(item["seeds"])
        for family in item["families"]:
            ids |= {i for i, text in docs.items() if i.startswith("c") and any(p in text for p in families[family])}
        return ids

    queries = [(q["q"], relevant(q)) for q in data["queries"]]
    pairs = [(p["source"], relevant(p) - {p["source"]}) for p in data["pairs"]]
    return queries, pairs


# --- The methods: each takes the documents and returns a function (text, exclude) -> ranked ids ------

Ranker = Callable[[str, str | None], list[str]]


def char_tfidf(docs: dict[str, str]) -> Ranker:
    ids = list(docs)
    index = Index.build([(i, 0, docs[key]) for i, key in enumerate(ids)])

    def rank(text, exclude):
        skip = ids.index(exclude) if exclude else None
        return [ids[i] for i, _s in index.ranked(index.vector(text), sets=None, limit=K, exclude=skip)]

    return rank


def _matrix_ranker(ids, matrix, transform) -> Ranker:
    def rank(text, exclude):
        scores = (matrix @ transform(text).T).toarray().ravel()
        order = [ids[i] for i in np.argsort(-scores, kind="stable") if scores[i] > 0]
        return [i for i in order if i != exclude][:K]

    return rank


def word_tfidf(docs: dict[str, str]) -> Ranker:
    vectorizer = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode")
    matrix = vectorizer.fit_transform(docs.values())
    return _matrix_ranker(list(docs), matrix, lambda t: vectorizer.transform([t]))


def bm25_dutch_stemmed(docs: dict[str, str], k1: float = 1.5, b: float = 0.75) -> Ranker:
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("dutch")
    words = re.compile(r"\w+")

    def analyse(text):
        return stemmer.stemWords(words.findall(text.lower()))

    counts = CountVectorizer(analyzer=analyse)
    tf = counts.fit_transform(docs.values()).tocsr().astype(np.float64)
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    lengths = np.asarray(tf.sum(axis=1)).ravel()
    norm = k1 * (1 - b + b * lengths / lengths.mean())
    rows = np.repeat(np.arange(n), np.diff(tf.indptr))
    tf.data = tf.data * (k1 + 1) / (tf.data + norm[rows]) * idf[tf.indices]
    return _matrix_ranker(list(docs), tf, lambda t: (counts.transform([t]) > 0).astype(np.float64))


def sqlite_fts5(docs: dict[str, str]) -> Ranker:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE a USING fts5(id UNINDEXED, tekst, tokenize='{FTS5_WORDS}')")
    db.executemany("INSERT INTO a VALUES (?, ?)", docs.items())
    words = re.compile(r"\w+")

    def rank(text, exclude):
        terms = sorted({w.lower() for w in words.findall(text)})[:200]
        if not terms:
            return []
        query = " OR ".join(f'"{w}"' for w in terms)
        rows = db.execute("SELECT id FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT ?", (query, K + 1)).fetchall()
        return [r[0] for r in rows if r[0] != exclude][:K]

    return rank


METHODS = {
    "char n-gram TF-IDF (3-5, gebruikt)": char_tfidf,
    "woord TF-IDF (1-2)": word_tfidf,
    "BM25, Nederlandse stam (snowball)": bm25_dutch_stemmed,
    "SQLite FTS5 (bm25, OR)": sqlite_fts5,
}


@dataclass
class Uitslag:
    method: str
    queries: float
    pairs: float
    both: float
    noise: float  # half width of a 95% bootstrap interval on `both`


def precision_at_k(rank: Ranker, items, docs, *, pairs: bool) -> list[float]:
    scores = []
    for key, relevant in items:
        text = docs[key] if pairs else key
        found = rank(text, key if pairs else None)
        scores.append(sum(1 for i in found if i in relevant) / K)
    return scores


def bootstrap(values: list[float], rounds: int = 2000, seed: int = 2026) -> float:
    rng = random.Random(seed)
    means = sorted(sum(rng.choices(values, k=len(values))) / len(values) for _ in range(rounds))
    return (means[int(rounds * 0.975)] - means[int(rounds * 0.025)]) / 2


def evaluate(methods=None) -> list[Uitslag]:
    docs = documents()
    queries, pairs = judged(docs)
    results = []
    for name, build in (methods or METHODS).items():
        rank = build(docs)
        q = precision_at_k(rank, queries, docs, pairs=False)
        p = precision_at_k(rank, pairs, docs, pairs=True)
        results.append(Uitslag(name, float(np.mean(q)), float(np.mean(p)), float(np.mean(q + p)), bootstrap(q + p)))
    return results
