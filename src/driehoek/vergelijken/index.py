"""The similarity index: character n-gram TF-IDF over every agreement's text (docs/adr/0110).

Dutch agreement texts are full of compounds ("urgentieregeling", "flexwonen",
"levensloopbestendig"); n-grams of 3 to 5 characters within words match their parts where whole
words do not. Every row is L2-normalised, so a dot product is the cosine. The matrix is kept
column-wise (CSC): a query only touches the columns of its own n-grams, which is an inverted index.

The index holds every agreement in the database; who may see which result is decided when a query
is answered (`queries.py`), never by what was indexed.
"""

import io
import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

NGRAMS = (3, 5)
# An n-gram in more than a fifth of the agreements ("de ", "en ", "woning") says little and costs the
# most: a query reads every posting of its n-grams. 0.5 gave p95 66-100 ms at national scale, 0.2 gives
# 26-32 ms at the same precision@5 within the noise (0.828 against 0.838; docs/adr/0110).
MAX_DF = 0.2


def make_vectorizer(**kwargs) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=NGRAMS,
        lowercase=True,
        strip_accents="unicode",
        sublinear_tf=True,
        dtype=np.float32,
        **kwargs,
    )


def document(titel: str, tekst: str) -> str:
    return f"{titel}\n{tekst}" if titel else tekst


@dataclass
class Index:
    ids: np.ndarray  # Afspraak primary keys, one per row
    sets: np.ndarray  # the Afsprakenset of each row, to answer "which of these may this user see"
    matrix: sparse.csc_matrix  # rows: agreements, columns: n-grams
    vectorizer: TfidfVectorizer
    build_seconds: float = 0.0

    @classmethod
    def build(cls, rows: list[tuple[int, int, str]]) -> "Index":
        """rows: (afspraak id, afsprakenset id, document text)."""
        started = time.perf_counter()
        ids = np.array([row[0] for row in rows], dtype=np.int64)
        sets = np.array([row[1] for row in rows], dtype=np.int64)
        texts = [row[2] for row in rows]
        vectorizer = make_vectorizer(max_df=MAX_DF if len(texts) >= 20 else 1.0)
        matrix = vectorizer.fit_transform(texts).tocsc() if texts else sparse.csc_matrix((0, 0), dtype=np.float32)
        return cls(ids, sets, matrix, vectorizer, time.perf_counter() - started)

    def __len__(self) -> int:
        return len(self.ids)

    def vector(self, text: str) -> sparse.csr_matrix:
        if not len(self):
            return sparse.csr_matrix((1, 0), dtype=np.float32)
        return self.vectorizer.transform([text])

    def row_of(self, pk: int) -> int | None:
        found = np.nonzero(self.ids == pk)[0]
        return int(found[0]) if len(found) else None

    def scores(self, query: sparse.csr_matrix) -> np.ndarray:
        """Cosine of the query with every row, through the query's own columns only."""
        query = query.tocsr()
        if not query.nnz:
            return np.zeros(len(self), dtype=np.float32)
        # Only the query's own columns are read (scipy slices the column-wise matrix in C).
        columns = self.matrix[:, query.indices]
        return np.asarray(columns @ query.data, dtype=np.float32).ravel()

    def ranked(
        self, query: sparse.csr_matrix, *, sets: list[int] | None, limit: int, exclude: int | None = None
    ) -> list[tuple[int, float]]:
        """[(afspraak id, score)] best first, in the given sets (None: all), score above zero."""
        scores = self.scores(query)
        if sets is not None:
            scores[~np.isin(self.sets, np.array(sets, dtype=np.int64))] = 0.0
        if exclude is not None:
            scores[self.ids == exclude] = 0.0
        candidates = np.nonzero(scores > 0)[0]
        if not len(candidates):
            return []
        if len(candidates) > limit:  # the best `limit` first found in linear time, then only those sorted
            candidates = candidates[np.argpartition(-scores[candidates], limit - 1)[:limit]]
        top = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top]

    # Stored as one .npz: the matrix, the ids, and the vocabulary with its idf weights. No pickle:
    # a file on shared storage is read by every web process and must not be able to run code.
    def dumps(self) -> bytes:
        buffer = io.BytesIO()
        vocabulary = self.vectorizer.vocabulary_ if len(self) else {}
        terms = np.array(sorted(vocabulary, key=vocabulary.get), dtype=object)
        idf = self.vectorizer.idf_.astype(np.float32) if len(self) else np.zeros(0, dtype=np.float32)
        matrix = self.matrix.tocsc()
        np.savez_compressed(
            buffer,
            ids=self.ids,
            sets=self.sets,
            data=matrix.data,
            indices=matrix.indices,
            indptr=matrix.indptr,
            shape=np.array(matrix.shape),
            terms=np.array(terms.tolist(), dtype=np.str_),
            idf=idf,
            build_seconds=np.array([self.build_seconds]),
        )
        return buffer.getvalue()

    @classmethod
    def loads(cls, payload: bytes) -> "Index":
        with np.load(io.BytesIO(payload), allow_pickle=False) as stored:
            terms = stored["terms"].tolist()
            vectorizer = make_vectorizer(vocabulary={term: i for i, term in enumerate(terms)})
            if terms:
                vectorizer.idf_ = stored["idf"]
            matrix = sparse.csc_matrix(
                (stored["data"], stored["indices"], stored["indptr"]), shape=tuple(stored["shape"])
            )
            return cls(stored["ids"], stored["sets"], matrix, vectorizer, float(stored["build_seconds"][0]))
