"""Measure candidate embedded stores on the same synthetic data: why graph/embedded.py uses Oxigraph.

    python bench/store_choice.py --triples 200000

Compares pyoxigraph.Store (on disk), rdflib Dataset on the Oxigraph store (oxrdflib, on disk) and
plain rdflib Dataset (in memory, persisted as N-Quads): load triples/s, a point lookup (entity by
IRI, all graphs) and a label scan, on one named graph per 50 triples as documents are.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDFS

EX = Namespace("https://example.org/")


def quads(n: int):
    for i in range(n):
        g = EX[f"doc/{i // 50}"]
        s = EX[f"e/{i % 5000}"]
        if i % 3 == 0:
            yield s, RDFS.label, Literal(f"Entity {i % 5000}", lang="fr" if i % 2 else "en"), g
        else:
            yield s, EX[f"p{i % 7}"], EX[f"e/{(i * 7919) % 5000}"], g


def timed(fn, repeat=50):
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def bench_oxigraph(n, folder):
    store = ox.Store(str(folder / "ox"))
    t = time.perf_counter()
    store.extend(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)),
                         ox.Literal(str(o), language=o.language) if isinstance(o, Literal) else ox.NamedNode(str(o)),
                         ox.NamedNode(str(g))) for s, p, o, g in quads(n))
    load = time.perf_counter() - t
    q = "SELECT ?p ?o WHERE { GRAPH ?g { <https://example.org/e/42> ?p ?o } }"
    lookup = timed(lambda: list(store.query(q)))
    scan = timed(lambda: list(store.query(f"SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s <{RDFS.label}> ?l }} }}")), 5)
    return load, lookup, scan


def bench_rdflib(n, folder, store_name):
    ds = Dataset(store=store_name)
    if store_name != "default":
        ds.open(str(folder / store_name), create=True)
    t = time.perf_counter()
    for s, p, o, g in quads(n):
        ds.add((s, p, o, g))
    if store_name == "default":
        ds.serialize(folder / "mem.nq", format="nquads")
    load = time.perf_counter() - t
    q = "SELECT ?p ?o WHERE { GRAPH ?g { <https://example.org/e/42> ?p ?o } }"
    lookup = timed(lambda: list(ds.query(q)), 10)
    scan = timed(lambda: list(ds.query(f"SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s <{RDFS.label}> ?l }} }}")), 2)
    return load, lookup, scan


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--triples", type=int, default=100_000)
    a = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        rows = [("pyoxigraph.Store (disk)", bench_oxigraph(a.triples, folder))]
        rows.append(("rdflib + oxrdflib (disk)", bench_rdflib(a.triples, folder, "Oxigraph")))
        rows.append(("rdflib memory (+ N-Quads file)", bench_rdflib(a.triples, folder, "default")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"| store ({a.triples} triples) | load triples/s | point lookup p50 ms | label scan p50 ms |")
    print("|---|---|---|---|")
    for name, (load, lookup, scan) in rows:
        print(f"| {name} | {a.triples / load:,.0f} | {lookup:.2f} | {scan:.1f} |")


if __name__ == "__main__":
    main()
