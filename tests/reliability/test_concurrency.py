"""Concurrency: reader threads query the store (as the UI's sessions do) while an ingest writes to
it. No reader may fail, and every read sees each document whole: either absent or with exactly
the triples it ends up with (documents are written once here, so any other count is a torn read)."""
from __future__ import annotations

import threading
import time

import pytest

from kadrey_kg.ontology import KKGDOC

from .hostile import SYNTH

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.mark.slow
def test_readers_during_ingest_see_whole_documents(tmp_path, shared_dir):
    pytest.importorskip("kadrey_kg.loaders.ingest")
    from kadrey_kg.graph import open_store
    from kadrey_kg.loaders.ingest import ingest
    from kadrey_kg.loaders.pipeline import Pipeline

    try:
        pipeline = Pipeline()
    except ImportError as err:
        pytest.skip(f"the full pipeline is not assembled yet: {err}")
    corpus = tmp_path / "corpus"
    SYNTH.generate(14, corpus, seed=5)
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt") + sorted((shared_dir / "seeds").glob("*.txt"))
    store = open_store(str(tmp_path / "store"))
    seen_docs: list[tuple[str, int]] = []        # (doc IRI, triples) from documents()
    seen_graphs: list[tuple[str, int]] = []      # (graph, triples) from one console query
    errors: list[str] = []
    reads = {"n": 0}
    stop = threading.Event()

    def reader(k: int):
        names = ["meta", "llama", "zuckerberg", "kadrey", "chhabria", "aws", "o'brien \"x\" \\"]
        i = 0
        while not stop.is_set():
            i += 1
            try:
                for d in store.documents():
                    seen_docs.append((d.iri, d.triples))
                res = store.read_query(PER_GRAPH, limit=10_000)
                seen_graphs.extend((g, int(n)) for g, n in res.rows if str(g).startswith(str(KKGDOC)))
                hits = store.search(names[(i + k) % len(names)])
                for h in hits[:2]:
                    store.entity(h.iri)
                    store.neighbourhood(h.iri, hops=2)
                store.stats()
                reads["n"] += 1
            except Exception as err:  # any exception is a finding: record it with its type
                errors.append(f"{type(err).__name__}: {err}")
                time.sleep(0.05)

    threads = [threading.Thread(target=reader, args=(k,), daemon=True) for k in range(3)]
    for t in threads:
        t.start()
    results = list(ingest(files, store, pipeline=pipeline))
    time.sleep(0.3)
    stop.set()
    for t in threads:
        t.join(60)
    final_docs = {d.iri: d.triples for d in store.documents()}
    final_graphs = {g: int(n) for g, n in store.read_query(PER_GRAPH, limit=10_000).rows}
    store.close()

    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert not errors, f"{len(errors)} reader errors, first: {errors[:3]}"
    assert reads["n"] >= 3, "the readers barely ran"
    torn = [(iri, n, final_docs.get(iri)) for iri, n in seen_docs if final_docs.get(iri) != n]
    assert not torn, f"documents() saw partial documents: {torn[:5]}"
    torn = [(g, n, final_graphs.get(g)) for g, n in seen_graphs if final_graphs.get(g) != n]
    assert not torn, f"a query saw partial graphs: {torn[:5]}"
